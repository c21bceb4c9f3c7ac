using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Rules.Engine;

/// <summary>
/// A resource the Framework-compatible plan generates for the spec (a function, its role, log group, event source
/// mapping, permission, API, …; not one written in <c>resources:</c>), with its properties as nodes whose span is the
/// spec node the resource was lowered from, so a finding on a generated property points at the key that produced it.
/// </summary>
public sealed record GeneratedResource(string LogicalId, string Type, Node? Properties, SourceSpan Origin)
{
    /// <summary>The node a finding on the resource itself (a missing required property) points at.</summary>
    public Node OriginNode => new ScalarNode(Origin, LogicalId, ScalarKind.String);

    /// <summary>A generated resource from its plan body (<c>Type</c>, <c>Properties</c>) and the span it came from;
    /// <paramref name="propertySpan"/> gives the span of the spec key that set a top-level property, when known.</summary>
    public static GeneratedResource FromJson(string logicalId, string type, JsonObject? properties, SourceSpan origin,
        Func<string, SourceSpan?>? propertySpan = null)
    {
        if (properties is null)
        {
            return new(logicalId, type, null, origin);
        }

        var entries = properties.Select(p =>
        {
            var span = propertySpan?.Invoke(p.Key) ?? origin;
            return new MappingEntry(ScalarNode.String(span, p.Key), ToNode(p.Value, span));
        });
        return new(logicalId, type, new MappingNode(origin, [.. entries]), origin);
    }

    private static Node ToNode(JsonNode? json, SourceSpan span) => json switch
    {
        null => new ScalarNode(span, "null", ScalarKind.Null),
        JsonObject o => new MappingNode(span, [.. o.Select(p => new MappingEntry(ScalarNode.String(span, p.Key), ToNode(p.Value, span)))]),
        JsonArray a => new SequenceNode(span, [.. a.Select(i => ToNode(i, span))]),
        JsonValue v when v.TryGetValue<string>(out var s) => ScalarNode.String(span, s),
        JsonValue v when v.TryGetValue<bool>(out var b) => new ScalarNode(span, b ? "true" : "false", ScalarKind.Bool),
        _ => new ScalarNode(span, json.ToJsonString(), json.ToJsonString().Contains('.', StringComparison.Ordinal) ? ScalarKind.Float : ScalarKind.Int),
    };
}

/// <summary>Lowers a bound spec to the resources its plan generates (the Plan stage lives in Spec.Backends, above the
/// rules; <c>spec check</c> passes it in).</summary>
public delegate IReadOnlyList<GeneratedResource> ResourcePlanner(Service service);
