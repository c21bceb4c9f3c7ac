using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;

namespace Spec.Rules.Engine;

/// <summary>The outcome of a run, sorted by <see cref="DiagnosticOrder"/>.</summary>
public sealed record RuleRunResult(IReadOnlyList<Finding> Findings, int BaselineMatches)
{
    /// <summary>The diagnostics to show: everything not suppressed (and not in the baseline).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } =
        [.. Findings.Where(f => !f.IsSuppressed).Select(f => f.Diagnostic)];

    public IReadOnlyList<Finding> Suppressed => [.. Findings.Where(f => f.IsSuppressed)];
}
