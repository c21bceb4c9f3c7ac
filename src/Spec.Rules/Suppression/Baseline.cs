using System.Text;
using System.Text.Json;
using Spec.Core.Emit;
using Spec.Core.Files;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.Suppression;

/// <summary>
/// A baseline: today's findings by fingerprint, so a repository can adopt Spec and be told only about new findings.
/// The file is JSON, sorted, one entry per finding (the rule id, file and message are there for reviewers).
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    private readonly HashSet<string> _fingerprints;

    public Baseline(IEnumerable<string> fingerprints) => _fingerprints = new HashSet<string>(fingerprints, StringComparer.Ordinal);

    public int Count => _fingerprints.Count;

    public bool Contains(Finding finding) => _fingerprints.Contains(finding.Fingerprint);

    /// <summary>Reads a baseline file; a malformed file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static Baseline Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(UntrustedFile.ReadAllBytes(path, LoadLimits.Default.MaxFileBytes));
            var root = document.RootElement;
            if (!root.TryGetProperty("version", out var version) || version.GetInt32() != FormatVersion)
            {
                throw new InvalidDataException($"{path}: not a Spec baseline (version {FormatVersion})");
            }

            return new Baseline(root.GetProperty("findings").EnumerateArray()
                .Select(f => f.GetProperty("fingerprint").GetString()!));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a Spec baseline: {e.Message}", e);
        }
    }

    /// <summary>The baseline JSON for the unsuppressed <paramref name="findings"/>.</summary>
    public static string Render(IEnumerable<Finding> findings, string baseDirectory)
    {
        var entries = findings
            .Where(f => !f.IsSuppressed)
            .Select(f => (f.Fingerprint, f.Diagnostic.Id,
                File: f.Diagnostic.Span is { } s ? Fingerprints.RelativePath(s.File, baseDirectory) : string.Empty,
                f.Diagnostic.Message))
            .Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartArray("findings");
            foreach (var e in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("fingerprint", e.Fingerprint);
                writer.WriteString("ruleId", e.Id);
                writer.WriteString("file", e.File);
                writer.WriteString("message", e.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void Write(string path, IEnumerable<Finding> findings, string baseDirectory) =>
        AtomicFile.Write(path, Render(findings, baseDirectory));
}
