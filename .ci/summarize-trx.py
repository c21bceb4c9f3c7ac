#!/usr/bin/env python3
"""The summary of a .ci/run test run, from its TRX files.

usage: summarize-trx.py <results dir> <dotnet test exit status> <allowed skips file>

Prints `tests: N passed, N failed` (plus `, N skipped` when some were), then each skipped test with its reason.
Exits 1 when a test failed, dotnet test failed, no TRX was written, or (under CI=true) a test skipped that is not
listed with that very reason in the allowed-skips file (tests/Spec.Tests/ci-allowed-skips.txt, which TestSkip reads too).
"""
import glob, os, sys, xml.etree.ElementTree as ET

results, status, allowed_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

# test method -> the reason it may skip with in CI (the same list TestSkip reads)
allowed = {}
for raw in open(allowed_file, encoding="utf-8"):
    entry = raw.strip()
    if entry and not entry.startswith("#"):
        name, _, reason = entry.partition(":")
        allowed[name.strip()] = reason.strip()

passed = failed = 0
skips = []
files = sorted(glob.glob(f"{results}/**/*.trx", recursive=True))
for path in files:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = result.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive", "Pending"):
            reason = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns) \
                or result.findtext("t:Output/t:StdOut", default="", namespaces=ns)
            skips.append((result.get("testName", "?"), " ".join(reason.split()) or "no reason given"))
        else:
            failed += 1

line = f"tests: {passed} passed, {failed} failed"
if skips:
    line += f", {len(skips)} skipped"
print(line)

unexpected = []
for name, reason in sorted(skips):
    listed = allowed.get(name.split("(", 1)[0]) == reason
    print(f"  skipped {name}: {reason}" + (" (listed platform skip)" if listed else ""))
    if not listed:
        unexpected.append(name)

in_ci = os.environ.get("CI") == "true"
if in_ci and unexpected:
    print(f"error: {len(unexpected)} test(s) skipped under CI=true; only the platform skips listed in {allowed_file} "
          "may skip in CI (install the missing tool or data, or review and list a platform skip)", file=sys.stderr)
if not files:
    print("no test results: the build or the test host failed (see above)", file=sys.stderr)
sys.exit(1 if failed or status != 0 or not files or (in_ci and unexpected) else 0)
