using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Syntax;

namespace Spec.Cli.Output;

/// <summary>What <c>spec check</c> found in all the files it was given: the input of every output format.</summary>
internal sealed class CheckReport
{
    private readonly Dictionary<string, SourceText> _sources = new(StringComparer.Ordinal);

    public CheckReport(IReadOnlyList<PipelineResult> results)
    {
        Results = results;
        Diagnostics = DiagnosticOrder.Sort(results.SelectMany(r => r.Diagnostics));
        foreach (var r in results)
        {
            if (r.Loaded is { } loaded && loaded.Source.Text.Length > 0)
            {
                _sources.TryAdd(loaded.Source.Path, loaded.Source);
            }
        }
    }

    public IReadOnlyList<PipelineResult> Results { get; }

    /// <summary>Every diagnostic of every file, in <see cref="DiagnosticOrder"/>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);

    /// <summary>
    /// The text of a spec that was checked. Only the checked files themselves are quoted in output: a file the
    /// spec merely referenced (and maybe was refused) is never shown.
    /// </summary>
    public SourceText? Source(string file) => _sources.GetValueOrDefault(file);
}
