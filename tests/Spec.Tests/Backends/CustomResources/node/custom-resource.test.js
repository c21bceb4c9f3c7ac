'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('http');
const path = require('path');
const { responseEndpoint, context, request } = require('./support');

const {
  customResource,
  environmentOf,
  putResponse,
  // eslint-disable-next-line import/no-dynamic-require
} = require(path.resolve(__dirname, '../../../../../src/Spec.Backends/CustomResources/handlers/lib/custom-resource.js'));

test('The environment comes from the invoked function ARN, in any partition', () => {
  assert.deepEqual(environmentOf({ invokedFunctionArn: 'arn:aws-cn:lambda:cn-north-1:111122223333:function:f:live' }), {
    partition: 'aws-cn',
    region: 'cn-north-1',
    accountId: '111122223333',
  });
  assert.throws(() => environmentOf({ invokedFunctionArn: 'nonsense' }), /cannot read partition/);
});

test('An unknown request type is answered FAILED and runs no operation', async () => {
  const endpoint = await responseEndpoint();
  let ran = false;
  const handler = customResource('Id', { Create: async () => { ran = true; } }, () => ({}));
  try {
    const outcome = await handler(request('Rollback', endpoint.url, {}), context);
    assert.equal(outcome.Status, 'FAILED');
    assert.equal(ran, false);
    assert.match(endpoint.responses[0].body.Reason, /unknown request type 'Rollback'/);
  } finally {
    await endpoint.close();
  }
});

test('Data an operation returns is sent back; the body carries the stack, request and logical ids', async () => {
  const endpoint = await responseEndpoint();
  const handler = customResource('Id', { Update: async (properties) => ({ Echo: properties.Value }) }, () => ({}));
  try {
    await handler(request('Update', endpoint.url, { Value: 'v' }, { Value: 'old' }), context);
    const { body } = endpoint.responses[0];
    assert.deepEqual(body, {
      Status: 'SUCCESS',
      PhysicalResourceId: 'Id',
      StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/svc-dev/1',
      RequestId: 'req-1',
      LogicalResourceId: 'Resource1',
      Data: { Echo: 'v' },
    });
  } finally {
    await endpoint.close();
  }
});

test('A response URL that refuses the response makes the handler fail, so Lambda logs and retries it', async () => {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(403);
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${server.address().port}/x`;
    await assert.rejects(putResponse(url, '{}'), /answered 403/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
