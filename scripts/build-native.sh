#!/usr/bin/env bash
# Builds `spec` as a NativeAOT single-file binary (no .NET runtime needed to run it) for one or more Linux RIDs.
#
#   scripts/build-native.sh [--output DIR] [--install-deps] [RID…]      (default RID: linux-x64)
#
# Writes DIR/<rid>/spec (default DIR: artifacts/native) and prints each binary's path and size.
#
# Needs the NativeAOT toolchain: clang and zlib for the target (Debian: `apt-get install -y clang zlib1g-dev`).
# linux-arm64 is cross-compiled from x64 with Debian's multiarch packages (libc6-dev:arm64, zlib1g-dev:arm64,
# binutils-aarch64-linux-gnu). --install-deps installs what is missing with apt-get (as root; for arm64 it also runs
# `dpkg --add-architecture arm64`); without it the script only checks and says what to install.
# What builds on this machine and what does not (and why) is in README.md, "Install".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$root/artifacts/native"
install_deps=false
rids=()
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --install-deps) install_deps=true; shift ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "build-native: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) rids+=("$1"); shift ;;
  esac
done
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64)

host_arch="$(dpkg --print-architecture 2>/dev/null || uname -m)"

# The Debian packages one RID needs on this host, one per line.
packages_for() {
  case "$1" in
    linux-x64)
      [ "$host_arch" = amd64 ] || { echo "build-native: linux-x64 is built on an amd64 host only" >&2; return 1; }
      printf '%s\n' clang zlib1g-dev ;;
    linux-arm64)
      if [ "$host_arch" = arm64 ]; then printf '%s\n' clang zlib1g-dev; else
        printf '%s\n' clang binutils-aarch64-linux-gnu libc6-dev:arm64 libgcc-12-dev:arm64 zlib1g-dev:arm64; fi ;;
    *)
      echo "build-native: $1 is not supported by this script: NativeAOT cannot cross-compile to another OS, and" \
        "the ILCompiler package for musl is not served by this project's package registry (README, \"Install\")" >&2
      return 1 ;;
  esac
}

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

for rid in "${rids[@]}"; do
  mapfile -t wanted < <(packages_for "$rid")
  mapfile -t missing < <(missing_packages "${wanted[@]}")
  if [ ${#missing[@]} -gt 0 ]; then
    if ! $install_deps; then
      echo "build-native: $rid needs these Debian packages: ${missing[*]}" >&2
      echo "build-native: install them (apt-get install -y ${missing[*]}), or run again with --install-deps" >&2
      exit 1
    fi
    echo "build-native: installing ${missing[*]}"
    if printf '%s\n' "${missing[@]}" | grep -q ':arm64$' && ! dpkg --print-foreign-architectures | grep -qx arm64; then
      dpkg --add-architecture arm64
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi

  echo "build-native: publishing spec for $rid with NativeAOT (a few minutes; the ILCompiler runs after the build)"
  dotnet publish "$root/src/Spec.Cli" -c Release -r "$rid" -p:PublishAot=true -o "$output/$rid" -v minimal -nologo
  binary="$output/$rid/spec"
  [ -x "$binary" ] || { echo "build-native: no binary at $binary" >&2; exit 1; }
  echo "build-native: $binary ($(du -h "$binary" | cut -f1))"
done
