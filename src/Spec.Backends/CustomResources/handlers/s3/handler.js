'use strict';

// Custom::S3: subscribes a function to an existing bucket. The bucket's notification configuration is one document,
// so the function's entries are merged into it (others' entries, topics, queues and EventBridge are kept) and taken
// out again on delete. Entries are recognised by their Id: the function name, a dash and a hex digest.

const crypto = require('crypto');
const { customResource, functionArn, statementId, tolerating, sdkApi } = require('../lib/custom-resource');

const NOTIFICATION_KINDS = [
  'TopicConfigurations',
  'QueueConfigurations',
  'LambdaFunctionConfigurations',
  'EventBridgeConfiguration',
];

function notificationId(functionName, bucketConfig) {
  const digest = crypto.createHash('sha256').update(JSON.stringify(bucketConfig)).digest('hex');
  return `${functionName}-${digest.slice(0, 32)}`;
}

function ownedBy(functionName, id) {
  return (
    typeof id === 'string' &&
    id.startsWith(`${functionName}-`) &&
    /^[0-9a-f]{32}$/.test(id.slice(functionName.length + 1))
  );
}

function filterOf(rules) {
  if (!Array.isArray(rules) || rules.length === 0) return undefined;
  const FilterRules = rules.flatMap((rule) =>
    Object.entries(rule).map(([name, value]) => ({ Name: name.toLowerCase(), Value: value }))
  );
  return { Key: { FilterRules } };
}

function permissionStatement(functionName, bucketName) {
  return statementId(functionName, bucketName.replace(/[.:*]/g, ''));
}

async function rewrite(s3, bucketName, functionNames, additions) {
  const current = await s3.GetBucketNotificationConfiguration({ Bucket: bucketName });
  const configuration = {};
  for (const kind of NOTIFICATION_KINDS) {
    if (current && current[kind] !== undefined) configuration[kind] = current[kind];
  }
  const kept = (configuration.LambdaFunctionConfigurations || []).filter(
    (entry) => !functionNames.some((name) => ownedBy(name, entry.Id))
  );
  configuration.LambdaFunctionConfigurations = kept.concat(additions);
  await s3.PutBucketNotificationConfiguration({
    Bucket: bucketName,
    NotificationConfiguration: configuration,
  });
}

function entriesFor(properties, env) {
  const arn = functionArn(env, properties.FunctionName);
  return (properties.BucketConfigs || []).map((bucketConfig) => {
    const entry = {
      Id: notificationId(properties.FunctionName, bucketConfig),
      LambdaFunctionArn: arn,
      Events: [bucketConfig.Event],
    };
    const filter = filterOf(bucketConfig.Rules);
    if (filter) entry.Filter = filter;
    return entry;
  });
}

async function addPermission(lambda, properties, env) {
  await tolerating(['ResourceConflictException'], () =>
    lambda.AddPermission({
      FunctionName: properties.FunctionName,
      StatementId: permissionStatement(properties.FunctionName, properties.BucketName),
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: `arn:${env.partition}:s3:::${properties.BucketName}`,
      SourceAccount: env.accountId,
    })
  );
}

async function removePermission(lambda, properties) {
  await tolerating(['ResourceNotFoundException'], () =>
    lambda.RemovePermission({
      FunctionName: properties.FunctionName,
      StatementId: permissionStatement(properties.FunctionName, properties.BucketName),
    })
  );
}

const operations = {
  async Create(properties, env, event, { s3, lambda }) {
    await addPermission(lambda, properties, env);
    await rewrite(s3, properties.BucketName, [properties.FunctionName], entriesFor(properties, env));
  },
  async Update(properties, env, event, { s3, lambda }) {
    const old = event.OldResourceProperties || {};
    if (old.BucketName && old.BucketName !== properties.BucketName) {
      await rewrite(s3, old.BucketName, [old.FunctionName || properties.FunctionName], []);
      await removePermission(lambda, { ...properties, ...old });
      await addPermission(lambda, properties, env);
    }
    const names = [properties.FunctionName, old.FunctionName].filter(Boolean);
    await rewrite(s3, properties.BucketName, names, entriesFor(properties, env));
  },
  async Delete(properties, env, event, { s3, lambda }) {
    await removePermission(lambda, properties);
    await tolerating(['NoSuchBucket'], () => rewrite(s3, properties.BucketName, [properties.FunctionName], []));
  },
};

function createApis(env) {
  return {
    s3: sdkApi('@aws-sdk/client-s3', 'S3Client', env.region, [
      'GetBucketNotificationConfiguration',
      'PutBucketNotificationConfiguration',
    ]),
    lambda: sdkApi('@aws-sdk/client-lambda', 'LambdaClient', env.region, ['AddPermission', 'RemovePermission']),
  };
}

// The physical id is the Framework's, so an update of a stack it deployed is not taken for a replacement.
function createHandler(apis = createApis, respond = undefined) {
  return customResource('CustomResourceExistingS3', operations, apis, respond);
}

module.exports = { handler: createHandler(), createHandler, notificationId };
