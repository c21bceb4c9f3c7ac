using System.Globalization;
using System.Text.RegularExpressions;
using Spec.Rules.Engine;
using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.Engine;

/// <summary>
/// Every catalogue fixture with every plain value given through <c>${env:}</c>: no finding of any rule (nor a stage's
/// diagnostic) may show such a value. Each value is checked as written and changed to another value of its kind (one
/// at a time); a finding that follows the change shows the value, while a rule's constant (<c>AT_TIMESTAMP</c>, a
/// limit) stays as it was.
/// </summary>
/// <remarks>
/// What this cannot see: a part of a string from its middle (a changed string differs at its end), and a number a
/// rule converts (minutes to seconds) into a finding that only the changed value makes.
/// </remarks>
public sealed partial class EnvironmentValueEchoTests
{
    public static TheoryData<string> RuleIds() => [.. CatalogueFixtures.RuleIds()];

    /// <summary>The rules that judge only a value written in the spec: given through the environment, their fixture's
    /// value is what they ask for, so they find nothing (every other rule finds as much as with the values written).</summary>
    private static readonly Dictionary<string, string> RulesOfWrittenValues = new(StringComparer.Ordinal)
    {
        ["SLS-GEN-006"] = "hard-coded AWS credentials: a key from ${env:} is the fix",
        ["SLS-APIGW-013"] = "an API key value's length: a key from ${env:} is a secret, whose length is not told",
    };

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void No_finding_on_a_failing_fixture_shows_a_value_given_through_the_environment(string ruleId)
    {
        var path = CatalogueFixtures.PathOf(ruleId, "fail");
        var text = File.ReadAllText(path);
        var probe = EnvironmentValueProbe.Of(path, text);
        Assert.True(probe.Values.Count > 0 || !probe.Loads, "a fixture that loads has values to give");
        var asWritten = Keyed(CataloguePipeline.Check(path, probe.Text, environment: probe.Environment()));

        // The rewrite keeps the fixture's meaning: its rule finds as much with the values given through the environment.
        var found = asWritten.Keys.Count(k => k.StartsWith(ruleId + "@", StringComparison.Ordinal));
        var expected = CataloguePipeline.Check(path, text).Count(f => f.Diagnostic.Id == ruleId);
        if (RulesOfWrittenValues.ContainsKey(ruleId))
        {
            Assert.NotEqual(expected, found);
        }
        else
        {
            Assert.Equal(expected, found);
        }

        var leaks = new List<string>();
        foreach (var value in probe.Values)
        {
            var changed = Keyed(CataloguePipeline.Check(path, probe.Text, environment: probe.EnvironmentWith(value)));
            foreach (var (key, said) in changed.Where(c => Shows(value, asWritten.GetValueOrDefault(c.Key), c.Value)))
            {
                // A new finding that names the changed number names it again when the number changes again.
                if (value.IsNumber && !asWritten.ContainsKey(key)
                    && !Names(Keyed(CataloguePipeline.Check(path, probe.Text, environment: probe.EnvironmentWith(value, 2))).GetValueOrDefault(key), value.Changed(2)))
                {
                    continue;
                }

                var before = asWritten.GetValueOrDefault(key);
                leaks.Add($"{key} shows `{value.Line}` (given as ${{env:{value.Variable}}}, changed to '{value.Changed()}'): {said}"
                    + (before is null || before == said ? "" : $"{Environment.NewLine}    as written: {before}"));
            }
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    /// <summary>
    /// Whether a finding says <paramref name="value"/>: given changed, it says <paramref name="text"/>, and
    /// <paramref name="before"/> with the value as written (null when it was not made then). A string shows when the
    /// finding carries its marker, or when a finding that spelled it (in any case) as written says something else now.
    /// A number shows when a finding at the same place says anything else now, or a new finding names the changed
    /// number.
    /// </summary>
    private static bool Shows(ProbedValue value, string? before, string text) => value.IsNumber
        ? before is null ? Names(text, value.Changed()) : before != text
        : text.Contains(value.Marker, StringComparison.OrdinalIgnoreCase)
          || (before is not null && before != text && before.Contains(value.Original, StringComparison.OrdinalIgnoreCase));

    private static bool Names(string? text, string number) =>
        text is not null && Regex.IsMatch(text, $@"(?<![\d.]){Regex.Escape(number)}(?![\d.])", RegexOptions.CultureInvariant);

    /// <summary>What each finding says, by rule, place and order among those of the rule at that place.</summary>
    private static Dictionary<string, string> Keyed(IReadOnlyList<Finding> findings) =>
        findings
            .GroupBy(f => $"{f.Diagnostic.Id}@{f.Diagnostic.Span?.Start.Offset}-{f.Diagnostic.Span?.End.Offset}", StringComparer.Ordinal)
            .SelectMany(g => g.Select((f, i) => (Key: g.Key + "#" + i.ToString(CultureInfo.InvariantCulture), Text: TextOf(f))))
            .ToDictionary(k => k.Key, k => k.Text, StringComparer.Ordinal);

    /// <summary>Everything a finding says: its message, its related places', its help and its fix.</summary>
    private static string TextOf(Finding finding)
    {
        var d = finding.Diagnostic;
        return string.Join(" | ",
            new[] { d.Message, d.Help ?? "", d.Fix?.Title ?? "" }
                .Concat(d.Related.Select(r => r.Message))
                .Concat(d.Fix?.Edits.Select(e => e.NewText) ?? []));
    }
}
