using System.Globalization;
using System.Text.RegularExpressions;
using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.Validations;

/// <summary>
/// Fixture specs that name the findings they must get: a line <c># expect: LINE:COL SEVERITY RULE-ID [kind]</c> per
/// finding (anywhere in the file). Only the rules named are compared; the optional kind says which kind of constraint
/// the finding shows.
/// </summary>
internal static partial class ExpectedFindings
{
    public sealed record Expectation(string Finding, string RuleId, string? Kind);

    public static List<Expectation> Of(string text) =>
        [.. ExpectLine().Matches(text).Select(m => new Expectation(
            m.Groups["finding"].Value, m.Groups["rule"].Value, m.Groups["kind"].Success ? m.Groups["kind"].Value : null))];

    /// <summary>The findings of the named rules on a spec, as <c>LINE:COL SEVERITY RULE-ID</c>.</summary>
    public static List<string> Actual(string path, string text, IReadOnlySet<string> ruleIds) =>
        [.. CataloguePipeline.Check(path, text).Select(f => f.Diagnostic).Where(d => ruleIds.Contains(d.Id))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Span!.Line}:{d.Span.Column} {d.Severity.ToString().ToLowerInvariant()} {d.Id}"))];

    /// <summary>A failing fixture gets exactly the findings it names, of the rules it names.</summary>
    public static void AssertFailing(string failPath)
    {
        var text = File.ReadAllText(failPath);
        var expected = Of(text);
        Assert.NotEmpty(expected);
        var actual = Actual(failPath, text, expected.Select(e => e.RuleId).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(expected.Select(e => e.Finding).Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    /// <summary>A passing fixture gets none of the findings of the rules its failing fixture names.</summary>
    public static void AssertPassing(string failPath, string passPath)
    {
        var ids = Of(File.ReadAllText(failPath)).Select(e => e.RuleId).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(Actual(passPath, File.ReadAllText(passPath), ids));
    }

    [GeneratedRegex(@"^# expect: (?<finding>\d+:\d+ (error|warning|info) (?<rule>SLS-[A-Z0-9]+-\d+))(?: (?<kind>[a-z]+))?\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
