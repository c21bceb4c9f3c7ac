using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Spec.Benchmarks;

// `--quick [N]`: a plain stopwatch loop (median of N runs after warm-up) for a fast number on a busy machine.
// `--compile [N...]`: per-stage stopwatch times of the generated-spec compile (default 1000 5000 10000 functions).
// `--scale [N] [sizes...]`: every stage and the print/check/compile commands over generated 1k/3k/10k/30k-function
// specs, median of N runs, with the per-function ratio against the first size (issue 17: at most 1.20).
// `--rules [N] [size]`: each rule's CPU time alone on the generated spec of `--scale` (default 10000 functions); the
// rules that read the plan also "without plan" (the plan built beforehand).
// `--allocations STAGE [size]`: the types one stage (bind, plan, rules-plan, rules, gen010, a rule id such as SLS-GEN-009,
// emit) allocates most, sampled.
// `--gc [N|FILE]`: one cold check of the N-function spec (or of a spec file) in this process, with its collections per generation and pause.
// `--spec N [SHAPE]`: writes the generated N-function spec of `--scale` (or of another shape, see ShapeSpecs) to stdout
// (bench/scale.sh times the CLI on it).
// `--load [N]`: the Load stage alone over generated 1k/3k/10k/30k-function specs and the corpus (median of N runs).
// `--generate N`: print the generated N-function spec the compile benchmarks use (bench/lsp-latency.sh reads it).
// Anything else goes to BenchmarkDotNet, e.g. `-- --filter '*'`.
if (args.Length > 0 && args[0] == "--compile")
{
    var sizes = args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1000, 5000, 10000];
    CompileStages.Report(sizes);
    return 0;
}

if (args.Length == 2 && args[0] == "--generate")
{
    Console.Write(CompileBenchmarks.GenerateSpec(int.Parse(args[1], CultureInfo.InvariantCulture)));
    return 0;
}

if (args.Length > 0 && args[0] == "--scale")
{
    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
    var sizes = args.Length > 2 ? args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1000, 3000, 10_000, 30_000];
    ScaleStages.Report(runs, sizes);
    return 0;
}

if (args.Length > 0 && args[0] == "--rules")
{
    RuleCosts.Report(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000);
    return 0;
}

if (args.Length > 1 && args[0] == "--allocations")
{
    AllocationSampler.Report(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000);
    return 0;
}

if (args.Length > 0 && args[0] == "--gc")
{
    if (args.Length > 1 && File.Exists(args[1]))
    {
        GcCounts.Report(File.ReadAllText(args[1]), args[1]);
    }
    else
    {
        GcCounts.Report(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    }

    return 0;
}

if (args.Length > 1 && args[0] == "--spec")
{
    var count = int.Parse(args[1], CultureInfo.InvariantCulture);
    Console.Out.Write(args.Length > 2 ? ShapeSpecs.Functions(args[2], count) : Spec.Tests.Load.ScaleSpecs.Functions(count));
    return 0;
}

if (args.Length > 0 && args[0] == "--load")
{
    LoadScaling.Report(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 11);
    return 0;
}

if (args.Length > 0 && args[0] == "--quick")
{
    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 21;
    var files = CorpusFiles.All();
    for (var i = 0; i < 5; i++)
    {
        PipelineBenchmarks.RunAll(files);
    }

    // CPU time next to wall time: on a shared machine the wall time mostly measures waiting for a core.
    var times = new List<double>();
    var cpu = new List<double>();
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < runs; i++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        PipelineBenchmarks.RunAll(files);
        times.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    times.Sort();
    cpu.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{files.Count} specs, {runs} runs: wall median {times[runs / 2]:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}); "
        + $"CPU median {cpu[runs / 2]:0.0} ms (min {cpu[0]:0.0})"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
return 0;
