using System.Text.Json;
using System.Text.RegularExpressions;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>One constraint of a CloudFormation resource property, from its resource provider schema.</summary>
public sealed record CfnConstraint(string Path)
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
}

/// <summary>
/// <c>Data/cfn-constraints.json</c>: the constraints of the resource types a spec's <c>resources:</c> commonly holds,
/// generated from the CloudFormation resource provider schemas by <c>tools/cfn-schemas/generate.py</c>.
/// </summary>
public sealed class CfnConstraints
{
    private static readonly Lazy<CfnConstraints> Embedded = new(() => Parse(RuleData.ReadResource("cfn-constraints.json")));
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, IReadOnlyList<CfnConstraint>> _byType;

    private CfnConstraints(Dictionary<string, IReadOnlyList<CfnConstraint>> byType, string source)
    {
        _byType = byType;
        Source = source;
    }

    public static CfnConstraints Default => Embedded.Value;

    public string Source { get; }

    public IEnumerable<string> Types => _byType.Keys;

    /// <summary>The constraints of a resource type, or none.</summary>
    public IReadOnlyList<CfnConstraint> Of(string type) => _byType.GetValueOrDefault(type) ?? [];

    public static CfnConstraints Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var byType = new Dictionary<string, IReadOnlyList<CfnConstraint>>(StringComparer.Ordinal);
        foreach (var resource in document.RootElement.GetProperty("resources").EnumerateArray())
        {
            byType[resource.GetProperty("type").GetString()!] =
                [.. resource.GetProperty("properties").EnumerateArray().Select(Constraint)];
        }

        return new CfnConstraints(byType, document.RootElement.GetProperty("source").GetString()!);
    }

    private static CfnConstraint Constraint(JsonElement e)
    {
        var pattern = Text(e, "pattern");
        return new CfnConstraint(e.GetProperty("path").GetString()!)
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
