#!/usr/bin/env node
// Measures tests/corpus/planted-bugs: which planted bugs `spec check` finds, and which `serverless package`
// (serverless@3.40.0) followed by cfn-lint on the template it writes finds. See README.md beside this file.
//
//   node tests/corpus-tools/planted-bugs/measure.js [--spec-only] [--case NAME] [--json out.json]
//
// Environment: SPEC (command that runs spec; default <repo>/spec), SERVERLESS (path of serverless.js; default the
// copy tests/corpus-tools/framework-suite installs), CFN_LINT (default cfn-lint on PATH).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const repo = path.resolve(__dirname, '..', '..', '..');
const corpus = path.join(repo, 'tests', 'corpus', 'planted-bugs');
const serverlessJs = process.env.SERVERLESS
  || path.join(repo, 'tests', 'corpus-tools', 'framework-suite', 'node_modules', 'serverless', 'bin', 'serverless.js');
const specCommand = (process.env.SPEC || path.join(repo, 'spec')).split(' ');
const cfnLint = process.env.CFN_LINT || 'cfn-lint';

// A finding matches a planted bug when its line is within the bug's node (line..endLine: one line for a value, the
// key and its block for a bug in a whole resource or setting), widened by one line either way, or on one of the
// bug's other lines (every other node that takes part: the other end of a cross-resource mistake, the other value
// of a forbidden combination). One line either way: a rule may point at the key of a block whose offending value is
// on the next line, or at the value of a key flagged on the line above; no other planted bug's line is that close.
const LINE_TOLERANCE = 1;

const args = process.argv.slice(2);
const specOnly = args.includes('--spec-only');
const toolsOnly = args.includes('--tools-only');
const only = args.includes('--case') ? args[args.indexOf('--case') + 1] : null;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

function cases() {
  return fs.readdirSync(corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (!only || d.name === only))
    .map((d) => ({ name: d.name, dir: path.join(corpus, d.name), ...JSON.parse(fs.readFileSync(path.join(corpus, d.name, 'bugs.json'), 'utf8')) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function matchesLine(bug, line) {
  const end = bug.endLine || bug.line;
  return (line >= bug.line - LINE_TOLERANCE && line <= end + LINE_TOLERANCE)
    || (bug.alsoLines || []).some((l) => Math.abs(l - line) <= LINE_TOLERANCE);
}

function runSpec(c) {
  const r = spawnSync(specCommand[0], [...specCommand.slice(1), 'check', '--format', 'json', path.join(c.dir, 'serverless.yml')],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    throw new Error(`spec check gave no JSON for ${c.name} (exit ${r.status}): ${r.stderr}`);
  }
  return report.findings.filter((f) => !f.suppressed && f.severity !== 'info' && f.line !== undefined);
}

// `serverless package` in a private copy of the case (it writes .serverless/ and needs no AWS account for these
// specs), then cfn-lint on the template it wrote. A minute or more per case on a loaded machine, so the result is
// cached in .work/ by the hash of the spec (delete .work/ to run the tools again).
function runServerless(c) {
  const text = fs.readFileSync(path.join(c.dir, 'serverless.yml'));
  const key = require('crypto').createHash('sha256').update(text).digest('hex').slice(0, 16);
  const cacheDir = path.join(__dirname, '.work');
  const cached = path.join(cacheDir, `${c.name}-${key}.json`);
  if (fs.existsSync(cached)) {
    return JSON.parse(fs.readFileSync(cached, 'utf8'));
  }
  const result = packageAndLint(c);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(cached, JSON.stringify(result));
  return result;
}

function packageAndLint(c) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'planted-bugs-'));
  try {
    const spec = fs.readFileSync(path.join(c.dir, 'serverless.yml'), 'utf8');
    fs.writeFileSync(path.join(work, 'serverless.yml'), spec);
    // The cases hold no code: give the Framework a handler file, every layer `path:` a file and every `artifact:`
    // a zip, so that packaging gets as far as the template.
    fs.writeFileSync(path.join(work, 'handler.js'), 'module.exports.handler = async () => ({});\n');
    for (const m of spec.matchAll(/^\s+path: (layers\/[\w./-]+)\s*$/gm)) {
      fs.mkdirSync(path.join(work, m[1]), { recursive: true });
      fs.writeFileSync(path.join(work, m[1], 'README'), 'layer\n');
    }
    for (const m of spec.matchAll(/^\s+artifact: ([\w./-]+)\s*$/gm)) {
      fs.mkdirSync(path.dirname(path.join(work, m[1])), { recursive: true });
      fs.writeFileSync(path.join(work, m[1]), 'PK\x05\x06' + '\0'.repeat(18));
    }
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      SLS_DEPRECATION_DISABLE: '*',
      HOME: work,
    };
    const r = spawnSync(process.execPath, [serverlessJs, 'package'], { cwd: work, env, encoding: 'utf8', timeout: 300000, maxBuffer: 64 << 20 });
    const output = `${r.stdout || ''}\n${r.stderr || ''}`;
    const templatePath = path.join(work, '.serverless', 'cloudformation-template-update-stack.json');
    let lint = [];
    if (fs.existsSync(templatePath)) {
      const l = spawnSync(cfnLint, ['--format', 'json', '--', templatePath], { encoding: 'utf8', maxBuffer: 64 << 20 });
      lint = JSON.parse(l.stdout || '[]').filter((m) => m.Level === 'Error' || m.Level === 'Warning');
    }
    return { ok: r.status === 0, output, lint, packaged: fs.existsSync(templatePath) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// The Framework names the offending config path in its schema warnings ("at 'functions.a.events[0].sqs.batchSize'");
// a warning matches a bug at that path, at its parent or at a child. A thrown error matches by the bug's keyword.
function frameworkPaths(output) {
  return [...output.matchAll(/at '([^']+)'/g)].map((m) => m[1]);
}

function parentOf(p) {
  const i = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
  return i > 0 ? p.slice(0, i) : '';
}

function frameworkCatches(bug, run) {
  const bugPath = bug.path;
  if (frameworkPaths(run.output).some((p) => p === bugPath || p === parentOf(bugPath) || parentOf(p) === bugPath)) {
    return true;
  }
  const keyword = bug.tool && bug.tool.frameworkMessage;
  return !run.ok && !!keyword && /Error:?\s*\n?/.test(run.output) && errorText(run.output).includes(keyword);
}

function errorText(output) {
  const i = output.search(/(Error:|✖)/);
  return i < 0 ? '' : output.slice(i);
}

function cfnLintCatches(bug, run) {
  const tool = bug.tool || {};
  if (!tool.cfnResource && !tool.cfnKey) {
    return [];
  }
  return run.lint.filter((m) => {
    const p = (m.Location && m.Location.Path) || [];
    const inResource = !tool.cfnResource || p[1] === tool.cfnResource;
    const onKey = !tool.cfnKey || p.map(String).includes(tool.cfnKey) || (m.Message || '').includes(tool.cfnKey);
    return inResource && onKey;
  }).map((m) => m.Rule.Id);
}

function main() {
  const all = cases();
  const rows = [];
  let planted = 0;
  let specCaught = 0;
  let toolsCaught = 0;
  let falseAlarms = 0;
  for (const c of all) {
    const findings = toolsOnly ? [] : runSpec(c);
    const run = specOnly ? null : runServerless(c);
    const row = { case: c.name, clean: c.clean, bugs: [], unmatched: [] };
    const used = new Set();
    for (const bug of c.bugs) {
      planted++;
      const hits = findings.filter((f) => matchesLine(bug, f.line));
      hits.forEach((f) => used.add(f));
      const spec = hits.map((f) => `${f.ruleId}@${f.line}`);
      const fw = run ? frameworkCatches(bug, run) : false;
      const lint = run ? cfnLintCatches(bug, run) : [];
      if (spec.length) specCaught++;
      if (fw || lint.length) toolsCaught++;
      row.bugs.push({ id: bug.id, line: bug.line, what: bug.what, spec, framework: fw, cfnLint: lint });
    }
    row.unmatched = findings.filter((f) => !used.has(f)).map((f) => `${f.severity} ${f.ruleId}@${f.line}: ${f.message}`);
    if (c.clean) falseAlarms += findings.filter((f) => f.severity === 'error').length;
    if (run) {
      row.packaged = run.packaged;
      row.frameworkError = run.ok ? null : errorText(run.output).split('\n').slice(0, 3).join(' ').trim();
      row.cfnLintOther = run.lint.map((m) => `${m.Rule.Id} ${(m.Location.Path || []).join('/')}`);
    }
    rows.push(row);
    print(row);
  }
  const specOnlyBugs = [];
  const toolsOnlyBugs = [];
  for (const r of rows) {
    for (const b of r.bugs) {
      const tools = b.framework || b.cfnLint.length > 0;
      if (b.spec.length && !tools && !specOnly) specOnlyBugs.push(`${r.case}/${b.id}`);
      if (!b.spec.length && tools) toolsOnlyBugs.push(`${r.case}/${b.id}`);
    }
  }
  const summary = {
    cases: all.length,
    clean: all.filter((c) => c.clean).length,
    planted,
    specCaught,
    specRecall: +(specCaught / planted).toFixed(3),
    falseAlarmsOnClean: falseAlarms,
    toolsCaught: specOnly ? null : toolsCaught,
    toolsRecall: specOnly ? null : +(toolsCaught / planted).toFixed(3),
    caughtByToolsNotSpec: toolsOnlyBugs,
    caughtBySpecNotTools: specOnly ? null : specOnlyBugs.length,
  };
  console.log('\n' + JSON.stringify(summary, null, 2));
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ summary, rows }, null, 2) + '\n');
}

function print(row) {
  console.log(`${row.case}${row.clean ? ' (clean)' : ''}`);
  for (const b of row.bugs) {
    const tools = [b.framework ? 'framework' : null, ...b.cfnLint].filter(Boolean).join(',') || '-';
    console.log(`  ${b.spec.length ? 'CAUGHT' : 'missed'} ${b.id} L${b.line} spec=[${b.spec.join(' ')}] tools=[${tools}] ${b.what}`);
  }
  for (const u of row.unmatched) console.log(`  unplanned: ${u}`);
  if (row.frameworkError) console.log(`  serverless package failed: ${row.frameworkError}`);
}

main();
