using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.General;

namespace Spec.Rules.Engine;

/// <summary>
/// A resource the Framework-compatible plan generates for the spec (a function, its role, log group, event source
/// mapping, permission, API, …; not one written in <c>resources:</c>), with its properties as nodes whose span is the
/// spec node the resource was lowered from, so a finding on a generated property points at the key that produced it.
/// </summary>
/// <remarks>
/// The properties stay the plan's JSON until <see cref="Properties"/> converts them, on every call: a check of tens of
/// thousands of generated resources converts and drops one at a time instead of holding a node tree for each.
/// </remarks>
public sealed class GeneratedResource
{
    private readonly JsonObject? _properties;
    private readonly Func<string, SourceSpan?>? _propertySpan;
    private readonly IReadOnlyDictionary<JsonNode, SourceSpan>? _valueSources;

    private GeneratedResource(string logicalId, string type, JsonObject? properties, SourceSpan origin,
        Func<string, SourceSpan?>? propertySpan, IReadOnlyDictionary<JsonNode, SourceSpan>? valueSources)
    {
        LogicalId = logicalId;
        Type = type;
        Origin = origin;
        _properties = properties;
        _propertySpan = propertySpan;
        _valueSources = valueSources;
    }

    public string LogicalId { get; }

    public string Type { get; }

    /// <summary>The span of the spec node the resource was lowered from.</summary>
    public SourceSpan Origin { get; }

    /// <summary>The node a finding on the resource itself (a missing required property) points at.</summary>
    public Node OriginNode => new ScalarNode(Origin, LogicalId, ScalarKind.String);

    /// <summary>
    /// A generated resource from its plan body (<c>Type</c>, <c>Properties</c>) and the span it came from.
    /// <paramref name="valueSources"/> gives, by reference, where the spec wrote a value the plan copied into the
    /// properties (at any depth); <paramref name="propertySpan"/> the key that set a top-level property the plan
    /// computed from it (a function's name, its tracing mode). A value with neither is located at its parent.
    /// </summary>
    /// <summary>The properties as the plan wrote them (null when the resource has none): read-only, for what needs
    /// only their JSON (the template's size), not their locations.</summary>
    public JsonObject? PropertiesJson => _properties;

    public static GeneratedResource FromJson(string logicalId, string type, JsonObject? properties, SourceSpan origin,
        Func<string, SourceSpan?>? propertySpan = null, IReadOnlyDictionary<JsonNode, SourceSpan>? valueSources = null) =>
        new(logicalId, type, properties, origin, propertySpan, valueSources);

    /// <summary>The properties as the schema checks walk them, without converting them (null when it has none).</summary>
    public GeneratedValue? PropertiesValue => _properties is null ? null : new GeneratedValue(this, _properties, Origin, isRoot: true);

    /// <summary>The properties as nodes (null when the resource has none): what a finding points at.</summary>
    public Node? Properties()
    {
        if (_properties is null)
        {
            return null;
        }

        var entries = new MappingEntry[_properties.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var (key, value) = _properties.GetAt(i);
            // The key keeps its own place: a finding on which keys are set points at it.
            var span = PropertySpan(key, value);
            entries[i] = new MappingEntry(ScalarNode.String(span, key), ToNode(value, span));
        }

        return new MappingNode(Origin, entries);
    }

    /// <summary>Where a top-level property is located: the value the spec wrote, else the key that set it.</summary>
    internal SourceSpan PropertySpan(string key, JsonNode? value) => SourceOf(value) ?? _propertySpan?.Invoke(key) ?? Origin;

    internal SourceSpan? SourceOf(JsonNode? json) =>
        json is not null && _valueSources is not null && _valueSources.TryGetValue(json, out var span) ? span : null;

    internal Node ToNode(JsonNode? json, SourceSpan parent)
    {
        var span = SourceOf(json) ?? parent;
        switch (json)
        {
            case null:
                return new ScalarNode(span, "null", ScalarKind.Null);
            case JsonObject o:
            {
                var entries = new MappingEntry[o.Count];
                for (var i = 0; i < entries.Length; i++)
                {
                    var (key, value) = o.GetAt(i);
                    entries[i] = new MappingEntry(ScalarNode.String(span, key), ToNode(value, span));
                }

                return new MappingNode(span, entries);
            }

            case JsonArray a:
            {
                var items = new Node[a.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToNode(a[i], span);
                }

                return new SequenceNode(span, items);
            }

            default:
                var (text, kind) = GeneratedValue.Scalar((JsonValue)json);
                return kind == ScalarKind.String ? ScalarNode.String(span, text) : new ScalarNode(span, text, kind);
        }
    }
}

/// <summary>Lowers a bound spec to the resources its plan generates (the Plan stage lives in Spec.Backends, above the
/// rules; <c>spec check</c> passes it in).</summary>
public delegate IReadOnlyList<GeneratedResource> ResourcePlanner(Service service);
