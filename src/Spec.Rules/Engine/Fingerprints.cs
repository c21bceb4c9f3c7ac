using System.Security.Cryptography;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>
/// Fingerprints that survive unrelated edits: a hash of the rule id, the file (relative to the base directory, with
/// <c>/</c>) and where in the spec the finding is — its structural path (<c>functions.worker.timeout</c>), or the
/// whitespace-normalised source line when no node contains it — never the line number. Findings that share all three
/// get an occurrence index in report order.
/// </summary>
public static class Fingerprints
{
    /// <summary>The SARIF <c>partialFingerprints</c> key.</summary>
    public const string SarifKey = "specFingerprint/v1";

    /// <summary>Fingerprints for <paramref name="diagnostics"/> (in that order, which must be deterministic).</summary>
    public static IReadOnlyList<string> Compute(IReadOnlyList<Diagnostic> diagnostics, RuleInput input, string baseDirectory)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var locator = new NodeLocator();
        var relativePaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new string[diagnostics.Count];
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            var file = d.Span is null ? string.Empty : RelativePathOf(d.Span.File);
            var where = d.Span is null ? string.Empty : Location(d.Span, input, locator);
            var key = d.Id + "\n" + file + "\n" + where;
            seen[key] = seen.GetValueOrDefault(key) + 1;
            result[i] = Hash(key + "\n" + seen[key].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return result;

        string RelativePathOf(string file)
        {
            if (!relativePaths.TryGetValue(file, out var relative))
            {
                relative = RelativePath(file, baseDirectory);
                relativePaths.Add(file, relative);
            }

            return relative;
        }
    }

    /// <summary>The path of <paramref name="file"/> relative to <paramref name="baseDirectory"/>, with forward slashes.</summary>
    public static string RelativePath(string file, string baseDirectory)
    {
        var full = Path.GetFullPath(file);
        var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), full);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative)
            .Replace('\\', '/');
    }

    private static string Location(SourceSpan span, RuleInput input, NodeLocator locator)
    {
        var document = input.Document(span.File);
        if (document is null)
        {
            return string.Empty;
        }

        var path = locator.PathAt(document.Root, span.Start);
        return !string.IsNullOrEmpty(path)
            ? "path:" + path
            : "line:" + string.Join(' ', document.Source.Line(span.Start.Line)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
