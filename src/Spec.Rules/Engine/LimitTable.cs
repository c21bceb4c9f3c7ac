using System.Globalization;
using System.Text.Json;
using Spec.Core.Model;
using Spec.Core.Schema;

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

/// <summary>The numeric limits table (<c>Data/limits.json</c>), keyed <c>area.setting</c> (e.g. <c>sqs.visibilityTimeout</c>).
/// The limits of a serverless.yml key come from the key catalogue, and the AWS defaults the model applies to
/// <c>resources:</c> come from <see cref="Defaults"/>, so a range or default is written once.</summary>
public sealed class LimitTable
{
    /// <summary>The limits whose default the binder applies to a CloudFormation resource (<see cref="Defaults"/>):
    /// limits.json must not write them again.</summary>
    private static readonly Dictionary<string, long> ModelDefaults = new(StringComparer.Ordinal)
    {
        ["sqs.visibilityTimeout"] = Defaults.SqsVisibilityTimeout,
        ["sqs.messageRetentionPeriod"] = Defaults.SqsMessageRetentionPeriod,
        ["sqs.delaySeconds"] = Defaults.SqsDelaySeconds,
        ["sqs.receiveMessageWaitTimeSeconds"] = Defaults.SqsReceiveMessageWaitTimeSeconds,
        ["sqs.maximumMessageSize"] = Defaults.SqsMaximumMessageSize,
    };

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

    /// <summary>Reads <c>limits.json</c>; an entry naming a <c>catalogue</c> key takes the min, max and default it
    /// does not give itself from the format's key catalogue, and an SQS queue attribute its default from
    /// <see cref="Defaults"/> (an entry that writes one of those defaults again is refused).</summary>
    public static LimitTable Parse(string json) => Parse(json, KeyCatalog.Serverless);

    public static LimitTable Parse(string json, KeyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var limits = root.GetProperty("limits").EnumerateArray().Select(e => Read(e, catalog)).ToList();
        return new LimitTable(limits, root.GetProperty("source").GetString()!,
            DateOnly.ParseExact(root.GetProperty("snapshot").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static Limit Read(JsonElement e, KeyCatalog catalog)
    {
        var key = e.GetProperty("key").GetString()!;
        long? min = null, max = null, @default = null;
        if (e.TryGetProperty("catalogue", out var path))
        {
            var spec = catalog.Find(path.GetString()!)
                ?? throw new InvalidOperationException($"limits.json: '{key}' names '{path.GetString()}', which the key catalogue does not have");
            var number = spec.Shape.Number
                ?? throw new InvalidOperationException($"limits.json: '{key}' names '{path.GetString()}', which is not a number");
            (min, max) = (number.Minimum, number.Maximum);
            @default = spec.Default as long?;
        }

        if (ModelDefaults.TryGetValue(key, out var modelDefault))
        {
            if (e.TryGetProperty("default", out _))
            {
                throw new InvalidOperationException(
                    $"limits.json: '{key}' writes a default the model applies (Spec.Core.Model.Defaults); leave it out");
            }

            @default = modelDefault;
        }

        return new Limit(key,
            e.TryGetProperty("min", out _) ? NumberOf(e, "min") : min,
            e.TryGetProperty("max", out _) ? NumberOf(e, "max") : max,
            e.TryGetProperty("default", out _) ? NumberOf(e, "default") : @default,
            e.GetProperty("unit").GetString(),
            e.GetProperty("source").GetString()!);
    }

    private static long? NumberOf(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt64();
}
