using System.Globalization;
using System.Text.Json;

namespace Spec.Rules.Engine;

/// <summary>
/// One numeric limit. <see cref="Min"/> and <see cref="Max"/> are inclusive (null = unbounded on that side);
/// <see cref="Default"/> is the effective value when a spec leaves the setting out.
/// </summary>
public sealed record Limit(string Key, long? Min, long? Max, long? Default, string? Unit, string Source)
{
    public bool Contains(double value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    /// <summary>"1-900 seconds", "at most 5 count", "at least 100 executions": for messages.</summary>
    public string RangeText
    {
        get
        {
            var unit = Unit is null ? string.Empty : " " + Unit;
            return (Min, Max) switch
            {
                ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min}-{max}{unit}"),
                (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"at most {max}{unit}"),
                ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"at least {min}{unit}"),
                _ => "unbounded",
            };
        }
    }
}

/// <summary>The numeric limits table (<c>Data/limits.json</c>), keyed <c>area.setting</c> (e.g. <c>sqs.visibilityTimeout</c>).</summary>
public sealed class LimitTable
{
    private readonly Dictionary<string, Limit> _byKey;

    public LimitTable(IEnumerable<Limit> limits, string source, DateOnly snapshot)
    {
        All = [.. limits.OrderBy(l => l.Key, StringComparer.Ordinal)];
        _byKey = All.ToDictionary(l => l.Key, StringComparer.Ordinal);
        Source = source;
        Snapshot = snapshot;
    }

    public IReadOnlyList<Limit> All { get; }

    public string Source { get; }

    public DateOnly Snapshot { get; }

    /// <summary>The limit with this key. A missing key is a bug in a rule, not in the input, so it throws.</summary>
    public Limit this[string key] =>
        _byKey.TryGetValue(key, out var limit)
            ? limit
            : throw new KeyNotFoundException($"limits.json has no limit '{key}'");

    public bool TryGet(string key, out Limit limit) => _byKey.TryGetValue(key, out limit!);

    public static LimitTable Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var limits = root.GetProperty("limits").EnumerateArray().Select(e => new Limit(
            e.GetProperty("key").GetString()!,
            NumberOf(e, "min"),
            NumberOf(e, "max"),
            NumberOf(e, "default"),
            e.GetProperty("unit").GetString(),
            e.GetProperty("source").GetString()!)).ToList();
        return new LimitTable(limits, root.GetProperty("source").GetString()!,
            DateOnly.ParseExact(root.GetProperty("snapshot").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static long? NumberOf(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt64();
}
