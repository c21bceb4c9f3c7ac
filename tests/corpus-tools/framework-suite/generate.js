#!/usr/bin/env node
'use strict';

// Generates tests/corpus/framework-suite from the Serverless Framework v3.40.0 unit tests. See README.md.
//
//   node generate.js [--source DIR] [--out DIR] [--jobs N] [--reuse-recording]
//
//   --source DIR        the Framework's source tree at v3.40.0 (bin, commands, lib, scripts, test, package.json);
//                       default .work/serverless-3.40.0
//   --out DIR           the corpus to (re)write; default ../../corpus/framework-suite
//   --jobs N            Framework runs at a time (1 or 2; default 2)
//   --reuse-recording   use .work/calls.json from the previous run instead of running mocha again
//
// Results of the Framework runs are cached in .work/results by case key; delete that folder to run them again.

const fs = require('fs');
const path = require('path');
const { record } = require('./lib/record');
const { plan } = require('./lib/plan');
const { runAll } = require('./lib/run');
const { writeCorpus } = require('./lib/write');

const toolsDir = __dirname;

const parseArgs = (argv) => {
  const args = {
    source: path.join(toolsDir, '.work/serverless-3.40.0'),
    out: path.resolve(toolsDir, '../../corpus/framework-suite'),
    jobs: 2,
    reuseRecording: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--source') args.source = path.resolve(argv[++i]);
    else if (arg === '--out') args.out = path.resolve(argv[++i]);
    else if (arg === '--jobs') args.jobs = Math.min(2, Math.max(1, Number(argv[++i]) || 1));
    else if (arg === '--reuse-recording') args.reuseRecording = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
};

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  const workDir = path.join(toolsDir, '.work');
  fs.mkdirSync(workDir, { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(args.source, 'package.json'), 'utf8'));
  if (pkg.name !== 'serverless' || pkg.version !== '3.40.0') {
    throw new Error(`${args.source} is not the Framework's source at v3.40.0 (found ${pkg.name}@${pkg.version})`);
  }

  const recording = path.join(workDir, 'calls.json');
  let calls;
  if (args.reuseRecording && fs.existsSync(recording)) {
    calls = JSON.parse(fs.readFileSync(recording, 'utf8'));
  } else {
    process.stderr.write('recording runServerless calls (mocha over the Framework unit tests)…\n');
    ({ calls } = record({ sourceDir: args.source, outFile: recording, logDir: workDir }));
  }
  process.stderr.write(`${calls.length} calls recorded\n`);

  const { cases, skipped } = plan(calls);
  process.stderr.write(`${cases.length} distinct candidate cases, ${skipped.length} calls skipped\n`);

  const fixturesDir = path.join(args.source, 'test/fixtures/programmatic');
  const results = await runAll(cases, {
    fixturesDir,
    workDir,
    jobs: args.jobs,
    onResult: (caseData, result, done) => {
      const outcome = result.template ? 'ok' : result.packageFailure || 'rejected';
      process.stderr.write(`[${done}/${cases.length}] ${caseData.slug} ${caseData.key.slice(0, 8)}: ${outcome}\n`);
    },
  });

  const summary = writeCorpus({ cases, skipped, results, calls, fixturesDir, out: args.out });
  process.stderr.write(`${JSON.stringify(summary.counts, null, 2)}\n`);
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exitCode = 1;
});
