#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): `spec check` over SPEC_FILES (space- or newline-separated files,
# directories or globs; globs are left for spec to expand), SARIF to SPEC_SARIF_FILE and workflow commands (pull
# request annotations) to stdout, SPEC_ARGS passed on. Writes the step outputs sarif-file and exit-code and exits with
# spec check's code (1 when there are errors).
set -euo pipefail
: "${GITHUB_OUTPUT:?the GitHub runner sets GITHUB_OUTPUT}"
sarif="${SPEC_SARIF_FILE:-spec.sarif}"
set -f # the shell must not expand the globs: spec does, with its own rules (node_modules, .git are never searched)
# shellcheck disable=SC2206 # word splitting on spaces and new lines is the input format
files=(${SPEC_FILES:-})
# shellcheck disable=SC2206
extra=(${SPEC_ARGS:-})
set +f
status=0
spec check "${files[@]}" --format sarif --output "$sarif" --format github "${extra[@]}" || status=$?
echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
exit "$status"
