namespace Spec.Core.Print;

/// <summary>The JSON Schema type names as flags: a value's types and a <c>type</c> keyword's names meet in one test.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    String = 1,
    Number = 2,
    Integer = 4,
    Boolean = 8,
    Null = 16,
    Array = 32,
    Object = 64,
}

/// <summary>The kept keywords of a schema by the data type they apply to (the string keywords one group each, as a
/// string schema often has one of them; the object group: the property counts).</summary>
[Flags]
internal enum KeywordGroups
{
    None = 0,
    Number = 1,
    StringLength = 2,
    Pattern = 4,
    Format = 8,
    Regexp = 16,
    String = StringLength | Pattern | Format | Regexp,
    Array = 32,
    Object = 64,
}

internal static class JsonTypeNames
{
    public static JsonTypes Set(IEnumerable<string> names)
    {
        var set = JsonTypes.None;
        foreach (var name in names)
        {
            set |= Of(name);
        }

        return set;
    }

    private static JsonTypes Of(string name) => name switch
    {
        "string" => JsonTypes.String,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "boolean" => JsonTypes.Boolean,
        "null" => JsonTypes.Null,
        "array" => JsonTypes.Array,
        "object" => JsonTypes.Object,
        _ => JsonTypes.None,
    };
}
