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

    [GeneratedRegex(@"^# expect: (?<finding>\d+:\d+ (error|warning|info) (?<rule>SLS-[A-Z0-9]+-\d+))(?: (?<kind>[a-z]+))?\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
