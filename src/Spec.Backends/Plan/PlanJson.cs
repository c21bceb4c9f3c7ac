using System.Buffers;
using System.Text.Json.Nodes;

namespace Spec.Backends.Plan;

/// <summary>Small builders for the reference nodes plans use (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Join</c>, <c>Fn::Sub</c>).</summary>
public static class PlanJson
{
    /// <summary>
    /// Appends a node. <c>JsonArray.Add&lt;T&gt;</c> would bind for <c>JsonObject</c> or <c>string</c> arguments, and it
    /// needs runtime code generation, which NativeAOT forbids; this goes through the non-generic overload.
    /// </summary>
    public static void AddNode(this JsonArray array, JsonNode? node) => array.Add(node);

    /// <inheritdoc cref="AddNode(JsonArray, JsonNode?)"/>
    public static void AddNode(this JsonArray array, string? text) => array.Add((JsonNode?)(text is null ? null : JsonValue.Create(text)));

    // The intrinsic functions are the plan's most frequent objects: each is built with its one member, so its
    // dictionary is sized once (an object initializer grows it from empty).
    public static JsonObject Ref(string logicalId) => One("Ref", JsonValue.Create(logicalId));

    public static JsonObject GetAtt(string logicalId, string attribute) =>
        One("Fn::GetAtt", new JsonArray((ReadOnlySpan<JsonNode?>)[JsonValue.Create(logicalId), JsonValue.Create(attribute)]));

    public static JsonObject Join(string separator, params ReadOnlySpan<JsonNode?> parts) =>
        One("Fn::Join", new JsonArray((ReadOnlySpan<JsonNode?>)[JsonValue.Create(separator), new JsonArray(parts)]));

    public static JsonObject Sub(string template) => One("Fn::Sub", JsonValue.Create(template));

    // An empty object makes its dictionary on the first member, at the smallest size, which holds one: no member list
    // to enumerate.
    private static JsonObject One(string key, JsonNode? value)
    {
        var o = new JsonObject();
        o.Add(key, value);
        return o;
    }

    /// <summary>A default of the model (a string, a number, a boolean or null) as a plan value.</summary>
    public static JsonNode? Value<T>(T value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a plain value"),
    };

    public static JsonObject Partition() => Ref("AWS::Partition");

    public static JsonObject Region() => Ref("AWS::Region");

    public static JsonObject AccountId() => Ref("AWS::AccountId");

    /// <summary>An object with these members in order; a repeated key is assigned again (it keeps its first place).</summary>
    public static JsonObject Object(params ReadOnlySpan<(string Key, JsonNode? Value)> entries)
    {
        var members = PlanMembers.Rent();
        foreach (var (key, value) in entries)
        {
            members.Add(key, value);
        }

        return members.ToObject();
    }

    public static JsonArray Array(params ReadOnlySpan<JsonNode?> items) => new(items);

    /// <summary>A list of strings, sized once.</summary>
    public static JsonArray Strings(params ReadOnlySpan<string> items)
    {
        var nodes = ArrayPool<JsonNode?>.Shared.Rent(items.Length);
        try
        {
            for (var i = 0; i < items.Length; i++)
            {
                nodes[i] = JsonValue.Create(items[i]);
            }

            return new JsonArray(nodes.AsSpan(0, items.Length));
        }
        finally
        {
            System.Array.Clear(nodes, 0, items.Length);
            ArrayPool<JsonNode?>.Shared.Return(nodes);
        }
    }

    public static JsonArray Strings(IEnumerable<string> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add((JsonNode?)JsonValue.Create(item));
        }

        return array;
    }

    /// <summary>The node's string value when it is a JSON string, else null.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A deep copy that can be attached to another parent.</summary>
    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>
    /// lodash <c>_.merge(target, source)</c>: plain objects merge recursively, arrays merge by index,
    /// any other source value replaces the target's (an <c>undefined</c> source leaves it; <c>null</c> replaces it).
    /// </summary>
    public static JsonNode? Merge(JsonNode? target, JsonNode? source)
    {
        switch (target, source)
        {
            case (JsonObject t, JsonObject s):
                foreach (var (key, value) in s.ToList())
                {
                    if (t.TryGetPropertyValue(key, out var existing) && existing is JsonObject or JsonArray &&
                        value is JsonObject or JsonArray && (existing is JsonObject) == (value is JsonObject))
                    {
                        Merge(existing, value);
                    }
                    else
                    {
                        t[key] = value?.DeepClone();
                    }
                }

                return t;
            case (JsonArray t, JsonArray s):
                for (var i = 0; i < s.Count; i++)
                {
                    if (i < t.Count)
                    {
                        var existing = t[i];
                        var value = s[i];
                        if (existing is JsonObject or JsonArray && value is JsonObject or JsonArray &&
                            (existing is JsonObject) == (value is JsonObject))
                        {
                            Merge(existing, value);
                        }
                        else
                        {
                            t[i] = value?.DeepClone();
                        }
                    }
                    else
                    {
                        t.Add(s[i]?.DeepClone());
                    }
                }

                return t;
            default:
                return source?.DeepClone();
        }
    }
}
