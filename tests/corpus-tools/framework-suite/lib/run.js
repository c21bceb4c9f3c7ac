'use strict';

// Step 3: let serverless@3.40.0 (npm) package and print each case, offline, with fake credentials.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const toolsDir = path.resolve(__dirname, '..');
const serverlessBin = path.join(toolsDir, 'node_modules/serverless/bin/serverless.js');
const offlinePreload = path.join(__dirname, 'offline.js');
const TIMEOUT_MS = 180000;

// Fake credentials (AWS's documented example keys): packaging never signs a request, but the Framework wants some.
// The compiled config-schema validators are cached by schema hash (a pure cache: same schema, same validator), so
// they are shared between runs instead of being compiled again in every fresh home.
const baseEnv = (home, workDir) => ({
  PATH: process.env.PATH,
  HOME: home,
  SLS_SCHEMA_CACHE_BASE_DIR: path.join(workDir, 'schema-cache'),
  LANG: 'C.UTF-8',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
  SLS_INTERACTIVE_SETUP_DISABLE: '1',
});

const copyFixture = (from, to) => {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.serverless') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyFixture(source, target);
    else if (entry.isFile()) fs.copyFileSync(source, target);
  }
};

// The service directory as the test utility would have prepared it.
const stage = (caseData, fixturesDir, runDir) => {
  fs.rmSync(runDir, { recursive: true, force: true });
  if (caseData.fixture) copyFixture(path.join(fixturesDir, caseData.fixture), runDir);
  else fs.mkdirSync(runDir, { recursive: true });
  for (const [relative, base64] of Object.entries(caseData.extraFiles)) {
    fs.mkdirSync(path.dirname(path.join(runDir, relative)), { recursive: true });
    fs.writeFileSync(path.join(runDir, relative), Buffer.from(base64, 'base64'));
  }
  fs.writeFileSync(path.join(runDir, caseData.configFile), caseData.yaml);
};

const execute = (command, caseData, runDir, home, workDir) =>
  new Promise((resolve) => {
    // Run the generator itself under `nice`; the Framework inherits its priority.
    const child = spawn(
      process.execPath,
      ['-r', offlinePreload, serverlessBin, ...command, ...caseData.args],
      {
        cwd: runDir,
        env: { ...baseEnv(home, workDir), ...caseData.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });

// A run killed at the timeout says nothing about the configuration (on a loaded machine a package can take minutes):
// it is a failure of the environment, never a rejection, and it is not cached, so the next run tries again.
const timedOut = `timed out (killed after ${TIMEOUT_MS / 1000} s)`;

// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

// The Framework's error as the CLI shows it: the text after its last "Error:" heading.
const errorMessage = (output) => {
  const text = `\n${stripAnsi(output).replace(/\r/g, '')}`;
  const at = text.lastIndexOf('\nError:\n');
  const body = at >= 0 ? text.slice(at + '\nError:\n'.length) : text;
  return body.trim().split('\n').filter((line) => line.trim() !== '').join('\n');
};

// Why a failed run says nothing about the configuration (the Framework needed AWS, the network or docker), or null.
const environmentFailure = (output) => {
  const offline = output.match(/SPEC-CORPUS-OFFLINE: (\S+)/);
  if (offline) return `needs AWS (${offline[1]})`;
  const text = stripAnsi(output);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|socket hang up/.test(text)) return 'needs the network';
  if (/docker/i.test(text) && /spawn|ENOENT|not found|daemon/i.test(text)) return 'needs docker';
  return null;
};

const runCase = async (caseData, { fixturesDir, workDir }) => {
  const id = caseData.key.slice(0, 16);
  const runDir = path.join(workDir, 'run', id);
  const home = path.join(workDir, 'home', id);
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(home, { recursive: true });
  stage(caseData, fixturesDir, runDir);
  const result = { key: caseData.key };

  const pack = await execute(['package'], caseData, runDir, home, workDir);
  const templatePath = path.join(runDir, '.serverless/cloudformation-template-update-stack.json');
  if (pack.code === 0 && fs.existsSync(templatePath)) {
    result.template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
  } else {
    // The Framework writes its error to stdout, the environment banner to stderr.
    result.packageFailure = pack.signal ? timedOut : environmentFailure(pack.stdout + pack.stderr);
    result.packageError = pack.signal ? `killed (${pack.signal})` : errorMessage(pack.stdout + pack.stderr);
  }

  const print = await execute(['print', '--format', 'json'], caseData, runDir, home, workDir);
  if (print.code === 0) {
    try {
      result.print = JSON.parse(print.stdout);
    } catch (error) {
      result.printError = `print wrote no JSON: ${error.message}`;
    }
  } else {
    result.printFailure = print.signal ? timedOut : environmentFailure(print.stdout + print.stderr);
    result.printError = print.signal ? `killed (${print.signal})` : errorMessage(print.stdout + print.stderr);
  }
  fs.rmSync(home, { recursive: true, force: true });
  return result;
};

// Runs cases `jobs` at a time; results are cached by case key so a re-run only runs what changed.
const runAll = async (cases, { fixturesDir, workDir, jobs, onResult }) => {
  const cacheDir = path.join(workDir, 'results');
  fs.mkdirSync(cacheDir, { recursive: true });
  const results = new Map();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const caseData = cases[next++];
      const cached = path.join(cacheDir, `${caseData.key}.json`);
      let result;
      if (fs.existsSync(cached)) {
        result = JSON.parse(fs.readFileSync(cached, 'utf8'));
      } else {
        result = await runCase(caseData, { fixturesDir, workDir });
        if (result.packageFailure !== timedOut && result.printFailure !== timedOut) {
          fs.writeFileSync(cached, JSON.stringify(result));
        }
      }
      results.set(caseData.key, result);
      if (onResult) onResult(caseData, result, results.size);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, os.cpus().length)) }, worker));
  return results;
};

module.exports = { runAll };
