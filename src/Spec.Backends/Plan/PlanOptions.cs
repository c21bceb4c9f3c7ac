namespace Spec.Backends.Plan;

/// <summary>What the plan needs beyond the spec: code hashes from the packager, when code was packaged.</summary>
public sealed record PlanOptions
{
    /// <summary>
    /// Base64 SHA-256 of each artifact by artifact file name (<c>svc.zip</c>, <c>fn.zip</c>). When absent the plan
    /// derives stable placeholder hashes from the configuration, so <c>spec compile</c> stays deterministic.
    /// </summary>
    public IReadOnlyDictionary<string, string> ArtifactHashes { get; init; } = new Dictionary<string, string>();

    public static PlanOptions Default { get; } = new();
}
