'use strict';

// Step 2: turn the recorded calls into cases. A call becomes a case when it names an AWS service the Framework can
// package without help (no module stubs, no hooks into the instance, no plugins, no Dashboard); identical calls
// (same configuration, same package arguments, same environment, same extra files) become one case that lists every
// test it came from. Every call that does not become a case is listed with the reason.

const crypto = require('crypto');
const yaml = require('js-yaml');

// Options of the runServerless call that `serverless package` and `serverless print` both accept and that can
// change their output. Others (`--function`, `--data`, `--verbose`, …) belong to the test's own command.
const PACKAGE_OPTIONS = new Set(['stage', 'region', 'param', 'minify-template']);
const DASHBOARD_OPTIONS = new Set(['org', 'app']);

// Module stubs that cannot change what `package` and `print` produce: waiting between deploy polls, and the SDK's
// credential lookups (the runs have fake credentials anyway). A `beforeInstanceInit` hook only hands the test the
// instance (to stub its AWS requests for deploy), so it does not change the service either.
const INERT_STUBS = new Set(['timers-ext/promise/sleep', 'aws-sdk', 'aws-sdk/lib/metadata_service']);

// runServerless turns options into argv this way (@serverless/test/run-serverless.js).
const optionArgs = (options) =>
  Object.entries(options).flatMap(([name, value]) => {
    if (value === true) return [`--${name}`];
    if (value === false) return [`--no-${name}`];
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value.flatMap((item) => [`--${name}`, String(item)]);
    return [`--${name}`, String(value)];
  });

const slugOf = (file) =>
  file
    .replace(/^test\/integration\/aws\//, 'integration/')
    .replace(/^test\/unit\/lib\/plugins\/aws\//, '')
    .replace(/^test\/unit\/lib\//, '')
    .replace(/^package\/compile\/events\//, '')
    .replace(/^package\/compile\//, '')
    .replace(/\.test\.js$/, '')
    .replace(/\/index$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();

const sourceOf = (call) =>
  call.origin === 'compiler'
    ? { file: call.file, test: call.title, callSite: call.callSite, compiler: call.compiler }
    : { file: call.file, test: call.title, callSite: call.callSite, command: call.command };

// The Service class's defaults (lib/classes/service.js): what `serverless.service` holds before any configuration.
// They are left out of the serverless.yml of a compiler call; `provider.stage: dev` is the CLI's `--stage dev`.
const SERVICE_DEFAULTS = {
  configValidationMode: 'warn',
  disabledDeprecations: [],
  package: {},
  custom: {},
  plugins: [],
  resources: {},
};

// A one-line handler module, so that `serverless package` has a file to zip for a service built in code (the
// template depends on the code only through the masked hashes).
const HANDLER_FILE = 'index.js';
const HANDLER_SOURCE = "'use strict';\n\nmodule.exports.handler = async () => ({});\n";

// Why a direct compiler call's state is not a serverless.yml, or null.
const compilerSkipReason = (call) => {
  if (call.recordError) return `the recorder could not read the service: ${call.recordError}`;
  if (call.stateSetByTest.length) {
    return `sets the compiler's own state instead of configuring the service (${call.stateSetByTest.join(', ')})`;
  }
  if (call.stubs.length) return `stubs methods while the compiler runs (${call.stubs.join(', ')})`;
  return null;
};

// The serverless.yml of the service a test built in code for a direct compiler call, completed only where a
// runnable service needs what a single compiler never reads: a service name, `provider.name`, a handler.
const compilerConfig = (call) => {
  const config = JSON.parse(JSON.stringify(call.service));
  const completions = [];
  for (const [key, value] of Object.entries(SERVICE_DEFAULTS)) {
    if (JSON.stringify(config[key]) === JSON.stringify(value)) delete config[key];
  }
  if (config.provider && config.provider.stage === 'dev') delete config.provider.stage;
  if (!config.service) {
    config.service = 'test-service';
    completions.push('service: test-service added (the test left serverless.service.service unset)');
  }
  if (!config.provider || typeof config.provider !== 'object') config.provider = {};
  if (!config.provider.name) {
    config.provider = { name: 'aws', ...config.provider };
    completions.push('provider.name: aws added (the test set the AWS provider in code)');
  }
  for (const [name, fn] of Object.entries(config.functions || {})) {
    if (fn && typeof fn === 'object' && !fn.handler && !fn.image) {
      fn.handler = `${HANDLER_FILE.replace(/\.js$/, '')}.handler`;
      completions.push(`functions.${name}.handler: index.handler added (a compiler of events never reads it)`);
    }
  }
  const ordered = {};
  for (const key of ['service', 'provider', ...Object.keys(config)]) {
    if (config[key] !== undefined && !(key in ordered)) ordered[key] = config[key];
  }
  return { config: ordered, yaml: yaml.dump(ordered), completions };
};

// Why a recorded call cannot be a case, or null when it can.
const skipReason = (call, config) => {
  if (call.noService) return 'noService: runs without a service';
  if (call.recordError) return `the test utility could not prepare the service: ${call.recordError}`;
  if (!call.yaml) {
    return call.cwd
      ? 'runs in a directory the test prepared without the fixtures engine'
      : 'no service configuration';
  }
  if (!config || typeof config !== 'object') return 'the service configuration is not a mapping';
  const provider = typeof config.provider === 'string' ? config.provider : config.provider && config.provider.name;
  if (provider !== 'aws') return `provider ${JSON.stringify(provider)} (not AWS)`;
  const stubs = (call.modulesCacheStub || []).filter((name) => !INERT_STUBS.has(name));
  if (stubs.length) return `stubs Framework modules (${stubs.join(', ')})`;
  const hooks = (call.hooks || []).filter((name) => name !== 'beforeInstanceInit');
  if (hooks.length) return `runs test hooks inside the Framework instance (${hooks.join(', ')})`;
  if (call.shouldStubSpawn) return 'stubs child processes (shouldStubSpawn)';
  if (config.plugins) return 'loads plugins (Spec does not run plugins)';
  if (call.yaml.includes('/tmpdirs-serverless/')) {
    return "names a file the test created in its temporary directory (a random path, not reproducible)";
  }
  if (config.org || config.app || Object.keys(call.options || {}).some((o) => DASHBOARD_OPTIONS.has(o))) {
    return 'Serverless Dashboard service (org/app): needs a login';
  }
  return null;
};

const plan = (calls) => {
  const cases = new Map();
  const skipped = [];
  const runServerlessContent = new Set();
  for (const recorded of calls) {
    let call = recorded;
    let config = null;
    let reason;
    if (recorded.origin === 'compiler') {
      reason = compilerSkipReason(recorded);
      if (!reason) {
        const built = compilerConfig(recorded);
        const options = { ...recorded.providerOptions, ...recorded.options };
        call = {
          ...recorded,
          yaml: built.yaml,
          fixture: null,
          command: null,
          options,
          env: {},
          extraFiles: { [HANDLER_FILE]: Buffer.from(HANDLER_SOURCE).toString('base64') },
          completions: built.completions,
        };
        config = built.config;
        reason = skipReason(call, config);
      }
    } else {
      try {
        config = call.yaml ? yaml.load(call.yaml) : null;
      } catch (error) {
        config = null;
      }
      reason = skipReason(call, config);
    }
    if (reason) {
      skipped.push({ ...sourceOf(call), reason });
      continue;
    }
    const kept = {};
    const dropped = [];
    for (const [name, value] of Object.entries(call.options || {})) {
      if (PACKAGE_OPTIONS.has(name)) kept[name] = value;
      else dropped.push(name);
    }
    const provider = config.provider && typeof config.provider === 'object' ? config.provider : {};
    const args = [];
    // As in shared/corpus: stage dev and region us-east-1 unless the test or the service sets them.
    if (kept.stage === undefined && provider.stage === undefined) args.push('--stage', 'dev');
    if (kept.region === undefined && provider.region === undefined) args.push('--region', 'us-east-1');
    args.push(...optionArgs(kept));
    const configFile = 'serverless.yml';
    const env = call.env || {};
    const extraFiles = call.extraFiles || {};
    const key = crypto
      .createHash('sha256')
      .update(JSON.stringify([call.fixture, configFile, call.yaml, args, env, extraFiles]))
      .digest('hex');
    const direct = call.origin === 'compiler';
    // A service built in code that a runServerless case already covers (same serverless.yml, arguments and
    // environment) is not a new case; it stays out of that case so its case.json is as the runServerless pass wrote it.
    const contentKey = JSON.stringify([configFile, call.yaml, args, env]);
    if (direct && runServerlessContent.has(contentKey)) {
      skipped.push({ ...sourceOf(call), reason: 'the same service as a case recorded from runServerless' });
      continue;
    }
    if (!direct) runServerlessContent.add(contentKey);
    if (cases.has(key)) {
      cases.get(key).sources.push(sourceOf(call));
      continue;
    }
    const recordedCall = direct
      ? {
          compiler: call.compiler,
          options: call.options,
          templateContent: call.templateContent.length ? call.templateContent : undefined,
          stubbedModules: call.stubbedModules.length ? call.stubbedModules : undefined,
        }
      : {
          command: call.command,
          configExt: call.configExt,
          options: call.options,
          env: call.env,
          lastLifecycleHookName: call.lastLifecycleHookName,
          awsRequestStubMap: call.awsRequestStubMap,
          cwd: call.cwd || undefined,
        };
    cases.set(key, {
      // Cases of direct compiler calls get names of their own, so the runServerless cases keep theirs.
      slug: direct ? `${slugOf(call.file)}-direct` : slugOf(call.file),
      origin: direct ? 'compiler' : 'runServerless',
      completions: call.completions || [],
      key,
      fixture: call.fixture,
      configFile,
      yaml: call.yaml,
      args,
      env,
      extraFiles,
      droppedOptions: dropped,
      recorded: recordedCall,
      sources: [sourceOf(call)],
    });
  }
  return { cases: [...cases.values()], skipped };
};

module.exports = { plan };
