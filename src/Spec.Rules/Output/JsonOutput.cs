using System.Buffers;
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
        NewLine = "\n",
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(text, (w, _) => write(w));
        return text.ToString();
    }

    /// <summary>
    /// Writes the JSON to <paramref name="output"/>, ending with a line break. The writer's bytes go out whenever the
    /// callback says a unit (a finding) is done and they have grown past a block, so a report of thousands of
    /// findings is never held whole.
    /// </summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter, Action> write)
    {
        var buffer = new ArrayBufferWriter<byte>(BlockBytes);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer, () =>
            {
                if (writer.BytesPending + buffer.WrittenCount >= BlockBytes)
                {
                    writer.Flush();
                    Drain(buffer, output);
                }
            });
            writer.Flush();
        }

        Drain(buffer, output);
        output.Write('\n');
    }

    private const int BlockBytes = 32 * 1024;

    /// <summary>The writer flushes whole tokens, so the bytes never end inside a character.</summary>
    private static void Drain(ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        if (buffer.WrittenCount == 0)
        {
            return;
        }

        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount));
        var count = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
        output.Write(chars, 0, count);
        ArrayPool<char>.Shared.Return(chars);
        buffer.ResetWrittenCount();
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
