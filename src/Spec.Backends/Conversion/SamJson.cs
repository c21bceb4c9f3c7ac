using System.Text.Json.Nodes;

namespace Spec.Backends.Conversion;

/// <summary>Small builders for template values: objects without their unset members, lists of written values.</summary>
internal static class SamJson
{
    /// <summary>An object with the members whose value is set (not null), in order.</summary>
    public static JsonObject Props(params ReadOnlySpan<(string Key, JsonNode? Value)> entries)
    {
        var o = new JsonObject();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                o[key] = value;
            }
        }

        return o;
    }

    /// <summary>The object, or null when it has no member (so <see cref="Props"/> leaves it out).</summary>
    public static JsonObject? NonEmpty(JsonObject o) => o.Count == 0 ? null : o;

    /// <summary>A list of the set values, or null when none is set.</summary>
    public static JsonArray? List(IEnumerable<JsonNode?> items)
    {
        var list = new JsonArray([.. items.Where(i => i is not null)]);
        return list.Count == 0 ? null : list;
    }

    /// <summary>A resource: its type, properties and the attributes that are set.</summary>
    public static JsonObject Resource(string type, JsonObject properties, JsonNode? dependsOn = null, JsonNode? condition = null) =>
        Props(("Type", type), ("Condition", condition), ("DependsOn", dependsOn), ("Properties", properties));

    /// <summary>An event source's filter patterns as <c>FilterCriteria</c> (each pattern a JSON string, as AWS takes it).</summary>
    public static JsonObject? FilterCriteria(IEnumerable<JsonNode?> patterns)
    {
        var filters = patterns.Where(p => p is not null)
            .Select(p => (JsonNode?)Props(("Pattern", p is JsonObject ? p.ToJsonString() : p)))
            .ToArray();
        return filters.Length == 0 ? null : Props(("Filters", new JsonArray(filters)));
    }
}
