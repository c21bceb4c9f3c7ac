using BenchmarkDotNet.Attributes;
using Spec.Backends.Beanstalk;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Benchmarks;

/// <summary>
/// The Elastic Beanstalk target over the conformance corpus (the 106 + 69 cases), in one process: bound model and plan
/// → bundles, options files and companion template, with the <c>SLS-EB-*</c> lint of the bundles that every compile
/// runs (target: under 200 ms for the whole corpus). Load, Resolve, Bind and Plan run once in the setup; the cases
/// that do not bind or plan are left out, the ones the target refuses (SPEC-EB-002/007) stay in, as a compile runs them.
/// </summary>
[MemoryDiagnoser]
public class BeanstalkBenchmarks
{
    private List<PlannedService> _services = [];

    [GlobalSetup]
    public void Setup() => _services = Services();

    [Benchmark(Description = "beanstalk emit, 106 + 69 corpus cases")]
    public int EmitAll() => EmitAll(_services);

    internal static List<PlannedService> Services()
    {
        var pipeline = new SpecPipeline();
        var services = new List<PlannedService>();
        foreach (var file in CorpusFiles.ConformanceSpecs())
        {
            var result = pipeline.Run(file, ResolveOptions.Empty, PipelineStage.Resolve);
            if (result.Resolved is { } resolved && TargetCompiler.Plan(resolved, new DiagnosticBag()) is { } planned)
            {
                services.Add(planned);
            }
        }

        return services;
    }

    internal static int EmitAll(List<PlannedService> services)
    {
        var bytes = 0;
        foreach (var service in services)
        {
            var output = BeanstalkEmitter.Emit(service.Model, service.Plan, new DiagnosticBag());
            bytes += output.Files.Sum(f => f.Content.Length);
        }

        return bytes;
    }
}
