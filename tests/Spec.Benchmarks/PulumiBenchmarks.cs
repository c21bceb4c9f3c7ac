using BenchmarkDotNet.Attributes;
using Spec.Backends.Plan;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Benchmarks;

/// <summary>
/// The Pulumi backend over the 106 packaged corpus cases, in one process: plan → program → TypeScript, YAML and C#
/// (target: under 1 s for the whole corpus). Load, Resolve and Plan run once in the setup.
/// </summary>
[MemoryDiagnoser]
public class PulumiBenchmarks
{
    private List<PulumiSource> _sources = [];

    [GlobalSetup]
    public void Setup() => _sources = Sources();

    [Benchmark(Description = "pulumi-ts + pulumi-yaml + pulumi-csharp, 106 corpus cases")]
    public int ThreePrograms() => GenerateAll(_sources);

    internal static List<PulumiSource> Sources()
    {
        var pipeline = new SpecPipeline();
        var sources = new List<PulumiSource>();
        foreach (var file in CorpusFiles.All().Where(f => f.Contains("sls-examples" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            var result = pipeline.Run(file, ResolveOptions.Empty, PipelineStage.Resolve);
            if (result.Resolved is { } resolved)
            {
                sources.Add(PulumiSource.FromPlan(PlanBuilder.Build(resolved, new DiagnosticBag())));
            }
        }

        return sources;
    }

    internal static int GenerateAll(List<PulumiSource> sources)
    {
        var chars = 0;
        foreach (var source in sources)
        {
            var program = PulumiProgramBuilder.Build(source, new DiagnosticBag());
            chars += TypeScriptWriter.Write(program).Length + YamlWriter.Write(program).Length + CSharpWriter.Write(program).Length;
        }

        return chars;
    }
}
