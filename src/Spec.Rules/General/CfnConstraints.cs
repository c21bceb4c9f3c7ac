using System.Collections.Concurrent;
using System.Globalization;
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

    private static readonly Dictionary<string, CfnConstraint> EmptyProperties = new(StringComparer.Ordinal);
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
    private const string ResourcePrefix = "  {\"resource\":\"";
    private static readonly Lazy<CfnConstraints> Embedded = new(() => Parse(RuleData.ReadResource("cfn-constraints.json")));
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, string> _lines;
    private readonly ConcurrentDictionary<string, CfnConstraint> _parsed = new(StringComparer.Ordinal);

    private CfnConstraints(Dictionary<string, string> lines, JsonElement header)
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
    public CfnConstraint? Of(string type) =>
        _parsed.TryGetValue(type, out var parsed) ? parsed
        : _lines.TryGetValue(type, out var line) ? _parsed.GetOrAdd(type, _ => ParseLine(line))
        : null;

    public static CfnConstraints Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = json.IndexOf("\"resources\"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new FormatException("cfn-constraints.json has no \"resources\"");
        }

        foreach (var line in json[start..].Split('\n'))
        {
            if (line.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                var end = line.IndexOf('"', ResourcePrefix.Length);
                lines[line[ResourcePrefix.Length..end]] = line.TrimEnd('\r', ',');
            }
        }

        using var header = JsonDocument.Parse(json[..start] + "\"resources\": []}");
        return new CfnConstraints(lines, header.RootElement.Clone());
    }

    private static CfnConstraint ParseLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        return Node(document.RootElement);
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
            Required = e.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [],
            Properties = e.TryGetProperty("props", out var props)
                ? props.EnumerateObject().ToDictionary(p => p.Name, p => Node(p.Value), StringComparer.Ordinal)
                : new Dictionary<string, CfnConstraint>(StringComparer.Ordinal),
            Items = e.TryGetProperty("items", out var items) ? Node(items) : null,
        };
    }

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
