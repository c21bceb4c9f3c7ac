'use strict';

// Fakes for the handler tests: a response endpoint on the loopback address that records what CloudFormation would
// receive, and AWS APIs that record calls and answer from a scripted state.

const http = require('http');
const path = require('path');

const handlers = path.resolve(__dirname, '../../../../../src/Spec.Backends/CustomResources/handlers');

function load(name) {
  // eslint-disable-next-line global-require, import/no-dynamic-require
  return require(path.join(handlers, name, 'handler.js'));
}

async function responseEndpoint() {
  const responses = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      responses.push({ method: request.method, url: request.url, body: JSON.parse(body) });
      response.writeHead(200);
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/stack-response?signature=x`,
    responses,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function awsError(name, message = name) {
  const error = new Error(message);
  error.name = name;
  return error;
}

// An API whose operations are the given functions, recording every call as [operation, input].
function recordingApi(calls, service, operations) {
  const api = {};
  for (const [name, implementation] of Object.entries(operations)) {
    api[name] = async (input) => {
      calls.push([`${service}.${name}`, structuredClone(input)]);
      return implementation(input);
    };
  }
  return api;
}

const context = {
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:svc-dev-custom-resource',
  logStreamName: '2026/11/23/[$LATEST]abc',
};

function request(type, url, properties, oldProperties) {
  const event = {
    RequestType: type,
    ResponseURL: url,
    StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/svc-dev/1',
    RequestId: 'req-1',
    LogicalResourceId: 'Resource1',
    ResourceType: 'Custom::Test',
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:x', ...properties },
  };
  if (oldProperties) event.OldResourceProperties = oldProperties;
  return event;
}

module.exports = { load, responseEndpoint, awsError, recordingApi, context, request };
