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
    private readonly Func<string, Node?>? _propertySetter;
    private readonly IReadOnlyDictionary<JsonNode, Node>? _valueSources;
    private readonly Node? _idSource;

    private GeneratedResource(string logicalId, string type, JsonObject? properties, SourceSpan origin,
        Func<string, Node?>? propertySetter, IReadOnlyDictionary<JsonNode, Node>? valueSources, Node? idSource)
    {
        _idSource = idSource;
        LogicalId = logicalId;
        Type = type;
        Origin = origin;
        _properties = properties;
        _propertySetter = propertySetter;
        _valueSources = valueSources;
    }

    public string LogicalId { get; }

    /// <summary>
    /// The expression of the <c>${env:}</c> or <c>${file()}</c> value the logical id is made from (a bucket named by
    /// it), or null: a message names such a resource by that expression, since its id spells the value.
    /// </summary>
    public string? IdExpression => _idSource is { IsSensitive: true } source ? source.Display : null;

    public string Type { get; }

    /// <summary>The span of the spec node the resource was lowered from.</summary>
    public SourceSpan Origin { get; }

    /// <summary>The node a finding on the resource itself (a missing required property) points at.</summary>
    public Node OriginNode => new ScalarNode(Origin, LogicalId, ScalarKind.String);

    /// <summary>The properties as the plan wrote them (null when the resource has none): read-only, for what needs
    /// only their JSON (the template's size), not their locations.</summary>
    public JsonObject? PropertiesJson => _properties;

    /// <summary>
    /// A generated resource from its plan body (<c>Type</c>, <c>Properties</c>) and the span it came from.
    /// <paramref name="valueSources"/> gives, by reference, the spec node a value the plan copied into the properties
    /// (at any depth) was written as; <paramref name="propertySetter"/> the setting a top-level property the plan
    /// computed from it (a function's name, its tracing mode). A value with neither is located at its parent. A value
    /// from a sensitive node (<c>${env:}</c>, <c>${file()}</c>), or computed from one, is shown by its expression.
    /// </summary>
    public static GeneratedResource FromJson(string logicalId, string type, JsonObject? properties, SourceSpan origin,
        Func<string, Node?>? propertySetter = null, IReadOnlyDictionary<JsonNode, Node>? valueSources = null, Node? idSource = null) =>
        new(logicalId, type, properties, origin, propertySetter, valueSources, idSource);

    /// <summary>
    /// The logical ids of the resources written in <c>resources:</c> that the plan generates too (it merges the written
    /// body into the generated one): a lookup of the few written ids, not a set of the tens of thousands generated.
    /// </summary>
    public static HashSet<string> WrittenToo(IReadOnlyList<GeneratedResource> generated, IEnumerable<CfnResource> written)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var writtenIds = written.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < generated.Count && merged.Count < writtenIds.Count; i++)
        {
            if (writtenIds.Contains(generated[i].LogicalId))
            {
                merged.Add(generated[i].LogicalId);
            }
        }

        return merged;
    }

    /// <summary>The properties as the schema checks walk them, without converting them (null when it has none).</summary>
    public GeneratedValue? PropertiesValue => _properties is null ? null : new GeneratedValue(this, _properties);

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
            var (span, sensitive) = Property(key, value);
            entries[i] = new MappingEntry(ScalarNode.String(span, key), ToNode(value, span, sensitive));
        }

        return new MappingNode(Origin, entries);
    }

    /// <summary>
    /// Where a top-level property is located (the value the spec wrote, else the setting that set it) and, when it came
    /// from a sensitive value, how a message shows it.
    /// </summary>
    internal (SourceSpan Span, string? Sensitive) Property(string key, JsonNode? value)
    {
        // The value's own source decides both; the setting is asked only for a value the spec did not write.
        if (SourceOf(value) is { } source)
        {
            return Located(source);
        }

        var setter = _propertySetter?.Invoke(key);
        return (setter?.EditSpan ?? Origin, setter is { IsSensitive: true } ? setter.Display : null);
    }

    /// <summary>
    /// Where a value below the properties is located (as <see cref="Property"/> and <see cref="Nested"/> locate it on
    /// the way down): the value the spec wrote, else its container's location, up to a top-level property.
    /// <paramref name="key"/> is the value's key when <paramref name="container"/> is an object.
    /// </summary>
    internal (SourceSpan Span, string? Sensitive) Locate(JsonNode? value, JsonNode container, string? key)
    {
        while (!ReferenceEquals(container, _properties))
        {
            if (SourceOf(value) is { } source)
            {
                return Located(source);
            }

            // A container is never null, and every container below the properties has one itself.
            value = container;
            container = value.Parent!;
            key = container is JsonObject ? value.GetPropertyName() : null;
        }

        return Property(key!, value);
    }

    /// <summary>A nested value's location: the value the spec wrote, else its parent's.</summary>
    internal (SourceSpan Span, string? Sensitive) Nested(JsonNode? value, SourceSpan parent, string? parentSensitive) =>
        SourceOf(value) is { } source ? Located(source) : (parent, parentSensitive);

    /// <summary>A value the spec wrote is located where it was written, and a sensitive one is shown by its expression.</summary>
    private static (SourceSpan Span, string? Sensitive) Located(Node source) =>
        (source.EditSpan, source.IsSensitive ? source.Display : null);

    private Node? SourceOf(JsonNode? json) =>
        json is not null && _valueSources is not null && _valueSources.TryGetValue(json, out var source) ? source : null;

    internal Node ToNode(JsonNode? json, SourceSpan parent, string? parentSensitive)
    {
        var (span, sensitive) = Nested(json, parent, parentSensitive);
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
                    entries[i] = new MappingEntry(ScalarNode.String(span, key), ToNode(value, span, sensitive));
                }

                return new MappingNode(span, entries);
            }

            case JsonArray a:
            {
                var items = new Node[a.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToNode(a[i], span, sensitive);
                }

                return new SequenceNode(span, items);
            }

            default:
                var (text, kind) = GeneratedValue.Scalar((JsonValue)json);
                return new ScalarNode(span, text, kind)
                {
                    IsQuoted = kind == ScalarKind.String,
                    IsSensitive = sensitive is not null,
                    Expression = sensitive,
                };
        }
    }
}

/// <summary>Lowers a bound spec to the resources its plan generates (the Plan stage lives in Spec.Backends, above the
/// rules; <c>spec check</c> passes it in).</summary>
public delegate IReadOnlyList<GeneratedResource> ResourcePlanner(Service service);
