'use strict';

// The protocol every handler here follows: run the operation for the request type, then PUT the outcome to the
// pre-signed ResponseURL CloudFormation waits on. AWS access goes through `apis`, objects whose methods are named
// after API operations (`PutRule(input)`), so tests pass fakes and Lambda gets the SDK v3 clients of its runtime.

const http = require('http');
const https = require('https');

const MAX_REASON_LENGTH = 1000;

function environmentOf(context) {
  const match = /^arn:([^:]+):lambda:([^:]+):(\d+):function:/.exec(context.invokedFunctionArn || '');
  if (!match) {
    throw new Error(`cannot read partition, region and account from '${context.invokedFunctionArn}'`);
  }
  return { partition: match[1], region: match[2], accountId: match[3] };
}

function functionArn(env, functionName) {
  return `arn:${env.partition}:lambda:${env.region}:${env.accountId}:function:${functionName}`;
}

// Statement ids as the Framework's own custom resources write them, so a stack moved from the Framework to Spec
// removes the permissions its earlier deployments added.
function statementId(functionName, name) {
  return `${functionName}-${name}`.slice(0, 100);
}

function errorName(error) {
  return (error && (error.name || error.code)) || '';
}

// Deleting what is already gone, or adding what is already there, is success: CloudFormation retries and rolls back.
async function tolerating(names, operation) {
  try {
    return await operation();
  } catch (error) {
    if (names.includes(errorName(error))) {
      return undefined;
    }
    throw error;
  }
}

function putResponse(responseUrl, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(responseUrl);
    const transport = url.protocol === 'http:' ? http : https;
    const request = transport.request(
      url,
      { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode >= 200 && response.statusCode < 300
            ? resolve()
            : reject(new Error(`the response URL answered ${response.statusCode}`))
        );
      }
    );
    request.on('error', reject);
    request.end(body);
  });
}

function sdkApi(packageName, clientName, region, operations) {
  // eslint-disable-next-line global-require, import/no-dynamic-require
  const sdk = require(packageName);
  const client = new sdk[clientName]({ region, maxAttempts: 8 });
  const api = {};
  for (const operation of operations) {
    api[operation] = (input) => client.send(new sdk[`${operation}Command`](input));
  }
  return api;
}

// Builds a Lambda handler. `operations` maps Create/Update/Delete to async (properties, env, event, apis) => Data.
// `createApis(env)` returns the AWS APIs the operations use; `respond(url, body)` delivers the response.
function customResource(physicalResourceId, operations, createApis, respond = putResponse) {
  return async (event, context) => {
    let outcome;
    try {
      const operation = operations[event.RequestType];
      if (!operation) {
        throw new Error(`unknown request type '${event.RequestType}'`);
      }
      const env = environmentOf(context);
      const data = await operation(event.ResourceProperties || {}, env, event, createApis(env));
      outcome = { Status: 'SUCCESS', Data: data || {} };
    } catch (error) {
      console.error(error);
      const reason = `${(error && error.message) || error} (log stream ${context.logStreamName})`;
      outcome = { Status: 'FAILED', Reason: reason.slice(0, MAX_REASON_LENGTH), Data: {} };
    }
    const body = JSON.stringify({
      Status: outcome.Status,
      Reason: outcome.Reason,
      PhysicalResourceId: physicalResourceId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      Data: outcome.Data,
    });
    await respond(event.ResponseURL, body);
    return outcome;
  };
}

module.exports = {
  customResource,
  environmentOf,
  functionArn,
  statementId,
  tolerating,
  putResponse,
  sdkApi,
};
