using System.Text.Encodings.Web;
using System.Text.Json;
using Spec.Core.Diagnostics;

namespace Spec.Cli.Output;

/// <summary>
/// <c>spec check --format json</c>. The schema (version 1) is documented in the README; fields are only ever
/// added. Written with <see cref="Utf8JsonWriter"/> so it needs no reflection (NativeAOT).
/// </summary>
internal sealed class JsonCheckRenderer : ICheckRenderer
{
    public const int SchemaVersion = 1;

    public void Render(CheckReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", SchemaVersion);
            w.WriteStartArray("files");
            foreach (var r in report.Results)
            {
                w.WriteStartObject();
                w.WriteString("path", r.ConfigPath);
                w.WriteBoolean("processed", !r.CouldNotProcess);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in report.Diagnostics)
            {
                WriteDiagnostic(w, d);
            }

            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("errors", report.Count(Severity.Error));
            w.WriteNumber("warnings", report.Count(Severity.Warning));
            w.WriteNumber("infos", report.Count(Severity.Info));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("severity", d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        });
        w.WriteString("message", d.Message);
        WriteSpan(w, d.Span);
        w.WriteStartArray("related");
        foreach (var r in d.Related)
        {
            w.WriteStartObject();
            w.WriteString("message", r.Message);
            WriteSpan(w, r.Span);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteNullableString(w, "help", d.Help);
        WriteNullableString(w, "helpUri", d.HelpUri?.ToString());
        if (d.Fix is { } fix)
        {
            w.WriteStartObject("fix");
            w.WriteString("title", fix.Title);
            w.WriteStartArray("edits");
            foreach (var e in fix.Edits)
            {
                w.WriteStartObject();
                WriteSpan(w, e.Span);
                w.WriteNumber("startOffset", e.Span.Start.Offset);
                w.WriteNumber("endOffset", e.Span.End.Offset);
                w.WriteString("newText", e.NewText);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("fix");
        }

        w.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter w, SourceSpan? span)
    {
        if (span is null)
        {
            w.WriteNull("file");
            w.WriteNull("line");
            w.WriteNull("column");
            w.WriteNull("endLine");
            w.WriteNull("endColumn");
            return;
        }

        w.WriteString("file", span.File);
        w.WriteNumber("line", span.Start.Line);
        w.WriteNumber("column", span.Start.Column);
        w.WriteNumber("endLine", span.End.Line);
        w.WriteNumber("endColumn", span.End.Column);
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
