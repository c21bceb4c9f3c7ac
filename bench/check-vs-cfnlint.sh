#!/usr/bin/env bash
# Whole-process `spec check` on one corpus case's serverless.yml against `cfn-lint` (1.51.0) on the same case's
# expected.cloudformation.json, median of RUNS runs each; then all corpus cases linted by one `spec check` process.
#
#   bench/check-vs-cfnlint.sh                 # CASE=aws-node-http-api RUNS=11; SPEC_BIN=path skips the publish
#   SPEC_SHARED_DIR=/path/to/shared bench/check-vs-cfnlint.sh
#
# spec is the published Release build (framework-dependent, run through its apphost) unless SPEC_BIN is given.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-11}"
case_name="${CASE:-aws-node-http-api}"
shared="${SPEC_SHARED_DIR:-$(cd "$root/.." && pwd)/shared}"
[[ -d "$shared/corpus" ]] || shared="/work/shared"
corpus="$shared/corpus/sls-examples"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -z "${SPEC_BIN:-}" ]]; then
  dotnet publish "$root/src/Spec.Cli" -c Release -o "$work/spec" >&2
  SPEC_BIN="$work/spec/spec"
fi
command -v cfn-lint >/dev/null || { echo "cfn-lint not found (pip install cfn-lint==1.51.0)" >&2; exit 2; }

# median wall time in ms of "$@" over $runs runs (after one warm-up); exit codes are ignored (findings exit 1/2)
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>&1 || true
    end=${EPOCHREALTIME/./}
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( runs / 2 + 1 ))p"
}

spec_ms=$(median_ms "$SPEC_BIN" check --fail-on none "$corpus/$case_name/serverless.yml")
cfn_ms=$(median_ms cfn-lint "$corpus/$case_name/expected.cloudformation.json")
count=$(ls -d "$corpus"/*/serverless.yml | wc -l)
all_ms=$(median_ms "$SPEC_BIN" check --fail-on none --format parseable "$corpus/*/serverless.yml")

echo "case $case_name, $runs runs each, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "spec check (whole process):   ${spec_ms} ms"
echo "cfn-lint $(cfn-lint --version | awk '{print $2}') (whole process): ${cfn_ms} ms"
awk -v s="$spec_ms" -v c="$cfn_ms" 'BEGIN { if (s > 0) printf "ratio: spec = 1/%.0f of cfn-lint\n", c / s }'
echo "spec check on all $count corpus specs in one process: ${all_ms} ms"
