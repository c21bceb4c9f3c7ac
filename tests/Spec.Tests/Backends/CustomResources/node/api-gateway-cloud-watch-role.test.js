'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { load, responseEndpoint, awsError, recordingApi, context, request } = require('./support');

const { createHandler } = load('api-gateway-cloud-watch-role');

const pushPolicy = 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs';
const ownRole = 'arn:aws:iam::123456789012:role/serverlessApiGatewayCloudWatchRole';

function fakeApis(calls, state) {
  return () => ({
    apiGateway: recordingApi(calls, 'apiGateway', {
      GetAccount: async () => ({ cloudwatchRoleArn: state.accountRole }),
      UpdateAccount: async ({ patchOperations }) => {
        if (state.refusals > 0) {
          state.refusals -= 1;
          throw awsError('BadRequestException', 'The role ARN does not have required permissions');
        }
        state.accountRole = patchOperations[0].value;
        return {};
      },
    }),
    iam: recordingApi(calls, 'iam', {
      ListAttachedRolePolicies: async ({ RoleName }) => {
        if (!state.roles.has(RoleName)) throw awsError('NoSuchEntityException');
        return { AttachedPolicies: state.roles.get(RoleName).map((PolicyArn) => ({ PolicyArn })) };
      },
      CreateRole: async ({ RoleName }) => {
        state.roles.set(RoleName, []);
        return {};
      },
      AttachRolePolicy: async ({ RoleName, PolicyArn }) => {
        state.roles.get(RoleName).push(PolicyArn);
        return {};
      },
    }),
  });
}

const noWait = async () => {};

test('Create makes the own role with the push policy and sets it on the account, retrying while it propagates', async () => {
  const endpoint = await responseEndpoint();
  const calls = [];
  const state = { accountRole: undefined, roles: new Map(), refusals: 2 };
  try {
    await createHandler(fakeApis(calls, state), undefined, noWait)(request('Create', endpoint.url, {}), context);
    const body = endpoint.responses[0].body;
    assert.equal(body.Status, 'SUCCESS', body.Reason);
    assert.equal(body.PhysicalResourceId, 'CustomResourceApiGatewayAccountCloudWatchRole');
    assert.equal(state.accountRole, ownRole);
    assert.deepEqual(state.roles.get('serverlessApiGatewayCloudWatchRole'), [pushPolicy]);
    assert.equal(calls.filter(([name]) => name === 'apiGateway.UpdateAccount').length, 3);
  } finally {
    await endpoint.close();
  }
});

test('A given RoleArn is set without touching IAM; an account already on it is left alone; Delete keeps it', async () => {
  const endpoint = await responseEndpoint();
  const calls = [];
  const state = { accountRole: undefined, roles: new Map(), refusals: 0 };
  const handler = createHandler(fakeApis(calls, state), undefined, noWait);
  const given = 'arn:aws:iam::123456789012:role/custom-logs';
  try {
    await handler(request('Create', endpoint.url, { RoleArn: given }), context);
    await handler(request('Update', endpoint.url, { RoleArn: given }, { RoleArn: given }), context);
    await handler(request('Delete', endpoint.url, { RoleArn: given }), context);
    assert.deepEqual(endpoint.responses.map((r) => r.body.Status), ['SUCCESS', 'SUCCESS', 'SUCCESS']);
    assert.equal(state.accountRole, given);
    assert.equal(calls.filter(([name]) => name.startsWith('iam.')).length, 0);
    assert.equal(calls.filter(([name]) => name === 'apiGateway.UpdateAccount').length, 1);
  } finally {
    await endpoint.close();
  }
});

test('A refusal that outlasts the retries fails the resource with the reason', async () => {
  const endpoint = await responseEndpoint();
  const state = { accountRole: undefined, roles: new Map(), refusals: 100 };
  try {
    await createHandler(fakeApis([], state), undefined, noWait)(request('Create', endpoint.url, {}), context);
    const body = endpoint.responses[0].body;
    assert.equal(body.Status, 'FAILED');
    assert.match(body.Reason, /does not have required permissions/);
  } finally {
    await endpoint.close();
  }
});
