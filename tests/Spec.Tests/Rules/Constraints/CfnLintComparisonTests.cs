using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Spec.Tests.Rules.Constraints;

/// <summary>
/// cfn-lint over the templates the Framework produced for every corpus case (both parts), compared with what
/// <c>spec check</c> reports on the case's spec: every cfn-lint error class on a template either has a Spec equivalent
/// that fires on the same spec, or is in <c>cfn-lint-reviewed.txt</c> with the reason Spec does not report it.
/// </summary>
/// <remarks>One cfn-lint process for all templates, errors only (it starts slowly; its run is most of this test's time).</remarks>
public sealed class CfnLintComparisonTests
{
    /// <summary>The Spec rules that report what each cfn-lint error class reports.</summary>
    private static readonly Dictionary<string, string[]> Equivalents = new(StringComparer.Ordinal)
    {
        ["E2533"] = ["SLS-LAMBDA-006", "SLS-LAMBDA-007"],
        ["E1020"] = ["SLS-GEN-008"],
        ["E1161"] = ["SLS-S3-001", "SLS-GEN-009"],
        ["E3003"] = ["SLS-GEN-009", "SLS-GEN-002"],
        ["E3012"] = ["SLS-GEN-009", "SLS-GEN-002"],
        ["E3030"] = ["SLS-GEN-009", "SLS-LAMBDA-008"],
        ["E3031"] = ["SLS-GEN-009", "SLS-S3-001"],
        ["E3032"] = ["SLS-GEN-009"],
        ["E3033"] = ["SLS-GEN-009", "SLS-GEN-004"],
        ["E3034"] = ["SLS-GEN-009"],
    };

    private static readonly string ReviewedPath = Path.Combine(
        Path.GetDirectoryName(Catalogue.CatalogueFixtures.Root)!, "..", "Constraints", "cfn-lint-reviewed.txt");

    [SkippableFact]
    public void Every_cfn_lint_error_class_on_the_corpus_templates_has_a_Spec_equivalent_or_a_reviewed_reason_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        TestSkip.If(!Backends.CfnToolTests.ToolExists("cfn-lint"), "needs cfn-lint 1.51.0 on PATH (present on the build image)");
        var cases = SharedData.CorpusCases().Concat(SharedData.RealWorldCases()).ToList();
        var errors = CfnLintErrors(cases);
        Assert.True(errors.Count > 0, "cfn-lint reported no error at all, not even the Framework's deprecated runtimes");

        var reviewed = ReasonedList.Read(ReviewedPath);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in cases)
        {
            var name = Path.GetFileName(dir);
            if (!errors.TryGetValue(name, out var codes))
            {
                continue;
            }

            var ours = ConstraintCorpusTests.Check(dir).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var code in codes)
            {
                if (Equivalents.TryGetValue(code, out var ids) && ids.Any(ours.Contains))
                {
                    continue;
                }

                var key = reviewed.ContainsKey(code) ? code : $"{name} {code}";
                if (reviewed.ContainsKey(key))
                {
                    used.Add(key);
                }
                else
                {
                    missing.Add(key);
                }
            }
        }

        Assert.True(missing.Count == 0, "cfn-lint errors with no Spec finding and no reviewed reason:\n" + string.Join("\n", missing));
        Assert.True(used.SetEquals(reviewed.Keys), "reviewed entries cfn-lint no longer needs:\n" + string.Join("\n", reviewed.Keys.Except(used)));
        Assert.All(reviewed.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    /// <summary>The cfn-lint error classes (E-codes) on each case's <c>expected.cloudformation.json</c>, by case name.</summary>
    private static Dictionary<string, SortedSet<string>> CfnLintErrors(IReadOnlyList<string> cases)
    {
        var dir = Directory.CreateTempSubdirectory("spec-cfnlint-corpus-").FullName;
        try
        {
            foreach (var c in cases)
            {
                File.Copy(Path.Combine(c, "expected.cloudformation.json"), Path.Combine(dir, Path.GetFileName(c) + ".json"));
            }

            var psi = new ProcessStartInfo("cfn-lint") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--format", "json", "--ignore-checks", "W", "I", "--", "*.json" })
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            // A guard against a hung cfn-lint, not a measure.
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(20)), "cfn-lint did not finish in 20 minutes");
            Assert.True(stdout.Result.TrimStart().StartsWith('['), "cfn-lint printed no JSON: " + stderr.Result);
            var result = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var item in JsonNode.Parse(stdout.Result)!.AsArray())
            {
                if (item?["Level"]?.GetValue<string>() != "Error")
                {
                    continue;
                }

                var name = Path.GetFileNameWithoutExtension(item["Filename"]!.GetValue<string>());
                if (!result.TryGetValue(name, out var set))
                {
                    result[name] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(item["Rule"]!["Id"]!.GetValue<string>());
            }

            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
