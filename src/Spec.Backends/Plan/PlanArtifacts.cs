using System.Collections;

namespace Spec.Backends.Plan;

/// <summary>
/// The plan's artifacts in the order they were added, with the lookups the lowerings make once per function indexed:
/// a service packaged individually has one artifact per function, so a scan per function would grow with the square
/// of the service.
/// </summary>
public sealed class PlanArtifacts : IReadOnlyList<PlanArtifact>
{
    private readonly List<PlanArtifact> _items = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sharedByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byFunction = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public PlanArtifact this[int index] => _items[index];

    public void Add(PlanArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var index = _items.Count;
        _items.Add(artifact);
        _byName.TryAdd(artifact.ArtifactName, index);
        if (artifact.FunctionKey is { } function)
        {
            _byFunction.TryAdd(function, index);
        }
        else
        {
            _sharedByName.TryAdd(artifact.ArtifactName, index);
        }
    }

    /// <summary>The first artifact with this file name, or null.</summary>
    public PlanArtifact? Named(string artifactName) => _byName.TryGetValue(artifactName, out var i) ? _items[i] : null;

    /// <summary>
    /// The first artifact that is the function's own (added for it) or the shared one of its file name: what its
    /// <c>CodeSha256</c> is computed from.
    /// </summary>
    public PlanArtifact? OfFunction(string functionKey, string artifactName)
    {
        var own = _byFunction.TryGetValue(functionKey, out var i) ? i : int.MaxValue;
        var shared = _sharedByName.TryGetValue(artifactName, out var j) ? j : int.MaxValue;
        var first = Math.Min(own, shared);
        return first == int.MaxValue ? null : _items[first];
    }

    public bool Exists(Predicate<PlanArtifact> match) => _items.Exists(match);

    public PlanArtifact? Find(Predicate<PlanArtifact> match) => _items.Find(match);

    public IEnumerator<PlanArtifact> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
