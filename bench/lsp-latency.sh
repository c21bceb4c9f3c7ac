#!/usr/bin/env bash
# Latency of `spec lsp` from a didChange to the publishDiagnostics of that version, on the generated N-function spec
# of the compile benchmarks (tests/Spec.Benchmarks `--generate N`, default 1000), driven by the npm LSP client
# (tests/lsp/lsp-session.js; run tests/tools/install-lsp.sh first). Each change edits one function's timeout, so every
# publish is a full Load → Resolve → Bind → Check of the document. Prints the open time and the median, min and max of
# RUNS changes, once with the default 150 ms debounce and once with --debounce 0 (the check alone plus the protocol).
#
#   bench/lsp-latency.sh [N]     SPEC=path/to/spec: the server to measure (default: a build of src/Spec.Cli);
#                                CONFIGURATION=Debug|Release: what to build (default Release)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
functions="${1:-1000}"
runs="${RUNS:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "${SPEC:-}" ]; then
  dotnet build -c "${CONFIGURATION:-Release}" "$root/src/Spec.Cli" -v q -nologo >&2
  SPEC="$root/src/Spec.Cli/bin/${CONFIGURATION:-Release}/net10.0/spec"
fi
dotnet run -c "${CONFIGURATION:-Release}" --project "$root/tests/Spec.Benchmarks" -v q -- --generate "$functions" > "$work/serverless.yml"

node - "$work" "$runs" <<'JS'
const fs = require('fs'), path = require('path');
const [work, runs] = [process.argv[2], +process.argv[3]];
const text = fs.readFileSync(path.join(work, 'serverless.yml'), 'utf8');
const steps = [];
for (let i = 0; i < runs; i++) {
  steps.push({ change: text.replace('    handler: src/fn500.handler\n', `    handler: src/fn500.handler\n    timeout: ${10 + i}\n`) });
}
fs.writeFileSync(path.join(work, 'session.json'), JSON.stringify({
  uri: 'file://' + path.join(work, 'serverless.yml'), text, steps, timeoutMs: 600000 }));
JS

for debounce in 150 0; do
  node "$root/tests/lsp/lsp-session.js" "$work/session.json" -- "$SPEC" lsp --stdio --debounce "$debounce" > "$work/out.json"
  node - "$work/out.json" "$functions" "$debounce" <<'JS'
const [file, n, debounce] = process.argv.slice(2);
const out = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const open = out.steps[0];
const ms = out.steps.slice(1).map((s) => s.ms).sort((a, b) => a - b);
const f = (x) => x.toFixed(0);
console.log(`${n} functions, debounce ${debounce} ms: didOpen→diagnostics ${f(open.ms)} ms (${open.diagnostics.length} findings); ` +
  `didChange→diagnostics median ${f(ms[ms.length >> 1])} ms, min ${f(ms[0])}, max ${f(ms[ms.length - 1])} (${ms.length} changes)`);
JS
done
