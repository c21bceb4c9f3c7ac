'use strict';

// Loaded by mocha (`--require`) before the Framework's old-style unit tests: the tests that build
// `serverless.service` (functions, events, provider, resources) in code and call one compiler of
// lib/plugins/aws/package/compile directly (`awsCompileSNSEvents.compileSNSEvents()`). It wraps the compilers'
// entry methods (the ones the Framework's lifecycle hooks call, see ENTRY) and writes down, at the moment a test
// calls one, the service the test built, the compiler's options, and what about the test's state a serverless.yml
// cannot express: resources already in `compiledCloudFormationTemplate`, state the test set on the compiler itself
// (`validated`, …), live sinon stubs on objects, modules replaced through proxyquire. plan.js decides what becomes a
// case. `test/utils/run-serverless` is replaced by an inert function that records nothing (the runServerless pass
// records those calls).
//
// Environment: SUITE_SOURCE (the Framework's source tree at v3.40.0), SUITE_RECORD_OUT (where to write the calls).

const fs = require('fs');
const path = require('path');
const Module = require('module');
const _ = require('lodash');
const { runnerEmitter } = require('@serverless/test/setup/patch');
const { serialisable, describeRunnable, callSite } = require('./call-context');

const sourceDir = path.resolve(process.env.SUITE_SOURCE);
const outFile = path.resolve(process.env.SUITE_RECORD_OUT);
const compileDir = path.join(sourceDir, 'lib/plugins/aws/package/compile') + path.sep;
const runServerlessPath = path.join(sourceDir, 'test/utils/run-serverless.js');

// The methods the Framework's lifecycle hooks call on the compilers (their `hooks` in
// lib/plugins/aws/package/compile/**): `compile…` entry points, the validation steps that read only the
// configuration, and the S3 / Cognito new-or-existing split.
const ENTRY = /^(compile\w*|validate|prepareFunctions|newS3Buckets|existingS3Buckets|newCognitoUserPools|existingCognitoUserPools)$/;

// The top-level keys of a service configuration, as `serverless.service` holds them.
const CONFIG_KEYS = [
  'service',
  'frameworkVersion',
  'configValidationMode',
  'deprecationNotificationMode',
  'disabledDeprecations',
  'useDotenv',
  'unresolvedVariablesNotificationMode',
  'org',
  'app',
  'params',
  'provider',
  'package',
  'custom',
  'plugins',
  'functions',
  'layers',
  'resources',
  'outputs',
];

const calls = [];
let current = null;

// Sinon stubs on an object's property that are live right now (the default sandbox's `sinon.stub(object, name)`;
// `sinon.stub()` without an object replaces nothing by itself).
const liveStubs = new Set();
const sinon = require('sinon');
const trackStubs = (sandbox) => {
  const originalStub = sandbox.stub.bind(sandbox);
  sandbox.stub = (...args) => {
    const stub = originalStub(...args);
    if (args.length >= 2 && typeof args[1] === 'string') {
      const owner = args[0] && args[0].constructor && args[0].constructor.name;
      const label = `${owner || typeof args[0]}.${args[1]}`;
      liveStubs.add(label);
      const restore = stub.restore && stub.restore.bind(stub);
      if (restore) {
        stub.restore = (...restoreArgs) => {
          liveStubs.delete(label);
          return restore(...restoreArgs);
        };
      }
    }
    return stub;
  };
  const originalRestore = sandbox.restore.bind(sandbox);
  sandbox.restore = (...args) => {
    liveStubs.clear();
    return originalRestore(...args);
  };
};
trackStubs(sinon);

// Compiler modules loaded through proxyquire (a fresh copy with some of its dependencies replaced): the wrapper of
// each copy gets the names of the replaced modules.
let proxyquireDepth = 0;
const proxyquiredCopies = [];
const Proxyquire = require('proxyquire/lib/proxyquire');
const originalProxyquireLoad = Proxyquire.prototype.load;
Proxyquire.prototype.load = function load(request, stubs) {
  proxyquireDepth++;
  const before = proxyquiredCopies.length;
  try {
    return originalProxyquireLoad.call(this, request, stubs);
  } finally {
    proxyquireDepth--;
    for (const replaced of proxyquiredCopies.splice(before)) replaced.push(...Object.keys(stubs || {}));
  }
};

// The own properties of a compiler instance as its constructor and its own methods left them; a property that
// differs at an entry call was set by the test.
const knownState = new WeakMap();
const snapshotState = (instance) => {
  const state = new Map();
  for (const key of Object.keys(instance)) state.set(key, instance[key]);
  knownState.set(instance, state);
};
const stateSetByTest = (instance) => {
  const known = knownState.get(instance);
  if (!known) return [];
  return Object.keys(instance).filter(
    (key) => !['serverless', 'options', 'provider'].includes(key) && known.get(key) !== instance[key]
  );
};

const templateContent = (template) => {
  if (!template || typeof template !== 'object') return [];
  const names = [];
  for (const section of ['Resources', 'Outputs', 'Conditions', 'Mappings', 'Parameters']) {
    for (const name of Object.keys(template[section] || {})) names.push(`${section}.${name}`);
  }
  return names;
};

const record = (instance, owner, method, stubbedModules) => {
  const serverless = instance.serverless;
  const service = serverless && serverless.service;
  const entry = { ...describeRunnable(sourceDir, current), callSite: callSite(sourceDir), origin: 'compiler' };
  entry.compiler = `${owner}.${method}`;
  entry.options = serialisable(_.pick(instance.options || {}, ['stage', 'region', 'param']));
  entry.providerOptions = serialisable(
    _.pick((instance.provider && instance.provider.options) || {}, ['stage', 'region'])
  );
  entry.stubs = [...liveStubs].sort();
  entry.stubbedModules = [...(stubbedModules || [])];
  entry.stateSetByTest = stateSetByTest(instance);
  try {
    const config = {};
    for (const key of CONFIG_KEYS) {
      if (service && service[key] !== undefined) config[key] = service[key];
    }
    const provider = { ...(config.provider || {}) };
    entry.templateContent = templateContent(provider.compiledCloudFormationTemplate);
    delete provider.compiledCloudFormationTemplate;
    delete provider.coreCloudFormationTemplate;
    config.provider = provider;
    entry.service = serialisable(config);
    entry.serviceDir = serverless && serverless.serviceDir ? true : null;
  } catch (error) {
    entry.recordError = error.message;
  }
  calls.push(entry);
};

let depth = 0;
const wrapMethod = (holder, name, owner, stubbedModules) => {
  const original = holder[name];
  if (typeof original !== 'function' || original.__suiteWrapped) return;
  const wrapped = function wrappedEntry(...args) {
    if (depth > 0 || !this || !this.serverless) return original.apply(this, args);
    record(this, owner, name, stubbedModules);
    depth++;
    let result;
    try {
      result = original.apply(this, args);
    } catch (error) {
      depth--;
      snapshotState(this);
      throw error;
    }
    if (result && typeof result.then === 'function') {
      return Promise.resolve(result).finally(() => {
        depth--;
        snapshotState(this);
      });
    }
    depth--;
    snapshotState(this);
    return result;
  };
  Object.defineProperty(wrapped, '__suiteWrapped', { value: true });
  holder[name] = wrapped;
};

// A compiler class: its entry methods are wrapped, and its instances' state is remembered after construction.
const wrapClass = (Class, stubbedModules) => {
  if (Class.__suiteWrapped) return Class;
  for (const name of Object.getOwnPropertyNames(Class.prototype)) {
    if (ENTRY.test(name)) wrapMethod(Class.prototype, name, Class.name, stubbedModules);
  }
  const Wrapped = new Proxy(Class, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget === Wrapped ? target : newTarget);
      snapshotState(instance);
      return instance;
    },
    get(target, property, receiver) {
      if (property === '__suiteWrapped') return true;
      return Reflect.get(target, property, receiver);
    },
  });
  return Wrapped;
};

const isClass = (value) =>
  typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));

// Wraps what a compiler module exports: a class, or an object of methods mixed into a compiler
// (the API Gateway, WebSockets and ALB lib/*.js files).
const wrapExports = (exported, moduleName, stubbedModules) => {
  if (isClass(exported)) return wrapClass(exported, stubbedModules);
  if (exported && typeof exported === 'object') {
    for (const name of Object.keys(exported)) {
      if (ENTRY.test(name)) wrapMethod(exported, name, moduleName, stubbedModules);
    }
  }
  return exported;
};

const relativeName = (filename) => path.relative(compileDir, filename).replace(/\.js$/, '');

const originalModuleLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  const exported = originalModuleLoad.call(this, request, parent, isMain);
  if (!exported || exported.__suiteWrapped) return exported;
  let filename;
  try {
    filename = Module._resolveFilename(request, parent, isMain);
  } catch {
    return exported;
  }
  if (!filename.startsWith(compileDir)) return exported;
  if (proxyquireDepth > 0) {
    const replaced = [];
    proxyquiredCopies.push(replaced);
    return wrapExports(exported, relativeName(filename), replaced);
  }
  const wrapped = wrapExports(exported, relativeName(filename), []);
  if (wrapped !== exported && require.cache[filename]) require.cache[filename].exports = wrapped;
  return wrapped;
};

require.cache[runServerlessPath] = {
  id: runServerlessPath,
  filename: runServerlessPath,
  loaded: true,
  exports: async () => {
    throw new Error('not run: the compiler pass records only direct compiler calls');
  },
  children: [],
  paths: [],
};

// A test's beforeEach hooks run after its 'test' event: once a hook ends, calls belong to the running test again.
let runningTest = null;
runnerEmitter.on('runner', (runner) => {
  runner.on('hook', (hook) => {
    current = hook;
  });
  runner.on('hook end', () => {
    current = runningTest;
  });
  runner.on('test', (test) => {
    runningTest = test;
    current = test;
  });
  runner.on('test end', () => {
    runningTest = null;
  });
  runner.on('end', () => {
    fs.writeFileSync(outFile, `${JSON.stringify(calls, null, 1)}\n`);
  });
});
