using System.Text;
using System.Text.RegularExpressions;

namespace Spec.Backends.Packaging;

/// <summary>A glob as the Framework's packaging uses them (<c>**</c>, <c>*</c>, <c>?</c>, <c>{a,b}</c>), matched on
/// forward-slash paths relative to the service directory; a leading <c>./</c> is ignored.</summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    public GlobPattern(string pattern)
    {
        Text = pattern;
        var p = pattern.Trim();
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        var sb = new StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            switch (c)
            {
                case '*' when i + 1 < p.Length && p[i + 1] == '*':
                    var slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                    sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '{':
                    var close = p.IndexOf('}', i);
                    if (close > i)
                    {
                        sb.Append("(?:").Append(string.Join('|', p[(i + 1)..close].Split(',').Select(Regex.Escape))).Append(')');
                        i = close;
                    }
                    else
                    {
                        sb.Append("\\{");
                    }

                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        // A pattern naming a directory also covers everything below it.
        sb.Append("(?:/.*)?$");
        _regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Text { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);
}
