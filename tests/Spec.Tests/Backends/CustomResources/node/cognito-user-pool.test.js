'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { load, responseEndpoint, awsError, recordingApi, context, request } = require('./support');

const { createHandler } = load('cognito-user-pool');

const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:svc-dev-first';
const otherArn = 'arn:aws:lambda:eu-west-1:123456789012:function:other';

function describedPool() {
  return {
    Id: 'eu-west-1_pool2',
    Name: 'Existing Pool',
    Arn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_pool2',
    Status: 'Enabled',
    CreationDate: new Date(0),
    LastModifiedDate: new Date(0),
    EstimatedNumberOfUsers: 3,
    SchemaAttributes: [{ Name: 'email' }],
    UsernameAttributes: ['email'],
    Domain: 'my-domain',
    Policies: { PasswordPolicy: { MinimumLength: 12 } },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 9 },
    AutoVerifiedAttributes: ['email'],
    MfaConfiguration: 'OFF',
    EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    UserPoolTags: { team: 'a' },
    LambdaConfig: { PreSignUp: otherArn, CustomMessage: otherArn },
  };
}

function fakeApis(calls, state) {
  return () => ({
    cognito: recordingApi(calls, 'cognito', {
      ListUserPools: async (input) =>
        input.NextToken
          ? { UserPools: state.pools.slice(1) }
          : { UserPools: state.pools.slice(0, 1), NextToken: state.pools.length > 1 ? 'page-2' : undefined },
      DescribeUserPool: async () => ({ UserPool: structuredClone(state.pool) }),
      UpdateUserPool: async (input) => {
        state.updates.push(input);
        state.pool.LambdaConfig = structuredClone(input.LambdaConfig);
        return {};
      },
    }),
    lambda: recordingApi(calls, 'lambda', {
      AddPermission: async () => {
        if (state.permission) throw awsError('ResourceConflictException');
        state.permission = true;
        return {};
      },
      RemovePermission: async () => {
        if (!state.permission) throw awsError('ResourceNotFoundException');
        state.permission = false;
        return {};
      },
    }),
  });
}

function newState() {
  return {
    pools: [
      { Id: 'eu-west-1_pool1', Name: 'Another' },
      { Id: 'eu-west-1_pool2', Name: 'Existing Pool' },
    ],
    pool: describedPool(),
    updates: [],
    permission: false,
  };
}

const properties = {
  FunctionName: 'svc-dev-first',
  UserPoolName: 'Existing Pool',
  UserPoolConfigs: [
    { Trigger: 'PostConfirmation' },
    { Trigger: 'CustomSMSSender', LambdaVersion: 'V1_0', KMSKeyID: 'arn:aws:kms:eu-west-1:123456789012:key/k1' },
  ],
};

test('Create finds the pool across pages, allows Cognito to invoke and sets the triggers keeping other settings', async () => {
  const endpoint = await responseEndpoint();
  const calls = [];
  const state = newState();
  try {
    await createHandler(fakeApis(calls, state))(request('Create', endpoint.url, properties), context);
    assert.equal(endpoint.responses[0].body.Status, 'SUCCESS', endpoint.responses[0].body.Reason);
    assert.equal(endpoint.responses[0].body.PhysicalResourceId, 'CustomResourceExistingCognitoUserPool');
    assert.deepEqual(
      calls.find(([name]) => name === 'lambda.AddPermission')[1],
      {
        FunctionName: 'svc-dev-first',
        StatementId: 'svc-dev-first-existingpool',
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_pool2',
      }
    );
    const [update] = state.updates;
    assert.equal(update.UserPoolId, 'eu-west-1_pool2');
    assert.deepEqual(update.LambdaConfig, {
      PreSignUp: otherArn,
      CustomMessage: otherArn,
      PostConfirmation: arn,
      CustomSMSSender: { LambdaArn: arn, LambdaVersion: 'V1_0' },
      KMSKeyID: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
    });
    // Settings survive; read-only attributes are not sent back.
    assert.deepEqual(update.Policies, { PasswordPolicy: { MinimumLength: 12, TemporaryPasswordValidityDays: 9 } });
    assert.deepEqual(update.AdminCreateUserConfig, { AllowAdminCreateUserOnly: true });
    assert.deepEqual(update.UserPoolTags, { team: 'a' });
    assert.deepEqual(update.AutoVerifiedAttributes, ['email']);
    for (const readOnly of ['Id', 'Name', 'Arn', 'Status', 'CreationDate', 'SchemaAttributes', 'UsernameAttributes', 'Domain']) {
      assert.equal(readOnly in update, false, readOnly);
    }
  } finally {
    await endpoint.close();
  }
});

test('Update replaces the function triggers, Delete removes them, the KMS key and the permission', async () => {
  const endpoint = await responseEndpoint();
  const calls = [];
  const state = newState();
  const handler = createHandler(fakeApis(calls, state));
  try {
    await handler(request('Create', endpoint.url, properties), context);
    const updated = { ...properties, UserPoolConfigs: [{ Trigger: 'PreAuthentication' }] };
    await handler(request('Update', endpoint.url, updated, properties), context);
    assert.deepEqual(state.pool.LambdaConfig, { PreSignUp: otherArn, CustomMessage: otherArn, PreAuthentication: arn });
    await handler(request('Delete', endpoint.url, updated), context);
    assert.deepEqual(state.pool.LambdaConfig, { PreSignUp: otherArn, CustomMessage: otherArn });
    assert.equal(state.permission, false);
    assert.deepEqual(endpoint.responses.map((r) => r.body.Status), ['SUCCESS', 'SUCCESS', 'SUCCESS']);
  } finally {
    await endpoint.close();
  }
});

test('Create fails with a clear reason when no pool has the name; Delete of it succeeds', async () => {
  const endpoint = await responseEndpoint();
  const state = newState();
  const handler = createHandler(fakeApis([], state));
  try {
    const missing = { ...properties, UserPoolName: 'Nope' };
    await handler(request('Create', endpoint.url, missing), context);
    await handler(request('Delete', endpoint.url, missing), context);
    assert.equal(endpoint.responses[0].body.Status, 'FAILED');
    assert.match(endpoint.responses[0].body.Reason, /no Cognito user pool is named 'Nope'/);
    assert.equal(endpoint.responses[1].body.Status, 'SUCCESS');
    assert.equal(state.updates.length, 0);
  } finally {
    await endpoint.close();
  }
});
