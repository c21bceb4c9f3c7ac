'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { load, responseEndpoint, awsError, recordingApi, context, request } = require('./support');

const { createHandler, targetId } = load('event-bridge');

function fakeApis(calls, state) {
  const gone = () => awsError('ResourceNotFoundException');
  return () => ({
    events: recordingApi(calls, 'events', {
      CreateEventBus: async ({ Name }) => {
        if (state.buses.has(Name)) throw awsError('ResourceAlreadyExistsException');
        state.buses.add(Name);
        return {};
      },
      DeleteEventBus: async ({ Name }) => {
        state.buses.delete(Name);
        return {};
      },
      PutRule: async (input) => {
        state.rules.set(input.Name, { ...input, targets: state.rules.get(input.Name)?.targets || new Map() });
        return {};
      },
      DeleteRule: async ({ Name }) => {
        if (!state.rules.delete(Name)) throw gone();
        return {};
      },
      PutTargets: async ({ Rule, Targets }) => {
        const rule = state.rules.get(Rule);
        if (!rule) throw gone();
        for (const target of Targets) rule.targets.set(target.Id, target);
        return { FailedEntryCount: 0, FailedEntries: [] };
      },
      RemoveTargets: async ({ Rule, Ids }) => {
        const rule = state.rules.get(Rule);
        if (!rule) throw gone();
        for (const id of Ids) rule.targets.delete(id);
        return { FailedEntryCount: 0 };
      },
    }),
    lambda: recordingApi(calls, 'lambda', {
      AddPermission: async (input) => {
        if (state.permissions.has(input.StatementId)) throw awsError('ResourceConflictException');
        state.permissions.set(input.StatementId, input);
        return {};
      },
      RemovePermission: async ({ StatementId }) => {
        if (!state.permissions.delete(StatementId)) throw gone();
        return {};
      },
    }),
  });
}

const newState = () => ({ buses: new Set(), rules: new Map(), permissions: new Map() });

const onCustomBus = {
  FunctionName: 'eb-svc-dev-consumer',
  EventBridgeConfig: {
    RuleName: 'eb-svc-dev-consumer-rule-3',
    State: 'ENABLED',
    EventBus: 'custom-saas-events',
    Pattern: { source: ['saas.external'] },
    InputPath: '$.detail',
  },
};

test('Create makes the bus, the rule, the target and the permission', async () => {
  const endpoint = await responseEndpoint();
  const calls = [];
  const state = newState();
  try {
    await createHandler(fakeApis(calls, state))(request('Create', endpoint.url, onCustomBus), context);
    assert.equal(endpoint.responses[0].body.Status, 'SUCCESS', endpoint.responses[0].body.Reason);
    assert.equal(endpoint.responses[0].body.PhysicalResourceId, 'CustomResourceEventBridge');
    assert.deepEqual([...state.buses], ['custom-saas-events']);
    const rule = state.rules.get('eb-svc-dev-consumer-rule-3');
    assert.equal(rule.EventBusName, 'custom-saas-events');
    assert.equal(rule.EventPattern, '{"source":["saas.external"]}');
    assert.equal(rule.State, 'ENABLED');
    assert.deepEqual([...rule.targets.values()], [
      {
        Id: 'eb-svc-dev-consumer-rule-3-target',
        Arn: 'arn:aws:lambda:eu-west-1:123456789012:function:eb-svc-dev-consumer',
        InputPath: '$.detail',
      },
    ]);
    assert.deepEqual([...state.permissions.values()], [
      {
        FunctionName: 'eb-svc-dev-consumer',
        StatementId: 'eb-svc-dev-consumer-eb-svc-dev-consumer-rule-3',
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        SourceArn: 'arn:aws:events:eu-west-1:123456789012:rule/custom-saas-events/eb-svc-dev-consumer-rule-3',
      },
    ]);
  } finally {
    await endpoint.close();
  }
});

test('A schedule on the default bus stringifies its input and creates no bus; an ARN bus is never created', async () => {
  const endpoint = await responseEndpoint();
  const state = newState();
  const handler = createHandler(fakeApis([], state));
  try {
    await handler(
      request('Create', endpoint.url, {
        FunctionName: 'f',
        EventBridgeConfig: { RuleName: 'r1', State: 'ENABLED', Schedule: 'rate(10 minutes)', Input: { key1: 'value1' } },
      }),
      context
    );
    await handler(
      request('Create', endpoint.url, {
        FunctionName: 'f',
        EventBridgeConfig: {
          RuleName: 'r2',
          State: 'DISABLED',
          EventBus: 'arn:aws:events:eu-west-1:12345:event-bus/partner-bus',
          Pattern: { source: ['partner'] },
          InputTransformer: { InputPathsMap: { t: '$.time' }, InputTemplate: '{"time": <t>}' },
        },
      }),
      context
    );
    assert.deepEqual([...state.buses], []);
    const r1 = state.rules.get('r1');
    assert.equal(r1.ScheduleExpression, 'rate(10 minutes)');
    assert.equal('EventPattern' in r1, false);
    assert.equal([...r1.targets.values()][0].Input, '{"key1":"value1"}');
    assert.equal(state.permissions.get('f-r1').SourceArn, 'arn:aws:events:eu-west-1:123456789012:rule/r1');
    assert.equal(state.permissions.get('f-r2').SourceArn, 'arn:aws:events:eu-west-1:123456789012:rule/partner-bus/r2');
    assert.equal(state.rules.get('r2').State, 'DISABLED');
    assert.deepEqual([...state.rules.get('r2').targets.values()][0].InputTransformer, {
      InputPathsMap: { t: '$.time' },
      InputTemplate: '{"time": <t>}',
    });
    assert.deepEqual(endpoint.responses.map((r) => r.body.Status), ['SUCCESS', 'SUCCESS']);
  } finally {
    await endpoint.close();
  }
});

test('Update of a renamed rule removes the old rule and permission; Delete cleans everything up, twice safely', async () => {
  const endpoint = await responseEndpoint();
  const state = newState();
  const handler = createHandler(fakeApis([], state));
  try {
    await handler(request('Create', endpoint.url, onCustomBus), context);
    const renamed = { ...onCustomBus, EventBridgeConfig: { ...onCustomBus.EventBridgeConfig, RuleName: 'renamed' } };
    await handler(request('Update', endpoint.url, renamed, onCustomBus), context);
    assert.deepEqual([...state.rules.keys()], ['renamed']);
    assert.deepEqual([...state.permissions.keys()], ['eb-svc-dev-consumer-renamed']);
    await handler(request('Delete', endpoint.url, renamed), context);
    await handler(request('Delete', endpoint.url, renamed), context);
    assert.equal(state.rules.size, 0);
    assert.equal(state.permissions.size, 0);
    assert.equal(state.buses.size, 0);
    assert.deepEqual(endpoint.responses.map((r) => r.body.Status), ['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
  } finally {
    await endpoint.close();
  }
});

test('Target ids longer than 64 characters are shortened with a digest, as in the template', () => {
  assert.equal(targetId('short'), 'short-target');
  const long = targetId('x'.repeat(70));
  assert.equal(long.length, 64);
  assert.match(long, /^x{25}[0-9a-f]{32}-target$/);
});
