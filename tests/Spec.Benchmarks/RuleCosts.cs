using System.Diagnostics;
using static System.FormattableString;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Tests.Load;

namespace Spec.Benchmarks;

/// <summary>
/// <c>--rules [runs] [size]</c>: the CPU time of each rule alone (the engine run with that one rule) on the generated
/// N-function spec of <see cref="ScaleSpecs"/>, most expensive first, and the plan the generated-resource rules read (those rules also measured alone, with the
/// plan built beforehand).
/// Where the Check stage spends its time, without a profiler.
/// </summary>
public static class RuleCosts
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    public static void Report(int runs, int size)
    {
        var yaml = ScaleSpecs.Functions(size);
        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader(LoadLimits.Default).LoadText("serverless.yml", yaml, diagnostics);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.Empty, diagnostics);
        var service = Binder.Bind(resolved, diagnostics) ?? throw new InvalidOperationException("the spec did not bind");
        var process = Process.GetCurrentProcess();
        (double Ms, double Mb) Cpu(Action run)
        {
            var samples = new List<double>();
            var allocated = 0.0;
            for (var i = 0; i <= runs; i++)
            {
                GC.Collect();
                process.Refresh();
                var before = process.TotalProcessorTime;
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                run();
                allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1048576.0;
                process.Refresh();
                if (i > 0)
                {
                    samples.Add((process.TotalProcessorTime - before).TotalMilliseconds);
                }
            }

            samples.Sort();
            return (samples[samples.Count / 2], allocated);
        }

        var costs = new List<(string Name, (double Ms, double Mb) Cost)>
        {
            ("plan (GeneratedForRules)", Cpu(() => Spec.Backends.Plan.GeneratedForRules.Plan(service))),
        };
        var planned = Spec.Backends.Plan.GeneratedForRules.Plan(service);
        foreach (var rule in RuleCatalog.All)
        {
            var options = new RuleRunOptions { Rules = [rule] };
            costs.Add((rule.Metadata.Id, Cpu(() => RuleEngine.Run(new RuleInput([loaded], AsOf)
            {
                Service = service,
                StageDiagnostics = diagnostics.Items,
                Planner = rule.ReadsGeneratedResources ? Spec.Backends.Plan.GeneratedForRules.Plan : null,
            }, options))));
            if (rule.ReadsGeneratedResources)
            {
                // The rule's own cost: the plan built once, outside the measurement.
                costs.Add((rule.Metadata.Id + " without plan", Cpu(() => RuleEngine.Run(new RuleInput([loaded], AsOf)
                {
                    Service = service,
                    StageDiagnostics = diagnostics.Items,
                    Planner = _ => planned,
                }, options))));
            }
        }

        var empty = Cpu(() => RuleEngine.Run(new RuleInput([loaded], AsOf) { Service = service, StageDiagnostics = diagnostics.Items },
            new RuleRunOptions { Rules = [] }));
        Console.WriteLine(Invariant($"{size} functions, median of {runs}; the engine with no rule: {empty.Ms:0.0} ms CPU"));
        foreach (var (name, (ms, mb)) in costs.OrderByDescending(c => c.Cost.Ms).Take(30))
        {
            Console.WriteLine(Invariant($"  {name,-28} {ms,8:0.0} ms {mb,8:0.0} MB allocated"));
        }
    }
}
