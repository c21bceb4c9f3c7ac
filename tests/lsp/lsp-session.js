#!/usr/bin/env node
// lsp-session.js: drive a language server over stdio with the LSP client library (vscode-languageserver-protocol)
// through a scripted session, and print what the server answered as one JSON object.
// Run:   node lsp-session.js SESSION.json -- SERVER-COMMAND [ARGS...]
// SESSION.json: { "uri": "file:///…/serverless.yml", "text": "…", "steps": [ … ] }, each step one of
//   { "change": "new full text" }                       didChange (full sync), then wait for its diagnostics
//   { "hover": [line, character] }                      textDocument/hover
//   { "complete": [line, character] }                   textDocument/completion
//   { "codeActions": [startLine, endLine], "apply": "title prefix" }   textDocument/codeAction; apply the first
//                                                        action whose title starts with the prefix, as an editor
//                                                        would (its WorkspaceEdit), send the result as didChange
//                                                        and wait for the diagnostics
// didOpen comes first and its diagnostics are awaited. Output: { initialize, steps: [{ step, result, diagnostics,
// ms, text }], exitCode }, where ms is the time from sending a change to receiving its diagnostics.
const { spawn } = require('child_process');
const fs = require('fs');
const rpc = require('vscode-languageserver-protocol/node');

const sep = process.argv.indexOf('--');
if (sep !== 3 || process.argv.length < 5) {
  console.error('usage: node lsp-session.js SESSION.json -- SERVER-COMMAND [ARGS...]');
  process.exit(2);
}
const session = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const server = spawn(process.argv[4], process.argv.slice(5), { stdio: ['pipe', 'pipe', 'pipe'] });
let serverErr = '';
server.stderr.on('data', (d) => { serverErr += d; });
const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
const timeout = setTimeout(() => { console.error('TIMEOUT; server stderr:\n' + serverErr); server.kill(); process.exit(3); },
  +(session.timeoutMs || 60000));

const connection = rpc.createProtocolConnection(
  new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
const waiting = new Map(); // version -> resolve
const published = [];
connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
  published.push(params);
  const resolve = waiting.get(params.version);
  if (resolve) { waiting.delete(params.version); resolve(params); }
});
connection.listen();

let text = session.text, version = 1;
const uri = session.uri;
const diagnosticsOf = (v) => new Promise((resolve) => {
  const already = published.find((p) => p.version === v);
  if (already) resolve(already); else waiting.set(v, resolve);
});

function offsetAt(t, pos) {
  let offset = 0;
  for (let l = 0; l < pos.line; l++) { const n = t.indexOf('\n', offset); offset = n < 0 ? t.length : n + 1; }
  return Math.min(t.length, offset + pos.character);
}
function applyEdits(t, edits) {
  const sorted = edits.map((e) => ({ start: offsetAt(t, e.range.start), end: offsetAt(t, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const e of sorted) t = t.slice(0, e.start) + e.newText + t.slice(e.end);
  return t;
}
async function change(newText) {
  text = newText;
  version++;
  const t0 = process.hrtime.bigint();
  const pending = diagnosticsOf(version);
  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
    { textDocument: { uri, version }, contentChanges: [{ text }] });
  const diagnostics = await pending;
  return { diagnostics: diagnostics.diagnostics, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

(async () => {
  const out = { steps: [] };
  out.initialize = await connection.sendRequest(rpc.InitializeRequest.type,
    { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  const t0 = process.hrtime.bigint();
  const opened = diagnosticsOf(1);
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
    { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  out.steps.push({ step: 'open', diagnostics: (await opened).diagnostics, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
  for (const step of session.steps) {
    if ('change' in step) {
      out.steps.push({ step: 'change', ...(await change(step.change)) });
    } else if ('hover' in step) {
      const [line, character] = step.hover;
      out.steps.push({ step: 'hover', result: await connection.sendRequest(rpc.HoverRequest.type,
        { textDocument: { uri }, position: { line, character } }) });
    } else if ('complete' in step) {
      const [line, character] = step.complete;
      out.steps.push({ step: 'complete', result: await connection.sendRequest(rpc.CompletionRequest.type,
        { textDocument: { uri }, position: { line, character } }) });
    } else if ('codeActions' in step) {
      const [startLine, endLine] = step.codeActions;
      const current = published.filter((p) => p.version === version).pop();
      const actions = await connection.sendRequest(rpc.CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } },
        context: { diagnostics: current ? current.diagnostics : [] },
      });
      const record = { step: 'codeActions', result: actions };
      const chosen = step.apply && (actions || []).find((a) => a.title.startsWith(step.apply));
      if (chosen) {
        const applied = await change(applyEdits(text, chosen.edit.changes[uri]));
        Object.assign(record, { applied: chosen.title, text, ...applied });
      }
      out.steps.push(record);
    } else {
      throw new Error('unknown step ' + JSON.stringify(step));
    }
  }
  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  out.exitCode = await exited;
  out.stderr = serverErr;
  clearTimeout(timeout);
  connection.dispose();
  console.log(JSON.stringify(out, null, 1));
})().catch((e) => {
  console.error('lsp-session failed: ' + (e && e.stack || e) + '\nserver stderr:\n' + serverErr);
  server.kill();
  process.exit(1);
});
