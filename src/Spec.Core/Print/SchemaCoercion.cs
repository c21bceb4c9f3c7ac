using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spec.Core.Print;

/// <summary>
/// Ajv 8 (<c>allErrors: true, coerceTypes: 'array'</c>) run over the Framework's own configuration schema
/// (<see cref="FrameworkSchema"/>), kept only for its side effects: Ajv rewrites data to the type a schema asks
/// for (<c>4096</c> → <c>"4096"</c> under <c>environment</c>, <c>["arn:…"]</c> → <c>"arn:…"</c> for an IAM
/// <c>Resource</c>), and <c>serverless print</c> shows the rewritten config. Coercions made inside an
/// <c>anyOf</c> branch that then fails are kept, as in Ajv, so branch order and validity are evaluated exactly.
/// </summary>
internal static class SchemaCoercion
{
    private static readonly ConcurrentDictionary<(string Flags, string Source), Regex> Patterns = new();
    private static readonly ConcurrentDictionary<string, Regex> PlainPatterns = new(StringComparer.Ordinal);

    public static void Apply(PrintObject config)
    {
        var cursor = new Cursor(config);
        Validate(SchemaNode.Framework, ref cursor);
    }

    /// <summary>
    /// Ajv's local <c>data</c> variable and where an assignment to it goes (an object's property, an array's item,
    /// or nowhere). It is made for every value validated, so it is a struct that holds its target itself, passed by
    /// reference to every keyword and branch at its data level.
    /// </summary>
    private struct Cursor(PrintValue value)
    {
        private PrintObject? _object;
        private string? _key;
        private PrintArray? _array;
        private int _index;

        /// <summary>Ajv's local <c>data</c> variable: shared by every keyword and branch at this data level.</summary>
        public PrintValue Value { get; set; } = value;

        public static Cursor Property(PrintObject obj, string key) => new(obj[key]!) { _object = obj, _key = key };

        /// <summary>The property at <paramref name="index"/> of the object's entries (its value read without a key lookup).</summary>
        public static Cursor Property(PrintObject obj, int index)
        {
            var (key, value) = obj.Entries[index];
            return new(value) { _object = obj, _key = key };
        }

        public static Cursor Item(PrintArray array, int index) => new(array.Items[index]) { _array = array, _index = index };

        public void Assign(PrintValue value)
        {
            Value = value;
            if (_object is not null)
            {
                _object.Set(_key!, value);
            }
            else
            {
                if (_array is not null)
                {
                    _array.Items[_index] = value;
                }
            }
        }
    }

    private static SchemaNode Deref(SchemaNode schema)
    {
        // The Framework inlines every $ref before compiling (normalizeSchemaObject): siblings of $ref are dropped.
        for (var guard = 0; guard < 64 && schema is { IsObject: true, Reference: { } reference }; guard++)
        {
            schema = schema.Target ?? throw new KeyNotFoundException($"the schema has no {reference}");
        }

        return schema;
    }

    /// <summary>Validates a value of its own data level (a property, an item): its cursor is made for it.</summary>
    private static bool Validate(SchemaNode reference, Cursor data) => Validate(reference, ref data);

    private static bool Validate(SchemaNode reference, ref Cursor data)
    {
        var schema = Deref(reference);
        if (schema.Kind == JsonValueKind.True)
        {
            return true;
        }

        if (!schema.IsObject)
        {
            return false;
        }

        var valid = true;
        if (schema.HasTypeKeyword && (schema.TypeSet & data.Value.JsonTypes) == 0)
        {
            valid &= Coerce(ref data, schema.Types);
        }

        // Keywords without a data type, in Ajv's vocabulary order.
        if (schema.Const is { } constant)
        {
            valid &= DeepEquals(data.Value, constant);
        }

        if (schema.Enum is not null)
        {
            valid &= IsEnumOption(data.Value, schema);
        }

        if (schema.Not is { } not)
        {
            valid &= !Validate(not, ref data);
        }

        if (schema.AnyOf is { } anyOf)
        {
            var any = false;
            foreach (var branch in anyOf)
            {
                if (Validate(branch, ref data))
                {
                    any = true;
                    break;
                }
            }

            valid &= any;
        }

        if (schema.OneOf is { } oneOf)
        {
            var passing = 0;
            foreach (var branch in oneOf)
            {
                passing += Validate(branch, ref data) ? 1 : 0;
            }

            valid &= passing == 1;
        }

        if (schema.AllOf is { } allOf)
        {
            foreach (var branch in allOf)
            {
                valid &= Validate(branch, ref data);
            }
        }

        switch (data.Value)
        {
            case PrintNumber n when (schema.KeywordGroups & KeywordGroups.Number) != 0:
                valid &= ValidateNumber(schema, n.Value);
                break;
            case PrintString s when (schema.KeywordGroups & KeywordGroups.String) != 0:
                valid &= ValidateString(schema, s.Value);
                break;
            case PrintArray a:
                valid &= ValidateArray(schema, a);
                break;
            case PrintObject o:
                valid &= ValidateObject(schema, o);
                break;
        }

        return valid;
    }

    /// <summary>Whether the value deep-equals one of the <c>enum</c> options (a string option compared as text read once).</summary>
    private static bool IsEnumOption(PrintValue value, SchemaNode schema)
    {
        var options = schema.EnumValues;
        var texts = schema.EnumStrings;
        for (var i = 0; i < options.Length; i++)
        {
            if (texts[i] is { } text ? value is PrintString s && s.Value == text : DeepEquals(value, options[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsType(PrintValue value, string type) => type switch
    {
        "string" => value is PrintString,
        "number" => value is PrintNumber,
        "integer" => value is PrintNumber n && double.IsFinite(n.Value) && Math.Floor(n.Value) == n.Value,
        "boolean" => value is PrintBool,
        "null" => value is PrintNull,
        "array" => value is PrintArray,
        "object" => value is PrintObject,
        _ => false,
    };

    /// <summary>Ajv's <c>coerceData</c> for <c>coerceTypes: 'array'</c>. True when the value now has a valid type.</summary>
    private static bool Coerce(ref Cursor data, string[] types)
    {
        if (Array.FindIndex(types, IsCoercible) < 0)
        {
            return false;
        }

        var value = data.Value;
        PrintValue? coerced = null;
        if (value is PrintArray { Items.Count: 1 } single)
        {
            // Ajv unwraps a one-item array into its local variable even when the item's type does not fit.
            value = single.Items[0];
            data.Value = value;
            foreach (var t in types)
            {
                if (IsType(value, t))
                {
                    coerced = value;
                    break;
                }
            }
        }

        if (coerced is null)
        {
            foreach (var t in types)
            {
                coerced = IsCoercible(t) ? CoerceTo(value, t) : null;
                if (coerced is not null)
                {
                    break;
                }
            }
        }

        if (coerced is null)
        {
            return false;
        }

        data.Assign(coerced);
        return true;
    }

    /// <summary>The types Ajv coerces a value to (in the order the schema lists them).</summary>
    private static bool IsCoercible(string type) => type is "string" or "number" or "integer" or "boolean" or "null" or "array";

    private static PrintValue? CoerceTo(PrintValue value, string type)
    {
        switch (type)
        {
            case "string":
                return value switch
                {
                    PrintNumber or PrintBool => new PrintString(PrintNormalizer.Text(value)),
                    PrintNull => new PrintString(string.Empty),
                    _ => null,
                };
            case "number":
            case "integer":
                {
                    double? number = value switch
                    {
                        PrintBool b => b.Value ? 1 : 0,
                        PrintNull => 0,
                        PrintString { Value.Length: > 0 } s when ToNumber(s.Value) is { } d => d,
                        _ => null,
                    };
                    return number is { } n && (type == "number" || Math.Floor(n) == n) ? new PrintNumber(n) : null;
                }

            case "boolean":
                return value switch
                {
                    PrintString { Value: "false" } or PrintNumber { Value: 0 } or PrintNull => new PrintBool(false),
                    PrintString { Value: "true" } or PrintNumber { Value: 1 } => new PrintBool(true),
                    _ => null,
                };
            case "null":
                return value is PrintString { Value: "" } or PrintNumber { Value: 0 } or PrintBool { Value: false }
                    ? PrintNull.Instance
                    : null;
            case "array":
                return value is PrintString or PrintNumber or PrintBool or PrintNull ? new PrintArray([value]) : null;
            default:
                return null;
        }
    }

    /// <summary>JavaScript <c>+s</c> where Ajv accepts it (<c>s == +s</c>): decimal, hex, octal, binary, Infinity.</summary>
    private static double? ToNumber(string s)
    {
        var t = s.Trim();
        if (t.Length == 0)
        {
            return null;
        }

        return Resolve.JsNumber.TryParse(t, out var d) && !double.IsNaN(d) ? d : null;
    }

    private static bool ValidateNumber(SchemaNode schema, double n)
    {
        var valid = true;
        if (schema.TryGetKeyword("maximum", out var max))
        {
            valid &= n <= max.GetDouble();
        }

        if (schema.TryGetKeyword("minimum", out var min))
        {
            valid &= n >= min.GetDouble();
        }

        if (schema.Number("exclusiveMaximum") is { } xmax)
        {
            valid &= n < xmax;
        }

        if (schema.Number("exclusiveMinimum") is { } xmin)
        {
            valid &= n > xmin;
        }

        if (schema.TryGetKeyword("multipleOf", out var multiple))
        {
            var q = n / multiple.GetDouble();
            valid &= Math.Abs(q - Math.Round(q)) < 1e-9;
        }

        return valid;
    }

    private static bool ValidateString(SchemaNode schema, string s)
    {
        var valid = true;
        var groups = schema.KeywordGroups;
        if ((groups & KeywordGroups.StringLength) != 0)
        {
            valid = ValidateLength(schema, s);
        }

        if ((groups & KeywordGroups.Pattern) != 0 && schema.TryGetKeyword("pattern", out var pattern))
        {
            valid &= (schema.PatternRegex ??= Pattern(pattern.GetString()!, string.Empty)).IsMatch(s);
        }

        if ((groups & KeywordGroups.Format) != 0 && schema.TryGetKeyword("format", out var format))
        {
            valid &= format.GetString() switch
            {
                "uri" => Uri.TryCreate(s, UriKind.Absolute, out _),
                "date-time" => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                _ => true,
            };
        }

        if ((groups & KeywordGroups.Regexp) != 0 && schema.TryGetKeyword("regexp", out var regexp))
        {
            valid &= (schema.RegexpRegex ??= Regexp(regexp)).IsMatch(s);
        }

        return valid;
    }

    private static bool ValidateLength(SchemaNode schema, string s)
    {
        var valid = true;
        // A string has at most one code point per char and at least one per two, so most lengths pass uncounted.
        if (schema.TryGetKeyword("maxLength", out var max) && s.Length > max.GetInt32())
        {
            valid &= CodePoints(s) <= max.GetInt32();
        }

        if (schema.TryGetKeyword("minLength", out var min) && (s.Length + 1) / 2 < min.GetInt32())
        {
            valid &= CodePoints(s) >= min.GetInt32();
        }

        return valid;
    }

    /// <summary>The <c>regexp</c> keyword's expression: a <c>/source/flags</c> literal or a pattern with flags.</summary>
    private static Regex Regexp(JsonElement regexp)
    {
        string source;
        string flags;
        if (regexp.ValueKind == JsonValueKind.String)
        {
            var text = regexp.GetString()!;
            var last = text.LastIndexOf('/');
            source = text[1..last];
            flags = text[(last + 1)..];
        }
        else
        {
            source = regexp.GetProperty("pattern").GetString()!;
            flags = regexp.TryGetProperty("flags", out var f) && f.ValueKind == JsonValueKind.String
                ? f.GetString()!
                : string.Empty;
        }

        return Pattern(source, flags);
    }

    private static int CodePoints(string s)
    {
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            count++;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
        }

        return count;
    }

    private static Regex Pattern(string source, string flags) =>
        flags.Length == 0
            ? PlainPatterns.GetOrAdd(source, static s => new Regex(s, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            : Patterns.GetOrAdd((flags, source), static key =>
            new Regex(key.Source, key.Flags.Contains('i', StringComparison.Ordinal)
                ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
                : RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private static bool ValidateArray(SchemaNode schema, PrintArray array)
    {
        var valid = true;
        if ((schema.KeywordGroups & KeywordGroups.Array) != 0)
        {
            valid = ValidateArrayKeywords(schema, array);
        }

        if (schema.ItemsTuple is { } items)
        {
            var tuple = items.Length;
            for (var i = 0; i < array.Items.Count && i < tuple; i++)
            {
                valid &= Validate(items[i], Cursor.Item(array, i));
            }

            if (schema.AdditionalItems is { } additional)
            {
                for (var i = tuple; i < array.Items.Count; i++)
                {
                    valid &= additional.Kind == JsonValueKind.False
                        ? false
                        : Validate(additional, Cursor.Item(array, i));
                }
            }
        }
        else if (schema.Items is { } item)
        {
            for (var i = 0; i < array.Items.Count; i++)
            {
                valid &= Validate(item, Cursor.Item(array, i));
            }
        }

        return valid;
    }

    private static bool ValidateArrayKeywords(SchemaNode schema, PrintArray array)
    {
        var valid = true;
        if (schema.TryGetKeyword("maxItems", out var max))
        {
            valid &= array.Items.Count <= max.GetInt32();
        }

        if (schema.TryGetKeyword("minItems", out var min))
        {
            valid &= array.Items.Count >= min.GetInt32();
        }

        if (schema.TryGetKeyword("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            for (var i = 0; i < array.Items.Count && valid; i++)
            {
                for (var j = i + 1; j < array.Items.Count; j++)
                {
                    if (DeepEquals(array.Items[i], array.Items[j]))
                    {
                        valid = false;
                        break;
                    }
                }
            }
        }

        return valid;
    }

    /// <remarks>The object's keys are read in place, not copied: validating a property may assign it, never add or
    /// remove one.</remarks>
    private static bool ValidateObject(SchemaNode schema, PrintObject obj)
    {
        var valid = true;
        if ((schema.KeywordGroups & KeywordGroups.Object) != 0)
        {
            if (schema.TryGetKeyword("maxProperties", out var max))
            {
                valid &= obj.Entries.Count <= max.GetInt32();
            }

            if (schema.TryGetKeyword("minProperties", out var min))
            {
                valid &= obj.Entries.Count >= min.GetInt32();
            }
        }

        if (schema.Required is { } required)
        {
            valid &= HasAll(obj, required);
        }

        if (schema.Dependencies is { } dependencies)
        {
            foreach (var (key, keys, dependency) in dependencies)
            {
                if (obj[key] is null)
                {
                    continue;
                }

                valid &= keys is not null ? HasAll(obj, keys) : Validate(dependency!, new Cursor(obj));
            }
        }

        if (schema.PropertyNames is { } names)
        {
            for (var i = 0; i < obj.Entries.Count; i++)
            {
                var key = obj.Entries[i].Key;
                valid &= Validate(names, new Cursor(new PrintString(key)));
            }
        }

        var properties = schema.Properties;
        var patternProperties = schema.PatternProperties;
        var additional = schema.AdditionalProperties;
        var count = obj.Entries.Count;

        // Which pattern matches which key (pattern-major), matched once for additionalProperties and patternProperties.
        var cells = patternProperties is null ? 0 : patternProperties.Length * count;
        var matches = cells <= 256 ? stackalloc bool[cells] : new bool[cells];
        if (patternProperties is not null)
        {
            MatchPatterns(PatternPropertyRegexes(schema, patternProperties), obj, matches);
        }

        // Ajv checks additionalProperties over the keys, then properties: each key's validation touches only that
        // key's value and the two keyword sets take disjoint keys, so one pass in key order gives the same result.
        for (var i = 0; i < count; i++)
        {
            var key = obj.Entries[i].Key;
            if (properties is not null && properties.TryGetValue(key, out var property))
            {
                valid &= Validate(property, Cursor.Property(obj, i));
            }
            else if (additional is not null && !MatchesAny(matches, i, count))
            {
                valid &= additional.Kind switch
                {
                    JsonValueKind.False => false,
                    JsonValueKind.True => true,
                    _ => Validate(additional, Cursor.Property(obj, i)),
                };
            }
        }

        if (patternProperties is not null)
        {
            for (var p = 0; p < patternProperties.Length; p++)
            {
                for (var i = 0; i < count; i++)
                {
                    if (matches[(p * count) + i])
                    {
                        valid &= Validate(patternProperties[p].Value, Cursor.Property(obj, i));
                    }
                }
            }
        }

        return valid;
    }

    private static bool HasAll(PrintObject obj, string[] keys)
    {
        foreach (var key in keys)
        {
            if (obj[key] is null)
            {
                return false;
            }
        }

        return true;
    }

    private static Regex[] PatternPropertyRegexes(SchemaNode schema, KeyValuePair<string, SchemaNode>[] patternProperties) =>
        schema.PatternPropertyRegexes ??= [.. patternProperties.Select(p => Pattern(p.Key, string.Empty))];

    private static void MatchPatterns(Regex[] patterns, PrintObject obj, Span<bool> matches)
    {
        var count = obj.Entries.Count;
        for (var p = 0; p < patterns.Length; p++)
        {
            for (var i = 0; i < count; i++)
            {
                matches[(p * count) + i] = patterns[p].IsMatch(obj.Entries[i].Key);
            }
        }
    }

    private static bool MatchesAny(ReadOnlySpan<bool> matches, int key, int count)
    {
        for (var cell = key; cell < matches.Length; cell += count)
        {
            if (matches[cell])
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeepEquals(PrintValue value, JsonElement json) => (value, json.ValueKind) switch
    {
        (PrintString s, JsonValueKind.String) => s.Value == json.GetString(),
        (PrintNumber n, JsonValueKind.Number) => n.Value == json.GetDouble(),
        (PrintBool b, JsonValueKind.True) => b.Value,
        (PrintBool b, JsonValueKind.False) => !b.Value,
        (PrintNull, JsonValueKind.Null) => true,
        (PrintArray a, JsonValueKind.Array) => a.Items.Count == json.GetArrayLength() &&
            a.Items.Select((item, i) => DeepEquals(item, json[i])).All(x => x),
        (PrintObject o, JsonValueKind.Object) => o.Entries.Count == json.EnumerateObject().Count() &&
            o.Entries.All(e => json.TryGetProperty(e.Key, out var v) && DeepEquals(e.Value, v)),
        _ => false,
    };

    private static bool DeepEquals(PrintValue a, PrintValue b) => (a, b) switch
    {
        (PrintString x, PrintString y) => x.Value == y.Value,
        (PrintNumber x, PrintNumber y) => x.Value == y.Value,
        (PrintBool x, PrintBool y) => x.Value == y.Value,
        (PrintNull, PrintNull) => true,
        (PrintArray x, PrintArray y) => x.Items.Count == y.Items.Count &&
            x.Items.Zip(y.Items).All(p => DeepEquals(p.First, p.Second)),
        (PrintObject x, PrintObject y) => x.Entries.Count == y.Entries.Count &&
            x.Entries.All(e => y[e.Key] is { } v && DeepEquals(e.Value, v)),
        _ => false,
    };
}
