#!/usr/bin/env bash
# Whole-process scaling (issue 17): `spec print`, `spec check` and `spec compile` on generated services of 1k, 3k,
# 10k and 30k functions (each with an httpApi route and an sqs event on one of 50 queues declared in resources:, no
# anchors or aliases; the generator is tests/Spec.Benchmarks' `--spec N`). Per command and size: the median wall
# time and CPU time (user + sys) of RUNS runs after one warm-up, the largest peak resident memory, and the
# per-function CPU time against the first size (1.00 is linear; issue 17 asks at most 1.20).
# Each run is timed by GNU time (/usr/bin/time, Debian package `time`).
#
#   SPEC_BIN=artifacts/native/linux-x64/spec bench/scale.sh [SIZES…]     (scripts/build-native.sh builds it)
#   RUNS=5 by default. SHAPE=http (or http-one-line, authorizer, variables, resources, sns, s3, eventbridge, alb,
#   websocket: tests/Spec.Benchmarks/ShapeSpecs.cs) generates another shape of service; COMMANDS='graph;convert -o
#   sam.yml;compile -t beanstalk -o out' times other commands (`;`-separated, each run in the spec's directory).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
spec="${SPEC_BIN:-$root/artifacts/native/linux-x64/spec}"
[ -x "$spec" ] || { echo "scale: no spec binary at $spec (scripts/build-native.sh, or set SPEC_BIN)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "scale: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 3000 10000 30000)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1

dotnet build -c Release "$root/tests/Spec.Benchmarks" -v quiet -nologo > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
generator="$root/tests/Spec.Benchmarks/bin/Release/net10.0/Spec.Benchmarks.dll"

median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A first
echo "spec: $spec; $runs runs per figure after one warm-up; shape: ${SHAPE:-httpApi + sqs}"
for size in "${sizes[@]}"; do
  dir="$work/s$size"
  mkdir -p "$dir"
  dotnet "$generator" --spec "$size" ${SHAPE:+"$SHAPE"} > "$dir/serverless.yml"
  bytes=$(stat -c %s "$dir/serverless.yml")
  IFS=';' read -r -a commands <<< "${COMMANDS:-print;check serverless.yml --as-of 2026-11-23;compile --output out}"
  for command in "${commands[@]}"; do
    name="${command%% *}"
    if [[ $command =~ (-t|--target|--to)\ ([a-z-]+) ]]; then name="$name-${BASH_REMATCH[2]}"; fi
    : > "$work/times"
    for ((r = 0; r <= runs; r++)); do
      # shellcheck disable=SC2086 # the command and its arguments are words
      (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$work/one" "$spec" $command > /dev/null 2>&1) || true
      # GNU time puts "Command exited with non-zero status N" before the figures when spec exits non-zero (check
      # does when it finds something): the figures are the last line.
      [ "$r" -eq 0 ] || tail -n 1 "$work/one" >> "$work/times"
    done
    wall=$(awk '{ print $1 }' "$work/times" | median)
    cpu=$(awk '{ print $2 + $3 }' "$work/times" | median)
    peak=$(awk '{ if ($4 > m) m = $4 } END { printf "%.0f", m / 1024 }' "$work/times")
    [ -n "${first[$name]:-}" ] || first[$name]="$cpu $size"
    ratio=$(awk -v c="$cpu" -v s="$size" -v f="${first[$name]}" 'BEGIN { split(f, a, " "); printf "%.2f", (c / s) / (a[1] / a[2]) }')
    printf '%6s functions (%5.2f MB)  spec %-8s wall %6.2f s  CPU %6.2f s  peak %5s MB  per-function CPU vs %s: %sx\n' \
      "$size" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "$name" "$wall" "$cpu" "$peak" "${sizes[0]}" "$ratio"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
