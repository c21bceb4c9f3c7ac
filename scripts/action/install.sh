#!/usr/bin/env bash
# The GitHub Action's install step (action.yml): installs the `spec` .NET tool into $RUNNER_TEMP/spec-tool and puts
# it on the PATH of the job's later steps ($GITHUB_PATH). Inputs: SPEC_VERSION (empty: the newest), SPEC_SOURCE (an
# extra NuGet source, e.g. a folder of packages made by scripts/pack-tool.sh).
set -euo pipefail
: "${GITHUB_PATH:?the GitHub runner sets GITHUB_PATH}"
tool_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/spec-tool"
args=(tool install --tool-path "$tool_dir" spec)
[ -n "${SPEC_VERSION:-}" ] && args+=(--version "$SPEC_VERSION")
[ -n "${SPEC_SOURCE:-}" ] && args+=(--add-source "$SPEC_SOURCE")
if [ -x "$tool_dir/spec" ]; then
  # A second use of the action in the same job: the tool is there already.
  echo "spec is already installed in $tool_dir"
else
  dotnet "${args[@]}"
fi
echo "$tool_dir" >> "$GITHUB_PATH"
echo "spec $("$tool_dir/spec" --version)"
