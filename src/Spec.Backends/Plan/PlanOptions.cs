namespace Spec.Backends.Plan;

/// <summary>What the plan needs beyond the spec: code hashes (and layer bytes) from the packager, when code was packaged.</summary>
public sealed record PlanOptions
{
    /// <summary>
    /// Base64 SHA-256 of each artifact by artifact file name (<c>svc.zip</c>, <c>fn.zip</c>). When absent the plan
    /// derives stable placeholder hashes from the configuration, so <c>spec compile</c> stays deterministic.
    /// </summary>
    public IReadOnlyDictionary<string, string> ArtifactHashes { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The bytes of each layer artifact by file name: a layer's hash (its <c>&lt;Name&gt;LambdaLayerHash</c> output and,
    /// when retained, its logical id) is the Framework's SHA-1 over the resource and these bytes. When absent the plan
    /// hashes a stable stand-in.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> ArtifactContents { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>Records where the spec wrote each converted value (<see cref="ServicePlan.ValueSources"/>), for the
    /// rules that locate findings on generated resources; off for the backends, which do not need it.</summary>
    public bool RecordValueSources { get; init; }

    /// <summary>
    /// The plan is read for its resources only (the rules): the outputs of each function (its version's qualified ARN,
    /// its URL) and the export names of the generated outputs are left out, as nothing then reads them (the layers'
    /// outputs stay: a function's version hash reads them).
    /// </summary>
    public bool ResourcesOnly { get; init; }

    public static PlanOptions Default { get; } = new();
}
