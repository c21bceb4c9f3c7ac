using System.Diagnostics.Tracing;
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
/// <c>--allocations STAGE [size]</c>: which types one stage allocates most on the generated N-function spec of
/// <see cref="ScaleSpecs"/>, sampled by the runtime's GC allocation ticks (one event per ~100 KB allocated, naming the
/// type of the object that crossed the mark). STAGE: load, resolve, print, bind, plan, rules-plan (the plan the rules
/// read, with value sources), rules (the rule run, plan included), gen010 (SLS-GEN-010 alone), a rule's id (that rule
/// alone, the plan built beforehand), emit. Where the bytes go,
/// without an allocation profiler.
/// </summary>
public static class AllocationSampler
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    public static void Report(string stage, int size)
    {
        var diagnostics = new DiagnosticBag();
        var yaml = ScaleSpecs.Functions(size);
        var loaded = new YamlLoader(LoadLimits.Default).LoadText("serverless.yml", yaml, diagnostics);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.Empty, diagnostics);
        var service = Binder.Bind(resolved, diagnostics) ?? throw new InvalidOperationException("the spec did not bind");
        var plan = PlanBuilder.Build(service, new DiagnosticBag());
        var planned = GeneratedForRules.Plan(service);
        Action run = stage switch
        {
            _ when stage.StartsWith("SLS-", StringComparison.Ordinal) => () => RuleEngine.Run(new RuleInput([loaded], AsOf)
            {
                Service = service,
                StageDiagnostics = diagnostics.Items,
                Planner = _ => planned,
            }, new RuleRunOptions { Rules = [.. RuleCatalog.All.Where(r => r.Metadata.Id == stage)] }),
            "load" => () => new YamlLoader(LoadLimits.Default).LoadText("serverless.yml", yaml, new DiagnosticBag()),
            "resolve" => () => VariableResolver.Resolve(loaded, ResolveOptions.Empty, new DiagnosticBag()),
            "print" => () => ConfigPrinter.Print(resolved, PrintFormat.Yaml, null, new DiagnosticBag()),
            "bind" => () => Binder.Bind(resolved, new DiagnosticBag()),
            "plan" => () => PlanBuilder.Build(service, new DiagnosticBag()),
            "rules-plan" => () => GeneratedForRules.Plan(service),
            "rules" => () => RuleEngine.Run(new RuleInput([loaded], AsOf)
            {
                Service = service,
                StageDiagnostics = diagnostics.Items,
                Planner = GeneratedForRules.Plan,
            }),
            "emit" => () => CloudFormationEmitter.Text(plan, TemplateFormat.Json),
            "gen010" => () => RuleEngine.Run(new RuleInput([loaded], AsOf) { Service = service, StageDiagnostics = diagnostics.Items },
                new RuleRunOptions { Rules = [.. RuleCatalog.All.Where(r => r.Metadata.Id == "SLS-GEN-010")] }),
            _ => throw new ArgumentException($"unknown stage '{stage}' (load, resolve, print, bind, plan, rules-plan, rules, gen010, SLS-…, emit)", nameof(stage)),
        };
        run();
        using var listener = new AllocationTicks();
        run();
        listener.Dispose();
        var total = listener.Bytes.Values.Sum();
        Console.WriteLine(Invariant($"{stage} on {size} functions: ~{total / 1048576.0:0} MB sampled"));
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(p => p.Value).Take(30))
        {
            Console.WriteLine(Invariant($"  {100.0 * bytes / total,5:0.0}%  {bytes / 1048576.0,7:0.0} MB  {type}"));
        }
    }

    private sealed class AllocationTicks : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private bool _enabled = true;

        public Dictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!_enabled || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal)
                || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
            {
                return;
            }

            var type = payload[names.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            lock (Bytes)
            {
                Bytes[type] = Bytes.GetValueOrDefault(type) + amount;
            }
        }

        public override void Dispose()
        {
            _enabled = false;
            base.Dispose();
        }
    }
}
