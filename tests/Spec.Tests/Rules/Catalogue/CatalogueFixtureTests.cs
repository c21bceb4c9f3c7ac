using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.Fixes;

namespace Spec.Tests.Rules.Catalogue;

/// <summary>Every rule of the catalogue against its failing and passing fixture spec.</summary>
public sealed class CatalogueFixtureTests
{
    public static TheoryData<string> RuleIds() => [.. CatalogueFixtures.RuleIds()];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Failing_fixture_reports_exactly_the_expected_findings(string ruleId)
    {
        var path = CatalogueFixtures.PathOf(ruleId, "fail");
        var text = File.ReadAllText(path);
        var expected = CatalogueFixtures.Expectations(text);
        Assert.NotEmpty(expected);

        var actual = Of(ruleId, CataloguePipeline.Check(path, text))
            .Select(d => new ExpectedFinding(d.Span!.Line, d.Span.Column, d.Severity.ToString().ToLowerInvariant()))
            .ToList();

        Assert.Equal(expected.Select(e => e.ToString()).Order(StringComparer.Ordinal), actual.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Passing_fixture_reports_nothing_for_the_rule(string ruleId)
    {
        var path = CatalogueFixtures.PathOf(ruleId, "pass");
        var findings = Of(ruleId, CataloguePipeline.Check(path, File.ReadAllText(path)));
        Assert.Empty(findings.Select(d => d.ToString()));
    }

    /// <summary>The rules whose findings carry a fix (<c>spec check --fix</c>); every other rule must offer none.</summary>
    private static readonly string[] RulesWithFixes = ["SLS-EVENTS-001", "SLS-LAMBDA-006", "SLS-LAMBDA-007", "SLS-SQS-001", "SLS-SQS-002"];

    public static TheoryData<string> RuleIdsWithFixes() => [.. RulesWithFixes];

    public static TheoryData<string> RuleIdsWithoutFixes() => [.. CatalogueFixtures.RuleIds().Except(RulesWithFixes, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(RuleIdsWithFixes))]
    public void Applying_the_fixes_of_a_failing_fixture_removes_the_fixed_findings(string ruleId)
    {
        var path = CatalogueFixtures.PathOf(ruleId, "fail");
        var text = File.ReadAllText(path);
        var original = Of(ruleId, CataloguePipeline.Check(path, text));
        var fixable = original.Where(d => d.Fix is not null).ToList();
        Assert.NotEmpty(fixable);

        var fixedText = FixApplier.Apply(path, text, fixable.Select(d => d.Fix!)).Text;
        var remaining = Of(ruleId, CataloguePipeline.Check(path, fixedText));
        Assert.Empty(remaining.Where(r => fixable.Any(f => f.Span!.Line == r.Span!.Line)).Select(d => d.ToString()));
        Assert.Equal(original.Count - fixable.Count, remaining.Count);
    }

    [Theory]
    [MemberData(nameof(RuleIdsWithoutFixes))]
    public void A_rule_without_fixes_offers_none_on_its_failing_fixture(string ruleId)
    {
        var path = CatalogueFixtures.PathOf(ruleId, "fail");
        var findings = Of(ruleId, CataloguePipeline.Check(path, File.ReadAllText(path)));
        Assert.NotEmpty(findings);
        Assert.All(findings, d => Assert.Null(d.Fix));
    }

    [Fact]
    public void Every_catalogue_rule_has_fixtures_and_every_fixture_a_rule()
    {
        var catalogue = RuleCatalog.All.Select(r => r.Metadata.Id).Where(id => !id.StartsWith("SLS-EB-", StringComparison.Ordinal));
        Assert.Equal(catalogue.Order(StringComparer.Ordinal), CatalogueFixtures.RuleIds());
        Assert.True(RuleCatalog.All.Count >= 64);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_is_complete(string ruleId)
    {
        var rule = RuleCatalog.Find(ruleId);
        Assert.NotNull(rule);
        var m = rule.Metadata;
        Assert.All(new[] { m.Title, m.Description, m.Rationale, m.HowToFix, m.FailingExample, m.PassingExample },
            text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.NotEmpty(m.Anchors);
        Assert.Equal(ruleId.Split('-')[1], CategoryCode(m.Category));
    }

    private static string CategoryCode(string category) => category switch
    {
        "General" => "GEN",
        "Streams" => "STREAM",
        "ApiGateway" => "APIGW",
        "StepFunctions" => "SFN",
        _ => category.ToUpperInvariant(),
    };

    private static List<Diagnostic> Of(string ruleId, IEnumerable<Finding> findings) =>
        [.. findings.Select(f => f.Diagnostic).Where(d => d.Id == ruleId)];
}
