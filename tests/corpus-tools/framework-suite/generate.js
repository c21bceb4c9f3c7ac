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
//   --seed-from-corpus  take the Framework's results for the cases the corpus (--out) already holds from it, so that
//                       only new or changed cases run the Framework (see lib/seed.js)
//   --cached-only       run the Framework on no case: write the cases whose results are cached and list the others in
//                       skipped.json as not run (for a run that had to stop; run again without it to complete)
//
// Results of the Framework runs are cached in .work/results by case key; delete that folder to run them again.

const fs = require('fs');
const path = require('path');
const { record } = require('./lib/record');
const { plan } = require('./lib/plan');
const { runAll } = require('./lib/run');
const { writeCorpus } = require('./lib/write');
const { seedFromCorpus } = require('./lib/seed');

const toolsDir = __dirname;

const parseArgs = (argv) => {
  const args = {
    source: path.join(toolsDir, '.work/serverless-3.40.0'),
    out: path.resolve(toolsDir, '../../corpus/framework-suite'),
    jobs: 2,
    reuseRecording: false,
    seedFromCorpus: false,
    cachedOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--source') args.source = path.resolve(argv[++i]);
    else if (arg === '--out') args.out = path.resolve(argv[++i]);
    else if (arg === '--jobs') args.jobs = Math.min(2, Math.max(1, Number(argv[++i]) || 1));
    else if (arg === '--reuse-recording') args.reuseRecording = true;
    else if (arg === '--seed-from-corpus') args.seedFromCorpus = true;
    else if (arg === '--cached-only') args.cachedOnly = true;
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

  if (args.seedFromCorpus) {
    const seeded = seedFromCorpus({ cases, out: args.out, workDir });
    process.stderr.write(`${seeded} results taken from the corpus in ${args.out}\n`);
  }

  const fixturesDir = path.join(args.source, 'test/fixtures/programmatic');
  const notRun = args.cachedOnly
    ? cases.filter((caseData) => !fs.existsSync(path.join(workDir, 'results', `${caseData.key}.json`)))
    : [];
  for (const caseData of notRun) {
    for (const source of caseData.sources) {
      skipped.push({
        ...source,
        reason: 'not generated yet: the Framework has not run on it (generated with --cached-only; run the generator again)',
      });
    }
  }
  const toRun = cases.filter((caseData) => !notRun.includes(caseData));
  const results = await runAll(toRun, {
    fixturesDir,
    workDir,
    jobs: args.jobs,
    onResult: (caseData, result, done) => {
      const outcome = result.template ? 'ok' : result.packageFailure || 'rejected';
      process.stderr.write(`[${done}/${toRun.length}] ${caseData.slug} ${caseData.key.slice(0, 8)}: ${outcome}\n`);
    },
  });

  const summary = writeCorpus({ cases: toRun, skipped, results, calls, fixturesDir, out: args.out });
  process.stderr.write(`${JSON.stringify(summary.counts, null, 2)}\n`);
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exitCode = 1;
});
