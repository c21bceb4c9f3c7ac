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
        One("Fn::GetAtt", new JsonArray(JsonValue.Create(logicalId), JsonValue.Create(attribute)));

    public static JsonObject Join(string separator, params JsonNode?[] parts) =>
        One("Fn::Join", new JsonArray(JsonValue.Create(separator), new JsonArray(parts)));

    public static JsonObject Sub(string template) => One("Fn::Sub", JsonValue.Create(template));

    private static JsonObject One(string key, JsonNode? value) => new([new KeyValuePair<string, JsonNode?>(key, value)]);

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
        var members = new KeyValuePair<string, JsonNode?>[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            members[i] = new(entries[i].Key, entries[i].Value);
        }

        return FromMembers(members);
    }

    /// <summary>
    /// An object with these members in order, assigned one after the other (a repeated key keeps its first place and
    /// takes the last value). Plans hold hundreds of thousands of small objects: when the keys are distinct, which is
    /// nearly always, the object gets them at construction and sizes its dictionary once instead of growing it.
    /// </summary>
    internal static JsonObject FromMembers(KeyValuePair<string, JsonNode?>[] members)
    {
        if (!HasRepeatedKey(members))
        {
            return new JsonObject(members);
        }

        var o = new JsonObject();
        foreach (var (k, v) in members)
        {
            o[k] = v;
        }

        return o;
    }

    private static bool HasRepeatedKey(KeyValuePair<string, JsonNode?>[] members)
    {
        if (members.Length > 8)
        {
            var seen = new HashSet<string>(members.Length, StringComparer.Ordinal);
            foreach (var member in members)
            {
                if (!seen.Add(member.Key))
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = 1; i < members.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(members[i].Key, members[j].Key, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static JsonArray Array(params JsonNode?[] items) => new(items);

    public static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);

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
