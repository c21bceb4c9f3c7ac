#!/usr/bin/env bash
# Installs the pinned yaml-language-server (1.25.0, see tests/ide/package-lock.json) into tests/ide/node_modules for the
# real-client IDE checks (tests/Spec.Tests/Schema/IdeLanguageServerTests.cs and `node tests/ide/ide-check.js`).
# 1.25.0 is the last release that runs on Node 20 (2.x needs Node >= 22.13). Idempotent; about 5 s.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../ide"
command -v node >/dev/null || { echo "install-ide: node is not on PATH (Node 20 expected)" >&2; exit 1; }
if [ -f node_modules/yaml-language-server/package.json ] &&
   node -e 'process.exit(require("./node_modules/yaml-language-server/package.json").version === "1.25.0" ? 0 : 1)'; then
  echo "install-ide: yaml-language-server 1.25.0 already installed"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
node -e 'console.log("install-ide: yaml-language-server " + require("./node_modules/yaml-language-server/package.json").version)'
