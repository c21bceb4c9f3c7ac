using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Spec.Benchmarks;

// `--quick [N]`: a plain stopwatch loop (median of N runs after warm-up) for a fast number on a busy machine.
// Anything else goes to BenchmarkDotNet, e.g. `-- --filter '*'`.
if (args.Length > 0 && args[0] == "--quick")
{
    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 21;
    var files = CorpusFiles.All();
    for (var i = 0; i < 5; i++)
    {
        PipelineBenchmarks.RunAll(files);
    }

    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        PipelineBenchmarks.RunAll(files);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{files.Count} specs: median {times[times.Count / 2]:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms over {runs} runs"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
return 0;
