using System.Globalization;
using System.Text.RegularExpressions;

namespace Spec.Rules.Beanstalk.Options;

/// <summary>How an option's value is written (every value reaches Elastic Beanstalk as a string).</summary>
public enum EbValueType
{
    String,
    Integer,
    Number,
    Boolean,
    Enum,

    /// <summary>A comma-separated list (<c>sg-1,sg-2</c>), optionally limited to <see cref="EbOption.Values"/>.</summary>
    List,

    /// <summary>An ISO 8601 duration <c>PT#H#M#S</c>; <see cref="EbOption.Min"/> and <see cref="EbOption.Max"/> are seconds.</summary>
    Duration,
}

/// <summary>The environment tier an option or namespace is limited to.</summary>
public enum EbTier
{
    /// <summary>A web server environment (behind a load balancer or a single instance).</summary>
    Web,

    /// <summary>A worker environment, whose daemon (sqsd) posts queue messages to the application.</summary>
    Worker,
}

/// <summary>One configuration option of a namespace with its documented constraint.</summary>
public sealed record EbOption(string Name, EbValueType Type)
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>The allowed values of an enum, or of each item of a list (empty = any).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>A regular expression a string value must match.</summary>
    public string? Pattern { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>Literal values accepted besides the typed ones (<c>null</c> for <c>SpotMaxPrice</c>).</summary>
    public IReadOnlyList<string> Also { get; init; } = [];

    /// <summary>The default as the guide gives it, or null when it gives none or describes it in prose.</summary>
    public string? Default { get; init; }

    /// <summary>The tier the option is limited to, when narrower than its namespace's.</summary>
    public EbTier? Tier { get; init; }

    /// <summary>
    /// The clients (<c>console</c>, <c>ebcli</c>) that set this option through the API with a "recommended value",
    /// which overrides any value in <c>.ebextensions</c>.
    /// </summary>
    public IReadOnlyList<string> RecommendedBy { get; init; } = [];

    public bool Deprecated { get; init; }

    /// <summary>Where an entry that is not in the archived guide comes from.</summary>
    public string? Source { get; init; }

    public bool IsRecommendedValue => RecommendedBy.Count > 0;

    public long? DefaultNumber =>
        long.TryParse(Default, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>What is wrong with <paramref name="value"/> for this option, or null when it is valid.</summary>
    public string? Problem(string value)
    {
        if (Also.Contains(value, StringComparer.Ordinal))
        {
            return null;
        }

        return Type switch
        {
            EbValueType.Integer => IntegerProblem(value),
            EbValueType.Number => NumberProblem(value),
            EbValueType.Boolean => value.Equals("true", StringComparison.OrdinalIgnoreCase)
                || value.Equals("false", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : $"'{value}' is not a boolean (true or false)",
            EbValueType.Enum => EnumProblem(value),
            EbValueType.List => ListProblem(value),
            EbValueType.Duration => DurationProblem(value),
            _ => PatternProblem(value),
        };
    }

    /// <summary>"1-100", "at least 0": for messages.</summary>
    public string RangeText => (Min, Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min}-{max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"at least {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"at most {max}"),
        _ => "any number",
    };

    private string? IntegerProblem(string value) =>
        !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? $"'{value}' is not a whole number"
            : InRange(n) ? null : $"{value} is outside {RangeText}";

    private string? NumberProblem(string value) =>
        !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? $"'{value}' is not a number"
            : InRange(n) ? null : $"{value} is outside {RangeText}";

    private bool InRange(double n) => (Min is null || n >= Min) && (Max is null || n <= Max);

    private string? EnumProblem(string value)
    {
        if (Values.Contains(value, StringComparer.Ordinal))
        {
            return null;
        }

        var other = Values.FirstOrDefault(v => v.Equals(value, StringComparison.OrdinalIgnoreCase));
        return other is not null
            ? $"'{value}' is not a valid value; values are case-sensitive: '{other}'"
            : $"'{value}' is not one of {string.Join(", ", Values)}";
    }

    private string? ListProblem(string value)
    {
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        if (items.Any(i => i.Length == 0))
        {
            return $"'{value}' has an empty item; write the items separated by single commas";
        }

        if (MaxItems is { } max && items.Length > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{items.Length} items; at most {max} are allowed");
        }

        var unknown = Values.Count == 0 ? null : items.FirstOrDefault(i => !Values.Contains(i, StringComparer.Ordinal));
        return unknown is null ? null : $"'{unknown}' is not one of {string.Join(", ", Values)}";
    }

    private string? DurationProblem(string value)
    {
        var match = Regex.Match(value, @"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$", RegexOptions.CultureInvariant);
        if (!match.Success || value == "PT")
        {
            return $"'{value}' is not an ISO 8601 duration such as PT30M or PT1H";
        }

        var seconds = (Part(match, 1) * 3600) + (Part(match, 2) * 60) + Part(match, 3);
        return InRange(seconds) ? null : string.Create(CultureInfo.InvariantCulture,
            $"{value} ({seconds} s) is outside {RangeText} seconds");
    }

    private static long Part(Match match, int group) =>
        match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    private string? PatternProblem(string value) =>
        Pattern is null || Regex.IsMatch(value, Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            ? null
            : $"'{value}' does not match {Pattern}";
}
