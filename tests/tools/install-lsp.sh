#!/usr/bin/env bash
# Installs the LSP client library (vscode-languageserver-protocol 3.17.5 with vscode-jsonrpc 8.2.0, pinned in
# tests/lsp/package-lock.json) into tests/lsp/node_modules (gitignored) for tests/lsp/lsp-session.js, which drives
# `spec lsp` over stdio in tests/Spec.Tests/Lsp and in bench/lsp-latency.sh. Idempotent: does nothing when
# node_modules matches package-lock.json.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../lsp" && pwd)"
command -v npm >/dev/null || { echo "install-lsp: npm is not on PATH (needs Node.js >= 20)" >&2; exit 1; }
stamp="$dir/node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ -f "$dir/node_modules/vscode-languageserver-protocol/package.json" ] && [ "$dir/package-lock.json" -ot "$stamp" ]; then
  echo "install-lsp: $dir/node_modules is up to date"
  exit 0
fi
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
node -e 'console.log("install-lsp: vscode-languageserver-protocol " + require("vscode-languageserver-protocol/package.json").version + ", vscode-jsonrpc " + require("vscode-jsonrpc/package.json").version)'
