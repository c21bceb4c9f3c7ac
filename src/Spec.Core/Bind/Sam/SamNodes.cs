using System.Globalization;
using System.Text.Json;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// Builds the serverless.yml-shaped tree the SAM reader hands the binder. Every key and value keeps the span of the SAM
/// node it came from, so a diagnostic about <c>functions.x.timeout</c> points at the template's <c>Timeout</c>.
/// </summary>
internal sealed class SamMapping
{
    // Its key index past a few entries matters here too: a template's functions are thousands.
    private readonly MappingBuilder _entries = new();

    public SamMapping(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    public int Count => _entries.Count;

    /// <summary>Adds <paramref name="key"/> (spanned at <paramref name="keySpan"/>) unless the value is null; a key
    /// added again takes its first place.</summary>
    public SamMapping Add(string key, SourceSpan keySpan, Node? value)
    {
        if (value is not null)
        {
            _entries.Set(SamNodes.Key(key, keySpan), value);
        }

        return this;
    }

    /// <summary>Adds the value of the SAM property <paramref name="samKey"/> of <paramref name="source"/> as <paramref name="key"/>.</summary>
    public SamMapping Copy(string key, MappingNode? source, string samKey, Func<Node, Node?>? convert = null)
    {
        if (source?.Entry(samKey) is { } entry)
        {
            Add(key, entry.Key.Span, convert is null ? entry.Value : convert(entry.Value));
        }

        return this;
    }

    public Node? this[string key] => _entries.ValueOf(key);

    public MappingNode Build() => _entries.Build(Span);
}

internal static class SamNodes
{
    public static ScalarNode Key(string text, SourceSpan span) => new(span, text, ScalarKind.String);

    public static ScalarNode Text(string text, SourceSpan span) => ScalarNode.String(span, text);

    public static ScalarNode Bool(bool value, SourceSpan span) => new(span, value ? "true" : "false", ScalarKind.Bool);

    public static ScalarNode Int(long value, SourceSpan span) =>
        new(span, value.ToString(CultureInfo.InvariantCulture), ScalarKind.Int);

    public static SequenceNode List(SourceSpan span, IEnumerable<Node> items) => new(span, [.. items]);

    /// <summary>The literal text of a scalar, or null for anything else (an intrinsic, a list, null).</summary>
    public static string? Literal(Node? node) => node is ScalarNode { IsNull: false } s ? s.Text : null;

    /// <summary>The logical id a <c>Ref</c> or <c>Fn::GetAtt</c> (list or dotted form) names, or null.</summary>
    public static string? ReferencedId(Node? node) => node switch
    {
        MappingNode { Entries.Count: 1 } m when m["Ref"] is ScalarNode r => r.Text,
        MappingNode { Entries.Count: 1 } m when m["Fn::GetAtt"] is SequenceNode { Items.Count: > 0 } a => Literal(a.Items[0]),
        MappingNode { Entries.Count: 1 } m when m["Fn::GetAtt"] is ScalarNode g => g.Text.Split('.')[0],
        _ => null,
    };

    /// <summary>A list's items, or the one value itself.</summary>
    public static IReadOnlyList<Node> Items(Node? node) => node switch
    {
        null => [],
        SequenceNode s => s.Items,
        ScalarNode { IsNull: true } => [],
        _ => [node],
    };

    /// <summary>
    /// JSON text written in a SAM string (an event filter's <c>Pattern</c>) as the object the Framework takes, spanned at
    /// the string; the string itself when it is not JSON.
    /// </summary>
    public static Node ParsedJson(Node node)
    {
        if (node is not ScalarNode { IsNull: false } s)
        {
            return node;
        }

        try
        {
            using var document = JsonDocument.Parse(s.Text);
            return FromJson(document.RootElement, s.Span);
        }
        catch (JsonException)
        {
            return node;
        }
    }

    private static Node FromJson(JsonElement element, SourceSpan span) => element.ValueKind switch
    {
        JsonValueKind.Object => new MappingNode(span,
            [.. element.EnumerateObject().Select(p => new MappingEntry(Key(p.Name, span), FromJson(p.Value, span)))]),
        JsonValueKind.Array => new SequenceNode(span, [.. element.EnumerateArray().Select(e => FromJson(e, span))]),
        JsonValueKind.String => Text(element.GetString() ?? string.Empty, span),
        JsonValueKind.Number => new ScalarNode(span, element.GetRawText(),
            element.TryGetInt64(out _) ? ScalarKind.Int : ScalarKind.Float),
        JsonValueKind.True => Bool(true, span),
        JsonValueKind.False => Bool(false, span),
        _ => new ScalarNode(span, "null", ScalarKind.Null),
    };
}
