'use strict';

// Loaded by mocha (`--require`) before the Framework's test files. It replaces the Framework's
// `test/utils/run-serverless` with a recorder: every call's arguments are written down, together with the
// service configuration the Framework's test utility would have written (the fixture's serverless.yml with
// `configExt` merged by `_.merge`, dumped by js-yaml), and the test or hook that made the call. Nothing runs: the
// recorder answers with an inert object, so the tests' own assertions fail, which is expected.
//
// Environment: SUITE_SOURCE (the Framework's source tree at v3.40.0), SUITE_RECORD_OUT (where to write the calls).
// With SUITE_SETUP_ONLY=1 (for the integration tests, which deploy) it records each `fixtures.setup(name, { configExt })`
// as a call that deploys, then stops the test there; AWS requests of the tests' helpers fail at once.

const fs = require('fs');
const path = require('path');
const _ = require('lodash');
const { load: loadYaml, dump: saveYaml } = require('js-yaml');
const cloudformationSchema = require('@serverless/utils/cloudformation-schema');
const { runnerEmitter } = require('@serverless/test/setup/patch');
const { serialisable, describeRunnable, callSite } = require('./call-context');

const sourceDir = path.resolve(process.env.SUITE_SOURCE);
const outFile = path.resolve(process.env.SUITE_RECORD_OUT);
const fixturesDir = path.join(sourceDir, 'test/fixtures/programmatic');
const recorderModulePath = path.join(sourceDir, 'test/utils/run-serverless.js');

const calls = [];
let current = null;

// Tests that prepare a service directory themselves (`fixtures.setup(...)`, then `runServerless({ cwd })`):
// remember which fixture each directory came from.
const fixtureOfServiceDir = new Map();
const fixturesEngine = require(path.join(fixturesDir, 'index.js'));
const originalSetup = fixturesEngine.setup;
const setupOnly = process.env.SUITE_SETUP_ONLY === '1';
fixturesEngine.setup = async (fixtureName, options = {}) => {
  if (setupOnly) {
    // eslint-disable-next-line no-use-before-define
    record({ fixture: fixtureName, configExt: options.configExt, command: 'deploy' });
    throw new Error('recorded by the corpus generator; the integration test stops here');
  }
  const result = await originalSetup(fixtureName, options);
  fixtureOfServiceDir.set(path.resolve(result.servicePath), fixtureName);
  return result;
};

// An object that tolerates any use (property access, calls, iteration) so a test goes on after the call and
// makes its next calls; it is never thenable, so `await` yields it as is.
// `known` gives real values for some properties (the result's `fixtureData`).
const inert = (known = {}) => {
  const target = () => undefined;
  return new Proxy(target, {
    get(_target, property) {
      if (Object.prototype.hasOwnProperty.call(known, property)) return known[property];
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => '';
      if (property === Symbol.iterator) return function* () {};
      if (property === 'toJSON') return () => ({});
      if (property === 'length') return 0;
      return inert();
    },
    apply: () => inert(),
    construct: () => inert(),
    has: () => false,
    ownKeys: () => [],
  });
};

// The service configuration @serverless/test/setup-fixtures-engine would write for this fixture: the fixture's
// serverless.yml loaded with the CloudFormation schema, `service` renamed (deterministically here, the utility adds
// a timestamp), `configExt` merged with lodash merge, then dumped with js-yaml.
const fixtureConfig = (fixture, configExt) => {
  const configPath = path.join(fixturesDir, fixture, 'serverless.yml');
  let configObject = null;
  if (fs.existsSync(configPath)) {
    try {
      configObject = loadYaml(fs.readFileSync(configPath), { schema: cloudformationSchema });
    } catch {
      configObject = null;
    }
  }
  let updated = false;
  if (_.get(configObject, 'service')) {
    configObject.service = `test-${fixture}`;
    updated = true;
  }
  if (configExt) {
    configObject = _.merge(configObject || {}, _.cloneDeep(configExt));
    updated = true;
  }
  return { yaml: updated ? saveYaml(configObject) : null, configObject };
};

// A directory the test prepared: its serverless.yml as it is now (service renamed as above, since the utility's
// name carries a timestamp), plus the files that are not the fixture's own, as they are now.
const serviceDirConfig = (cwd) => {
  const fixture = fixtureOfServiceDir.get(path.resolve(cwd)) || null;
  const configPath = path.join(cwd, 'serverless.yml');
  if (!fixture || !fs.existsSync(configPath)) return { fixture, yaml: null, configObject: null };
  const configObject = loadYaml(fs.readFileSync(configPath), { schema: cloudformationSchema });
  if (_.get(configObject, 'service')) configObject.service = `test-${fixture}`;
  const extraFiles = {};
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(cwd, full);
      if (entry.name === 'node_modules' || entry.name === '.serverless') continue;
      if (entry.isDirectory()) walk(full);
      else if (relative !== 'serverless.yml') {
        const original = path.join(fixturesDir, fixture, relative);
        const content = fs.readFileSync(full);
        if (!fs.existsSync(original) || !content.equals(fs.readFileSync(original))) {
          extraFiles[relative] = content.toString('base64');
        }
      }
    }
  };
  walk(cwd);
  return { fixture, yaml: saveYaml(configObject), configObject, extraFiles };
};

// What runServerless does with an inline `config` (it writes it as serverless.json with these two defaults).
const inlineConfig = (config) => {
  const copy = _.cloneDeep(config);
  if (!copy.configValidationMode) copy.configValidationMode = 'error';
  if (!copy.frameworkVersion) copy.frameworkVersion = '*';
  return { yaml: saveYaml(copy), configObject: copy };
};

const record = (options = {}) => {
  const entry = {
    ...describeRunnable(sourceDir, current),
    callSite: callSite(sourceDir),
    origin: setupOnly ? 'integration' : 'unit',
  };
  entry.keys = Object.keys(options).sort();
  entry.fixture = options.fixture || null;
  entry.command = typeof options.command === 'string' ? options.command : null;
  entry.options = serialisable(options.options || {});
  entry.env = serialisable(options.env || {});
  entry.configExt = options.configExt === undefined ? null : serialisable(options.configExt);
  entry.lastLifecycleHookName = options.lastLifecycleHookName || null;
  entry.awsRequestStubMap = options.awsRequestStubMap
    ? Object.keys(options.awsRequestStubMap).sort()
    : null;
  entry.modulesCacheStub = options.modulesCacheStub ? Object.keys(options.modulesCacheStub) : null;
  entry.hooks = options.hooks ? Object.keys(options.hooks) : null;
  entry.shouldStubSpawn = Boolean(options.shouldStubSpawn);
  entry.noService = Boolean(options.noService);
  entry.cwd = options.cwd ? true : null;
  try {
    let config = null;
    if (options.fixture) config = fixtureConfig(options.fixture, options.configExt);
    else if (options.config) config = inlineConfig(options.config);
    else if (options.cwd) {
      config = serviceDirConfig(options.cwd);
      entry.fixture = config.fixture;
      if (config.extraFiles && Object.keys(config.extraFiles).length) entry.extraFiles = config.extraFiles;
    }
    if (config) {
      entry.yaml = config.yaml;
      entry.provider = _.get(config.configObject, 'provider.name', _.get(config.configObject, 'provider'));
    }
  } catch (error) {
    entry.recordError = error.message;
  }
  calls.push(entry);
};

// Like the real utility, a fixture call prepares the service directory through the fixtures engine and answers
// with its `fixtureData`, so a test that goes on in that directory (`updateConfig`, then `runServerless({ cwd })`)
// is recorded too. Fixtures with npm dependencies are not prepared (the engine would run npm install).
const recorder = async (options = {}) => {
  record(options);
  const fixtureDir = options.fixture && path.join(fixturesDir, options.fixture);
  if (!fixtureDir || !fs.existsSync(fixtureDir) || fs.existsSync(path.join(fixtureDir, 'package.json'))) {
    return inert();
  }
  const fixtureData = await fixturesEngine.setup(options.fixture, { configExt: options.configExt });
  return inert({ fixtureData });
};

if (setupOnly) {
  const awsRequestPath = require.resolve('@serverless/test/aws-request');
  require.cache[awsRequestPath] = {
    id: awsRequestPath,
    filename: awsRequestPath,
    loaded: true,
    exports: async () => {
      throw new Error('offline: the corpus generator answers no AWS request');
    },
    children: [],
    paths: [],
  };
}

require.cache[recorderModulePath] = {
  id: recorderModulePath,
  filename: recorderModulePath,
  loaded: true,
  exports: recorder,
  children: [],
  paths: [],
};

runnerEmitter.on('runner', (runner) => {
  runner.on('hook', (hook) => {
    current = hook;
  });
  runner.on('test', (test) => {
    current = test;
  });
  runner.on('end', () => {
    fs.writeFileSync(outFile, `${JSON.stringify(calls, null, 1)}\n`);
  });
});
