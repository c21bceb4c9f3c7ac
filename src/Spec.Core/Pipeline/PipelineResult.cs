using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Core.Pipeline;

/// <summary>
/// What Load → Resolve → Bind made of one spec. Later stages are null when an earlier one could not produce
/// anything. <see cref="Diagnostics"/> holds every stage's diagnostics in <see cref="DiagnosticOrder"/>.
/// </summary>
public sealed record PipelineResult(
    string ConfigPath,
    LoadResult? Loaded,
    ResolvedSpec? Resolved,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// The input could not be processed at all: missing or unreadable, not YAML/JSON, or not a mapping at the
    /// root. The CLI exits with 2 for it rather than 1.
    /// </summary>
    public bool CouldNotProcess { get; init; }

    /// <summary>The typed model; null when Bind did not run or the spec is not an AWS service.</summary>
    public Service? Service { get; init; }

    public bool HasErrors => CouldNotProcess || Diagnostics.Any(d => d.Severity == Severity.Error);
}
