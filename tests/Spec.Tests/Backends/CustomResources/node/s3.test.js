'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { load, responseEndpoint, awsError, recordingApi, context, request } = require('./support');

const { createHandler, notificationId } = load('s3');

function fakeApis(calls, bucket) {
  return () => ({
    s3: recordingApi(calls, 's3', {
      GetBucketNotificationConfiguration: async () => {
        if (!bucket.exists) throw awsError('NoSuchBucket');
        return { ...structuredClone(bucket.configuration), $metadata: { httpStatusCode: 200 } };
      },
      PutBucketNotificationConfiguration: async (input) => {
        bucket.configuration = structuredClone(input.NotificationConfiguration);
        return {};
      },
    }),
    lambda: recordingApi(calls, 'lambda', {
      AddPermission: async () => {
        if (bucket.permission) throw awsError('ResourceConflictException');
        bucket.permission = true;
        return {};
      },
      RemovePermission: async () => {
        if (!bucket.permission) throw awsError('ResourceNotFoundException');
        bucket.permission = false;
        return {};
      },
    }),
  });
}

const properties = {
  FunctionName: 'svc-dev-first',
  BucketName: 'shared.bucket',
  BucketConfigs: [
    { Event: 's3:ObjectCreated:*', Rules: [] },
    { Event: 's3:ObjectRemoved:*', Rules: [{ Prefix: 'uploads/' }, { Suffix: '.jpg' }] },
  ],
};

const foreign = {
  Id: 'someone-else',
  LambdaFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:other',
  Events: ['s3:ObjectCreated:*'],
};
const similarName = {
  Id: 'svc-dev-first-extra-0123',
  LambdaFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:svc-dev-first-extra',
  Events: ['s3:ObjectCreated:*'],
};

test('Create adds the permission and merges the function configs into the existing configuration', async () => {
  const endpoint = await responseEndpoint();
  const calls = [];
  const bucket = {
    exists: true,
    configuration: { LambdaFunctionConfigurations: [foreign, similarName], TopicConfigurations: [{ Id: 't' }] },
  };
  try {
    await createHandler(fakeApis(calls, bucket))(request('Create', endpoint.url, properties), context);
    assert.deepEqual(calls[0], [
      'lambda.AddPermission',
      {
        FunctionName: 'svc-dev-first',
        StatementId: 'svc-dev-first-sharedbucket',
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
        SourceArn: 'arn:aws:s3:::shared.bucket',
        SourceAccount: '123456789012',
      },
    ]);
    assert.equal(bucket.configuration.$metadata, undefined);
    assert.deepEqual(bucket.configuration.TopicConfigurations, [{ Id: 't' }]);
    const lambdas = bucket.configuration.LambdaFunctionConfigurations;
    assert.deepEqual(lambdas.slice(0, 2), [foreign, similarName]);
    assert.deepEqual(lambdas[2], {
      Id: notificationId('svc-dev-first', properties.BucketConfigs[0]),
      LambdaFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:svc-dev-first',
      Events: ['s3:ObjectCreated:*'],
    });
    assert.deepEqual(lambdas[3].Filter, {
      Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }, { Name: 'suffix', Value: '.jpg' }] },
    });
    assert.equal(endpoint.responses.length, 1);
    const [response] = endpoint.responses;
    assert.equal(response.method, 'PUT');
    assert.equal(response.url, '/stack-response?signature=x');
    assert.equal(response.body.Status, 'SUCCESS');
    assert.equal(response.body.PhysicalResourceId, 'CustomResourceExistingS3');
    assert.equal(response.body.RequestId, 'req-1');
    assert.equal(response.body.LogicalResourceId, 'Resource1');
  } finally {
    await endpoint.close();
  }
});

test('Update replaces the function configs and keeps the others; a second run changes nothing', async () => {
  const endpoint = await responseEndpoint();
  const calls = [];
  const bucket = { exists: true, permission: true, configuration: { LambdaFunctionConfigurations: [foreign] } };
  const handler = createHandler(fakeApis(calls, bucket));
  try {
    await handler(request('Create', endpoint.url, properties), context);
    const updated = { ...properties, BucketConfigs: [{ Event: 's3:ObjectCreated:Put', Rules: [] }] };
    await handler(request('Update', endpoint.url, updated, properties), context);
    const once = structuredClone(bucket.configuration);
    await handler(request('Update', endpoint.url, updated, updated), context);
    assert.deepEqual(bucket.configuration, once);
    assert.deepEqual(
      once.LambdaFunctionConfigurations.map((c) => c.Events[0]),
      ['s3:ObjectCreated:*', 's3:ObjectCreated:Put']
    );
    assert.equal(once.LambdaFunctionConfigurations[0].Id, 'someone-else');
    assert.deepEqual(endpoint.responses.map((r) => r.body.Status), ['SUCCESS', 'SUCCESS', 'SUCCESS']);
  } finally {
    await endpoint.close();
  }
});

test('Delete removes the permission and only this function configs; a deleted bucket is no failure', async () => {
  const endpoint = await responseEndpoint();
  const calls = [];
  const bucket = { exists: true, configuration: { LambdaFunctionConfigurations: [foreign, similarName] } };
  const handler = createHandler(fakeApis(calls, bucket));
  try {
    await handler(request('Create', endpoint.url, properties), context);
    await handler(request('Delete', endpoint.url, properties), context);
    assert.deepEqual(bucket.configuration.LambdaFunctionConfigurations, [foreign, similarName]);
    assert.equal(bucket.permission, false);
    bucket.exists = false;
    await handler(request('Delete', endpoint.url, properties), context);
    assert.deepEqual(endpoint.responses.map((r) => r.body.Status), ['SUCCESS', 'SUCCESS', 'SUCCESS']);
  } finally {
    await endpoint.close();
  }
});

test('A failing API call is answered FAILED with its message and the log stream', async () => {
  const endpoint = await responseEndpoint();
  const bucket = { exists: true, configuration: {} };
  const apis = fakeApis([], bucket);
  try {
    const failing = () => ({
      ...apis(),
      s3: { GetBucketNotificationConfiguration: async () => Promise.reject(awsError('AccessDenied', 'Access Denied')) },
    });
    await createHandler(failing)(request('Create', endpoint.url, properties), context);
    const [response] = endpoint.responses;
    assert.equal(response.body.Status, 'FAILED');
    assert.match(response.body.Reason, /Access Denied/);
    assert.match(response.body.Reason, /abc/);
    assert.equal(response.body.PhysicalResourceId, 'CustomResourceExistingS3');
  } finally {
    await endpoint.close();
  }
});
