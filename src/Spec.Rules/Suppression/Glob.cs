using Spec.Core.Files;

namespace Spec.Rules.Suppression;

/// <summary>
/// A glob over separated paths: <c>*</c> matches within one segment, <c>**</c> any number of segments, <c>?</c> one
/// character. A pattern without a separator matches at any depth (<c>*.yml</c> = <c>**/*.yml</c>), as in .gitignore.
/// Matching is ordinal (case-sensitive) and bounded (<see cref="GlobMatcher"/>), whatever the pattern.
/// </summary>
public sealed class Glob
{
    private readonly GlobMatcher _matcher;

    public Glob(string pattern, char separator = '/')
    {
        Pattern = pattern;
        var normalized = StripDotSlash(separator == '/' ? pattern.Replace('\\', '/') : pattern, separator);
        if (!normalized.Contains(separator, StringComparison.Ordinal))
        {
            normalized = "**" + separator + normalized;
        }

        _matcher = new GlobMatcher(normalized, separator);
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => _matcher.IsMatch(path);

    /// <summary>True when the pattern has no wildcard, i.e. names one path.</summary>
    public static bool IsLiteral(string pattern) => pattern.IndexOfAny(['*', '?']) < 0;

    private static string StripDotSlash(string pattern, char separator) =>
        pattern.StartsWith("." + separator, StringComparison.Ordinal) ? pattern[2..] : pattern;
}
