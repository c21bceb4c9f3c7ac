#!/usr/bin/env node
// schema-compare.js: side-by-side measure of Spec's serverless.yml JSON Schema and the one SchemaStore serves today
//   (lalcebo/json-schema serverless/reference.json), statically and in the real yaml-language-server 1.25.0.
// Run:   node bench/schema-compare.js --baseline PATH/TO/lalcebo-json-schema/serverless [--ours schemas/serverless.schema.json]
//          [--corpus ../shared/corpus/sls-examples] [--json]
// Needs: Node 20 and tests/ide/node_modules (tests/tools/install-ide.sh). Get the baseline with
//        git clone https://github.com/lalcebo/json-schema && git -C json-schema checkout 56a1a45
const fs = require('fs'), path = require('path'), { spawn } = require('child_process'), { pathToFileURL } = require('url');

const repo = path.resolve(__dirname, '..');
const opt = { ours: path.join(repo, 'schemas', 'serverless.schema.json'), baseline: null,
  corpus: path.resolve(repo, '..', '..', 'shared', 'corpus', 'sls-examples'), json: false };
for (let a = process.argv.slice(2), i = 0; i < a.length; i++) {
  if (a[i] === '--ours') opt.ours = path.resolve(a[++i]);
  else if (a[i] === '--baseline') opt.baseline = path.resolve(a[++i]);
  else if (a[i] === '--corpus') opt.corpus = path.resolve(a[++i]);
  else if (a[i] === '--json') opt.json = true;
  else { console.error('unknown argument ' + a[i]); process.exit(2); }
}
if (!opt.baseline) { console.error('usage: node bench/schema-compare.js --baseline DIR/serverless [--ours FILE] [--corpus DIR] [--json]'); process.exit(2); }
if (!fs.existsSync(opt.corpus)) { const alt = path.resolve('/work/shared/corpus/sls-examples'); if (fs.existsSync(alt)) opt.corpus = alt; }

// ---------------------------------------------------------------- static measures (as recipes/schema-measure.js)
function measure(files) {
  const c = { files: files.length, props: 0, described: 0, markdown: 0, enum: 0, default: 0, examples: 0, minimum: 0, maximum: 0, closed: 0 };
  const walk = (n) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if ('enum' in n) c.enum++;
    if ('default' in n) c.default++;
    if ('examples' in n) c.examples++;
    if ('minimum' in n || 'exclusiveMinimum' in n) c.minimum++;
    if ('maximum' in n || 'exclusiveMaximum' in n) c.maximum++;
    if (n.additionalProperties === false) c.closed++;
    if (n.properties && typeof n.properties === 'object' && !Array.isArray(n.properties))
      for (const v of Object.values(n.properties)) {
        if (!v || typeof v !== 'object') continue;
        c.props++;
        if (typeof v.description === 'string' || typeof v.markdownDescription === 'string') c.described++;
        if (typeof v.markdownDescription === 'string') c.markdown++;
      }
    for (const v of Object.values(n)) walk(v);
  };
  for (const f of files) walk(JSON.parse(fs.readFileSync(f, 'utf8')));
  return c;
}
const baselineFiles = [path.join(opt.baseline, 'reference.json'),
  ...['components', 'plugin'].flatMap((d) => fs.readdirSync(path.join(opt.baseline, d)).filter((f) => f.endsWith('.json')).sort()
    .map((f) => path.join(opt.baseline, d, f)))];

// ---------------------------------------------------------------- one yaml-language-server session, many documents
const CFN_TAGS = ['!And sequence', '!Base64 scalar', '!Base64 mapping', '!Cidr sequence', '!Condition scalar',
  '!Equals sequence', '!FindInMap sequence', '!GetAtt scalar', '!GetAtt sequence', '!GetAZs scalar',
  '!If sequence', '!ImportValue scalar', '!ImportValue mapping', '!Join sequence', '!Not sequence',
  '!Or sequence', '!Ref scalar', '!Select sequence', '!Split sequence', '!Sub scalar', '!Sub sequence'];
function diagnose(schemaFile, docs) { // docs: [{name, text}] -> Promise<{name: [diagnostics]}>
  return new Promise((resolve, reject) => {
    const schemaUri = pathToFileURL(schemaFile).href;
    const root = path.join(repo, 'tests', 'ide', 'lsp-probe-virtual', 'compare');
    const uriOf = (name) => pathToFileURL(path.join(root, name, 'serverless.yml')).href;
    const settings = { yaml: { schemas: { [schemaUri]: 'serverless.yml' }, validate: true, completion: true, hover: true,
      schemaStore: { enable: false }, customTags: CFN_TAGS }, http: { proxy: '', proxyStrictSSL: false }, '[yaml]': {}, editor: {} };
    const pkg = require('module').createRequire(path.join(repo, 'tests', 'ide', 'noop.js')).resolve('yaml-language-server/package.json');
    const srv = spawn(process.execPath, [path.join(path.dirname(pkg), 'bin', 'yaml-language-server'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let buf = Buffer.alloc(0), nextId = 1, configured = 0; const pending = new Map(), last = new Map(); let lastAt = Date.now();
    const send = (m) => { const s = JSON.stringify({ jsonrpc: '2.0', ...m }); srv.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`); };
    const request = (method, params) => new Promise((res, rej) => { const id = nextId++; pending.set(id, { res, rej }); send({ id, method, params }); });
    srv.stdout.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const h = buf.indexOf('\r\n\r\n'); if (h < 0) return;
        const len = +/Content-Length: *(\d+)/i.exec(buf.subarray(0, h).toString('ascii'))[1];
        if (buf.length < h + 4 + len) return;
        const m = JSON.parse(buf.subarray(h + 4, h + 4 + len).toString('utf8')); buf = buf.subarray(h + 4 + len);
        if (m.method && m.id !== undefined) {
          let result = null;
          if (m.method === 'workspace/configuration') { configured++; result = m.params.items.map((it) => settings[it.section] ?? null); }
          send({ id: m.id, result });
        } else if (m.id !== undefined) { const p = pending.get(m.id); pending.delete(m.id); m.error ? p.rej(new Error(JSON.stringify(m.error))) : p.res(m.result); }
        else if (m.method === 'textDocument/publishDiagnostics') { last.set(m.params.uri, m.params.diagnostics); lastAt = Date.now(); }
      }
    });
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    (async () => {
      await request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: null,
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } } });
      send({ method: 'initialized', params: {} });
      send({ method: 'workspace/didChangeConfiguration', params: { settings } });
      for (let t = Date.now(); ; await sleep(100)) {
        if (configured > 0 && (await request('yaml/get/all/jsonSchemas', uriOf('x'))).some((s) => s.uri === schemaUri)) break;
        if (Date.now() - t > 60000) throw new Error('schema association timed out');
      }
      await sleep(300);
      for (const d of docs) {
        send({ method: 'textDocument/didOpen', params: { textDocument: { uri: uriOf(d.name), languageId: 'yaml', version: 1, text: d.text } } });
        await request('yaml/get/jsonSchema', uriOf(d.name));
      }
      for (let t = Date.now(); ; await sleep(200)) {
        if (docs.every((d) => last.has(uriOf(d.name))) && Date.now() - lastAt > 1500) break;
        if (Date.now() - t > 600000) throw new Error('diagnostics timed out');
      }
      await request('shutdown', null); send({ method: 'exit', params: null });
      resolve(Object.fromEntries(docs.map((d) => [d.name, last.get(uriOf(d.name)).map((x) => `${x.range.start.line + 1}: ${x.message}`)])));
    })().catch((e) => { srv.kill(); reject(e); });
  });
}

// ---------------------------------------------------------------- the comparison
const fixtures = path.join(repo, 'tests', 'ide', 'fixtures');
const read = (f) => fs.readFileSync(f, 'utf8');
const corpusCases = fs.existsSync(opt.corpus) ? fs.readdirSync(opt.corpus).filter((c) => fs.existsSync(path.join(opt.corpus, c, 'serverless.yml'))).sort() : [];
const docs = [{ name: 'invalid', text: read(path.join(fixtures, 'invalid.yml')) }, { name: 'valid', text: read(path.join(fixtures, 'valid.yml')) },
  ...corpusCases.map((c) => ({ name: 'corpus-' + c, text: read(path.join(opt.corpus, c, 'serverless.yml')) }))];

(async () => {
  const rows = {};
  for (const [label, files, entry] of [['Spec (schemas/serverless.schema.json)', [opt.ours], opt.ours],
    ['SchemaStore (lalcebo/json-schema serverless/)', baselineFiles, path.join(opt.baseline, 'reference.json')]]) {
    const t0 = Date.now();
    const m = measure(files), d = await diagnose(entry, docs);
    const invalid = d.invalid;
    // yaml-language-server reports deprecationMessage like an error; count those deprecation notices apart.
    const deprecation = (x) => / is deprecated: /.test(x);
    const corpusWith = corpusCases.filter((c) => d['corpus-' + c].some((x) => !deprecation(x)));
    const corpusDeprecated = corpusCases.filter((c) => d['corpus-' + c].some(deprecation));
    rows[label] = {
      files: m.files, properties: m.props, described: m.described, describedShare: m.props ? Math.round(1000 * m.described / m.props) / 10 : 0,
      markdownDescription: m.markdown, enum: m.enum, default: m.default, examples: m.examples, minimum: m.minimum, maximum: m.maximum,
      additionalPropertiesFalse: m.closed,
      invalidFixture: {
        functionTimeout1000: invalid.some((x) => x.startsWith('11:')), providerTimeout1000: invalid.some((x) => x.startsWith('5:')),
        memorySizeAbc: invalid.some((x) => x.startsWith('12:')),
        unknownKeys: ['7:', '13:', '18:', '20:'].filter((l) => invalid.some((x) => x.startsWith(l))).length + ' of 4',
      },
      validFixtureDiagnostics: d.valid.length,
      corpusSpecs: corpusCases.length,
      corpusSpecsWithDiagnostics: corpusWith.length,
      corpusDiagnostics: corpusWith.reduce((n, c) => n + d['corpus-' + c].filter((x) => !deprecation(x)).length, 0),
      corpusSpecsWithDeprecations: corpusDeprecated.length,
      corpusDetail: Object.fromEntries(corpusWith.map((c) => [c, d['corpus-' + c].filter((x) => !deprecation(x))])),
      seconds: Math.round((Date.now() - t0) / 100) / 10,
    };
  }
  if (opt.json) return console.log(JSON.stringify(rows, null, 1));
  const [a, b] = Object.keys(rows), A = rows[a], B = rows[b];
  const line = (k, f) => console.log(`| ${k} | ${f(A)} | ${f(B)} |`);
  console.log(`| measure | ${a} | ${b} |\n|---|---|---|`);
  line('schema files', (r) => r.files);
  line('properties described (description or markdownDescription)', (r) => `${r.described} of ${r.properties} (${r.describedShare}%)`);
  line('properties with markdownDescription', (r) => r.markdownDescription);
  line('enum / default / examples', (r) => `${r.enum} / ${r.default} / ${r.examples}`);
  line('minimum / maximum', (r) => `${r.minimum} / ${r.maximum}`);
  line('objects closed (additionalProperties: false)', (r) => r.additionalPropertiesFalse);
  line('`timeout: 1000` flagged (function / provider)', (r) => `${r.invalidFixture.functionTimeout1000 ? 'yes' : 'no'} / ${r.invalidFixture.providerTimeout1000 ? 'yes' : 'no'}`);
  line('`memorySize: "abc"` flagged', (r) => r.invalidFixture.memorySizeAbc ? 'yes' : 'no');
  line('unknown keys flagged (provider, function, event type, top level)', (r) => r.invalidFixture.unknownKeys);
  line('diagnostics on valid.yml (`${…}` everywhere + !GetAtt/!Ref/!Sub/!Join)', (r) => r.validFixtureDiagnostics);
  line(`corpus specs with errors (of ${A.corpusSpecs})`, (r) => `${r.corpusSpecsWithDiagnostics} (${r.corpusDiagnostics} errors)`);
  line('corpus specs with deprecation notices (`package.include`/`exclude`)', (r) => r.corpusSpecsWithDeprecations);
  line('language-server time for all documents (s)', (r) => r.seconds);
})().catch((e) => { console.error(e.stack || e); process.exit(1); });
