using System.Diagnostics;
using System.Globalization;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Benchmarks;

/// <summary>
/// The generated-spec compile of <see cref="CompileBenchmarks"/> split into its stages (load, resolve, bind, plan, and
/// the template text), median of several runs per size, to see where the time goes and whether each stage grows
/// linearly.
/// </summary>
public static class CompileStages
{
    public static void Report(IReadOnlyList<int> sizes)
    {
        foreach (var size in sizes)
        {
            var yaml = CompileBenchmarks.GenerateSpec(size);
            var runs = size <= 1000 ? 15 : size <= 5000 ? 7 : 5;
            for (var i = 0; i < 2; i++)
            {
                Measure(yaml);
            }

            var samples = Enumerable.Range(0, runs).Select(_ => Measure(yaml)).ToList();
            double Median(Func<double[], double> pick)
            {
                var values = samples.Select(pick).Order().ToList();
                return values[values.Count / 2];
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,6} functions, median of {runs}: total {Median(s => s[5]),7:0.0} ms = load {Median(s => s[0]):0.0} "
                + $"+ resolve {Median(s => s[1]):0.0} + bind {Median(s => s[2]):0.0} + plan {Median(s => s[3]):0.0} "
                + $"+ emit (template text) {Median(s => s[4]):0.0}; process CPU {Median(s => s[6]):0.0} ms; "
                + $"allocated MB: load {Median(s => s[7]):0} resolve {Median(s => s[8]):0} bind {Median(s => s[9]):0} "
                + $"plan {Median(s => s[10]):0} emit {Median(s => s[11]):0}; GCs per compile {Median(s => s[12]):0}"));
        }
    }

    private static double[] Measure(string yaml)
    {
        var times = new double[13];
        var collections = GC.CollectionCount(0);
        s_current = times;
        s_lap = 0;
        s_allocated = GC.GetAllocatedBytesForCurrentThread();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader(LoadLimits.Default).LoadText("serverless.yml", yaml, diagnostics);
        times[0] = Lap(watch);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.Empty, diagnostics);
        times[1] = Lap(watch);
        var service = Binder.BindForBackends(resolved, diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        times[2] = Lap(watch);
        var plan = PlanBuilder.Build(service, diagnostics);
        times[3] = Lap(watch);
        var text = CloudFormationEmitter.Text(plan, TemplateFormat.Json);
        times[4] = Lap(watch);
        times[5] = total.Elapsed.TotalMilliseconds;
        times[12] = GC.CollectionCount(0) - collections;
        process.Refresh();
        times[6] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (diagnostics.HasErrors || text.Length == 0)
        {
            throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        }

        return times;
    }

    private static long s_allocated;
    private static int s_lap;
    private static double[]? s_current;

    private static double Lap(Stopwatch watch)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (s_current is not null)
        {
            s_current[7 + s_lap] = (allocated - s_allocated) / 1048576.0;
        }

        s_allocated = allocated;
        s_lap++;
        var elapsed = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        return elapsed;
    }
}
