'use strict';

// The handlers' default `handler` export, as Lambda calls it, with stand-ins for the AWS SDK v3 packages of the Lambda
// runtime put on NODE_PATH: checks the clients get the region of the invoked function and the commands' inputs.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile, execFileSync } = require('child_process');
const { responseEndpoint, request } = require('./support');

const handlers = path.resolve(__dirname, '../../../../../src/Spec.Backends/CustomResources/handlers');

function fakeSdk(root, name, clientName, commands) {
  const dir = path.join(root, 'node_modules', '@aws-sdk', name);
  fs.mkdirSync(dir, { recursive: true });
  const lines = [
    "'use strict';",
    'const fs = require("fs");',
    `class ${clientName} {`,
    '  constructor(config) { this.config = config; }',
    '  async send(command) {',
    '    fs.appendFileSync(process.env.SDK_LOG, JSON.stringify({ client: this.constructor.name, region: this.config.region,',
    '      command: command.constructor.name, input: command.input }) + "\\n");',
    '    return command.constructor.name === "PutTargetsCommand" ? { FailedEntryCount: 0 } : {};',
    '  }',
    '}',
    `module.exports = { ${clientName} };`,
  ];
  for (const command of commands) {
    lines.push(`module.exports.${command}Command = class ${command}Command { constructor(input) { this.input = input; } };`);
  }
  fs.writeFileSync(path.join(dir, 'index.js'), lines.join('\n'));
}

test('The EventBridge handler drives the SDK v3 clients of the runtime in the function region', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-sdk-'));
  const endpoint = await responseEndpoint();
  try {
    fakeSdk(root, 'client-eventbridge', 'EventBridgeClient', [
      'CreateEventBus', 'DeleteEventBus', 'PutRule', 'DeleteRule', 'PutTargets', 'RemoveTargets',
    ]);
    fakeSdk(root, 'client-lambda', 'LambdaClient', ['AddPermission', 'RemovePermission']);
    const log = path.join(root, 'sdk.log');
    const event = request('Create', endpoint.url, {
      FunctionName: 'svc-dev-fn',
      EventBridgeConfig: { RuleName: 'svc-dev-fn-rule-1', State: 'ENABLED', EventBus: 'bus', Pattern: { source: ['a'] } },
    });
    const script = `require(${JSON.stringify(path.join(handlers, 'event-bridge', 'handler.js'))}).handler(${JSON.stringify(event)},
      { invokedFunctionArn: 'arn:aws:lambda:ap-south-1:123456789012:function:cr', logStreamName: 's' })
      .then((o) => process.stdout.write(o.Status))`;
    // The child process answers the endpoint of this process, so it must run asynchronously.
    const status = await new Promise((resolve, reject) =>
      execFile(process.execPath, ['-e', script], { env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), SDK_LOG: log } },
        (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)))
    );
    assert.equal(status, 'SUCCESS');
    const calls = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(calls.map((c) => c.command), [
      'AddPermissionCommand', 'CreateEventBusCommand', 'PutRuleCommand', 'PutTargetsCommand',
    ]);
    assert.ok(calls.every((c) => c.region === 'ap-south-1'));
    assert.equal(calls[2].input.EventPattern, '{"source":["a"]}');
    assert.equal(endpoint.responses[0].body.Status, 'SUCCESS');
  } finally {
    await endpoint.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('Every handler module loads without the SDK installed (clients are created per request)', () => {
  for (const name of ['s3', 'cognito-user-pool', 'event-bridge']) {
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(handlers, name, 'handler.js'))})`], {
      env: { ...process.env, NODE_PATH: '' },
    });
  }
});
