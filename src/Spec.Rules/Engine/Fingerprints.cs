using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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
            var key = string.Concat(d.Id, "\n", file, "\n", where);
            ref var occurrence = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out _);
            occurrence++;
            result[i] = Hash(key, occurrence);
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

        var path = locator.PathAt(document.Root, span.Start, "path:");
        return path is { Length: > 5 }
            ? path
            : "line:" + string.Join(' ', document.Source.Line(span.Start.Line)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The hash of <c>key + "\n" + occurrence</c> (UTF-8), written into a buffer instead of a string per finding.</summary>
    private static string Hash(string key, int occurrence)
    {
        const int MaxSuffix = 12; // '\n' and an int's digits
        var length = Encoding.UTF8.GetMaxByteCount(key.Length) + MaxSuffix;
        byte[]? rented = null;
        Span<byte> buffer = length <= 1024 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(key, buffer);
            buffer[written++] = (byte)'\n';
            occurrence.TryFormat(buffer[written..], out var digits, default, CultureInfo.InvariantCulture);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer[..(written + digits)], hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
