#!/usr/bin/env bash
# Installs the npm tools the tests use into tests/tools/node_modules (called by .ci/run; safe to re-run).
#   @aws-cdk/aws-service-spec: the CloudFormation resource specification the template validator checks against.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f "$here/node_modules/@aws-cdk/aws-service-spec/db.json.gz" ]; then
  npm install --prefix "$here" --no-audit --no-fund --no-save @aws-cdk/aws-service-spec@0.1.216
fi
