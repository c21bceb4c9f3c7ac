'use strict';

// Custom::CognitoUserPool: sets a function's triggers in the LambdaConfig of an existing user pool, found by name,
// and takes them out on delete. UpdateUserPool resets every setting it is not given, so the pool's current settings
// are read first and passed back unchanged.

const { customResource, functionArn, statementId, tolerating, sdkApi } = require('../lib/custom-resource');

const CUSTOM_SENDERS = ['CustomSMSSender', 'CustomEmailSender'];

// The settings UpdateUserPool accepts that DescribeUserPool returns.
const UPDATABLE_SETTINGS = [
  'Policies',
  'DeletionProtection',
  'AutoVerifiedAttributes',
  'SmsVerificationMessage',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'VerificationMessageTemplate',
  'SmsAuthenticationMessage',
  'UserAttributeUpdateSettings',
  'MfaConfiguration',
  'DeviceConfiguration',
  'EmailConfiguration',
  'SmsConfiguration',
  'UserPoolTags',
  'AdminCreateUserConfig',
  'UserPoolAddOns',
  'AccountRecoverySetting',
  'UserPoolTier',
];

async function findPool(cognito, name) {
  let NextToken;
  do {
    // eslint-disable-next-line no-await-in-loop
    const page = await cognito.ListUserPools({ MaxResults: 60, NextToken });
    const match = (page.UserPools || []).find((pool) => pool.Name === name);
    if (match) return match.Id;
    ({ NextToken } = page);
  } while (NextToken);
  return null;
}

function withoutFunction(lambdaConfig, arn) {
  const result = {};
  for (const [key, value] of Object.entries(lambdaConfig || {})) {
    const target = value && typeof value === 'object' ? value.LambdaArn : value;
    if (target !== arn) result[key] = value;
  }
  if (!CUSTOM_SENDERS.some((sender) => sender in result)) delete result.KMSKeyID;
  return result;
}

function withTriggers(lambdaConfig, arn, configs) {
  const result = { ...lambdaConfig };
  for (const config of configs || []) {
    if (CUSTOM_SENDERS.includes(config.Trigger)) {
      result[config.Trigger] = { LambdaArn: arn, LambdaVersion: config.LambdaVersion || 'V1_0' };
      result.KMSKeyID = config.KMSKeyID;
    } else {
      result[config.Trigger] = arn;
    }
  }
  return result;
}

function updateInput(pool, lambdaConfig) {
  const input = { UserPoolId: pool.Id, LambdaConfig: lambdaConfig };
  for (const key of UPDATABLE_SETTINGS) {
    if (pool[key] !== undefined) input[key] = structuredClone(pool[key]);
  }
  // DescribeUserPool still reports the deprecated UnusedAccountValidityDays, which UpdateUserPool refuses beside
  // TemporaryPasswordValidityDays: keep its value in the password policy only.
  const admin = input.AdminCreateUserConfig;
  if (admin && admin.UnusedAccountValidityDays !== undefined) {
    const passwordPolicy = ((input.Policies = input.Policies || {}).PasswordPolicy =
      input.Policies.PasswordPolicy || {});
    if (passwordPolicy.TemporaryPasswordValidityDays === undefined) {
      passwordPolicy.TemporaryPasswordValidityDays = admin.UnusedAccountValidityDays;
    }
    delete admin.UnusedAccountValidityDays;
  }
  return input;
}

async function rewrite(cognito, poolName, change) {
  const poolId = await findPool(cognito, poolName);
  if (!poolId) return null;
  const { UserPool: pool } = await cognito.DescribeUserPool({ UserPoolId: poolId });
  await cognito.UpdateUserPool(updateInput(pool, change(pool.LambdaConfig || {})));
  return poolId;
}

function permissionStatement(properties) {
  return statementId(properties.FunctionName, properties.UserPoolName.toLowerCase().replace(/[.:*\s]/g, ''));
}

async function removePermission(lambda, properties) {
  await tolerating(['ResourceNotFoundException'], () =>
    lambda.RemovePermission({ FunctionName: properties.FunctionName, StatementId: permissionStatement(properties) })
  );
}

async function addPermission(lambda, properties, env, poolId) {
  await tolerating(['ResourceConflictException'], () =>
    lambda.AddPermission({
      FunctionName: properties.FunctionName,
      StatementId: permissionStatement(properties),
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: `arn:${env.partition}:cognito-idp:${env.region}:${env.accountId}:userpool/${poolId}`,
    })
  );
}

const operations = {
  async Create(properties, env, event, { cognito, lambda }) {
    const poolId = await findPool(cognito, properties.UserPoolName);
    if (!poolId) throw new Error(`no Cognito user pool is named '${properties.UserPoolName}'`);
    await addPermission(lambda, properties, env, poolId);
    const arn = functionArn(env, properties.FunctionName);
    await rewrite(cognito, properties.UserPoolName, (config) =>
      withTriggers(withoutFunction(config, arn), arn, properties.UserPoolConfigs)
    );
  },
  async Update(properties, env, event, { cognito, lambda }) {
    const old = event.OldResourceProperties || {};
    const arn = functionArn(env, properties.FunctionName);
    const oldArn = old.FunctionName ? functionArn(env, old.FunctionName) : arn;
    if (old.UserPoolName && old.UserPoolName !== properties.UserPoolName) {
      await rewrite(cognito, old.UserPoolName, (config) => withoutFunction(config, oldArn));
      await removePermission(lambda, { ...properties, ...old });
      const poolId = await findPool(cognito, properties.UserPoolName);
      if (!poolId) throw new Error(`no Cognito user pool is named '${properties.UserPoolName}'`);
      await addPermission(lambda, properties, env, poolId);
    }
    const poolId = await rewrite(cognito, properties.UserPoolName, (config) =>
      withTriggers(withoutFunction(withoutFunction(config, oldArn), arn), arn, properties.UserPoolConfigs)
    );
    if (!poolId) throw new Error(`no Cognito user pool is named '${properties.UserPoolName}'`);
  },
  async Delete(properties, env, event, { cognito, lambda }) {
    await removePermission(lambda, properties);
    const arn = functionArn(env, properties.FunctionName);
    // A pool deleted meanwhile has no triggers left to remove.
    await rewrite(cognito, properties.UserPoolName, (config) => withoutFunction(config, arn));
  },
};

function createApis(env) {
  return {
    cognito: sdkApi('@aws-sdk/client-cognito-identity-provider', 'CognitoIdentityProviderClient', env.region, [
      'ListUserPools',
      'DescribeUserPool',
      'UpdateUserPool',
    ]),
    lambda: sdkApi('@aws-sdk/client-lambda', 'LambdaClient', env.region, ['AddPermission', 'RemovePermission']),
  };
}

// The physical id is the Framework's, so an update of a stack it deployed is not taken for a replacement.
function createHandler(apis = createApis, respond = undefined) {
  return customResource('CustomResourceExistingCognitoUserPool', operations, apis, respond);
}

module.exports = { handler: createHandler(), createHandler };
