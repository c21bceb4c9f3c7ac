using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Print;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Tests.Load;

namespace Spec.Benchmarks;

/// <summary>
/// Issue 17's scaling check (<c>--scale [runs] [sizes…]</c>): generated services of 1k, 3k, 10k and 30k functions
/// (<see cref="ScaleSpecs"/>) through every stage in-process, median CPU time of each stage, the three commands as
/// sums of their stages (print = load + resolve + print; check = load + resolve + bind + rules, the rules with the plan
/// of the generated resources they read, as <c>spec check</c> runs them (SLS-GEN-011 is expected from 170 functions on); compile = load +
/// resolve + bind + plan + emit), and each one's per-function time against the smallest size: 1.00 is linear, the
/// target is at most 1.20. Times are process CPU (on a shared machine wall time mostly measures waiting for a core);
/// the wall total is printed beside them. The report renderers of the CLI are not included (bench/scale.sh times
/// the whole process).
/// </summary>
public static class ScaleStages
{
    private static readonly string[] Stages = ["load", "resolve", "print", "bind", "rules", "plan", "emit"];

    private static readonly (string Name, string[] Stages)[] Commands =
    [
        ("print", ["load", "resolve", "print"]),
        ("check", ["load", "resolve", "bind", "rules"]),
        ("compile", ["load", "resolve", "bind", "plan", "emit"]),
    ];

    // Lifecycle findings are judged as of a fixed date, so every run reports the same findings.
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    public static void Report(int runs, IReadOnlyList<int> sizes)
    {
        Dictionary<string, double>? perFunctionAtFirst = null;
        for (var i = 0; i < 5; i++)
        {
            Measure(ScaleSpecs.Functions(sizes[0])); // the JIT's tiers settle before the first size is measured
        }

        foreach (var size in sizes)
        {
            var yaml = ScaleSpecs.Functions(size);
            Measure(yaml);
            var samples = Enumerable.Range(0, runs).Select(_ => Measure(yaml)).ToList();
            var medians = Stages.Concat(["wall", "allocated"])
                .ToDictionary(s => s, s => Median(samples.Select(x => x[s])), StringComparer.Ordinal);
            foreach (var (name, stages) in Commands)
            {
                medians[name] = Median(samples.Select(x => stages.Sum(s => x[s])));
            }

            var perFunction = medians.ToDictionary(p => p.Key, p => p.Value / size, StringComparer.Ordinal);
            perFunctionAtFirst ??= perFunction;
            string Ratio(string key) => (perFunction[key] / perFunctionAtFirst[key]).ToString("0.00", CultureInfo.InvariantCulture);

            var commands = string.Join(", ", Commands.Select(c => Invariant($"{c.Name} {medians[c.Name]:0} ms ({Ratio(c.Name)}x)")));
            Console.WriteLine(Invariant(
                $"{size,6} functions ({yaml.Length / 1048576.0:0.0} MB), median of {runs}: {commands}; all stages {Stages.Sum(s => medians[s]):0} ms CPU, {medians["wall"]:0} ms wall, {medians["allocated"]:0} MB allocated"));
            Console.WriteLine("        stages: " + string.Join(", ", Stages.Select(s => Invariant($"{s} {medians[s]:0.0} ms ({Ratio(s)}x)"))));
            Console.WriteLine("        allocated: " + string.Join(", ", Stages.Select(s => Invariant($"{s} {Median(samples.Select(x => x[s + " MB"])):0} MB"))));
        }

        Console.WriteLine("(ms: process CPU; x: per-function CPU time against the first size, 1.00 is linear)");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static Dictionary<string, double> Measure(string yaml)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        var process = Process.GetCurrentProcess();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        T Time<T>(string stage, Func<T> run)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var result = run();
            process.Refresh();
            times[stage] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            times[stage + " MB"] = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1048576.0;
            return result;
        }

        var diagnostics = new DiagnosticBag();
        var loaded = Time("load", () => new YamlLoader(LoadLimits.Default).LoadText("serverless.yml", yaml, diagnostics));
        var resolved = Time("resolve", () => VariableResolver.Resolve(loaded, ResolveOptions.Empty, diagnostics));
        var printed = Time("print", () => ConfigPrinter.Print(resolved, PrintFormat.Yaml, null, new DiagnosticBag()));
        var service = Time("bind", () => Binder.Bind(resolved, diagnostics))
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        var input = new RuleInput([loaded], AsOf)
        {
            Service = service,
            StageDiagnostics = diagnostics.Items,
            Planner = GeneratedForRules.Plan,
        };
        var findings = Time("rules", () => RuleEngine.Run(input).Findings);
        var planBag = new DiagnosticBag();
        var plan = Time("plan", () => PlanBuilder.Build(service, planBag));
        var template = Time("emit", () => CloudFormationEmitter.Text(plan, TemplateFormat.Json));
        times["wall"] = wall.Elapsed.TotalMilliseconds;
        times["allocated"] = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1048576.0;
        if (printed is null || planBag.HasErrors || template.Length == 0 || findings.Any(f => f.Diagnostic.Severity == Severity.Error && f.Diagnostic.Id != "SLS-GEN-011"))
        {
            throw new InvalidOperationException("the generated spec did not go through every stage cleanly: "
                + string.Join("\n", planBag.Items.Concat(findings.Select(f => f.Diagnostic))));
        }

        return times;
    }
}
