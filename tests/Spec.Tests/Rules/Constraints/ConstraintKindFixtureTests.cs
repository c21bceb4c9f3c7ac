using Spec.Tests.Rules.Validations;

namespace Spec.Tests.Rules.Constraints;

/// <summary>
/// Each kind of constraint from both sources — the Framework's config schema on spec values (SLS-GEN-010; its
/// <c>required</c> keys through the binder, SLS-GEN-002), the CloudFormation resource schemas on <c>resources:</c> and on
/// the resources the plan generates (SLS-GEN-009) — shown by a fixture pair under <c>fixtures/&lt;source-place&gt;/</c>
/// whose <c>fail.yml</c> names every finding with its location and kind (<c># expect: LINE:COL SEVERITY RULE-ID kind</c>).
/// </summary>
public sealed class ConstraintKindFixtureTests
{
    private static readonly string Root = Path.Combine(Spec.Tests.Schema.RepoPaths.Root, "tests", "Spec.Tests", "Rules", "Constraints", "fixtures");

    /// <summary>The kinds issue 18 asks for: dependency covers oneOf/anyOf groups, required/excluded keys.</summary>
    private static readonly string[] Kinds = ["dependency", "enum", "items", "length", "pattern", "range", "required"];

    private static readonly string[] PlaceNames = ["cfn-generated", "cfn-resources", "framework-spec-values"];

    public static TheoryData<string> Places() => [.. PlaceNames];

    [Theory]
    [MemberData(nameof(Places))]
    public void The_failing_fixture_gets_exactly_the_expected_findings(string place) =>
        ExpectedFindings.AssertFailing(Path.Combine(Root, place, "fail.yml"));

    [Theory]
    [MemberData(nameof(Places))]
    public void The_failing_fixture_shows_every_kind(string place)
    {
        var kinds = ExpectedFindings.Of(File.ReadAllText(Path.Combine(Root, place, "fail.yml"))).Select(e => e.Kind ?? "?");
        Assert.Equal(Kinds, kinds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void The_passing_fixture_gets_none_of_them(string place) =>
        ExpectedFindings.AssertPassing(Path.Combine(Root, place, "fail.yml"), Path.Combine(Root, place, "pass.yml"));

    [Fact]
    public void Every_fixture_place_is_a_theory_case()
    {
        Assert.Equal(PlaceNames, Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
