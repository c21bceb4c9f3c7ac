using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spec.Core.Diagnostics;

namespace Spec.Cli.Lsp;

/// <summary>The JSON types crossing the wire: every handler reads its params as one element and answers a node, so
/// the formatter needs no reflection over protocol types (the NativeAOT binary serves <c>spec lsp</c> too).</summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonValue))]
internal sealed partial class LspJsonContext : JsonSerializerContext;

/// <summary>LSP positions, ranges and URIs from Spec's spans. Lines and columns are 0-based UTF-16 in LSP, 1-based
/// UTF-16 (characters of a .NET string) in Spec.</summary>
internal static class LspJson
{
    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    /// <summary>The LSP range of a span (end exclusive in both). A span without an end is an empty range.</summary>
    public static JsonObject Range(SourceSpan span)
    {
        var end = span.End.Line < span.Start.Line || (span.End.Line == span.Start.Line && span.End.Column < span.Start.Column)
            ? span.Start
            : span.End;
        return new JsonObject
        {
            ["start"] = Position(Math.Max(0, span.Start.Line - 1), Math.Max(0, span.Start.Column - 1)),
            ["end"] = Position(Math.Max(0, end.Line - 1), Math.Max(0, end.Column - 1)),
        };
    }

    public static JsonObject EmptyRange(int line = 0, int character = 0) =>
        new() { ["start"] = Position(line, character), ["end"] = Position(line, character) };

    /// <summary>The range of offsets [<paramref name="start"/>, <paramref name="end"/>) in <paramref name="text"/>.</summary>
    public static JsonObject Range(string text, int start, int end) =>
        new() { ["start"] = PositionAt(text, start), ["end"] = PositionAt(text, end) };

    public static JsonObject PositionAt(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return Position(line, offset - lineStart);
    }

    /// <summary>The (0-based line, character) of a request's <c>position</c>.</summary>
    public static (int Line, int Character) ReadPosition(JsonElement parameters)
    {
        var position = parameters.GetProperty("position");
        return (position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());
    }

    public static string DocumentUri(JsonElement parameters) =>
        parameters.GetProperty("textDocument").GetProperty("uri").GetString() ?? string.Empty;

    /// <summary>The file a document URI names; a URI that is not a file (an unsaved buffer) is treated as a spec of its
    /// name in the working directory, so relative <c>${file(…)}</c> and <c>.spec.yml</c> are looked up there.</summary>
    public static string PathOf(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
        {
            return parsed.LocalPath;
        }

        var name = Uri.TryCreate(uri, UriKind.Absolute, out var other) ? Path.GetFileName(other.AbsolutePath) : string.Empty;
        return Path.Combine(Environment.CurrentDirectory, name.Length > 0 ? name : "serverless.yml");
    }

    public static string UriOf(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
