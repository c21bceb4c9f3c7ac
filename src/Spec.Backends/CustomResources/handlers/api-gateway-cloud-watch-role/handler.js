'use strict';

// Custom::ApiGatewayAccountRole (provider.logs.restApi / provider.logs.websocket): API Gateway writes execution and
// access logs only when the account (per region) names a CloudWatch role. Sets that role: the one given as RoleArn,
// or a role of the account's own, `serverlessApiGatewayCloudWatchRole`, created with AWS's managed push policy when
// missing. The account setting outlives the stack (other APIs rely on it), so Delete leaves it.

const { customResource, sdkApi } = require('../lib/custom-resource');

const OWN_ROLE_NAME = 'serverlessApiGatewayCloudWatchRole';
const UPDATE_ATTEMPTS = 10;

function assumedByApiGateway() {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: ['apigateway.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
  });
}

function isMissing(error) {
  const name = (error && (error.name || error.code)) || '';
  return name === 'NoSuchEntity' || name === 'NoSuchEntityException';
}

// The account's own role, created and given the push policy unless it already has it.
async function ensureOwnRole(iam, env) {
  const pushPolicy = `arn:${env.partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs`;
  let attached;
  try {
    attached = (await iam.ListAttachedRolePolicies({ RoleName: OWN_ROLE_NAME })).AttachedPolicies || [];
  } catch (error) {
    if (!isMissing(error)) throw error;
    await iam.CreateRole({ RoleName: OWN_ROLE_NAME, Path: '/', AssumeRolePolicyDocument: assumedByApiGateway() });
    attached = [];
  }
  if (!attached.some((policy) => policy.PolicyArn === pushPolicy)) {
    await iam.AttachRolePolicy({ RoleName: OWN_ROLE_NAME, PolicyArn: pushPolicy });
  }
  return `arn:${env.partition}:iam::${env.accountId}:role/${OWN_ROLE_NAME}`;
}

// A role just created is not usable at once: API Gateway refuses it for a while, with errors it marks final.
async function setAccountRole(apiGateway, roleArn, wait) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await apiGateway.UpdateAccount({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: roleArn }] });
      return;
    } catch (error) {
      if (attempt >= UPDATE_ATTEMPTS) throw error;
      await wait(attempt);
    }
  }
}

function operations(wait) {
  async function apply(properties, env, event, { apiGateway, iam }) {
    const current = (await apiGateway.GetAccount({})).cloudwatchRoleArn;
    const roleArn = properties.RoleArn || (await ensureOwnRole(iam, env));
    if (roleArn !== current) {
      await setAccountRole(apiGateway, roleArn, wait);
    }
    return { RoleArn: roleArn };
  }
  return { Create: apply, Update: apply, Delete: async () => ({}) };
}

function createApis(env) {
  return {
    apiGateway: sdkApi('@aws-sdk/client-api-gateway', 'APIGatewayClient', env.region, ['GetAccount', 'UpdateAccount']),
    iam: sdkApi('@aws-sdk/client-iam', 'IAMClient', env.region, [
      'ListAttachedRolePolicies',
      'CreateRole',
      'AttachRolePolicy',
    ]),
  };
}

const tenSeconds = () => new Promise((resolve) => setTimeout(resolve, 10000));

// The physical id is the Framework's, so an update of a stack it deployed is not taken for a replacement.
function createHandler(apis = createApis, respond = undefined, wait = tenSeconds) {
  return customResource('CustomResourceApiGatewayAccountCloudWatchRole', operations(wait), apis, respond);
}

module.exports = { handler: createHandler(), createHandler };
