'use strict';

// Step 1: run the Framework's unit tests under mocha with runServerless replaced by the recorder
// (recorder-setup.js) and return the recorded calls.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const toolsDir = path.resolve(__dirname, '..');

// The unit test files that call runServerless (test/unit/lib/plugins/aws/** and a few others in test/unit), and the
// AWS integration tests that prepare a fixture (not infra-dependent/, which needs standing AWS infrastructure first).
const testFiles = (sourceDir) => {
  const unit = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        entry.name.endsWith('.test.js') &&
        fs.readFileSync(full, 'utf8').includes('utils/run-serverless')
      ) {
        unit.push(path.relative(sourceDir, full));
      }
    }
  };
  walk(path.join(sourceDir, 'test/unit'));
  const integrationDir = path.join(sourceDir, 'test/integration/aws');
  const integration = fs
    .readdirSync(integrationDir)
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => fs.readFileSync(path.join(integrationDir, name), 'utf8').includes('fixtures.setup('))
    .map((name) => path.relative(sourceDir, path.join(integrationDir, name)));
  // The old-style unit tests that build `serverless.service` in code and call a compiler directly.
  const compiler = [];
  const walkCompiler = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walkCompiler(full);
      else if (entry.name.endsWith('.test.js') && fs.readFileSync(full, 'utf8').includes('new Serverless(')) {
        compiler.push(path.relative(sourceDir, full));
      }
    }
  };
  walkCompiler(path.join(sourceDir, 'test/unit/lib/plugins/aws/package/compile'));
  return { unit: unit.sort(), integration: integration.sort(), compiler: compiler.sort() };
};

const runMocha = ({ sourceDir, files, outFile, logFile, setupOnly, recorder = 'lib/recorder-setup.js' }) => {
  // The Framework's own mocha setup (package.json "mocha.require"), then the recorder.
  const requires = [
    './test/mocha-patch',
    '@serverless/test/setup/log',
    '@serverless/test/setup/mock-homedir',
    '@serverless/test/setup/mock-cwd',
    '@serverless/test/setup/restore-env',
    path.join(toolsDir, recorder),
  ];
  const args = [
    path.join(toolsDir, 'node_modules/mocha/bin/mocha'),
    '--no-config',
    '--no-package',
    '--exit',
    '--timeout',
    '60000',
    '--reporter',
    'dot',
    ...requires.flatMap((r) => ['--require', r]),
    ...files,
  ];
  const log = fs.openSync(logFile, 'w');
  const result = spawnSync(process.execPath, args, {
    cwd: sourceDir,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_PATH: path.join(toolsDir, 'node_modules'),
      SUITE_SOURCE: sourceDir,
      SUITE_RECORD_OUT: outFile,
      SUITE_SETUP_ONLY: setupOnly ? '1' : '',
    },
  });
  fs.closeSync(log);
  if (!fs.existsSync(outFile)) {
    throw new Error(`mocha wrote no recording (exit ${result.status}); see ${logFile}`);
  }
  return JSON.parse(fs.readFileSync(outFile, 'utf8'));
};

const record = ({ sourceDir, outFile, logDir }) => {
  const { unit, integration, compiler } = testFiles(sourceDir);
  const part = (name) => path.join(path.dirname(outFile), name);
  for (const name of ['calls-unit.json', 'calls-integration.json', 'calls-compiler.json']) {
    fs.rmSync(part(name), { force: true });
  }
  const calls = [
    ...runMocha({ sourceDir, files: unit, outFile: part('calls-unit.json'), logFile: path.join(logDir, 'mocha-unit.log') }),
    ...runMocha({
      sourceDir,
      files: integration,
      outFile: part('calls-integration.json'),
      logFile: path.join(logDir, 'mocha-integration.log'),
      setupOnly: true,
    }),
    ...runMocha({
      sourceDir,
      files: compiler,
      outFile: part('calls-compiler.json'),
      logFile: path.join(logDir, 'mocha-compiler.log'),
      recorder: 'lib/compiler-recorder-setup.js',
    }),
  ];
  fs.writeFileSync(outFile, `${JSON.stringify(calls, null, 1)}\n`);
  return { files: [...unit, ...integration, ...compiler], calls };
};

module.exports = { record, testFiles, runMocha };
