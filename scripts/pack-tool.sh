#!/usr/bin/env bash
# Packs the `spec` .NET tool (src/Spec.Cli) into a folder that `dotnet tool install --add-source` reads.
#
#   scripts/pack-tool.sh [--output DIR] [--rids 'RID;RID;…'] [--portable] [--version X.Y.Z]
#
# By default: RID-specific, framework-dependent ReadyToRun packages for the common platforms (precompiled, so the tool
# does not JIT itself at every start) plus a portable `any` package that `dotnet tool install` falls back to on every
# other platform, and the small `spec` package that points at them. --portable makes only the portable package (what
# a plain `dotnet pack` makes, and what pre-commit builds). Install the result with
#   dotnet tool install --global spec --add-source DIR
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$root/artifacts/nupkg"
rids="linux-x64;linux-arm64;osx-x64;osx-arm64;win-x64;any"
version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --rids) rids="$2"; shift 2 ;;
    --portable) rids=""; shift ;;
    --version) version="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "pack-tool: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

mkdir -p "$output"
# A re-pack of the same version must not leave an older package of another RID set beside the new ones.
rm -f "$output"/spec.*nupkg

args=(pack "$root/src/Spec.Cli" -c Release -o "$output" -v minimal -nologo)
[ -n "$version" ] && args+=("-p:Version=$version")
if [ -n "$rids" ]; then
  echo "pack-tool: packing spec for $rids (ReadyToRun) into $output"
else
  echo "pack-tool: packing the portable spec tool into $output"
fi
# The RID list travels as an environment variable: MSBuild reads it as a property, and a `-p:` value cannot hold ';'.
SpecToolRuntimeIdentifiers="$rids" dotnet "${args[@]}"
ls -1 "$output"/spec.*nupkg
