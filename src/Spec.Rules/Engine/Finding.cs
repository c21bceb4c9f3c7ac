using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>How a finding was suppressed: in the spec (<c># spec-ignore</c>) or outside it (<c>.spec.yml</c>).</summary>
public enum SuppressionKind
{
    InSource,
    External,
}

public sealed record Suppression(SuppressionKind Kind, string Justification);

/// <summary>
/// A diagnostic as the engine reports it: with its fingerprint (stable across unrelated edits; used by baselines and
/// SARIF <c>partialFingerprints</c>) and, when suppressed, why.
/// </summary>
public sealed record Finding(Diagnostic Diagnostic, string Fingerprint, Suppression? Suppression = null)
{
    public bool IsSuppressed => Suppression is not null;
}
