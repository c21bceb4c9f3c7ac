using System.Globalization;
using System.Text.Json;

namespace Spec.Rules.Engine;

/// <summary>Where a runtime stands on a given date.</summary>
public enum RuntimeStatus
{
    Supported,

    /// <summary>Past its deprecation date: still deployable, no more patches.</summary>
    Deprecated,

    /// <summary>New functions can no longer use it; existing ones can still be updated.</summary>
    CreateBlocked,

    /// <summary>Neither new nor existing functions can be deployed with it.</summary>
    UpdateBlocked,
}

/// <summary>One Lambda runtime's lifecycle (dates are null when not scheduled).</summary>
public sealed record RuntimeInfo(
    string Identifier,
    string Family,
    DateOnly? Deprecated,
    DateOnly? CreateBlocked,
    DateOnly? UpdateBlocked,
    string? Successor)
{
    /// <summary>The runtime's place in its family's version order (the order of the data file).</summary>
    public int Rank { get; init; }

    public RuntimeStatus StatusOn(DateOnly asOf) =>
        UpdateBlocked <= asOf ? RuntimeStatus.UpdateBlocked
        : CreateBlocked <= asOf ? RuntimeStatus.CreateBlocked
        : Deprecated <= asOf ? RuntimeStatus.Deprecated
        : RuntimeStatus.Supported;
}

/// <summary>The Lambda runtime lifecycle table (<c>Data/lambda-runtimes.json</c>).</summary>
public sealed class RuntimeLifecycle
{
    private readonly Dictionary<string, RuntimeInfo> _byId;

    public RuntimeLifecycle(IEnumerable<RuntimeInfo> runtimes, string source, DateOnly snapshot)
    {
        Runtimes = [.. runtimes.OrderBy(r => r.Identifier, StringComparer.Ordinal)];
        _byId = Runtimes.ToDictionary(r => r.Identifier, StringComparer.Ordinal);
        Source = source;
        Snapshot = snapshot;
    }

    public IReadOnlyList<RuntimeInfo> Runtimes { get; }

    /// <summary>Where the dates come from.</summary>
    public string Source { get; }

    /// <summary>The date the table was taken from its source.</summary>
    public DateOnly Snapshot { get; }

    /// <summary>The runtime with this exact identifier (<c>nodejs18.x</c>), or null for unknown runtimes.</summary>
    public RuntimeInfo? Find(string identifier) => _byId.GetValueOrDefault(identifier);

    /// <summary>
    /// The runtime to move to: the nearest later version of the same family that is still supported on
    /// <paramref name="asOf"/> (a jump of one version asks for the fewest code changes), else the table's successor.
    /// Edge-only variants (<c>nodejs4.3-edge</c>) are never suggested.
    /// </summary>
    public RuntimeInfo? NearestSuccessor(RuntimeInfo runtime, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var nearest = Runtimes
            .Where(r => r.Family == runtime.Family && r.Rank > runtime.Rank
                        && !r.Identifier.EndsWith("-edge", StringComparison.Ordinal)
                        && r.StatusOn(asOf) == RuntimeStatus.Supported)
            .MinBy(r => r.Rank);
        return nearest ?? (runtime.Successor is { } successor ? Find(successor) : null);
    }

    public static RuntimeLifecycle Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        // The file lists each family oldest first: its order is the version order.
        var runtimes = root.GetProperty("runtimes").EnumerateArray().Select((e, index) => new RuntimeInfo(
            e.GetProperty("identifier").GetString()!,
            e.GetProperty("family").GetString()!,
            DateOf(e, "deprecated"),
            DateOf(e, "createBlocked"),
            DateOf(e, "updateBlocked"),
            e.GetProperty("successor").GetString()) { Rank = index }).ToList();
        return new RuntimeLifecycle(runtimes, root.GetProperty("source").GetString()!,
            DateOnly.ParseExact(root.GetProperty("snapshot").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static DateOnly? DateOf(JsonElement e, string name) =>
        e.GetProperty(name).GetString() is { } text
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}
