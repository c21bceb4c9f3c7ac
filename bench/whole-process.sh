#!/usr/bin/env bash
# Whole-process time of `spec check` against `serverless print` (Serverless Framework 3 from npm) on the same
# spec (serverless.yml.example copied to a temp dir as serverless.yml), median of RUNS runs each.
#
#   bench/whole-process.sh            # RUNS=20 by default; SPEC_BIN=path to skip the publish step
#
# spec is published with NativeAOT when clang is available (apt-get install clang zlib1g-dev), otherwise as a
# regular self-contained-free Release build run through its apphost. Uses hyperfine when installed
# (apt-get install hyperfine), otherwise a loop timed with bash's $EPOCHREALTIME (no fork per sample).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- spec ----------------------------------------------------------------------------------------------------
if [[ -z "${SPEC_BIN:-}" ]]; then
  if command -v clang >/dev/null; then
    kind="NativeAOT"
    dotnet publish "$root/src/Spec.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/spec" >&2
  else
    kind="JIT (framework-dependent Release build)"
    dotnet publish "$root/src/Spec.Cli" -c Release -o "$work/spec" >&2
  fi
  SPEC_BIN="$work/spec/spec"
else
  kind="given ($SPEC_BIN)"
fi

# --- serverless@3 --------------------------------------------------------------------------------------------
mkdir -p "$work/sls"
(cd "$work/sls" && echo '{"private":true}' > package.json \
  && npm install --no-audit --no-fund --loglevel=error serverless@3 >&2)
sls="$work/sls/node_modules/.bin/serverless"
export SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off SLS_DEPRECATION_DISABLE='*'
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 NO_COLOR=1

svc="$work/svc"
mkdir -p "$svc"
cp "$root/serverless.yml.example" "$svc/serverless.yml"
cd "$svc"

# Both must succeed on the file before timing them.
"$SPEC_BIN" check serverless.yml >/dev/null
"$sls" print --format json >/dev/null

median_ms() { # command... ; prints the median wall time in ms of $runs runs after 2 warm-ups
  local times=() i start end
  for i in 1 2; do "$@" >/dev/null 2>&1; done
  for ((i = 0; i < runs; i++)); do
    start=${EPOCHREALTIME/./}; "$@" >/dev/null 2>&1; end=${EPOCHREALTIME/./}
    times+=($(( (end - start) )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
}

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/h.json" \
    -n "spec check ($kind)" "$SPEC_BIN check serverless.yml" \
    -n "serverless print" "$sls print --format json" >&2
  read -r spec_ms sls_ms < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(" ".join("%.1f" % (x["median"] * 1000) for x in r))' "$work/h.json")
else
  spec_ms=$(median_ms "$SPEC_BIN" check serverless.yml)
  sls_ms=$(median_ms "$sls" print --format json)
fi

echo "spec check serverless.yml.example ($kind): median ${spec_ms} ms over ${runs} runs"
echo "serverless print (serverless@$("$sls" --version 2>/dev/null | sed -n 's/.*Framework Core: \([0-9.]*\).*/\1/p')): median ${sls_ms} ms over ${runs} runs"
awk -v a="$spec_ms" -v b="$sls_ms" 'BEGIN { printf "ratio: spec check takes 1/%.0f of serverless print\n", b / a }'
