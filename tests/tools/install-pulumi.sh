#!/usr/bin/env bash
# Installs the pinned Pulumi Node SDK, @pulumi/aws and TypeScript into tests/pulumi/node_modules (gitignored), which the
# Pulumi backend's verification tests use (tsc --strict and Pulumi's mock dry run). No provider plugin is downloaded.
# Usage: tests/tools/install-pulumi.sh   (idempotent: does nothing when node_modules matches package-lock.json)
set -euo pipefail
dir="$(cd "$(dirname "$0")/../pulumi" && pwd)"
command -v npm >/dev/null || { echo "install-pulumi: npm is not on PATH (needs Node.js >= 20)" >&2; exit 1; }
stamp="$dir/node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ -x "$dir/node_modules/.bin/tsc" ] && [ "$dir/package-lock.json" -ot "$stamp" ]; then
  echo "install-pulumi: $dir/node_modules is up to date"
  exit 0
fi
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
echo "install-pulumi: installed $(ls node_modules | wc -l) top-level packages into $dir/node_modules"
