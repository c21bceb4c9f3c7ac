using BenchmarkDotNet.Attributes;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Benchmarks;

/// <summary>Load → Resolve → Bind over every spec of the corpus, in one process, as <c>spec check</c> runs them.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private IReadOnlyList<string> _files = [];

    [GlobalSetup]
    public void Setup() => _files = CorpusFiles.All();

    [Benchmark(Description = "load+resolve+bind, whole corpus")]
    public int WholeCorpus() => RunAll(_files);

    internal static int RunAll(IReadOnlyList<string> files)
    {
        var pipeline = new SpecPipeline();
        var diagnostics = 0;
        foreach (var file in files)
        {
            diagnostics += pipeline.Run(file, ResolveOptions.Empty).Diagnostics.Count;
        }

        return diagnostics;
    }
}
