'use strict';

// Custom::EventBridge (provider.eventBridge.useCloudFormation: false): creates the event bus when the event names
// one by name, puts the rule and its one target (the function), lets EventBridge invoke the function, and removes
// all of it on delete.

const crypto = require('crypto');
const { customResource, functionArn, statementId, tolerating, sdkApi } = require('../lib/custom-resource');

function busNameOf(eventBus) {
  if (!eventBus) return undefined;
  return eventBus.startsWith('arn') ? eventBus.slice(eventBus.indexOf('/') + 1) : eventBus;
}

// A bus named (not an ARN, not `default`) belongs to the service: created with the rule, deleted with it.
function ownsBus(eventBus) {
  return Boolean(eventBus) && !eventBus.startsWith('arn') && eventBus !== 'default';
}

// Target ids are at most 64 characters; the Framework's templates and custom resources name them this way too.
function targetId(ruleName) {
  const id = `${ruleName}-target`;
  if (id.length <= 64) return id;
  return `${id.slice(0, 25)}${crypto.createHash('md5').update(id).digest('hex')}-target`;
}

function permissionStatement(functionName, ruleName) {
  return statementId(functionName, ruleName.toLowerCase().replace(/[.:*]/g, ''));
}

function ruleArn(env, config) {
  const bus = busNameOf(config.EventBus);
  const path = bus ? `${bus}/${config.RuleName}` : config.RuleName;
  return `arn:${env.partition}:events:${env.region}:${env.accountId}:rule/${path}`;
}

async function putRuleAndTarget(events, config, arn) {
  const rule = { Name: config.RuleName, EventBusName: config.EventBus, State: config.State };
  if (config.Pattern !== undefined) rule.EventPattern = JSON.stringify(config.Pattern);
  if (config.Schedule !== undefined) rule.ScheduleExpression = config.Schedule;
  await events.PutRule(rule);

  const target = { Id: targetId(config.RuleName), Arn: arn };
  if (config.Input !== undefined) target.Input = JSON.stringify(config.Input);
  else if (config.InputPath !== undefined) target.InputPath = config.InputPath;
  else if (config.InputTransformer !== undefined) target.InputTransformer = config.InputTransformer;
  const result = await events.PutTargets({ Rule: config.RuleName, EventBusName: config.EventBus, Targets: [target] });
  if (result && result.FailedEntryCount > 0) {
    const failed = result.FailedEntries[0] || {};
    throw new Error(`the target of rule '${config.RuleName}' was refused: ${failed.ErrorMessage || failed.ErrorCode}`);
  }
}

async function removeRule(events, config) {
  const gone = ['ResourceNotFoundException'];
  await tolerating(gone, () =>
    events.RemoveTargets({ Rule: config.RuleName, EventBusName: config.EventBus, Ids: [targetId(config.RuleName)] })
  );
  await tolerating(gone, () => events.DeleteRule({ Name: config.RuleName, EventBusName: config.EventBus }));
}

async function addPermission(lambda, functionName, config, env) {
  await tolerating(['ResourceConflictException'], () =>
    lambda.AddPermission({
      FunctionName: functionName,
      StatementId: permissionStatement(functionName, config.RuleName),
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      SourceArn: ruleArn(env, config),
    })
  );
}

async function removePermission(lambda, functionName, config) {
  await tolerating(['ResourceNotFoundException'], () =>
    lambda.RemovePermission({ FunctionName: functionName, StatementId: permissionStatement(functionName, config.RuleName) })
  );
}

async function createBus(events, config) {
  if (ownsBus(config.EventBus)) {
    // Several events may name the same bus: the first creates it.
    await tolerating(['ResourceAlreadyExistsException'], () => events.CreateEventBus({ Name: config.EventBus }));
  }
}

const operations = {
  async Create(properties, env, event, { events, lambda }) {
    const config = properties.EventBridgeConfig;
    await addPermission(lambda, properties.FunctionName, config, env);
    await createBus(events, config);
    await putRuleAndTarget(events, config, functionArn(env, properties.FunctionName));
  },
  async Update(properties, env, event, { events, lambda }) {
    const config = properties.EventBridgeConfig;
    const old = event.OldResourceProperties || {};
    const oldConfig = old.EventBridgeConfig;
    const oldFunction = old.FunctionName || properties.FunctionName;
    const moved =
      oldConfig &&
      (oldConfig.RuleName !== config.RuleName ||
        (oldConfig.EventBus || 'default') !== (config.EventBus || 'default') ||
        oldFunction !== properties.FunctionName);
    if (moved) {
      await removeRule(events, oldConfig);
      await removePermission(lambda, oldFunction, oldConfig);
      await addPermission(lambda, properties.FunctionName, config, env);
      await createBus(events, config);
    }
    await putRuleAndTarget(events, config, functionArn(env, properties.FunctionName));
  },
  async Delete(properties, env, event, { events, lambda }) {
    const config = properties.EventBridgeConfig;
    await removePermission(lambda, properties.FunctionName, config);
    await removeRule(events, config);
    if (ownsBus(config.EventBus)) {
      // Best effort: another rule of the service may still be on the bus; its own delete removes the bus then.
      try {
        await events.DeleteEventBus({ Name: config.EventBus });
      } catch (error) {
        console.warn(`event bus '${config.EventBus}' was kept: ${error.message}`);
      }
    }
  },
};

function createApis(env) {
  return {
    events: sdkApi('@aws-sdk/client-eventbridge', 'EventBridgeClient', env.region, [
      'CreateEventBus',
      'DeleteEventBus',
      'PutRule',
      'DeleteRule',
      'PutTargets',
      'RemoveTargets',
    ]),
    lambda: sdkApi('@aws-sdk/client-lambda', 'LambdaClient', env.region, ['AddPermission', 'RemovePermission']),
  };
}

// The physical id is the Framework's, so an update of a stack it deployed is not taken for a replacement.
function createHandler(apis = createApis, respond = undefined) {
  return customResource('CustomResourceEventBridge', operations, apis, respond);
}

module.exports = { handler: createHandler(), createHandler, targetId };
