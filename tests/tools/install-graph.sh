#!/usr/bin/env bash
# Installs mermaid 11.17.2 (pinned in tests/graph/package-lock.json) into tests/graph/node_modules (gitignored) for
# tests/graph/mermaid-parse.mjs, which parses `spec graph --format mermaid` output with mermaid's own parser in
# tests/Spec.Tests/Graph. Graphviz `dot` (Debian package graphviz) is installed by .ci/run. Idempotent.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../graph" && pwd)"
command -v npm >/dev/null || { echo "install-graph: npm is not on PATH (needs Node.js >= 20)" >&2; exit 1; }
stamp="$dir/node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ -f "$dir/node_modules/mermaid/package.json" ] && [ "$dir/package-lock.json" -ot "$stamp" ]; then
  echo "install-graph: $dir/node_modules is up to date"
  exit 0
fi
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
node -e 'console.log("install-graph: mermaid " + require("mermaid/package.json").version)'
