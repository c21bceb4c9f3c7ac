namespace Spec.Tests.Rules.Validations;

/// <summary>
/// The rows of <c>docs/validations.md</c> that a general check covers (the CloudFormation schema constraints,
/// SLS-GEN-009; the Framework schema constraints, SLS-GEN-010; the binder, SLS-GEN-002) rather than a rule of their own:
/// one fixture pair per row under <c>fixtures/&lt;row&gt;/</c>. <c>fail.yml</c> lists every finding of the rules it
/// names (<c># expect: LINE:COL SEVERITY RULE-ID</c>); <c>pass.yml</c> has none of them.
/// </summary>
public sealed class ValidationRowTests
{
    private static readonly string Root = Path.Combine(Spec.Tests.Schema.RepoPaths.Root, "tests", "Spec.Tests", "Rules", "Validations", "fixtures");

    public static TheoryData<string> Rows() => [.. RowNames()];

    private static IEnumerable<string> RowNames() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_failing_fixture_gets_exactly_the_expected_findings(string row) =>
        ExpectedFindings.AssertFailing(Path.Combine(Root, row, "fail.yml"));

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_passing_fixture_gets_none_of_them(string row) =>
        ExpectedFindings.AssertPassing(Path.Combine(Root, row, "fail.yml"), Path.Combine(Root, row, "pass.yml"));

    [Fact]
    public void Every_row_fixture_is_named_in_the_validation_list()
    {
        var doc = File.ReadAllText(Path.Combine(Spec.Tests.Schema.RepoPaths.Root, "docs", "validations.md"));
        Assert.All(RowNames(), row => Assert.Contains($"`{row}`", doc, StringComparison.Ordinal));
    }
}
