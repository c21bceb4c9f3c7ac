using System.Text.Json.Nodes;
using Spec.Rules.General;

namespace Spec.Tests.Rules.General;

/// <summary>
/// SLS-GEN-011 measures a generated value by asking its JSON kind once (a chain of <c>TryGetValue</c> boxed every
/// number) and counts escapes with a vectorised search: the size must be the one the chain and the character loop gave,
/// for values the catalogue fixtures do not hold (escapes, numbers of every width, parsed JSON, a char).
/// </summary>
public class TemplateJsonSizeTests
{
    public static TheoryData<string> Values() => new()
    {
        "plain", "quote \" and backslash \\ and \n \r \t", "\"\"\"\\\\", new string('x', 300) + "\"" + new string('y', 300), string.Empty,
        "ünïcode ✓", "true", "123",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_string_is_measured_as_before(string text)
    {
        var value = new JsonObject { ["k"] = text, ["list"] = new JsonArray(text, JsonValue.Create(text)) };
        Assert.Equal(Old(value, 3), TemplateTooLarge.JsonSize.Of(value, 3));
    }

    [Fact]
    public void Scalars_of_every_kind_are_measured_as_before()
    {
        var value = new JsonObject
        {
            ["int"] = 42,
            ["negative"] = -7,
            ["min"] = int.MinValue,
            ["long"] = 1L << 40,
            ["double"] = 2.5,
            ["float"] = 1.25f,
            ["decimal"] = 3.75m,
            ["true"] = true,
            ["false"] = false,
            ["null"] = null,
            ["char"] = JsonValue.Create('c'),
            ["empty"] = new JsonObject(),
            ["none"] = new JsonArray(),
            ["parsed"] = JsonNode.Parse("""{"a": 1, "b": "x\"y", "c": true, "d": 1.5e3, "e": [null, -0, 12345678901]}"""),
        };

        Assert.Equal(Old(value, 3), TemplateTooLarge.JsonSize.Of(value, 3));
        Assert.Equal(Old(value, 3), TemplateTooLarge.JsonSize.Of(value.DeepClone(), 3));
    }

    // The measure as it was before (the oracle): a TryGetValue chain and a loop over every character.
    private static long Old(JsonNode? json, int depth)
    {
        switch (json)
        {
            case null:
                return 4;
            case JsonObject { Count: 0 } or JsonArray { Count: 0 }:
                return 2;
            case JsonObject o:
            {
                long size = 0;
                for (var i = 0; i < o.Count; i++)
                {
                    var (key, value) = o.GetAt(i);
                    size += ((depth + 1) * 2) + OldQuoted(key) + 2 + Old(value, depth + 1) + 2;
                }

                return 2 + size - 1 + (depth * 2) + 1;
            }

            case JsonArray a:
            {
                long size = 0;
                for (var i = 0; i < a.Count; i++)
                {
                    size += ((depth + 1) * 2) + Old(a[i], depth + 1) + 2;
                }

                return 2 + size - 1 + (depth * 2) + 1;
            }

            case JsonValue v when v.TryGetValue<string>(out var text):
                return OldQuoted(text);
            case JsonValue v when v.TryGetValue<bool>(out var flag):
                return flag ? 4 : 5;
            case JsonValue v when v.TryGetValue<int>(out var number):
                return number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            default:
                return json.ToJsonString().Length;
        }
    }

    private static long OldQuoted(string text) => text.Length + 2 + text.Count(c => c is '"' or '\\' or '\n' or '\r' or '\t');
}
