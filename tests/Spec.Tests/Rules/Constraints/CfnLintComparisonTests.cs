namespace Spec.Tests.Rules.Constraints;

/// <summary>
/// cfn-lint over the templates the Framework produced for every corpus case (both parts), compared with what
/// <c>spec check</c> reports on the case's spec: every cfn-lint error class on a template either has a Spec equivalent
/// that fires on the same spec, or is in <c>cfn-lint-reviewed.txt</c> with the reason Spec does not report it.
/// </summary>
/// <remarks>cfn-lint's errors come from the one corpus run the cfn-lint tests share (<see cref="Backends.CorpusCfnLint"/>).</remarks>
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
        Assert.True(Backends.CorpusCfnLint.FoundAnything, "cfn-lint reported no error at all, not even the Framework's deprecated runtimes");

        var reviewed = ReasonedList.Read(ReviewedPath);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in cases)
        {
            var name = Path.GetFileName(dir);
            var codes = Backends.CorpusCfnLint.Theirs(name).Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
            if (codes.Count == 0)
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
}
