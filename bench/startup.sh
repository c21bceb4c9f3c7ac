#!/usr/bin/env bash
# Whole-process start-up of the ways spec is installed (README "Install"): median wall time of RUNS runs of
# `spec --version` and of `spec check` on serverless.yml.example, the commands interleaved run by run so that a
# change in the machine's load hits them all alike. Timed with bash's $EPOCHREALTIME (no fork per sample).
#
#   bench/startup.sh 'label=command' …        e.g.
#   bench/startup.sh "tool (ReadyToRun)=$HOME/.dotnet/tools/spec" "NativeAOT=artifacts/native/linux-x64/spec" \
#                    "checkout=./spec"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-15}"
[ $# -gt 0 ] || { sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/serverless.yml.example" "$work/serverless.yml"
cd "$work"
export NO_COLOR=1

labels=(); commands=()
for pair in "$@"; do labels+=("${pair%%=*}"); commands+=("${pair#*=}"); done

median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.0f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

for what in "--version" "check serverless.yml --as-of 2026-11-23"; do
  for i in "${!commands[@]}"; do : > "$work/times.$i"; done
  for ((r = 0; r < runs; r++)); do
    for i in "${!commands[@]}"; do
      start=$EPOCHREALTIME
      # shellcheck disable=SC2086 # the command and its arguments are words
      ${commands[$i]} $what > /dev/null 2>&1 || true
      end=$EPOCHREALTIME
      echo "$(( (${end/./} - ${start/./}) / 1000 ))" >> "$work/times.$i"
    done
  done
  for i in "${!commands[@]}"; do
    printf '%-28s spec %-45s median %5s ms (%s runs)\n' "${labels[$i]}" "$what" "$(median < "$work/times.$i")" "$runs"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
