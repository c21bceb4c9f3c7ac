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
    private static readonly ConcurrentDictionary<string, Regex?> IgnoreCasePatterns = new(StringComparer.Ordinal);

    // A schema's pattern keywords, read and compiled once (JsonElement.GetString makes a new string on every call, and
    // a regexp literal's pattern is a substring of it).
    private static readonly ConcurrentDictionary<SchemaNode, PatternKeywords> TextPatterns = new(ReferenceEqualityComparer.Instance);

    /// <summary>A schema's <c>pattern</c> and <c>regexp</c> as written, each with its regex (null where it has none or
    /// .NET cannot compile it).</summary>
    private sealed record PatternKeywords(string? Pattern, Regex? PatternRegex, string? Regexp, Regex? RegexpRegex)
    {
        public static PatternKeywords Of(SchemaNode schema)
        {
            var pattern = schema.TryGetKeyword("pattern", out var p) ? p.GetString() : null;
            var regexp = schema.TryGetKeyword("regexp", out var r) ? r.GetString() : null;
            return new(
                pattern,
                pattern is null ? null : Compile(pattern, ignoreCase: false),
                regexp,
                regexp is not null && RegexpLiteral(regexp) is { } parsed ? Compile(parsed.Pattern, parsed.IgnoreCase) : null);
        }
    }
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
        var walk = new Walk();
        Validate(root, SchemaNode.Framework, walk);
        return walk.Violations;
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

    /// <summary>
    /// One walk of a spec: where it is (the keys and item positions from the root; written out as a path only for a
    /// violation) and the violations found so far, in one list. A value's checks append to the list and return whether
    /// its own shape fits (type, required keys, closed object: what picks the <c>anyOf</c> branch a value was meant
    /// for); an <c>anyOf</c>/<c>oneOf</c> keeps or drops a branch's violations by cutting the list back. A child that
    /// does not fit leaves its parent's fit alone: the binder reports it.
    /// </summary>
    private sealed class Walk
    {
        private readonly PropertyPath _path = new();

        public List<FrameworkSchemaViolation> Violations { get; } = [];

        public int Count => Violations.Count;

        public void Enter(string key) => _path.Push(key);

        public void Enter(int index) => _path.Push(index);

        public void Leave() => _path.Pop();

        /// <summary>Drops the violations found since the list held <paramref name="count"/>.</summary>
        public void CutBack(int count) => Violations.RemoveRange(count, Violations.Count - count);

        public void Report(Node node, string keyword, string problem) => Violations.Add(new(node, Path(), keyword, problem));

        /// <summary>Where the walk is, in the Framework's notation (<c>functions.hello.events[0].sqs</c>).</summary>
        public string Path() => _path.ToString();
    }

    /// <summary>
    /// Definitions whose constraints are not judged: the Framework's list of runtimes is frozen at its 3.40.0 release
    /// (it warns on <c>nodejs22.x</c>, which AWS supports); SLS-LAMBDA-006/007/008 judge runtimes against AWS's dated
    /// lifecycle instead.
    /// </summary>
    private static readonly string[] NotJudged = ["#/definitions/awsLambdaRuntime"];

    private static SchemaNode? Resolve(SchemaNode? schema)
    {
        for (var i = 0; i < 16 && schema is { IsObject: true, Reference: { } target }; i++)
        {
            if (!target.StartsWith("#/definitions/", StringComparison.Ordinal) || Array.IndexOf(NotJudged, target) >= 0)
            {
                return null;
            }

            schema = schema.Target;
        }

        return schema;
    }

    /// <summary>Checks a value against a (sub)schema, adding what it and anything below it break to the walk; returns
    /// whether the value's own shape fits.</summary>
    private static bool Validate(Node node, SchemaNode? reference, Walk walk)
    {
        if (Resolve(reference) is not { IsObject: true } schema || IsUnknownValue(node))
        {
            return true;
        }

        if (!FitsType(node, schema))
        {
            return false;
        }

        var fits = true;
        if (node is MappingNode mapping)
        {
            fits = CheckObject(mapping, schema, walk);
        }

        if (node is SequenceNode sequence)
        {
            CheckItems(sequence, schema, walk);
        }
        else if (node is not MappingNode && IsArrayType(schema) && schema.Items is { IsObject: true } wrapped)
        {
            // coerceTypes 'array': a single value where a list is expected is validated as a one-item list.
            Validate(node, wrapped, walk);
        }

        if (node is ScalarNode scalar)
        {
            CheckScalar(scalar, schema, walk);
        }

        // A group of `required` lists says which keys an object needs, not which form it takes: CheckPresence's.
        if (schema.AnyOf is { } anyOf && !IsPresenceGroup(anyOf) && !CheckBranches(node, anyOf, walk))
        {
            fits = false;
        }

        if (schema.OneOf is { } oneOf && !IsPresenceGroup(oneOf) && !CheckBranches(node, oneOf, walk))
        {
            fits = false;
        }

        if (schema.AllOf is { } all)
        {
            foreach (var part in all)
            {
                fits &= Validate(node, part, walk);
            }
        }

        return fits;
    }

    /// <summary>Values the Framework sees only after Spec's check: deploy-time references and unresolved variables.</summary>
    private static bool IsUnknownValue(Node node) =>
        node is DeployTimeNode || node is ScalarNode { Kind: ScalarKind.String } s && s.Text.Contains("${", StringComparison.Ordinal);

    /// <summary>anyOf/oneOf: valid when one branch matches whole; otherwise judged by the branches the value's shape fits.
    /// Returns false when it fits none.</summary>
    private static bool CheckBranches(Node node, SchemaNode[] branches, Walk walk)
    {
        // The violations of the branches that fit stay in the walk's list one after the other, from `start`; those of
        // a branch that does not fit are cut back at once.
        var start = walk.Count;
        var fitting = 0;
        var firstEnd = start;
        var belowTheValue = false;
        foreach (var branch in branches)
        {
            if (node is MappingNode mapping && LacksRequiredKey(mapping, Resolve(branch)))
            {
                // The branch cannot fit (its required key is missing), so its outcome would be dropped: not walked.
                continue;
            }

            var branchStart = walk.Count;
            if (!Validate(node, branch, walk))
            {
                walk.CutBack(branchStart);
                continue;
            }

            if (walk.Count == branchStart)
            {
                walk.CutBack(start);
                return true;
            }

            if (++fitting == 1)
            {
                firstEnd = walk.Count;
            }

            for (var i = branchStart; i < walk.Count; i++)
            {
                belowTheValue |= !ReferenceEquals(walk.Violations[i].Node, node);
            }
        }

        if (fitting == 0)
        {
            return false;
        }

        if (fitting == 1 || belowTheValue)
        {
            walk.CutBack(firstEnd);
            return true;
        }

        // Several forms fit the value's shape and each breaks its own constraint on the value itself: one finding that
        // names every form the value could take.
        var found = walk.Violations.GetRange(start, walk.Count - start);
        walk.CutBack(start);
        walk.Report(node, found[0].Keyword, string.Join("; nor ", found.Select(v => v.Problem).Distinct(StringComparer.Ordinal)));
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
        var entries = mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is var entry && entry.Key.Text == key && !IsNull(entry.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNull(Node value) => value is ScalarNode { IsNull: true };

    /// <summary>Checks an object's keys and values; returns whether its shape fits (required keys, closed object).</summary>
    private static bool CheckObject(MappingNode mapping, SchemaNode schema, Walk walk)
    {
        var fits = !LacksRequiredKey(mapping, schema);
        var count = 0;
        var entries = mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (IsNull(entry.Value))
            {
                continue;
            }

            count++;
            var key = entry.Key.Text;
            walk.Enter(key);
            var matched = false;
            if (schema.Properties is { } properties && properties.TryGetValue(key, out var property))
            {
                matched = true;
                Validate(entry.Value, property, walk);
            }

            if (schema.PatternProperties is { } patternProperties)
            {
                foreach (var pattern in patternProperties)
                {
                    if (Compile(pattern.Key, ignoreCase: false) is { } regex && Matches(regex, key))
                    {
                        matched = true;
                        Validate(entry.Value, pattern.Value, walk);
                    }
                }
            }

            if (!matched && schema.AdditionalProperties is { } additional)
            {
                if (additional.Element.ValueKind == JsonValueKind.False)
                {
                    fits = false;
                }
                else if (additional.IsObject)
                {
                    Validate(entry.Value, additional, walk);
                }
            }

            walk.Leave();
        }

        CheckPresence(mapping, schema, walk);
        if (schema.Number("minProperties") is { } least && count < least)
        {
            walk.Report(mapping, "minProperties", $"has {count} keys; at least {Show(least)} are needed");
        }

        if (schema.Number("maxProperties") is { } most && count > most)
        {
            walk.Report(mapping, "maxProperties", $"has {count} keys; at most {Show(most)} are allowed");
        }

        return fits;
    }

    /// <summary>Which keys an object has together: a <c>oneOf</c>/<c>anyOf</c> of <c>required</c> lists (exactly one /
    /// at least one of them met) and <c>dependencies</c> (a key that needs others).</summary>
    private static void CheckPresence(MappingNode mapping, SchemaNode schema, Walk walk)
    {
        if (schema.OneOf is { } oneOf && IsPresenceGroup(oneOf))
        {
            CheckPresenceGroup(mapping, "oneOf", oneOf, walk);
        }

        if (schema.AnyOf is { } anyOf && IsPresenceGroup(anyOf))
        {
            CheckPresenceGroup(mapping, "anyOf", anyOf, walk);
        }

        foreach (var (key, needs, _) in schema.Dependencies ?? [])
        {
            if (needs is null || !HasKey(mapping, key) || HasAllKeys(mapping, needs))
            {
                continue;
            }

            ReportDependency(mapping, key, needs, walk);
        }
    }

    // The messages are written apart from the checks: a lambda's captures are allocated where their scope starts, so
    // here they cost only for a violation.
    private static void ReportDependency(MappingNode mapping, string key, string[] needs, Walk walk)
    {
        var missing = needs.Where(k => !HasKey(mapping, k));
        walk.Report(Present(mapping).First(e => e.Key.Text == key).Key, "dependencies",
            $"sets '{key}' without {string.Join(" and ", missing.Select(k => $"'{k}'"))}, which it requires");
    }

    /// <summary>A presence group: exactly one (<c>oneOf</c>) or at least one (<c>anyOf</c>) of its <c>required</c> lists
    /// met.</summary>
    private static void CheckPresenceGroup(MappingNode mapping, string keyword, SchemaNode[] branches, Walk walk)
    {
        var met = 0;
        foreach (var branch in branches)
        {
            met += HasAllKeys(mapping, branch.Required!) ? 1 : 0;
        }

        if (met == 0 || met > 1 && keyword == "oneOf")
        {
            ReportPresenceGroup(mapping, keyword, branches, met, walk);
        }
    }

    private static void ReportPresenceGroup(MappingNode mapping, string keyword, SchemaNode[] branches, int met, Walk walk)
    {
        var forms = string.Join(", ", branches.Select(b => string.Join(" + ", b.Required!.Select(k => $"'{k}'"))));
        if (met == 0)
        {
            walk.Report(mapping, keyword, $"is missing one of {forms} ({(keyword == "oneOf" ? "exactly" : "at least")} one is needed)");
            return;
        }

        var keys = branches.Where(b => HasAllKeys(mapping, b.Required!)).SelectMany(b => b.Required!).ToHashSet(StringComparer.Ordinal);
        var last = Present(mapping).Last(e => keys.Contains(e.Key.Text));
        walk.Report(last.Key, keyword, $"sets {string.Join(" and ", keys.Select(k => $"'{k}'"))}; only one of {forms} is allowed");
    }

    private static bool HasAllKeys(MappingNode mapping, string[] keys)
    {
        foreach (var key in keys)
        {
            if (!HasKey(mapping, key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The entries whose value is not null (the Framework removes null-valued keys first).</summary>
    private static IEnumerable<MappingEntry> Present(MappingNode mapping) => mapping.Entries.Where(e => !IsNull(e.Value));

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> whose every branch is only a <c>required</c> list.</summary>
    private static bool IsPresenceGroup(SchemaNode[] branches)
    {
        foreach (var branch in branches)
        {
            if (!branch.IsRequiredOnly)
            {
                return false;
            }
        }

        return branches.Length > 0;
    }

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

    private static void CheckItems(SequenceNode sequence, SchemaNode schema, Walk walk)
    {
        var count = sequence.Items.Count;
        if (schema.Number("minItems") is { } least && count < least)
        {
            walk.Report(sequence, "minItems", $"has {count} items; at least {Show(least)} are needed");
        }

        if (schema.Number("maxItems") is { } most && count > most)
        {
            walk.Report(sequence, "maxItems", $"has {count} items; at most {Show(most)} are allowed");
        }

        if (schema.TryGetKeyword("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True
            && sequence.Items.OfType<ScalarNode>().GroupBy(s => s.Text, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            walk.Report(repeated.Last(), "uniqueItems", "repeats an item; the items must be unique");
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
                walk.Enter(i);
                Validate(sequence.Items[i], itemSchema, walk);
                walk.Leave();
            }
        }
    }

    /// <summary>How a scalar is shown in a problem: quoted, unless it is sensitive (then the expression it came from).</summary>
    private static string Shown(ScalarNode scalar) => scalar.IsSensitive ? scalar.Display : $"'{scalar.Text}'";

    private static void CheckScalar(ScalarNode scalar, SchemaNode schema, Walk walk)
    {
        if (scalar.IsNull)
        {
            return;
        }

        if (schema.Const is { } constant && !Equal(scalar, constant))
        {
            walk.Report(scalar, "const", $"is {Shown(scalar)}; the only allowed value is {constant.GetRawText()}");
        }

        if (schema.Enum is not null && !AnyEqual(scalar, schema.EnumValues))
        {
            ReportEnum(scalar, schema, walk);
        }

        var typeName = schema.Type.ValueKind == JsonValueKind.String ? schema.Types[0] : null;
        if (typeName is "number" or "integer" || typeName is null && scalar.Kind is ScalarKind.Int or ScalarKind.Float)
        {
            CheckRange(scalar, schema, walk);
        }

        if (typeName == "string" || typeName is null && scalar.Kind == ScalarKind.String)
        {
            CheckText(scalar, schema, walk);
        }
    }

    private static void ReportEnum(ScalarNode scalar, SchemaNode schema, Walk walk)
    {
        var allowed = schema.EnumValues.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
        // A sensitive value gets no spelling hint: the hint would spell the value.
        var close = scalar.IsSensitive ? null : allowed.FirstOrDefault(a => string.Equals(a, scalar.Text, StringComparison.OrdinalIgnoreCase));
        var list = allowed.Count <= 12 ? string.Join(", ", allowed) : string.Join(", ", allowed.Take(12)) + ", …";
        walk.Report(scalar, "enum",
            $"is {Shown(scalar)}; allowed: {list}" + (close is null ? string.Empty : $" (did you mean '{close}'?)"));
    }

    private static void CheckRange(ScalarNode scalar, SchemaNode schema, Walk walk)
    {
        if (!double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return;
        }

        if (schema.Number("minimum") is { } minimum && value < minimum)
        {
            walk.Report(scalar, "minimum", $"is {Shown(scalar)}; the minimum is {Show(minimum)}");
        }

        if (schema.Number("maximum") is { } maximum && value > maximum)
        {
            walk.Report(scalar, "maximum", $"is {Shown(scalar)}; the maximum is {Show(maximum)}");
        }

        if (schema.Number("exclusiveMinimum") is { } above && value <= above)
        {
            walk.Report(scalar, "exclusiveMinimum", $"is {Shown(scalar)}; it must be above {Show(above)}");
        }

        if (schema.Number("exclusiveMaximum") is { } below && value >= below)
        {
            walk.Report(scalar, "exclusiveMaximum", $"is {Shown(scalar)}; it must be below {Show(below)}");
        }
    }

    private static void CheckText(ScalarNode scalar, SchemaNode schema, Walk walk)
    {
        if (schema.Number("minLength") is { } shortest && Length(scalar.Text) is var length && length < shortest)
        {
            walk.Report(scalar, "minLength", $"is {length} characters long; at least {Show(shortest)} are needed");
        }

        if (schema.Number("maxLength") is { } longest && Length(scalar.Text) is var tooLong && tooLong > longest)
        {
            walk.Report(scalar, "maxLength", $"is {tooLong} characters long; at most {Show(longest)} are allowed");
        }

        var patterns = TextPatterns.GetOrAdd(schema, PatternKeywords.Of);
        if (patterns is { Pattern: { } text, PatternRegex: { } regex } && !Matches(regex, scalar.Text))
        {
            walk.Report(scalar, "pattern", $"is {Shown(scalar)}, which does not match the pattern {text}");
        }

        if (patterns is { Regexp: { } written, RegexpRegex: { } compiled } && !Matches(compiled, scalar.Text))
        {
            walk.Report(scalar, "regexp", $"is {Shown(scalar)}, which does not match {written}");
        }
    }

    /// <summary>A string's length as Ajv counts it (JavaScript's ucs2length): a surrogate pair is one character.</summary>
    private static int Length(string text)
    {
        var length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }

        return length;
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
        JsonValueKind.String => value.ValueEquals(scalar.Text),
        JsonValueKind.Number => double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                                && n == value.GetDouble(),
        JsonValueKind.True => scalar.AsBool == true,
        JsonValueKind.False => scalar.AsBool == false,
        JsonValueKind.Null => scalar.IsNull,
        _ => false,
    };

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static Regex? Compile(string pattern, bool ignoreCase) =>
        (ignoreCase ? IgnoreCasePatterns : Patterns).GetOrAdd(pattern, static (pattern, ignoreCase) =>
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
        }, ignoreCase);

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
