using System.Globalization;
using System.Text.RegularExpressions;

namespace Spec.Tests.Rules.Catalogue;

/// <summary>One expected finding of a fixture: <c># expect: LINE:COL SEVERITY</c>.</summary>
internal sealed record ExpectedFinding(int Line, int Column, string Severity)
{
    public override string ToString() => $"{Line}:{Column} {Severity}";
}

/// <summary>
/// The fixture specs under <c>fixtures/&lt;RULE-ID&gt;/</c>: <c>fail.yml</c> (its <c># expect:</c> header lines list
/// every finding of that rule, by position and severity) and <c>pass.yml</c> (no finding of that rule).
/// </summary>
internal static partial class CatalogueFixtures
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    public static IEnumerable<string> RuleIds() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static string PathOf(string ruleId, string kind) => Path.Combine(Root, ruleId, kind + ".yml");

    public static IReadOnlyList<ExpectedFinding> Expectations(string text) =>
        [.. ExpectLine().Matches(text).Select(m => new ExpectedFinding(
            int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture),
            m.Groups["severity"].Value))];

    [GeneratedRegex(@"^# expect: (?<line>\d+):(?<column>\d+) (?<severity>error|warning|info)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();

    /// <summary>The fixtures are read from the source tree: walk up from the test assembly to the repository.</summary>
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Spec.Tests", "Rules", "Catalogue", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Spec.Tests/Rules/Catalogue/fixtures not found above " + AppContext.BaseDirectory);
    }
}
