namespace Spec.Core.Files;

/// <summary>
/// A glob compiled to tokens and matched by dynamic programming over (token, position): time is bounded by
/// tokens × path length × alternatives, whatever the pattern (<c>**/**/**/…</c> cannot backtrack catastrophically as a
/// regular expression does). <c>*</c> and <c>?</c> stay within one segment; <c>**</c> followed by the separator matches
/// zero or more whole segments, otherwise anything; <c>{a,b}</c> (when enabled) one of the literal alternatives.
/// </summary>
public sealed class GlobMatcher
{
    private readonly Token[] _tokens;
    private readonly char _separator;
    private readonly bool _directoryCoversBelow;

    /// <param name="pattern">The glob.</param>
    /// <param name="separator">The segment separator.</param>
    /// <param name="braces">Whether <c>{a,b}</c> is an alternation (else literal).</param>
    /// <param name="directoryCoversBelow">Whether a match of a prefix ending at a separator matches the whole path
    /// (a pattern naming a folder covers what is inside it).</param>
    public GlobMatcher(string pattern, char separator = '/', bool braces = false, bool directoryCoversBelow = false)
    {
        _separator = separator;
        _directoryCoversBelow = directoryCoversBelow;
        _tokens = Compile(pattern, separator, braces);
    }

    private enum Kind
    {
        Literal,
        AnyOne,
        Star,
        GlobStar,
        GlobStarSegments,
        Alternatives,
    }

    public bool IsMatch(string path)
    {
        var n = _tokens.Length;
        var length = path.Length;
        var next = new bool[length + 2];
        var current = new bool[length + 2];
        for (var j = 0; j <= length; j++)
        {
            next[j] = j == length || (_directoryCoversBelow && path[j] == _separator);
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var token = _tokens[i];
            var laterSeparatorMatch = false;
            for (var j = length; j >= 0; j--)
            {
                // for `**/`: some separator at or after j from which the rest of the pattern matches
                laterSeparatorMatch |= j < length && path[j] == _separator && next[j + 1];
                current[j] = token.Kind switch
                {
                    Kind.Literal => j < length && path[j] == token.Char && next[j + 1],
                    Kind.AnyOne => j < length && path[j] != _separator && next[j + 1],
                    Kind.Star => next[j] || (j < length && path[j] != _separator && current[j + 1]),
                    Kind.GlobStar => next[j] || (j < length && current[j + 1]),
                    Kind.GlobStarSegments => next[j] || laterSeparatorMatch,
                    _ => Alternative(token.Alternatives!, path, j, next),
                };
            }

            (next, current) = (current, next);
        }

        return next[0];
    }

    private static bool Alternative(string[] alternatives, string path, int j, bool[] next)
    {
        foreach (var a in alternatives)
        {
            if (j + a.Length <= path.Length && string.CompareOrdinal(path, j, a, 0, a.Length) == 0 && next[j + a.Length])
            {
                return true;
            }
        }

        return false;
    }

    private static Token[] Compile(string p, char separator, bool braces)
    {
        var tokens = new List<Token>(p.Length);
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            switch (c)
            {
                case '*' when i + 1 < p.Length && p[i + 1] == '*':
                    var segments = i + 2 < p.Length && p[i + 2] == separator;
                    // consecutive stars are one wildcard; a repeated `**/` adds nothing either
                    if (tokens.Count == 0 || tokens[^1].Kind != (segments ? Kind.GlobStarSegments : Kind.GlobStar))
                    {
                        tokens.Add(new Token(segments ? Kind.GlobStarSegments : Kind.GlobStar));
                    }

                    i += segments ? 2 : 1;
                    while (!segments && i + 1 < p.Length && p[i + 1] == '*')
                    {
                        i++;
                    }

                    break;
                case '*':
                    if (tokens.Count == 0 || tokens[^1].Kind != Kind.Star)
                    {
                        tokens.Add(new Token(Kind.Star));
                    }

                    break;
                case '?':
                    tokens.Add(new Token(Kind.AnyOne));
                    break;
                case '{' when braces && p.IndexOf('}', i) is var close && close > i:
                    tokens.Add(new Token(Kind.Alternatives) { Alternatives = p[(i + 1)..close].Split(',') });
                    i = close;
                    break;
                default:
                    tokens.Add(new Token(Kind.Literal) { Char = c });
                    break;
            }
        }

        return [.. tokens];
    }

    private readonly record struct Token(Kind Kind)
    {
        public char Char { get; init; }

        public string[]? Alternatives { get; init; }
    }
}
