// ide-check.js: CI gate for the generated serverless.yml JSON Schema. Runs lsp-probe.js (same folder) against the
//   fixtures in ide-fixtures/ and lists every failed expectation: completion of function keys and all event types,
//   hover text, diagnostics for invalid values/unknown keys, and no false positives for ${...} variables and !Ref/!GetAtt.
// Run:   node ide-check.js path/to/schema.json      (exit 0 = all expectations met, 1 = failures are listed)
// Needs: Node 20 and yaml-language-server@1.25.0 (see lsp-probe.js); three language-server runs, about 5-30 s in total.
const path = require('path');
const { execFileSync } = require('child_process');
if (!process.argv[2]) { console.error('usage: node ide-check.js SCHEMA.json'); process.exit(2); }
const probe = (doc, ...a) => JSON.parse(execFileSync(process.execPath,
  [path.join(__dirname, 'lsp-probe.js'), process.argv[2], path.join(__dirname, 'fixtures', doc), '--timeout', '60000', ...a], { encoding: 'utf8' }));
const fails = [], expect = (ok, what) => { if (!ok) fails.push(what); };
const c = probe('complete.yml', '--complete', '10:4', '--complete', '12:8', '--hover', '8:5');
const labels = (p) => c.completions[p].map((i) => i.label).filter((l) => !l.startsWith('!')); // drop customTags items
expect(c.matched.length === 1, 'schema bound to serverless.yml');
for (const k of ['memorySize', 'environment', 'role', 'vpc']) expect(labels('10:4').includes(k), 'completes function key ' + k);
for (const e of ['http', 'httpApi', 'sqs', 'sns', 's3', 'schedule', 'stream', 'eventBridge', 'websocket', 'alb',
  'cloudwatchLog', 'cognitoUserPool', 'kafka', 'msk', 'rabbitmq']) expect(labels('12:8').includes(e), 'completes event ' + e);
expect(/900/.test(c.hovers['8:5'] || ''), 'hover on function timeout mentions the 900 s limit');
const bad = probe('invalid.yml').diagnostics.map((d) => `${d.line + 1}: ${d.message}`);
for (const re of [/^11: .*maximum of 900/, /^12: /, /^13: .*unknownKey/, /^20: .*bogusTopLevel/])
  expect(bad.some((m) => re.test(m)), 'invalid.yml reports ' + re);
expect(!bad.some((m) => /Problems loading reference|Unable to load schema/.test(m)), 'schema loads without $ref errors');
const good = probe('valid.yml').diagnostics.map((d) => `${d.line + 1}: ${d.message.slice(0, 80)}`);
expect(good.length === 0, 'valid.yml (${...} vars + !GetAtt/!Ref/!Sub/!Join) has no diagnostics, got ' + JSON.stringify(good, null, 1));
console.log(fails.length ? 'FAILED:\n- ' + fails.join('\n- ') : 'IDE check passed');
process.exit(fails.length ? 1 : 0);
