'use strict';

// Step 4: write the corpus. Each kept case is a folder under cases/ with the service as the test utility wrote it
// (serverless.yml plus the files it reads through ${file()} or .env), case.json, and what the Framework made of it:
// expected.cloudformation.json and expected.print.json, or, when the Framework rejects the service, its message in
// case.json (`frameworkError`). skipped.json lists every recorded call that is not a case, with the reason;
// rejected.json lists the cases the Framework rejects; summary.json holds the counts.

const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

const TAG = 'serverless/serverless@v3.40.0';

// The Framework's message without the CLI's banner (Environment/Docs/Support/Bugs) and progress lines.
const cleanMessage = (message) =>
  (message || '')
    .split('\n')
    .filter((line) => !/^(Environment|Docs|Support|Bugs):\s/.test(line))
    .filter((line) => !/^Packaging .+ for stage .+$/.test(line))
    .join('\n')
    .trim();

// A refusal about the service directory's files rather than its configuration: the corpus keeps no handler code, so
// such a case says nothing a spec compiler could check.
const filesFailure = (message) =>
  /No file matches include \/ exclude patterns/.test(message || '')
    ? 'refuses the service directory, not the configuration: no file matches the package patterns'
    : null;

const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

// Files the service reads: ${file(...)} targets, and .env files when it loads them.
const referencedFiles = (caseData, fixturesDir) => {
  const wanted = new Set();
  for (const match of caseData.yaml.matchAll(/\$\{file\(\s*['"]?([^'")]+?)['"]?\s*\)/g)) {
    const relative = path.posix.normalize(match[1].replace(/^\.\//, ''));
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) wanted.add(relative);
  }
  const config = yaml.load(caseData.yaml) || {};
  const fixtureDir = caseData.fixture ? path.join(fixturesDir, caseData.fixture) : null;
  if (config.useDotenv && fixtureDir && fs.existsSync(fixtureDir)) {
    for (const name of fs.readdirSync(fixtureDir)) if (name.startsWith('.env')) wanted.add(name);
  }
  const files = {};
  for (const relative of [...wanted].sort()) {
    if (caseData.extraFiles[relative]) files[relative] = Buffer.from(caseData.extraFiles[relative], 'base64');
    else if (fixtureDir && fs.existsSync(path.join(fixtureDir, relative))) {
      files[relative] = fs.readFileSync(path.join(fixtureDir, relative));
    }
  }
  return files;
};

// A service a test built in code and handed to one compiler: what the generator did to make it a serverless.yml.
const directModificationsOf = (caseData) => {
  const recorded = caseData.recorded;
  const modifications = [
    `built in code by the test (serverless.service) and passed to ${recorded.compiler} directly; written as ` +
      'serverless.yml without the Service class defaults (empty custom, plugins, package, resources; ' +
      "configValidationMode warn; provider.stage dev, given as --stage dev); packaged and printed here",
    ...caseData.completions,
    `${Object.keys(caseData.extraFiles).join(', ')} (a one-line handler) written into the service directory so ` +
      'that package has a file to zip; not kept here',
  ];
  if (recorded.templateContent) {
    modifications.push(
      `the test put ${recorded.templateContent.join(', ')} into compiledCloudFormationTemplate before the call, ` +
        'standing in for earlier steps; left out: the Framework makes each of them for this service itself'
    );
  }
  if (recorded.stubbedModules) {
    modifications.push(
      `the test loaded the compiler through proxyquire with ${recorded.stubbedModules.join(', ')} replaced; ` +
        "here the Framework's own modules run"
    );
  }
  return modifications;
};

// Resources (or outputs) a test put into compiledCloudFormationTemplate that the Framework does not make for the
// service itself: the test's state is then not this serverless.yml.
const foreignTemplateContent = (caseData, result) =>
  (caseData.recorded.templateContent || []).filter((name) => {
    const [section, logicalId] = name.split('.');
    return !(result.template && result.template[section] && result.template[section][logicalId]);
  });

const modificationsOf = (caseData) => {
  if (caseData.origin === 'compiler') return directModificationsOf(caseData);
  const config = yaml.load(caseData.yaml) || {};
  const modifications = [];
  if (caseData.fixture && config.service === `test-${caseData.fixture}`) {
    modifications.push(
      `service renamed to test-${caseData.fixture} (the test utility names it test-${caseData.fixture}-<timestamp>)`
    );
  }
  if (caseData.droppedOptions.length) {
    modifications.push(
      `options of the test's command left out (not options of package/print): ${caseData.droppedOptions
        .map((o) => `--${o}`)
        .join(', ')}`
    );
  }
  if (caseData.recorded.command !== 'package') {
    modifications.push(`recorded with command '${caseData.recorded.command}'; packaged and printed here`);
  }
  if (caseData.recorded.awsRequestStubMap) {
    modifications.push(
      `the test stubbed AWS answers (${caseData.recorded.awsRequestStubMap.join(', ')}); packaging needed none of them`
    );
  }
  return modifications;
};

const writeCorpus = ({ cases, skipped, results, calls, fixturesDir, out }) => {
  const kept = [];
  const allSkipped = [...skipped];
  for (const caseData of cases) {
    const result = results.get(caseData.key);
    const timeout = [result.packageFailure, result.printFailure].find((f) => f && f.startsWith('timed out'));
    const failure = timeout || (result.template ? null : result.packageFailure || filesFailure(result.packageError));
    const foreign = caseData.origin === 'compiler' ? foreignTemplateContent(caseData, result) : [];
    if (failure || foreign.length) {
      const reason = failure
        ? `serverless package ${failure}`
        : `puts ${foreign.join(', ')} into compiledCloudFormationTemplate before the call, which the Framework ` +
          'does not make for this service';
      for (const source of caseData.sources) {
        allSkipped.push({ ...source, reason });
      }
      continue;
    }
    kept.push({ caseData, result });
  }

  // Names: <test file>-<NN>, numbered in recording order within each test file.
  const perSlug = new Map();
  for (const entry of kept) {
    const index = (perSlug.get(entry.caseData.slug) || 0) + 1;
    perSlug.set(entry.caseData.slug, index);
    entry.name = `${entry.caseData.slug}-${String(index).padStart(2, '0')}`;
  }

  fs.rmSync(path.join(out, 'cases'), { recursive: true, force: true });
  const rejected = [];
  for (const { caseData, result, name } of kept) {
    const dir = path.join(out, 'cases', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, caseData.configFile), caseData.yaml);
    const files = referencedFiles(caseData, fixturesDir);
    for (const [relative, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), content);
    }
    const first = caseData.sources[0];
    const info = {
      source: `${TAG}:${first.file}: ${first.test}`,
      sources: caseData.sources,
      fixture: caseData.fixture ? `test/fixtures/programmatic/${caseData.fixture}` : null,
      config: caseData.configFile,
      framework: 'serverless 3.40.0 (package)',
      args: caseData.args,
      env: caseData.env,
      referencedFiles: Object.keys(files),
      plugins_stripped: false,
      modifications: modificationsOf(caseData),
      recorded: caseData.recorded,
      expected: result.template ? 'template' : 'error',
    };
    if (!result.template) {
      info.frameworkError = cleanMessage(result.packageError);
      rejected.push({ case: name, message: info.frameworkError, source: info.source });
    }
    if (result.printError) info.printError = cleanMessage(result.printError);
    writeJson(path.join(dir, 'case.json'), info);
    if (result.template) writeJson(path.join(dir, 'expected.cloudformation.json'), result.template);
    if (result.print) writeJson(path.join(dir, 'expected.print.json'), result.print);
  }

  allSkipped.sort((a, b) =>
    `${a.file}\u0000${a.callSite}\u0000${a.test}`.localeCompare(`${b.file}\u0000${b.callSite}\u0000${b.test}`)
  );
  writeJson(path.join(out, 'skipped.json'), allSkipped);
  writeJson(path.join(out, 'rejected.json'), rejected);

  const byReason = {};
  for (const s of allSkipped) {
    const reason = s.reason.replace(/\(.*\)$/, '').trim();
    byReason[reason] = (byReason[reason] || 0) + 1;
  }
  const runServerlessCalls = calls.filter((c) => c.origin !== 'compiler');
  const compilerCalls = calls.filter((c) => c.origin === 'compiler');
  const counts = {
    testFiles: new Set(runServerlessCalls.map((c) => c.file)).size,
    callsRecorded: runServerlessCalls.length,
    compilerTestFiles: new Set(compilerCalls.map((c) => c.file)).size,
    compilerCallsRecorded: compilerCalls.length,
    cases: kept.length,
    casesWithTemplate: kept.filter((k) => k.result.template).length,
    casesRejectedByTheFramework: rejected.length,
    casesWithPrint: kept.filter((k) => k.result.print).length,
    casesRecordedWithPackage: kept.filter((k) => k.caseData.recorded.command === 'package').length,
    casesFromDirectCompilerCalls: kept.filter((k) => k.caseData.origin === 'compiler').length,
    callsSkipped: allSkipped.length,
    skippedByReason: byReason,
  };
  writeJson(path.join(out, 'summary.json'), counts);
  return { counts };
};

module.exports = { writeCorpus };
