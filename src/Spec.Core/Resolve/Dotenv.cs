using System.Text;
using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Core.Files;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// <c>useDotenv: true</c>: the Framework loads <c>.env.&lt;stage&gt;</c>, or <c>.env</c> only when that file is
/// missing, with the <c>dotenv</c> syntax (comments, quotes, <c>export </c>) and <c>dotenv-expand</c>
/// (<c>${OTHER}</c>, <c>$OTHER</c>). Variables already in the environment are not overwritten.
/// </summary>
internal static partial class Dotenv
{
    public static void LoadInto(Dictionary<string, string> environment, string serviceDirectory, string stage,
        DiagnosticBag diagnostics, SourceSpan at)
    {
        foreach (var name in new[] { $".env.{stage}", ".env" })
        {
            var path = Path.Combine(serviceDirectory, name);
            if (UntrustedFile.KindOf(path) == FileKind.Missing)
            {
                continue;
            }

            string text;
            try
            {
                text = UntrustedFile.ReadAllText(path, LoadLimits.Default.MaxFileBytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticIds.Variable, $"Failed to load environment variables from \"{name}\": {e.Message}", at);
                return;
            }

            var parsed = Parse(text);
            foreach (var (key, value) in parsed)
            {
                if (!environment.ContainsKey(key))
                {
                    environment[key] = Expand(value, environment, parsed, 0);
                }
            }

            return;
        }
    }

    /// <summary>The <c>dotenv</c> 16 parser: one <c>KEY=value</c> per match, later keys win.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (Match m in LinePattern().Matches(text.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var key = m.Groups[1].Value;
            var value = m.Groups[2].Success ? m.Groups[2].Value.Trim() : string.Empty;
            var quote = value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'' or '`' ? value[0] : '\0';
            if (quote != '\0')
            {
                value = value[1..^1];
                if (quote == '"')
                {
                    value = value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\r", "\r", StringComparison.Ordinal);
                }
            }

            if (!result.ContainsKey(key))
            {
                order.Add(key);
            }

            result[key] = value;
        }

        return [.. order.Select(k => new KeyValuePair<string, string>(k, result[k]))];
    }

    private static string Expand(string value, IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<KeyValuePair<string, string>> parsed, int depth)
    {
        if (depth > 10 || !value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && value[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            var m = c == '$' ? ReferencePattern().Match(value, i) : null;
            if (m is null || !m.Success || m.Index != i)
            {
                sb.Append(c);
                continue;
            }

            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value;
            string? replacement = environment.TryGetValue(name, out var fromEnv) ? fromEnv : null;
            if (replacement is null)
            {
                foreach (var (k, v) in parsed)
                {
                    if (k == name)
                    {
                        replacement = Expand(v, environment, parsed, depth + 1);
                    }
                }
            }

            sb.Append(replacement ?? (m.Groups["default"].Success ? m.Groups["default"].Value : string.Empty));
            i += m.Length - 1;
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^[ \t]*(?:export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*?|:[ \t]+?)(\s*'(?:\\'|[^'])*'|\s*""(?:\\""|[^""])*""|\s*`(?:\\`|[^`])*`|[^#\n]+)?[ \t]*(?:#.*)?$", RegexOptions.Multiline)]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex ReferencePattern();
}
