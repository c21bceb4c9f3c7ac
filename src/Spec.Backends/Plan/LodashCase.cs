using System.Text;
using System.Text.RegularExpressions;

namespace Spec.Backends.Plan;

/// <summary>
/// lodash's <c>words</c>, <c>camelCase</c> and <c>startCase</c>, which some Framework names go through
/// (<c>getModelLogicalId</c>, <c>getEndpointModelLogicalId</c>). Words are lodash's <c>reUnicodeWord</c> alternatives
/// for ASCII text: a capitalised or lower-case run, an upper-case run (ending before a capitalised word), ordinals
/// and digit runs; everything else (punctuation, spaces) separates words. A character outside ASCII counts as a
/// letter of neither case, as lodash's "misc" letters do.
/// </summary>
internal static partial class LodashCase
{
    private const string Break = @"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]";
    private const string MiscLower = @"(?:[a-z]|[^\x00-\x7f])";
    private const string MiscUpper = @"(?:[A-Z]|[^\x00-\x7f])";

    [GeneratedRegex(
        "[A-Z]?[a-z]+(?=" + Break + @"|[A-Z]|\z)" +
        "|" + MiscUpper + "+(?=" + Break + "|[A-Z]" + MiscLower + @"|\z)" +
        "|[A-Z]?" + MiscLower + "+" +
        "|[A-Z]+" +
        @"|\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])" +
        @"|\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])" +
        @"|\d+",
        RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary><c>_.words</c> of the text with apostrophes removed (as <c>camelCase</c> and <c>startCase</c> do).</summary>
    public static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal))
            .Select(m => m.Value);

    /// <summary><c>_.upperFirst(_.camelCase(text))</c>: every word capitalised (its rest lower-cased), joined.</summary>
    public static string PascalCase(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var word in Words(text))
        {
            sb.Append(char.ToUpperInvariant(word[0])).Append(word[1..].ToLowerInvariant());
        }

        return sb.ToString();
    }

    /// <summary><c>_.startCase(text)</c> without its spaces: every word with its first letter upper-cased, the rest as
    /// written.</summary>
    public static string StartCaseJoined(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var word in Words(text))
        {
            sb.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return sb.ToString();
    }
}
