using System.Text;
using System.Text.RegularExpressions;

namespace Spec.Rules.Suppression;

/// <summary>
/// A glob over separated paths: <c>*</c> matches within one segment, <c>**</c> any number of segments, <c>?</c> one
/// character. A pattern without a separator matches at any depth (<c>*.yml</c> = <c>**/*.yml</c>), as in .gitignore.
/// Matching is ordinal (case-sensitive).
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern, char separator = '/')
    {
        Pattern = pattern;
        var normalized = StripDotSlash(separator == '/' ? pattern.Replace('\\', '/') : pattern, separator);
        if (!normalized.Contains(separator, StringComparison.Ordinal))
        {
            normalized = "**" + separator + normalized;
        }

        _regex = new Regex(ToRegex(normalized, separator),
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => _regex.IsMatch(path);

    /// <summary>True when the pattern has no wildcard, i.e. names one path.</summary>
    public static bool IsLiteral(string pattern) => pattern.IndexOfAny(['*', '?']) < 0;

    private static string StripDotSlash(string pattern, char separator) =>
        pattern.StartsWith("." + separator, StringComparison.Ordinal) ? pattern[2..] : pattern;

    private static string ToRegex(string pattern, char separator)
    {
        var sep = Regex.Escape(separator.ToString());
        var notSep = "[^" + sep + "]";
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var followedBySeparator = i + 2 < pattern.Length && pattern[i + 2] == separator;
                regex.Append(followedBySeparator ? "(?:.*" + sep + ")?" : ".*");
                i += followedBySeparator ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append(notSep).Append('*');
            }
            else if (c == '?')
            {
                regex.Append(notSep);
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.Append('$').ToString();
    }
}
