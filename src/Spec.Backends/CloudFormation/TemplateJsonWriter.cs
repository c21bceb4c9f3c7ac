using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spec.Backends.CloudFormation;

/// <summary>
/// Writes JSON exactly as <c>JSON.stringify(value, null, 2)</c> does (the Framework's template files):
/// two-space indent, keys in insertion order, non-ASCII characters unescaped, JavaScript number formatting.
/// </summary>
public static class TemplateJsonWriter
{
    public static string Write(JsonNode? node)
    {
        var sb = new StringBuilder();
        WriteNode(sb, node, 0);
        return sb.ToString();
    }

    /// <summary>
    /// A template object given by parts, as the UTF-8 bytes of its file: the leading sections, then <c>Resources</c>
    /// and <c>Outputs</c>, then the other sections; the bodies are written where they are, never copied. The text goes
    /// to the bytes a resource at a time, so a template of tens of megabytes is never held as one string (nor as the
    /// chunks of a builder) beside its bytes.
    /// </summary>
    internal static IReadOnlyList<ReadOnlyMemory<byte>> WriteUtf8(IEnumerable<KeyValuePair<string, JsonNode?>> leading,
        IReadOnlyList<KeyValuePair<string, JsonNode?>> resources, JsonObject outputs, JsonObject trailing)
    {
        var head = new Utf8Sink();
        var sb = head.Text;
        sb.Append("{\n");
        var first = true;
        void Member(string key)
        {
            if (!first)
            {
                sb.Append(",\n");
            }

            first = false;
            Indent(sb, 1);
            WriteString(sb, key);
            sb.Append(": ");
        }

        foreach (var (key, value) in leading)
        {
            Member(key);
            WriteNode(sb, value, 1);
        }

        Member("Resources");
        var parts = WriteResources(resources);
        var tail = new Utf8Sink();
        sb = tail.Text;
        Member("Outputs");
        WriteNode(sb, outputs, 1);
        foreach (var (key, value) in trailing)
        {
            Member(key);
            WriteNode(sb, value, 1);
        }

        sb.Append("\n}");
        return Utf8Sink.Segments([head, .. parts, tail]);
    }

    /// <summary>Below this many resources per thread the template is written on one.</summary>
    private const int ResourcesPerPart = 2_000;

    /// <summary>
    /// The <c>Resources</c> object (at depth 1): a large one in contiguous parts written on separate threads (the plan's
    /// JSON is only read here) and joined in order, the same bytes as one writer's.
    /// </summary>
    private static Utf8Sink[] WriteResources(IReadOnlyList<KeyValuePair<string, JsonNode?>> resources)
    {
        if (resources.Count == 0)
        {
            var empty = new Utf8Sink();
            empty.Text.Append("{}");
            return [empty];
        }

        // At least two parts for a large template even on one core, so the join is exercised wherever it runs.
        var count = Math.Clamp(resources.Count / ResourcesPerPart, 1, Math.Max(2, Environment.ProcessorCount));
        var parts = new Utf8Sink[count];
        Parallel.For(0, count, p =>
        {
            var sink = parts[p] = new Utf8Sink();
            var end = (int)((long)resources.Count * (p + 1) / count);
            for (var i = (int)((long)resources.Count * p / count); i < end; i++)
            {
                var (key, value) = resources[i];
                sink.Text.Append(i == 0 ? "{\n" : ",\n");
                Indent(sink.Text, 2);
                WriteString(sink.Text, key);
                sink.Text.Append(": ");
                WriteNode(sink.Text, value, 2);
                sink.Flush();
            }
        });
        parts[^1].Text.Append('\n');
        Indent(parts[^1].Text, 1);
        parts[^1].Text.Append('}');
        return parts;
    }

    /// <summary>
    /// Text written to a small builder and moved to UTF-8 bytes whenever the builder has grown. The bytes are kept in
    /// blocks of a fixed size, which are the file's segments: it goes to disk from them without being joined (a
    /// doubling buffer would copy it at every doubling and leave its smaller halves behind).
    /// </summary>
    private sealed class Utf8Sink
    {
        private const int FlushAt = 16 * 1024;
        private const int BlockSize = 1024 * 1024;
        private readonly List<(byte[] Bytes, int Length)> _full = [];
        private byte[] _block = new byte[BlockSize];
        private int _used;

        // Stateful: a surrogate pair split between two chunks of text is still encoded as one character.
        private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();

        public StringBuilder Text { get; } = new(2 * FlushAt);

        public void Flush()
        {
            if (Text.Length >= FlushAt)
            {
                Move(flush: false);
            }
        }

        /// <summary>The bytes of <paramref name="sinks"/> in order, as the blocks they were written in.</summary>
        public static IReadOnlyList<ReadOnlyMemory<byte>> Segments(IEnumerable<Utf8Sink> sinks)
        {
            var segments = new List<ReadOnlyMemory<byte>>();
            foreach (var sink in sinks)
            {
                sink.Move(flush: true);
                foreach (var (block, length) in sink._full)
                {
                    segments.Add(block.AsMemory(0, length));
                }

                if (sink._used > 0)
                {
                    segments.Add(sink._block.AsMemory(0, sink._used));
                }
            }

            return segments;
        }

        private void Move(bool flush)
        {
            foreach (var chunk in Text.GetChunks())
            {
                var chars = chunk.Span;
                while (!chars.IsEmpty)
                {
                    EnsureRoom();

                    _encoder.Convert(chars, _block.AsSpan(_used), flush: false, out var read, out var written, out _);
                    chars = chars[read..];
                    _used += written;
                }
            }

            if (flush)
            {
                EnsureRoom();

                _encoder.Convert(ReadOnlySpan<char>.Empty, _block.AsSpan(_used), flush: true, out _, out var tail, out _);
                _used += tail;
            }

            Text.Clear();
        }

        /// <summary>Room for at least one character (4 bytes) in the current block.</summary>
        private void EnsureRoom()
        {
            if (_used + 4 > BlockSize)
            {
                _full.Add((_block, _used));
                _block = new byte[BlockSize];
                _used = 0;
            }
        }
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject o:
                if (o.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append("{\n");
                for (var i = 0; i < o.Count; i++)
                {
                    // By index: enumerating a JsonObject allocates an enumerator per object.
                    var (key, value) = o.GetAt(i);
                    if (i > 0)
                    {
                        sb.Append(",\n");
                    }

                    Indent(sb, depth + 1);
                    WriteString(sb, key);
                    sb.Append(": ");
                    WriteNode(sb, value, depth + 1);
                }

                sb.Append('\n');
                Indent(sb, depth);
                sb.Append('}');
                break;
            case JsonArray a:
                if (a.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                sb.Append("[\n");
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(",\n");
                    }

                    Indent(sb, depth + 1);
                    WriteNode(sb, a[i], depth + 1);
                }

                sb.Append('\n');
                Indent(sb, depth);
                sb.Append(']');
                break;
            case JsonValue v:
                WriteValue(sb, v);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue v)
    {
        if (v.TryGetValue<string>(out var s))
        {
            WriteString(sb, s);
        }
        else if (v.TryGetValue<bool>(out var b))
        {
            sb.Append(b ? "true" : "false");
        }
        else if (v.TryGetValue<long>(out var l))
        {
            sb.Append(l.ToString(CultureInfo.InvariantCulture));
        }
        else if (v.TryGetValue<int>(out var i))
        {
            sb.Append(i.ToString(CultureInfo.InvariantCulture));
        }
        else if (v.TryGetValue<double>(out var d))
        {
            sb.Append(FormatNumber(d));
        }
        else if (v.TryGetValue<JsonElement>(out var e))
        {
            WriteElement(sb, e);
        }
        else
        {
            sb.Append(v.ToJsonString());
        }
    }

    private static void WriteElement(StringBuilder sb, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                WriteString(sb, e.GetString() ?? string.Empty);
                break;
            case JsonValueKind.Number:
                sb.Append(FormatNumber(e.GetDouble()));
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    /// <summary>JavaScript <c>Number.prototype.toString()</c> for finite numbers (NaN/Infinity become null, as in JSON.stringify).</summary>
    public static string FormatNumber(double d) => double.IsFinite(d) ? Spec.Core.Resolve.JsNumber.Format(d) : "null";

    /// <summary>A JSON string literal escaped exactly as <c>JSON.stringify</c> does (shared with <c>spec print</c>).</summary>
    public static void WriteString(StringBuilder sb, string s) => Spec.Core.Print.JsonPrintWriter.WriteString(sb, s);

    private static void Indent(StringBuilder sb, int depth) => sb.Append(' ', depth * 2);
}
