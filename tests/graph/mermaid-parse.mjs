#!/usr/bin/env node
// mermaid-parse.mjs: parse Mermaid files with mermaid's own parser (the grammar mermaid renders from) and print one
// JSON line per file: {"file", "ok", "diagramType"} or {"file", "ok": false, "error"}. Exit 0 when all parse.
// Run:   node mermaid-parse.mjs FILE.mmd...
// mermaid needs a DOM only to sanitise label HTML (DOMPurify), which Node has not; sanitising is replaced by the
// identity here, so labels are taken as written and the syntax check is mermaid's own.
import fs from 'fs';
import DOMPurify from 'dompurify';

Object.assign(DOMPurify, { addHook() {}, removeHook() {}, removeHooks() {}, sanitize: (text) => String(text) });
const { default: mermaid } = await import('mermaid');
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(fs.readFileSync(file, 'utf8'));
    console.log(JSON.stringify({ file, ok: true, diagramType: result.diagramType }));
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ file, ok: false, error: String(e && e.message || e) }));
  }
}
process.exit(failed ? 1 : 0);
