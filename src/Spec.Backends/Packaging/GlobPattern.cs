using Spec.Core.Files;

namespace Spec.Backends.Packaging;

/// <summary>A glob as the Framework's packaging uses them (<c>**</c>, <c>*</c>, <c>?</c>, <c>{a,b}</c>), matched on
/// forward-slash paths relative to the service directory; a leading <c>./</c> is ignored, and a pattern naming a folder
/// covers everything below it. Matching is bounded (<see cref="GlobMatcher"/>), whatever the pattern.</summary>
public sealed class GlobPattern
{
    private readonly GlobMatcher _matcher;

    public GlobPattern(string pattern)
    {
        Text = pattern;
        var p = pattern.Trim();
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        _matcher = new GlobMatcher(p, '/', braces: true, directoryCoversBelow: true);
    }

    public string Text { get; }

    public bool IsMatch(string relativePath) => _matcher.IsMatch(relativePath);
}
