using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spec.Core.Print;

/// <summary>
/// One (sub)schema of <see cref="FrameworkSchema"/>, parsed once into fields: its keywords are read by index instead of
/// by a name search through the JSON at every value validated, <c>properties</c> is a dictionary, and every
/// <c>$ref</c> is resolved when the tree is built. The validators that walk a spec against the Framework's schema
/// (<see cref="SchemaCoercion"/> for <c>print</c> and the binder, SLS-GEN-010) share one tree.
/// </summary>
public sealed class SchemaNode
{
    private static readonly Lazy<SchemaNode> FrameworkRoot = new(() => Compile(FrameworkSchema.Utf8Json.ToArray()));

    private SchemaNode(JsonElement element)
    {
        Element = element;
        Kind = element.ValueKind;
    }

    /// <summary>The Framework's schema (built on first use and shared by threads: its keywords are immutable; only the
    /// compiled-pattern slots below are filled on first use, where a race compiles the same pattern twice and either
    /// result serves).</summary>
    public static SchemaNode Framework => FrameworkRoot.Value;

    /// <summary>The schema as JSON (for a <c>true</c>/<c>false</c> schema, its kind; for messages, the raw text).</summary>
    public JsonElement Element { get; }

    /// <summary>The kind of <see cref="Element"/>, read once: a validator asks it of every schema at every value.</summary>
    public JsonValueKind Kind { get; }

    public bool IsObject => Kind == JsonValueKind.Object;

    /// <summary>The <c>$ref</c> text, when the schema is a reference (its siblings are ignored, as the Framework does).</summary>
    public string? Reference { get; private set; }

    /// <summary>What <see cref="Reference"/> points to; null when it points nowhere in the document.</summary>
    public SchemaNode? Target { get; private set; }

    /// <summary>The <c>type</c> keyword (a name or a list of names); undefined when absent.</summary>
    public JsonElement Type { get; private set; }

    /// <summary>The <c>type</c> keyword's names (empty when absent).</summary>
    public string[] Types { get; private set; } = [];

    /// <summary>Whether the schema has the <c>type</c> keyword (<see cref="Type"/> is defined).</summary>
    public bool HasTypeKeyword { get; private set; }

    /// <summary>The names of <see cref="Types"/> as one set of flags (a name that is no JSON type adds none).</summary>
    internal JsonTypes TypeSet { get; private set; }

    public JsonElement? Const { get; private set; }

    public JsonElement? Enum { get; private set; }

    public JsonElement[] EnumValues { get; private set; } = [];

    /// <summary>Each of <see cref="EnumValues"/> that is a string, as text (null at the other positions), read once.</summary>
    internal string?[] EnumStrings { get; private set; } = [];

    public SchemaNode? Not { get; private set; }

    public SchemaNode[]? AnyOf { get; private set; }

    public SchemaNode[]? OneOf { get; private set; }

    public SchemaNode[]? AllOf { get; private set; }

    public string[]? Required { get; private set; }

    /// <summary>True when the schema is only a <c>required</c> list (a branch of a presence group).</summary>
    public bool IsRequiredOnly { get; private set; }

    public FrozenDictionary<string, SchemaNode>? Properties { get; private set; }

    /// <summary><c>patternProperties</c> in schema order, each pattern with its schema.</summary>
    public KeyValuePair<string, SchemaNode>[]? PatternProperties { get; private set; }

    /// <summary><c>additionalProperties</c>: a schema (its <see cref="Element"/> may be <c>true</c> or <c>false</c>).</summary>
    public SchemaNode? AdditionalProperties { get; private set; }

    /// <summary><c>items</c> as one schema for every item.</summary>
    public SchemaNode? Items { get; private set; }

    /// <summary><c>items</c> as a list: one schema per position.</summary>
    public SchemaNode[]? ItemsTuple { get; private set; }

    public SchemaNode? AdditionalItems { get; private set; }

    public SchemaNode? PropertyNames { get; private set; }

    /// <summary><c>dependencies</c> in schema order: a key with either the keys it needs or a schema.</summary>
    public (string Key, string[]? Keys, SchemaNode? Schema)[]? Dependencies { get; private set; }

    /// <summary>The numeric keywords present (<c>minimum</c>, <c>maxLength</c>, …) by name.</summary>
    public FrozenDictionary<string, double> Numbers { get; private set; } = FrozenDictionary<string, double>.Empty;

    /// <summary>Keywords whose value is kept as JSON (<c>pattern</c>, <c>regexp</c>, <c>format</c>, <c>uniqueItems</c>,
    /// <c>multipleOf</c>, <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> and the numeric ones) by name.</summary>
    public FrozenDictionary<string, JsonElement> Keywords { get; private set; } = FrozenDictionary<string, JsonElement>.Empty;

    /// <summary>Which groups of <see cref="Keywords"/> the schema has, so a validator skips the groups it lacks.</summary>
    internal KeywordGroups KeywordGroups { get; private set; }

    /// <summary>The compiled <c>pattern</c>, set by the validator that compiles it on first use.</summary>
    internal Regex? PatternRegex { get; set; }

    /// <summary>The compiled <c>regexp</c> (ajv-keywords), set by the validator that compiles it on first use.</summary>
    internal Regex? RegexpRegex { get; set; }

    /// <summary>The compiled patterns of <see cref="PatternProperties"/> in order, set by the validator on first use.</summary>
    internal Regex[]? PatternPropertyRegexes { get; set; }

    /// <summary>The keyword's JSON value, when the schema has it.</summary>
    public bool TryGetKeyword(string name, out JsonElement value) => Keywords.TryGetValue(name, out value);

    /// <summary>The keyword's value when it is a number.</summary>
    public double? Number(string name) => Numbers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Builds the tree of a schema document; references are resolved against the document's root.</summary>
    public static SchemaNode Compile(byte[] utf8Json)
    {
        var root = JsonDocument.Parse(utf8Json).RootElement;
        var built = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        var references = new List<SchemaNode>();
        var node = Build(root, "#", built, references);
        foreach (var reference in references)
        {
            reference.Target = built.GetValueOrDefault(Pointer(reference.Reference!));
        }

        return node;
    }

    private static readonly string[] KeptKeywords =
    [
        "pattern", "regexp", "format", "uniqueItems", "multipleOf", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
    ];

    /// <summary>The JSON pointer of a <c>#/a/b</c> reference as <see cref="Build"/> records it.</summary>
    private static string Pointer(string reference) =>
        "#" + string.Concat(reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => "/" + p));

    /// <summary>Builds the node at <paramref name="pointer"/>; every object and array-of-schema position is recorded by
    /// its JSON pointer so references land on the same node.</summary>
    private static SchemaNode Build(JsonElement element, string pointer, Dictionary<string, SchemaNode> built, List<SchemaNode> references)
    {
        var node = new SchemaNode(element);
        built[pointer] = node;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return node;
        }

        SchemaNode Child(JsonElement e, string name) => Build(e, pointer + "/" + name, built, references);
        SchemaNode[] Children(JsonElement list, string name) =>
            [.. list.EnumerateArray().Select((e, i) => Build(e, pointer + "/" + name + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), built, references))];

        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var keywords = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "$ref":
                    node.Reference = value.GetString();
                    references.Add(node);
                    break;
                case "type":
                    node.Type = value;
                    node.HasTypeKeyword = value.ValueKind != JsonValueKind.Undefined;
                    node.Types = value.ValueKind == JsonValueKind.Array
                        ? [.. value.EnumerateArray().Select(t => t.GetString() ?? string.Empty)]
                        : [value.GetString() ?? string.Empty];
                    node.TypeSet = JsonTypeNames.Set(node.Types);
                    break;
                case "const":
                    node.Const = value;
                    break;
                case "enum":
                    node.Enum = value;
                    node.EnumValues = [.. value.EnumerateArray()];
                    node.EnumStrings = [.. node.EnumValues.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null)];
                    break;
                case "not":
                    node.Not = Child(value, "not");
                    break;
                case "anyOf":
                    node.AnyOf = Children(value, "anyOf");
                    break;
                case "oneOf":
                    node.OneOf = Children(value, "oneOf");
                    break;
                case "allOf":
                    node.AllOf = Children(value, "allOf");
                    break;
                case "required" when value.ValueKind == JsonValueKind.Array:
                    node.Required = [.. value.EnumerateArray().Select(r => r.GetString() ?? string.Empty)];
                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    node.Properties = value.EnumerateObject()
                        .ToFrozenDictionary(p => p.Name, p => Child(p.Value, "properties/" + Escape(p.Name)), StringComparer.Ordinal);
                    break;
                case "patternProperties" when value.ValueKind == JsonValueKind.Object:
                    node.PatternProperties = [.. value.EnumerateObject()
                        .Select(p => KeyValuePair.Create(p.Name, Child(p.Value, "patternProperties/" + Escape(p.Name))))];
                    break;
                case "additionalProperties":
                    node.AdditionalProperties = Child(value, "additionalProperties");
                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    node.ItemsTuple = Children(value, "items");
                    break;
                case "items":
                    node.Items = Child(value, "items");
                    break;
                case "additionalItems":
                    node.AdditionalItems = Child(value, "additionalItems");
                    break;
                case "propertyNames":
                    node.PropertyNames = Child(value, "propertyNames");
                    break;
                case "dependencies" when value.ValueKind == JsonValueKind.Object:
                    node.Dependencies = [.. value.EnumerateObject().Select(d => d.Value.ValueKind == JsonValueKind.Array
                        ? (d.Name, (string[]?)[.. d.Value.EnumerateArray().Select(k => k.GetString() ?? string.Empty)], (SchemaNode?)null)
                        : (d.Name, null, Child(d.Value, "dependencies/" + Escape(d.Name))))];
                    break;
                case "definitions" when value.ValueKind == JsonValueKind.Object:
                    foreach (var definition in value.EnumerateObject())
                    {
                        Child(definition.Value, "definitions/" + Escape(definition.Name));
                    }

                    break;
            }

            if (Array.IndexOf(KeptKeywords, property.Name) >= 0)
            {
                keywords[property.Name] = value;
                node.KeywordGroups |= KeywordGroupOf(property.Name);
                if (value.ValueKind == JsonValueKind.Number)
                {
                    numbers[property.Name] = value.GetDouble();
                }
            }
        }

        node.Numbers = numbers.ToFrozenDictionary(StringComparer.Ordinal);
        node.Keywords = keywords.ToFrozenDictionary(StringComparer.Ordinal);
        node.IsRequiredOnly = node.Required is not null && element.EnumerateObject().All(p => p.Name == "required");
        return node;
    }

    private static KeywordGroups KeywordGroupOf(string keyword) => keyword switch
    {
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => KeywordGroups.Number,
        "minLength" or "maxLength" => KeywordGroups.StringLength,
        "pattern" => KeywordGroups.Pattern,
        "format" => KeywordGroups.Format,
        "regexp" => KeywordGroups.Regexp,
        "minItems" or "maxItems" or "uniqueItems" => KeywordGroups.Array,
        _ => KeywordGroups.Object,
    };

    /// <summary>A key as one JSON-pointer segment; references name definitions, whose names contain no '/'.</summary>
    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
