using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using Spec.Core.Diagnostics;

namespace Spec.Rules.Output;

/// <summary>Deterministic, indented JSON writing shared by the JSON-based formats.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static void Span(Utf8JsonWriter w, SourceSpan span, Func<string, string> pathOf)
    {
        w.WriteString("file", pathOf(span.File));
        w.WriteNumber("line", span.Start.Line);
        w.WriteNumber("column", span.Start.Column);
        w.WriteNumber("endLine", span.End.Line);
        w.WriteNumber("endColumn", span.End.Column);
    }
}
