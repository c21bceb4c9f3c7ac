using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Tests.Load;

namespace Spec.Benchmarks;

/// <summary>
/// The Load stage alone over generated services of 1k, 3k, 10k and 30k functions (<see cref="ScaleSpecs"/>) and over
/// the corpus: load time must grow linearly with the input. <c>--load [runs]</c> prints medians and the per-function
/// ratio against 1k (1.00 is linear); <c>--filter '*LoadScaling*'</c> runs the same under BenchmarkDotNet.
/// </summary>
[MemoryDiagnoser]
public class LoadScaling
{
    private static readonly int[] Sizes = [1000, 3000, 10_000, 30_000];

    // Large enough for any generated size, so the measurement is the same before and after the alias counter changed.
    private static readonly LoadLimits Unbounded = LoadLimits.Default with { MaxExpandedNodes = long.MaxValue };

    private string _yaml = string.Empty;

    [Params(1000, 3000, 10_000, 30_000)]
    public int Functions { get; set; }

    [GlobalSetup]
    public void Setup() => _yaml = ScaleSpecs.Functions(Functions);

    [Benchmark(Description = "load a generated spec")]
    public Node? Load() => LoadText(_yaml);

    public static void Report(int runs)
    {
        double? perFunctionAt1K = null;
        foreach (var size in Sizes)
        {
            var yaml = ScaleSpecs.Functions(size);
            var (ms, cpu, mb) = Measure(() => LoadText(yaml), runs);
            var perFunction = ms / size;
            perFunctionAt1K ??= perFunction;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,6} functions ({yaml.Length / 1024.0 / 1024:0.00} MB): load median {ms,7:0.0} ms (CPU {cpu:0.0} ms), "
                + $"{mb:0.0} MB allocated; per-function time vs 1k: {perFunction / perFunctionAt1K:0.00}x"));
        }

        ReportFiles("raw corpus (106 cases + 191 raw specs)", CorpusFiles.All(), runs);
        ReportFiles("conformance corpus (106 + 69 cases, specs and includes)", CorpusFiles.ConformanceYaml(), runs);
    }

    private static void ReportFiles(string name, IReadOnlyList<string> files, int runs)
    {
        var (ms, cpu, mb) = Measure(() =>
        {
            var loader = new YamlLoader();
            foreach (var file in files)
            {
                loader.LoadFile(file, new DiagnosticBag());
            }

            return null;
        }, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}, {files.Count} files: load median {ms:0.0} ms (CPU {cpu:0.0} ms), {mb:0.0} MB allocated"));
    }

    private static Node? LoadText(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var root = new YamlLoader(Unbounded).LoadText("serverless.yml", yaml, diagnostics).Root;
        return diagnostics.HasErrors ? throw new InvalidOperationException(diagnostics.Items[0].Message) : root;
    }

    private static (double Ms, double Cpu, double Mb) Measure(Func<Node?> load, int runs)
    {
        for (var i = 0; i < 3; i++)
        {
            load();
        }

        var times = new List<double>();
        var cpus = new List<double>();
        var allocated = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            load();
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated.Add((GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0);
            process.Refresh();
            cpus.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        times.Sort();
        cpus.Sort();
        allocated.Sort();
        return (times[runs / 2], cpus[runs / 2], allocated[runs / 2]);
    }
}
