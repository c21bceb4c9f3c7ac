using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.General;

namespace Spec.Rules.Engine;

/// <summary>
/// A value of a generated resource's properties as the schema checks walk it: the plan's JSON, read in place, located
/// as <see cref="GeneratedResource.Properties"/> locates it. A node is made only for what a finding points at, and a
/// value is located only then (from the value up through its containers: most values are never reported).
/// </summary>
public readonly struct GeneratedValue : ICheckedValue<GeneratedValue>
{
    private readonly GeneratedResource _owner;
    private readonly JsonNode? _json;
    private readonly JsonNode? _container;
    private readonly string? _key;

    /// <summary>The properties themselves.</summary>
    internal GeneratedValue(GeneratedResource owner, JsonObject properties)
    {
        _owner = owner;
        _json = properties;
    }

    /// <summary>A value in <paramref name="container"/>, under <paramref name="key"/> when the container is an object.</summary>
    private GeneratedValue(GeneratedResource owner, JsonNode? json, JsonNode container, string? key)
    {
        _owner = owner;
        _json = json;
        _container = container;
        _key = key;
    }

    private bool IsRoot => _container is null;

    private (SourceSpan Span, string? Sensitive) Location => IsRoot ? (_owner.Origin, null) : _owner.Locate(_json, _container!, _key);

    public CheckedKind Kind => _json switch
    {
        null => CheckedKind.Null,
        JsonObject => CheckedKind.Mapping,
        JsonArray => CheckedKind.Sequence,
        _ => CheckedKind.Scalar,
    };

    public bool IsUnknown => _json switch
    {
        JsonObject { Count: 1 } o => o.GetAt(0).Key is var key && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal)),
        JsonValue v => v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.TryGetValue<string>(out var text) && CheckedText.IsUnknown(text),
        _ => false,
    };

    public int Count => _json switch
    {
        JsonObject o => o.Count,
        JsonArray a => a.Count,
        _ => 0,
    };

    public string KeyAt(int index) => ((JsonObject)_json!).GetAt(index).Key;

    public GeneratedValue ValueAt(int index)
    {
        var (key, value) = ((JsonObject)_json!).GetAt(index);
        return new GeneratedValue(_owner, value, _json!, key);
    }

    public GeneratedValue ItemAt(int index) => new(_owner, ((JsonArray)_json!)[index], _json!, key: null);

    public string Text => _json is JsonValue v ? Scalar(v).Text : string.Empty;

    public ScalarKind ScalarKind => _json is JsonValue v ? Scalar(v).Kind : ScalarKind.Null;

    public bool IsSensitive => Location.Sensitive is not null;

    public string Display => Location.Sensitive ?? Text;

    public Node ToNode()
    {
        if (IsRoot)
        {
            return _owner.Properties()!;
        }

        var (span, sensitive) = Location;
        return _owner.ToNode(_json, span, sensitive);
    }

    // A top-level key is located with its value (as GeneratedResource.Properties places it), a nested one at its object.
    public Node KeyNodeAt(int index) => ScalarNode.String(IsRoot ? ValueAt(index).Location.Span : Location.Span, KeyAt(index));

    /// <summary>A JSON scalar's text and kind as a node of it has them.</summary>
    internal static (string Text, ScalarKind Kind) Scalar(JsonValue value)
    {
        // The kind first: asking a number for a string boxes it. Only a string or a boolean can be read as one.
        var kind = value.GetValueKind();
        if (kind == System.Text.Json.JsonValueKind.Number)
        {
            return Number(value);
        }

        if (kind == System.Text.Json.JsonValueKind.String && value.TryGetValue<string>(out var text))
        {
            return (text, ScalarKind.String);
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return (flag ? "true" : "false", ScalarKind.Bool);
        }

        return Number(value);
    }

    private static (string Text, ScalarKind Kind) Number(JsonValue value)
    {
        var number = value.ToJsonString();
        return (number, number.Contains('.', StringComparison.Ordinal) ? ScalarKind.Float : ScalarKind.Int);
    }
}
