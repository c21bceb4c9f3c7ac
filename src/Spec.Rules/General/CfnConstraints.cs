using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>
/// The constraints of one place in a CloudFormation resource's properties (the properties object itself, a property,
/// or every item of a list), from the resource type's provider schema, with the places below it.
/// </summary>
public sealed class CfnConstraint
{
    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>The schema's pattern; null when .NET cannot compile it.</summary>
    public Regex? Pattern { get; init; }

    public string? PatternText { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary><c>integer</c>, <c>number</c> or <c>boolean</c> when the value must be that scalar; null otherwise.</summary>
    public string? ScalarType { get; init; }

    /// <summary>The keys an object here must have.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The constraints of this object's properties, by name.</summary>
    public IReadOnlyDictionary<string, CfnConstraint> Properties { get; init; } = EmptyProperties;

    /// <summary>The constraints of every item, when this is a list.</summary>
    public CfnConstraint? Items { get; init; }

    /// <summary>What the schema says about which keys of an object here are present together (oneOf/anyOf groups,
    /// keys that require or exclude other keys).</summary>
    public IReadOnlyList<CfnPresence> Presence { get; init; } = [];

    private static readonly Dictionary<string, CfnConstraint> EmptyProperties = new(StringComparer.Ordinal);
}

/// <summary>The kinds of <see cref="CfnPresence"/>.</summary>
public enum CfnPresenceKind
{
    /// <summary>Exactly one branch matches (the schema's <c>oneOf</c>, or cfn-lint's <c>requiredXor</c>).</summary>
    OneOf,

    /// <summary>At least one branch matches (<c>anyOf</c>, or cfn-lint's <c>requiredOr</c>).</summary>
    AnyOf,

    /// <summary>When <see cref="CfnPresence.Key"/> is present, so are <see cref="CfnPresence.Keys"/>
    /// (<c>dependencies</c>, <c>dependentRequired</c>).</summary>
    Requires,

    /// <summary>When <see cref="CfnPresence.Key"/> is present, none of <see cref="CfnPresence.Keys"/> is
    /// (cfn-lint's <c>dependentExcluded</c>).</summary>
    Excludes,
}

/// <summary>A statement of a resource schema about which keys of an object are present together.</summary>
public sealed class CfnPresence
{
    public CfnPresenceKind Kind { get; init; }

    /// <summary>The branches of a <see cref="CfnPresenceKind.OneOf"/> or <see cref="CfnPresenceKind.AnyOf"/>.</summary>
    public IReadOnlyList<CfnBranch> Branches { get; init; } = [];

    /// <summary>The key a <see cref="CfnPresenceKind.Requires"/> or <see cref="CfnPresenceKind.Excludes"/> is about.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The keys it requires or excludes.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
}

/// <summary>One branch of a oneOf/anyOf group, as a statement about present keys.</summary>
public sealed class CfnBranch
{
    /// <summary>The keys the branch needs.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The only keys the branch allows (its <c>additionalProperties: false</c>); null when any key is allowed.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    /// <summary>Keys whose value the branch also constrains: the branch is only known to match when none is present.</summary>
    public IReadOnlyList<string> Valued { get; init; } = [];

    /// <summary>Groups nested in the branch.</summary>
    public IReadOnlyList<CfnPresence> Groups { get; init; } = [];
}

/// <summary>
/// <c>Data/cfn-constraints.json</c>: the statically checkable constraints of every resource type of the CloudFormation
/// registry (us-east-1), generated from the resource provider schemas by <c>tools/cfn-schemas/generate.py</c>.
/// </summary>
/// <remarks>
/// The file holds one resource type per line; a type's line is parsed the first time a spec uses the type, so a
/// check pays for the types it meets, not for the 1,500 the registry has.
/// </remarks>
public sealed class CfnConstraints
{
    private static readonly Lazy<CfnConstraints> Embedded = new(() => Parse(RuleData.ReadResourceBytes("cfn-constraints.json")));
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    // Each type's line as UTF-8 in the data (the file is 1.8 MB: kept as its bytes, not decoded to text).
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _lines;
    private readonly ConcurrentDictionary<string, (CfnConstraint Properties, CfnAttributes? Attributes)> _parsed = new(StringComparer.Ordinal);

    private CfnConstraints(Dictionary<string, ReadOnlyMemory<byte>> lines, JsonElement header)
    {
        _lines = lines;
        Source = header.GetProperty("source").GetString()!;
        Checked = DateOnly.ParseExact(header.GetProperty("snapshot").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        RegistryTypes = header.GetProperty("types").GetInt32();
        Counts = header.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
    }

    public static CfnConstraints Default => Embedded.Value;

    public string Source { get; }

    /// <summary>The date the data was generated and checked against its source.</summary>
    public DateOnly Checked { get; }

    /// <summary>How many resource types the source schemas define (those without a checkable constraint are left out).</summary>
    public int RegistryTypes { get; }

    /// <summary>How many constraints of each kind the data holds (<c>enum</c>, <c>pattern</c>, <c>required</c>, …).</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    public IEnumerable<string> Types => _lines.Keys;

    /// <summary>The constraints of a resource type's <c>Properties</c>, or null for a type the data does not hold.</summary>
    public CfnConstraint? Of(string type) => Parsed(type)?.Properties;

    /// <summary>The <c>Fn::GetAtt</c> attributes of a resource type, or null for a type the data does not hold or
    /// one that accepts any attribute (a custom resource).</summary>
    public CfnAttributes? AttributesOf(string type) => Parsed(type)?.Attributes;

    private (CfnConstraint Properties, CfnAttributes? Attributes)? Parsed(string type) =>
        _parsed.TryGetValue(type, out var parsed) ? parsed
        : _lines.TryGetValue(type, out var line) ? ParseOnce(type, line)
        : null;

    // Apart from Parsed: a lambda capturing the line there would allocate its closure on every lookup, hit or miss.
    private (CfnConstraint Properties, CfnAttributes? Attributes) ParseOnce(string type, ReadOnlyMemory<byte> line) =>
        _parsed.GetOrAdd(type, static (_, line) => ParseLine(line), line);

    /// <summary>Reads the data from its UTF-8 bytes: the header as JSON, each resource type's line only indexed.</summary>
    public static CfnConstraints Parse(ReadOnlyMemory<byte> utf8Json)
    {
        var json = utf8Json.Span;
        var start = json.IndexOf("\"resources\""u8);
        if (start < 0)
        {
            throw new FormatException("cfn-constraints.json has no \"resources\"");
        }

        var prefix = "  {\"resource\":\""u8;
        var lines = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        for (var at = start; at < json.Length;)
        {
            var length = json[at..].IndexOf((byte)'\n');
            length = length < 0 ? json.Length - at : length;
            var line = json.Slice(at, length);
            if (line.StartsWith(prefix))
            {
                var end = line[prefix.Length..].IndexOf((byte)'"');
                var type = Encoding.UTF8.GetString(line.Slice(prefix.Length, end));
                lines[type] = utf8Json.Slice(at, line.TrimEnd("\r,"u8).Length);
            }

            at += length + 1;
        }

        byte[] headerJson = [.. json[..start], .. "\"resources\": []}"u8];
        using var header = JsonDocument.Parse(headerJson);
        return new CfnConstraints(lines, header.RootElement.Clone());
    }

    private static (CfnConstraint, CfnAttributes?) ParseLine(ReadOnlyMemory<byte> line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var attributes = root.TryGetProperty("getatt", out var names)
            ? new CfnAttributes([.. names.EnumerateArray().Select(n => n.GetString()!)])
            : null;
        return (Node(root), attributes);
    }

    private static CfnConstraint Node(JsonElement e)
    {
        var pattern = Text(e, "pattern");
        return new CfnConstraint
        {
            Minimum = Number(e, "minimum"),
            Maximum = Number(e, "maximum"),
            Enum = e.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(v => v.ToString())] : null,
            PatternText = pattern,
            Pattern = pattern is null ? null : Compile(pattern),
            MinLength = (int?)Number(e, "minLength"),
            MaxLength = (int?)Number(e, "maxLength"),
            MinItems = (int?)Number(e, "minItems"),
            MaxItems = (int?)Number(e, "maxItems"),
            ScalarType = Text(e, "type"),
            Required = e.TryGetProperty("required", out var required) ? Strings(required) : [],
            Properties = e.TryGetProperty("props", out var props)
                ? props.EnumerateObject().ToDictionary(p => p.Name, p => Node(p.Value), StringComparer.Ordinal)
                : new Dictionary<string, CfnConstraint>(StringComparer.Ordinal),
            Items = e.TryGetProperty("items", out var items) ? Node(items) : null,
            Presence = e.TryGetProperty("presence", out var presence) ? [.. presence.EnumerateArray().Select(Presence)] : [],
        };
    }

    /// <summary>One <c>presence</c> condition: <c>{"oneOf": [branch…]}</c>, <c>{"anyOf": […]}</c>,
    /// <c>{"requires": {key: [keys]}}</c> or <c>{"excludes": {key: [keys]}}</c>.</summary>
    private static CfnPresence Presence(JsonElement e)
    {
        var condition = e.EnumerateObject().Single();
        if (condition.Name is "requires" or "excludes")
        {
            var dependency = condition.Value.EnumerateObject().Single();
            return new CfnPresence
            {
                Kind = condition.Name == "requires" ? CfnPresenceKind.Requires : CfnPresenceKind.Excludes,
                Key = dependency.Name,
                Keys = Strings(dependency.Value),
            };
        }

        return Groups(e).SingleOrDefault() ?? throw new FormatException($"cfn-constraints.json: unknown presence condition '{condition.Name}'");
    }

    /// <summary>The oneOf/anyOf groups of a condition or branch.</summary>
    private static IEnumerable<CfnPresence> Groups(JsonElement e)
    {
        foreach (var (name, kind) in new[] { ("oneOf", CfnPresenceKind.OneOf), ("anyOf", CfnPresenceKind.AnyOf) })
        {
            if (e.TryGetProperty(name, out var branches))
            {
                yield return new CfnPresence { Kind = kind, Branches = [.. branches.EnumerateArray().Select(Branch)] };
            }
        }
    }

    private static CfnBranch Branch(JsonElement e) => new()
    {
        Required = e.TryGetProperty("required", out var required) ? Strings(required) : [],
        Only = e.TryGetProperty("only", out var only) ? new HashSet<string>(Strings(only), StringComparer.Ordinal) : null,
        Valued = e.TryGetProperty("valued", out var valued) ? Strings(valued) : [],
        Groups = [.. Groups(e)],
    };

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString()!)];

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>
/// The attribute names <c>Fn::GetAtt</c> accepts for a resource type: its schema's read-only properties (nested ones as
/// <c>A.B</c>), and for the legacy types whose <c>Fn::GetAtt</c> also returns writable properties, those; a name
/// <c>A.*</c> accepts every name under <c>A</c> (a nested stack's <c>Outputs.Name</c>).
/// </summary>
public sealed class CfnAttributes(IReadOnlyList<string> names)
{
    private readonly HashSet<string> _exact = new(names.Where(n => !n.EndsWith(".*", StringComparison.Ordinal)), StringComparer.Ordinal);
    private readonly string[] _prefixes = [.. names.Where(n => n.EndsWith(".*", StringComparison.Ordinal)).Select(n => n[..^1])];

    /// <summary>The names as the data holds them.</summary>
    public IReadOnlyList<string> Names { get; } = names;

    public bool Accepts(string attribute) =>
        _exact.Contains(attribute) || _prefixes.Any(p => attribute.StartsWith(p, StringComparison.Ordinal) && attribute.Length > p.Length);
}
