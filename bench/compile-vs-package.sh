#!/usr/bin/env bash
# Whole-process time of `spec compile` (CloudFormation) against `serverless package` (Serverless Framework 3 from
# npm) on the same spec, median of RUNS runs each, after 2 warm-ups. Both get `--stage dev --region us-east-1`,
# fake AWS credentials, telemetry and notifications off.
#
#   bench/compile-vs-package.sh                  # CASE=aws-node-rest-api-with-dynamodb, RUNS=10
#   SPEC_BIN=path/to/spec bench/compile-vs-package.sh   # skip the publish step
#   SLS_BIN=path/to/serverless bench/compile-vs-package.sh   # skip the npm install
#
# The spec is the corpus case CASE (/work/shared/corpus/sls-examples/CASE, found beside an ancestor of this repo).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-10}"
case_name="${CASE:-aws-node-rest-api-with-dynamodb}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

corpus=""
dir="$root"
while [[ "$dir" != "/" ]]; do
  if [[ -d "$dir/shared/corpus" ]]; then corpus="$dir/shared/corpus"; break; fi
  dir="$(dirname "$dir")"
done
[[ -n "$corpus" ]] || { echo "no shared/corpus beside an ancestor of $root" >&2; exit 2; }
src="$corpus/sls-examples/$case_name"
[[ -f "$src/serverless.yml" ]] || { echo "no corpus case $src" >&2; exit 2; }

# --- spec ----------------------------------------------------------------------------------------------------
if [[ -z "${SPEC_BIN:-}" ]]; then
  if command -v clang >/dev/null; then
    kind="NativeAOT"
    dotnet publish "$root/src/Spec.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/spec" >&2
  else
    kind="JIT, framework-dependent Release build"
    dotnet publish "$root/src/Spec.Cli" -c Release -o "$work/spec" >&2
  fi
  SPEC_BIN="$work/spec/spec"
else
  kind="given: $SPEC_BIN"
fi

# --- serverless@3 --------------------------------------------------------------------------------------------
if [[ -z "${SLS_BIN:-}" ]]; then
  mkdir -p "$work/sls"
  (cd "$work/sls" && echo '{"private":true}' > package.json \
    && npm install --no-audit --no-fund --loglevel=error serverless@3 >&2)
  SLS_BIN="$work/sls/node_modules/.bin/serverless"
fi
export SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off SLS_DEPRECATION_DISABLE='*'
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 NO_COLOR=1

svc="$work/svc"
mkdir -p "$svc"
cp "$src/serverless.yml" "$svc/serverless.yml"
# The corpus keeps only the spec; `serverless package` refuses to zip an empty service, so give it one code file.
echo 'module.exports = {};' > "$svc/handler.js"
cd "$svc"

spec_cmd=("$SPEC_BIN" compile --target cloudformation --stage dev --region us-east-1 --output "$work/spec-out")
sls_cmd=("$SLS_BIN" package --stage dev --region us-east-1 --package "$work/sls-out")

# Both must succeed on the spec before timing them.
"${spec_cmd[@]}" >/dev/null
"${sls_cmd[@]}" >/dev/null

median_ms() { # command... ; prints the median wall time in ms of $runs runs after 2 warm-ups
  local times=() i start end
  for i in 1 2; do "$@" >/dev/null 2>&1; done
  for ((i = 0; i < runs; i++)); do
    start=${EPOCHREALTIME/./}; "$@" >/dev/null 2>&1; end=${EPOCHREALTIME/./}
    times+=($(( (end - start) )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
}

spec_ms=$(median_ms "${spec_cmd[@]}")
sls_ms=$(median_ms "${sls_cmd[@]}")

echo "case $case_name, median of $runs runs after 2 warm-ups (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "spec compile --target cloudformation ($kind): ${spec_ms} ms"
echo "serverless package (serverless@$("$SLS_BIN" --version 2>/dev/null | sed -n 's/.*Framework Core: \([0-9.]*\).*/\1/p')): ${sls_ms} ms"
awk -v a="$spec_ms" -v b="$sls_ms" 'BEGIN { printf "ratio: spec compile is %.0fx faster than serverless package\n", b / a }'
