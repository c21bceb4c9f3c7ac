using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Input;

namespace Spec.Tests.Rules.Beanstalk;

/// <summary>
/// Every SLS-EB rule against its fixtures: <c>fixtures/&lt;ID&gt;/fail/</c> and <c>pass/</c> are bundle roots, and
/// <c>expected.txt</c> lists each finding of that rule on <c>fail/</c> as <c>path:line:column severity</c>.
/// </summary>
public sealed class BeanstalkRuleFixtureTests
{
    private static readonly string Root = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Rules", "Beanstalk", "fixtures");

    public static TheoryData<string> RuleIds() => [.. BeanstalkRules.All.Select(r => r.Metadata.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Failing_bundle_reports_exactly_the_expected_findings(string ruleId)
    {
        var expected = File.ReadAllLines(Path.Combine(Root, ruleId, "expected.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Findings(ruleId, "fail").Select(d => Describe(ruleId, "fail", d)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Passing_bundle_reports_nothing_for_the_rule(string ruleId) =>
        Assert.Empty(Findings(ruleId, "pass").Select(d => d.ToString()));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Passing_bundles_are_clean_for_every_rule(string ruleId) =>
        Assert.Empty(EbChecker.Check(EbBundle.Load(Path.Combine(Root, ruleId, "pass")))
            .Select(d => $"{Describe(ruleId, "pass", d)} {d.Id} {d.Message}"));

    [Fact]
    public void Every_rule_has_fixtures_and_every_fixture_a_rule() =>
        Assert.Equal(
            BeanstalkRules.All.Select(r => r.Metadata.Id),
            Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Metadata_is_complete(string ruleId)
    {
        var m = BeanstalkRules.All.Single(r => r.Metadata.Id == ruleId).Metadata;
        Assert.Matches("^SLS-EB-[0-9]{3}$", m.Id);
        Assert.Equal("Beanstalk", m.Category);
        Assert.All(new[] { m.Title, m.Description, m.Rationale, m.HowToFix, m.FailingExample, m.PassingExample },
            text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.NotEmpty(m.Anchors);
        Assert.EndsWith("#" + ruleId.ToLowerInvariant(), m.HelpUri.ToString(), StringComparison.Ordinal);
    }

    private static List<Diagnostic> Findings(string ruleId, string kind) =>
        [.. EbChecker.Check(EbBundle.Load(Path.Combine(Root, ruleId, kind))).Where(d => d.Id == ruleId)];

    private static string Describe(string ruleId, string kind, Diagnostic d)
    {
        var path = Path.GetRelativePath(Path.Combine(Root, ruleId, kind), d.Span!.File).Replace('\\', '/');
        return $"{path}:{d.Span.Line}:{d.Span.Column} {d.Severity.ToString().ToLowerInvariant()}";
    }
}
