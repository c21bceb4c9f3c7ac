using System.Text;
using System.Text.Json;
using Spec.Core.Diagnostics;
using Spec.Rules.Engine;

namespace Spec.Rules.Output;

/// <summary>
/// SARIF 2.1.0 for code scanning: one run; <c>tool.driver.rules</c> from the rule metadata (help URI, default level,
/// tags, <c>security-severity</c> for security rules); results with rule id and index, level, message, a physical
/// location with a region, related locations, <c>partialFingerprints</c>, <c>suppressions</c> and fixes.
/// </summary>
public sealed class SarifFormatter : IReportFormatter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public string Name => "sarif";

    public string Format(ReportInput input) => ReportText.Of(this, input);

    public void Write(ReportInput input, TextWriter output)
    {
        var rules = input.Descriptors.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            index.TryAdd(rules[i].Id, i);
        }

        JsonOutput.Write(output, (w, findingDone) =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", ToolInfo.Name);
            w.WriteString("version", input.ToolVersion);
            w.WriteString("semanticVersion", input.ToolVersion);
            w.WriteString("informationUri", ToolInfo.InformationUri.ToString());
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(w, rule);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var finding in input.Findings)
            {
                WriteResult(w, finding, index, input);
                findingDone();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteRule(Utf8JsonWriter w, DiagnosticDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", PascalCase(rule.Title));
        Message(w, "shortDescription", rule.Title);
        Message(w, "fullDescription", rule.Description);
        w.WriteStartObject("help");
        w.WriteString("text", rule.HowToFix);
        w.WriteString("markdown", RuleDocsWriter.HelpMarkdown(rule));
        w.WriteEndObject();
        w.WriteString("helpUri", rule.HelpUri.ToString());
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        foreach (var tag in rule.Tags.Prepend(rule.Category.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            w.WriteStringValue(tag);
        }

        w.WriteEndArray();
        if (rule.SecuritySeverity is { } securitySeverity)
        {
            w.WriteString("security-severity", securitySeverity);
        }

        if (rule.Anchors.Count > 0)
        {
            w.WriteStartArray("anchors");
            foreach (var anchor in rule.Anchors)
            {
                w.WriteStringValue(anchor);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding finding, Dictionary<string, int> index, ReportInput input)
    {
        var d = finding.Diagnostic;
        w.WriteStartObject();
        w.WriteString("ruleId", d.Id);
        if (index.TryGetValue(d.Id, out var ruleIndex))
        {
            w.WriteNumber("ruleIndex", ruleIndex);
        }

        w.WriteString("level", Level(d.Severity));
        Message(w, "message", d.Message);
        if (d.Span is { } span)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            PhysicalLocation(w, span, input);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (d.Related.Count > 0)
        {
            w.WriteStartArray("relatedLocations");
            for (var i = 0; i < d.Related.Count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("id", i + 1);
                PhysicalLocation(w, d.Related[i].Span, input);
                Message(w, "message", d.Related[i].Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("partialFingerprints");
        w.WriteString(Fingerprints.SarifKey, finding.Fingerprint);
        w.WriteEndObject();

        if (finding.Suppression is { } suppression)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
            w.WriteString("status", "accepted");
            w.WriteString("justification", suppression.Justification);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (d.Fix is { Edits.Count: > 0 } fix)
        {
            WriteFix(w, fix, input);
        }

        w.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter w, Fix fix, ReportInput input)
    {
        w.WriteStartArray("fixes");
        w.WriteStartObject();
        Message(w, "description", fix.Title);
        w.WriteStartArray("artifactChanges");
        foreach (var file in fix.Edits.GroupBy(e => e.Span.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", Uri(input.PathOf(file.Key)));
            w.WriteEndObject();
            w.WriteStartArray("replacements");
            foreach (var edit in file)
            {
                w.WriteStartObject();
                w.WriteStartObject("deletedRegion");
                w.WriteNumber("charOffset", edit.Span.Start.Offset);
                w.WriteNumber("charLength", edit.Span.End.Offset - edit.Span.Start.Offset);
                w.WriteEndObject();
                w.WriteStartObject("insertedContent");
                w.WriteString("text", edit.NewText);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void PhysicalLocation(Utf8JsonWriter w, SourceSpan span, ReportInput input)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", Uri(input.PathOf(span.File)));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", span.Start.Line);
        w.WriteNumber("startColumn", span.Start.Column);
        w.WriteNumber("endLine", Math.Max(span.End.Line, span.Start.Line));
        w.WriteNumber("endColumn", span.End.Line > span.Start.Line ? span.End.Column : Math.Max(span.End.Column, span.Start.Column));
        if (input.Sources.TryGetValue(span.File, out var source) && source.Line(span.Start.Line) is { Length: > 0 } line)
        {
            w.WriteStartObject("snippet");
            w.WriteString("text", line);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative path as a URI reference (each segment percent-encoded); absolute paths as file URIs.</summary>
    internal static string Uri(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
    }

    private static string PascalCase(string title)
    {
        var name = new StringBuilder();
        foreach (var word in title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. word.Where(char.IsLetterOrDigit)]);
            if (letters.Length > 0)
            {
                name.Append(char.ToUpperInvariant(letters[0])).Append(letters[1..]);
            }
        }

        return name.ToString();
    }
}
