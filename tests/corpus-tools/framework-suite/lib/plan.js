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

const sourceOf = (call) => ({
  file: call.file,
  test: call.title,
  callSite: call.callSite,
  command: call.command,
});

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
  for (const call of calls) {
    let config = null;
    try {
      config = call.yaml ? yaml.load(call.yaml) : null;
    } catch (error) {
      config = null;
    }
    const reason = skipReason(call, config);
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
    if (cases.has(key)) {
      cases.get(key).sources.push(sourceOf(call));
      continue;
    }
    cases.set(key, {
      slug: slugOf(call.file),
      key,
      fixture: call.fixture,
      configFile,
      yaml: call.yaml,
      args,
      env,
      extraFiles,
      droppedOptions: dropped,
      recorded: {
        command: call.command,
        configExt: call.configExt,
        options: call.options,
        env: call.env,
        lastLifecycleHookName: call.lastLifecycleHookName,
        awsRequestStubMap: call.awsRequestStubMap,
        cwd: call.cwd || undefined,
      },
      sources: [sourceOf(call)],
    });
  }
  return { cases: [...cases.values()], skipped };
};

module.exports = { plan };
