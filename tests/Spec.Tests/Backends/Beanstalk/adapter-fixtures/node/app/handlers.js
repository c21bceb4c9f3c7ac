'use strict';
// Test handlers for the Node.js adapters (AdapterTests). Each behaves like a small Lambda function.
const fs = require('fs');
const path = require('path');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function record(context, key, event) {
  fs.writeFileSync(path.join(process.env.EVENT_LOG, `${context.functionName}-${key}.json`), JSON.stringify(event));
}

exports.echo = async (event, context) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'x-function': context.functionName },
  multiValueHeaders: { 'x-multi': ['a', 'b'] },
  body: JSON.stringify({ event, remaining: context.getRemainingTimeInMillis(), memory: context.memoryLimitInMB }),
});

exports.named = async (event, context) => ({ statusCode: 200, body: context.functionName });

exports.callback = (event, context, callback) => {
  setTimeout(() => callback(null, { statusCode: 201, body: 'created' }), 10);
};

exports.object = async () => ({ hello: 'world' });

exports.text = async () => 'hi';

exports.fail = async () => {
  throw new Error('boom');
};

exports.slow = async () => {
  await sleep(3000);
  return { statusCode: 200, body: 'late' };
};

exports.binary = async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/octet-stream' },
  body: Buffer.from([0, 1, 2, 255]).toString('base64'),
  isBase64Encoded: true,
});

exports.cookies = async () => ({ statusCode: 200, cookies: ['a=1', 'b=2'], body: 'ok' });

exports.malformed = async () => ({ body: 'no status' });

exports.consume = async (event, context) => {
  const record0 = event.Records[0];
  record(context, record0.messageId, event);
  if (record0.body === 'fail') throw new Error('cannot process');
  if (record0.body === 'partial') return { batchItemFailures: [{ itemIdentifier: record0.messageId }] };
  if (record0.body === 'slow') await sleep(3000);
  return {};
};

exports.nightly = async (event, context) => {
  record(context, 'schedule', event);
};
