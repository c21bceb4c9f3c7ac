'use strict';

// `--seed-from-corpus`: fills the result cache (.work/results) from the checked-in corpus for the cases it already
// holds, so that a run that adds cases does not run the Framework again on the old ones (about an hour on two
// cores). A case is taken from the corpus only when everything that made it is the same: the serverless.yml, the
// fixture, the CLI arguments, the environment and every test it came from. Its results are what serverless@3.40.0
// produced when the corpus was generated: the template, the print, or the Framework's messages as case.json
// keeps them (without the CLI's banner, which the writer strips anyway).

const fs = require('fs');
const path = require('path');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const seedFromCorpus = ({ cases, out, workDir }) => {
  const cacheDir = path.join(workDir, 'results');
  fs.mkdirSync(cacheDir, { recursive: true });
  const casesDir = path.join(out, 'cases');
  const byConfig = new Map();
  for (const name of fs.existsSync(casesDir) ? fs.readdirSync(casesDir) : []) {
    const dir = path.join(casesDir, name);
    const info = readJson(path.join(dir, 'case.json'));
    const config = fs.readFileSync(path.join(dir, info.config), 'utf8');
    const list = byConfig.get(config) || [];
    list.push({ dir, info });
    byConfig.set(config, list);
  }
  let seeded = 0;
  for (const caseData of cases) {
    const cached = path.join(cacheDir, `${caseData.key}.json`);
    if (fs.existsSync(cached)) continue;
    const fixture = caseData.fixture ? `test/fixtures/programmatic/${caseData.fixture}` : null;
    const match = (byConfig.get(caseData.yaml) || []).find(
      ({ info }) =>
        info.fixture === fixture &&
        JSON.stringify(info.args) === JSON.stringify(caseData.args) &&
        JSON.stringify(info.env) === JSON.stringify(caseData.env) &&
        JSON.stringify(info.sources) === JSON.stringify(caseData.sources)
    );
    if (!match) continue;
    const result = { key: caseData.key };
    const templateFile = path.join(match.dir, 'expected.cloudformation.json');
    const printFile = path.join(match.dir, 'expected.print.json');
    if (fs.existsSync(templateFile)) result.template = readJson(templateFile);
    else result.packageError = match.info.frameworkError;
    if (fs.existsSync(printFile)) result.print = readJson(printFile);
    if (match.info.printError !== undefined) result.printError = match.info.printError;
    fs.writeFileSync(cached, JSON.stringify(result));
    seeded++;
  }
  return seeded;
};

module.exports = { seedFromCorpus };
