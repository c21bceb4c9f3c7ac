using Spec.Core.Diagnostics;
using Spec.Rules.Engine;

namespace Spec.Tests.Rules.Engine;

/// <summary>
/// SLS-GEN-009/010 are dropped where a stronger rule reported the same place (issue 17 ranks only the places of their
/// findings, and keeps a run without any as it is): the findings kept, and their order, are what ranking every place kept.
/// </summary>
public class BackstopTests
{
    private static readonly SourceSpan A = SourceSpan.At("serverless.yml", 3, 5, 40);
    private static readonly SourceSpan B = SourceSpan.At("serverless.yml", 4, 5, 60);
    private static readonly SourceSpan C = SourceSpan.At("serverless.yml", 5, 5, 80);
    private static readonly SourceSpan D = SourceSpan.At("other.yml", 3, 5, 40);

    [Fact]
    public void A_backstop_is_dropped_under_a_stronger_rule_and_only_the_strongest_backstop_is_kept_at_a_place()
    {
        List<Diagnostic> findings =
        [
            Finding("SLS-GEN-010", A), Finding("SLS-S3-001", A), Finding("SLS-GEN-009", A),
            Finding("SLS-GEN-010", B), Finding("SLS-GEN-009", B), Finding("SLS-GEN-009", B),
            Finding("SLS-GEN-010", C), Finding("SLS-GEN-009", null),
            Finding("SLS-GEN-009", D) with { Related = [new RelatedLocation(D, "same place")] }, Finding("SLS-X-001", D),
        ];

        var kept = Backstops.DropCovered(findings).Select(d => $"{d.Id}@{d.Span?.File}:{d.Span?.Line}").ToList();

        Assert.Equal(
        [
            "SLS-S3-001@serverless.yml:3", "SLS-GEN-009@serverless.yml:4", "SLS-GEN-010@serverless.yml:5", "SLS-GEN-009@:",
            "SLS-GEN-009@other.yml:3", "SLS-X-001@other.yml:3",
        ], kept);
    }

    [Fact]
    public void A_run_without_backstop_findings_keeps_every_finding_in_order()
    {
        List<Diagnostic> findings = [Finding("SLS-S3-001", A), Finding("SLS-S3-001", A), Finding("SLS-X-001", null), Finding("SLS-X-002", B)];
        Assert.Equal(findings, Backstops.DropCovered(findings));
    }

    private static Diagnostic Finding(string id, SourceSpan? span) => new(id, Severity.Error, "m", span);
}
