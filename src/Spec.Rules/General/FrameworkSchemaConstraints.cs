using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spec.Core.Print;
using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>One spec value that breaks a value constraint of the Framework's config schema.</summary>
/// <param name="Node">The value.</param>
/// <param name="Path">Where it is, in the Framework's own notation (<c>functions.hello.events[0].sqs.batchSize</c>).</param>
/// <param name="Keyword">The schema keyword it breaks (<c>enum</c>, <c>pattern</c>, <c>maxLength</c>, …).</param>
/// <param name="Problem">What is wrong, without the path (<c>is 20000; the maximum is 10000</c>).</param>
public sealed record FrameworkSchemaViolation(Node Node, string Path, string Keyword, string Problem);

/// <summary>
/// Validates a resolved spec against the value constraints of Serverless Framework 3.40.0's config schema
/// (<see cref="FrameworkSchema"/>) the way the Framework's Ajv does (<c>coerceTypes: 'array'</c>, null-valued keys removed
/// before validation, the <c>regexp</c> keyword), and returns the values that break an <c>enum</c>, <c>const</c>,
/// <c>pattern</c>/<c>regexp</c>, length, item-count, property-count or range constraint.
/// </summary>
/// <remarks>
/// Wrong types, unknown keys and missing required keys are the binder's (SLS-GEN-002) and are not returned; they only
/// decide which branch of an <c>anyOf</c>/<c>oneOf</c> the value was meant for, as the Framework's error normaliser
/// does: a value that fits one branch's shape is judged by that branch's constraints, a value that matches any branch
/// whole is valid. Values the Framework resolves later than Spec (deploy-time <c>${ssm:…}</c>, unresolved variables)
/// and CloudFormation functions where the schema allows them (its <c>awsCf*</c> definitions) are accepted.
/// </remarks>
public static class FrameworkSchemaConstraints
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The constraint keywords this check evaluates.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "enum", "const", "pattern", "regexp", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    };

    /// <summary>How many constraints of <see cref="Keywords"/> the schema declares (for the docs' counts).</summary>
    public static int CountConstraints()
    {
        var count = 0;
        using var schema = JsonDocument.Parse(FrameworkSchema.Utf8Json.ToArray());
        Count(schema.RootElement, ref count);
        return count;
    }

    public static IReadOnlyList<FrameworkSchemaViolation> Check(MappingNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Validate(root, SchemaNode.Framework, string.Empty).Violations;
    }

    private static void Count(JsonElement e, ref int count)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                // A key named like a keyword under `properties` (`pattern: {type: string}`) is a schema, not a constraint.
                if (Keywords.Contains(p.Name) && p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.False))
                {
                    count++;
                }

                Count(p.Value, ref count);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Count(item, ref count);
            }
        }
    }

    /// <summary>The outcome of a value against a (sub)schema: whether its own shape fits (type, required keys, closed
    /// object: what picks the <c>anyOf</c> branch a value was meant for) and which constraints it, or anything below it,
    /// breaks. A child that does not fit leaves its parent's fit alone: the binder reports it.</summary>
    private sealed class Outcome
    {
        public bool Fits { get; set; } = true;

        public List<FrameworkSchemaViolation> Violations { get; } = [];

        public bool IsClean => Fits && Violations.Count == 0;

        public static Outcome Misfit() => new() { Fits = false };
    }

    /// <summary>
    /// Definitions whose constraints are not judged: the Framework's list of runtimes is frozen at its 3.40.0 release
    /// (it warns on <c>nodejs22.x</c>, which AWS supports); SLS-LAMBDA-006/007/008 judge runtimes against AWS's dated
    /// lifecycle instead.
    /// </summary>
    private static readonly HashSet<string> NotJudged = new(StringComparer.Ordinal) { "#/definitions/awsLambdaRuntime" };

    private static SchemaNode? Resolve(SchemaNode? schema)
    {
        for (var i = 0; i < 16 && schema is { IsObject: true, Reference: { } target }; i++)
        {
            if (!target.StartsWith("#/definitions/", StringComparison.Ordinal) || NotJudged.Contains(target))
            {
                return null;
            }

            schema = schema.Target;
        }

        return schema;
    }

    private static Outcome Validate(Node node, SchemaNode? reference, string path)
    {
        if (Resolve(reference) is not { IsObject: true } schema || IsUnknownValue(node))
        {
            return new Outcome();
        }

        if (!FitsType(node, schema))
        {
            return Outcome.Misfit();
        }

        var outcome = new Outcome();
        if (node is MappingNode mapping)
        {
            CheckObject(mapping, schema, path, outcome);
        }

        if (node is SequenceNode sequence)
        {
            CheckItems(sequence, schema, path, outcome);
        }
        else if (node is not MappingNode && IsArrayType(schema) && schema.Items is { IsObject: true } wrapped)
        {
            // coerceTypes 'array': a single value where a list is expected is validated as a one-item list.
            outcome.Violations.AddRange(Validate(node, wrapped, path).Violations);
        }

        if (node is ScalarNode scalar)
        {
            CheckScalar(scalar, schema, path, outcome);
        }

        // A group of `required` lists says which keys an object needs, not which form it takes: CheckPresence's.
        if (schema.AnyOf is { } anyOf && !IsPresenceGroup(anyOf) && !CheckBranches(node, anyOf, path, outcome))
        {
            outcome.Fits = false;
        }

        if (schema.OneOf is { } oneOf && !IsPresenceGroup(oneOf) && !CheckBranches(node, oneOf, path, outcome))
        {
            outcome.Fits = false;
        }

        if (schema.AllOf is { } all)
        {
            foreach (var part in all)
            {
                var result = Validate(node, part, path);
                outcome.Fits &= result.Fits;
                outcome.Violations.AddRange(result.Violations);
            }
        }

        return outcome;
    }

    /// <summary>Values the Framework sees only after Spec's check: deploy-time references and unresolved variables.</summary>
    private static bool IsUnknownValue(Node node) =>
        node is DeployTimeNode || node is ScalarNode { Kind: ScalarKind.String } s && s.Text.Contains("${", StringComparison.Ordinal);

    /// <summary>anyOf/oneOf: valid when one branch matches whole; otherwise judged by the branches the value's shape fits.
    /// Returns false when it fits none.</summary>
    private static bool CheckBranches(Node node, IReadOnlyList<SchemaNode> branches, string path, Outcome outcome)
    {
        var fitting = new List<Outcome>();
        foreach (var branch in branches)
        {
            if (node is MappingNode mapping && LacksRequiredKey(mapping, Resolve(branch)))
            {
                // The branch cannot fit (its required key is missing), so its outcome would be dropped: not walked.
                continue;
            }

            var result = Validate(node, branch, path);
            if (result.IsClean)
            {
                return true;
            }

            if (result.Fits)
            {
                fitting.Add(result);
            }
        }

        if (fitting.Count == 0)
        {
            return false;
        }

        if (fitting.Count == 1 || fitting.Any(f => f.Violations.Any(v => !ReferenceEquals(v.Node, node))))
        {
            outcome.Violations.AddRange(fitting[0].Violations);
            return true;
        }

        // Several forms fit the value's shape and each breaks its own constraint on the value itself: one finding that
        // names every form the value could take.
        var problems = fitting.SelectMany(f => f.Violations).Select(v => v.Problem).Distinct(StringComparer.Ordinal);
        outcome.Violations.Add(new FrameworkSchemaViolation(node, path, fitting[0].Violations[0].Keyword,
            string.Join("; nor ", problems)));
        return true;
    }

    /// <summary>Whether the object lacks a key the (resolved) schema requires: a value that does not fit it.</summary>
    private static bool LacksRequiredKey(MappingNode mapping, SchemaNode? schema)
    {
        if (schema is not { IsObject: true, Required: { } required })
        {
            return false;
        }

        foreach (var key in required)
        {
            if (!HasKey(mapping, key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the object has the key with a non-null value (the Framework removes null-valued keys first).</summary>
    private static bool HasKey(MappingNode mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key.Text == key && !IsNull(entry.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNull(Node value) => value is ScalarNode { IsNull: true };

    private static void CheckObject(MappingNode mapping, SchemaNode schema, string path, Outcome outcome)
    {
        if (LacksRequiredKey(mapping, schema))
        {
            outcome.Fits = false;
        }

        var count = 0;
        foreach (var entry in mapping.Entries)
        {
            if (IsNull(entry.Value))
            {
                continue;
            }

            count++;
            var key = entry.Key.Text;
            var childPath = path.Length == 0 ? key : path + "." + key;
            var matched = false;
            if (schema.Properties is { } properties && properties.TryGetValue(key, out var property))
            {
                matched = true;
                outcome.Violations.AddRange(Validate(entry.Value, property, childPath).Violations);
            }

            if (schema.PatternProperties is { } patternProperties)
            {
                foreach (var pattern in patternProperties)
                {
                    if (Compile(pattern.Key, ignoreCase: false) is { } regex && Matches(regex, key))
                    {
                        matched = true;
                        outcome.Violations.AddRange(Validate(entry.Value, pattern.Value, childPath).Violations);
                    }
                }
            }

            if (!matched && schema.AdditionalProperties is { } additional)
            {
                if (additional.Element.ValueKind == JsonValueKind.False)
                {
                    outcome.Fits = false;
                }
                else if (additional.IsObject)
                {
                    outcome.Violations.AddRange(Validate(entry.Value, additional, childPath).Violations);
                }
            }
        }

        CheckPresence(mapping, schema, path, outcome);
        if (schema.Number("minProperties") is { } least && count < least)
        {
            outcome.Violations.Add(new(mapping, path, "minProperties", $"has {count} keys; at least {Show(least)} are needed"));
        }

        if (schema.Number("maxProperties") is { } most && count > most)
        {
            outcome.Violations.Add(new(mapping, path, "maxProperties", $"has {count} keys; at most {Show(most)} are allowed"));
        }
    }

    /// <summary>Which keys an object has together: a <c>oneOf</c>/<c>anyOf</c> of <c>required</c> lists (exactly one /
    /// at least one of them met) and <c>dependencies</c> (a key that needs others).</summary>
    private static void CheckPresence(MappingNode mapping, SchemaNode schema, string path, Outcome outcome)
    {
        if (schema.OneOf is null && schema.AnyOf is null && schema.Dependencies is null)
        {
            return;
        }

        var present = mapping.Entries.Where(e => !IsNull(e.Value)).ToList();
        bool Has(string key) => present.Exists(e => e.Key.Text == key);
        foreach (var (keyword, branches) in new[] { ("oneOf", schema.OneOf), ("anyOf", schema.AnyOf) })
        {
            if (branches is null || !IsPresenceGroup(branches))
            {
                continue;
            }

            var forms = branches.Select(b => string.Join(" + ", b.Required!.Select(k => $"'{k}'"))).ToList();
            var met = branches.Where(b => b.Required!.All(Has)).ToList();
            if (met.Count == 0)
            {
                outcome.Violations.Add(new(mapping, path, keyword, $"is missing one of {string.Join(", ", forms)} ({(keyword == "oneOf" ? "exactly" : "at least")} one is needed)"));
            }
            else if (keyword == "oneOf" && met.Count > 1)
            {
                var keys = met.SelectMany(b => b.Required!).ToHashSet(StringComparer.Ordinal);
                var last = present.Last(e => keys.Contains(e.Key.Text));
                outcome.Violations.Add(new(last.Key, path, keyword, $"sets {string.Join(" and ", keys.Select(k => $"'{k}'"))}; only one of {string.Join(", ", forms)} is allowed"));
            }
        }

        foreach (var (key, needs, _) in schema.Dependencies ?? [])
        {
            if (needs is null || !Has(key))
            {
                continue;
            }

            var missing = needs.Where(k => !Has(k)).ToList();
            if (missing.Count > 0)
            {
                outcome.Violations.Add(new(present.First(e => e.Key.Text == key).Key, path, "dependencies",
                    $"sets '{key}' without {string.Join(" and ", missing.Select(k => $"'{k}'"))}, which it requires"));
            }
        }
    }

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> whose every branch is only a <c>required</c> list.</summary>
    private static bool IsPresenceGroup(IReadOnlyList<SchemaNode> branches) => branches.Count > 0 && branches.All(static b => b.IsRequiredOnly);

    private static bool IsPresenceGroup(JsonElement branches) =>
        branches.ValueKind == JsonValueKind.Array && branches.GetArrayLength() > 0
        && branches.EnumerateArray().All(b => b.ValueKind == JsonValueKind.Object && b.EnumerateObject().All(p => p.Name == "required"));

    /// <summary>How many presence statements (<see cref="CheckPresence"/>) the schema declares: <c>oneOf</c> and
    /// <c>anyOf</c> groups of <c>required</c> lists, and keys of <c>dependencies</c>.</summary>
    public static IReadOnlyDictionary<string, int> CountPresence()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["oneOf"] = 0, ["anyOf"] = 0, ["dependencies"] = 0 };
        void Visit(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Visit(item);
                }

                return;
            }

            if (e.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is "oneOf" or "anyOf" && IsPresenceGroup(p.Value))
                {
                    counts[p.Name]++;
                }
                else if (p.Name == "dependencies" && p.Value.ValueKind == JsonValueKind.Object)
                {
                    counts[p.Name] += p.Value.EnumerateObject().Count(d => d.Value.ValueKind == JsonValueKind.Array);
                }

                Visit(p.Value);
            }
        }

        using var schema = JsonDocument.Parse(FrameworkSchema.Utf8Json.ToArray());
        Visit(schema.RootElement);
        return counts;
    }

    private static void CheckItems(SequenceNode sequence, SchemaNode schema, string path, Outcome outcome)
    {
        var count = sequence.Items.Count;
        if (schema.Number("minItems") is { } least && count < least)
        {
            outcome.Violations.Add(new(sequence, path, "minItems", $"has {count} items; at least {Show(least)} are needed"));
        }

        if (schema.Number("maxItems") is { } most && count > most)
        {
            outcome.Violations.Add(new(sequence, path, "maxItems", $"has {count} items; at most {Show(most)} are allowed"));
        }

        if (schema.TryGetKeyword("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True
            && sequence.Items.OfType<ScalarNode>().GroupBy(s => s.Text, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            outcome.Violations.Add(new(repeated.Last(), path, "uniqueItems", "repeats an item; the items must be unique"));
        }

        if (schema.Items is null && schema.ItemsTuple is null)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            var itemSchema = schema.ItemsTuple is { } tuple
                ? (i < tuple.Length ? tuple[i] : null)
                : schema.Items;
            if (itemSchema is not null)
            {
                outcome.Violations.AddRange(Validate(sequence.Items[i], itemSchema, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]").Violations);
            }
        }
    }

    private static void CheckScalar(ScalarNode scalar, SchemaNode schema, string path, Outcome outcome)
    {
        if (scalar.IsNull)
        {
            return;
        }

        var shown = scalar.IsSensitive ? scalar.Display : $"'{scalar.Text}'";
        if (schema.Const is { } constant && !Equal(scalar, constant))
        {
            outcome.Violations.Add(new(scalar, path, "const", $"is {shown}; the only allowed value is {constant.GetRawText()}"));
        }

        if (schema.Enum is not null && !AnyEqual(scalar, schema.EnumValues))
        {
            var allowed = schema.EnumValues.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
            var close = allowed.FirstOrDefault(a => string.Equals(a, scalar.Text, StringComparison.OrdinalIgnoreCase));
            var list = allowed.Count <= 12 ? string.Join(", ", allowed) : string.Join(", ", allowed.Take(12)) + ", …";
            outcome.Violations.Add(new(scalar, path, "enum",
                $"is {shown}; allowed: {list}" + (close is null ? string.Empty : $" (did you mean '{close}'?)")));
        }

        var typeName = schema.Type.ValueKind == JsonValueKind.String ? schema.Types[0] : null;
        if (typeName is "number" or "integer" || typeName is null && scalar.Kind is ScalarKind.Int or ScalarKind.Float)
        {
            CheckRange(scalar, schema, shown, path, outcome);
        }

        if (typeName == "string" || typeName is null && scalar.Kind == ScalarKind.String)
        {
            CheckText(scalar, schema, shown, path, outcome);
        }
    }

    private static void CheckRange(ScalarNode scalar, SchemaNode schema, string shown, string path, Outcome outcome)
    {
        if (!double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return;
        }

        if (schema.Number("minimum") is { } minimum && value < minimum)
        {
            outcome.Violations.Add(new(scalar, path, "minimum", $"is {shown}; the minimum is {Show(minimum)}"));
        }

        if (schema.Number("maximum") is { } maximum && value > maximum)
        {
            outcome.Violations.Add(new(scalar, path, "maximum", $"is {shown}; the maximum is {Show(maximum)}"));
        }

        if (schema.Number("exclusiveMinimum") is { } above && value <= above)
        {
            outcome.Violations.Add(new(scalar, path, "exclusiveMinimum", $"is {shown}; it must be above {Show(above)}"));
        }

        if (schema.Number("exclusiveMaximum") is { } below && value >= below)
        {
            outcome.Violations.Add(new(scalar, path, "exclusiveMaximum", $"is {shown}; it must be below {Show(below)}"));
        }
    }

    private static void CheckText(ScalarNode scalar, SchemaNode schema, string shown, string path, Outcome outcome)
    {
        // Ajv counts UTF-16 code points as JavaScript's ucs2length does: a surrogate pair is one character.
        var length = scalar.Text.EnumerateRunes().Count();
        if (schema.Number("minLength") is { } shortest && length < shortest)
        {
            outcome.Violations.Add(new(scalar, path, "minLength", $"is {length} characters long; at least {Show(shortest)} are needed"));
        }

        if (schema.Number("maxLength") is { } longest && length > longest)
        {
            outcome.Violations.Add(new(scalar, path, "maxLength", $"is {length} characters long; at most {Show(longest)} are allowed"));
        }

        if (schema.TryGetKeyword("pattern", out var pattern) && pattern.GetString() is { } text
            && Compile(text, ignoreCase: false) is { } regex && !Matches(regex, scalar.Text))
        {
            outcome.Violations.Add(new(scalar, path, "pattern", $"is {shown}, which does not match the pattern {text}"));
        }

        if (schema.TryGetKeyword("regexp", out var literal) && literal.GetString() is { } written
            && RegexpLiteral(written) is { } parsed && Compile(parsed.Pattern, parsed.IgnoreCase) is { } compiled
            && !Matches(compiled, scalar.Text))
        {
            outcome.Violations.Add(new(scalar, path, "regexp", $"is {shown}, which does not match {written}"));
        }
    }

    /// <summary>The Framework's <c>regexp</c> keyword takes a JavaScript literal, <c>/pattern/flags</c>.</summary>
    private static (string Pattern, bool IgnoreCase)? RegexpLiteral(string literal)
    {
        var end = literal.LastIndexOf('/');
        return literal.Length > 1 && literal[0] == '/' && end > 0
            ? (literal[1..end], literal[(end + 1)..].Contains('i', StringComparison.Ordinal))
            : null;
    }

    private static bool FitsType(Node node, SchemaNode schema)
    {
        if (schema.Type.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
        {
            return true;
        }

        foreach (var type in schema.Types)
        {
            if (FitsType(node, type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyEqual(ScalarNode scalar, IReadOnlyList<JsonElement> values)
    {
        foreach (var value in values)
        {
            if (Equal(scalar, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ajv's type check with <c>coerceTypes: 'array'</c>: scalars convert between string, number and boolean
    /// where JavaScript's conversion is lossless, and a single value is a one-item array.</summary>
    private static bool FitsType(Node node, string type) => (type, node) switch
    {
        ("object", MappingNode) => true,
        ("array", _) => node is not MappingNode,
        ("string", ScalarNode s) => !s.IsNull,
        ("number", ScalarNode s) => s.Kind is ScalarKind.Int or ScalarKind.Float or ScalarKind.Bool
                                    || s.Kind == ScalarKind.String && IsNumber(s.Text),
        ("integer", ScalarNode s) => s.Kind is ScalarKind.Int or ScalarKind.Bool
                                     || s.Kind is ScalarKind.Float or ScalarKind.String && IsNumber(s.Text)
                                        && double.Parse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture) % 1 == 0,
        ("boolean", ScalarNode s) => s.Kind == ScalarKind.Bool || s.Text is "true" or "false" or "0" or "1",
        ("null", ScalarNode s) => s.IsNull || s.Text.Length == 0 || s.Text is "0" or "false",
        _ => false,
    };

    private static bool IsArrayType(SchemaNode schema) =>
        schema.Type.ValueKind == JsonValueKind.String && schema.Types[0] == "array";

    private static bool IsNumber(string text) =>
        text.Length > 0 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v);

    private static bool Equal(ScalarNode scalar, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => scalar.Text == value.GetString(),
        JsonValueKind.Number => double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                                && n == value.GetDouble(),
        JsonValueKind.True => scalar.AsBool == true,
        JsonValueKind.False => scalar.AsBool == false,
        JsonValueKind.Null => scalar.IsNull,
        _ => false,
    };

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static Regex? Compile(string pattern, bool ignoreCase) =>
        Patterns.GetOrAdd((ignoreCase ? "i/" : "/") + pattern, _ =>
        {
            var options = ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None;
            try
            {
                // JavaScript's \w and \d are ASCII: ECMAScript mode matches them, where it can compile the pattern.
                return new Regex(pattern, options | RegexOptions.ECMAScript, PatternTimeout);
            }
            catch (ArgumentException)
            {
                try
                {
                    return new Regex(pattern, options | RegexOptions.CultureInvariant, PatternTimeout);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }
        });

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
