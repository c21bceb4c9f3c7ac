using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using static Spec.Tests.Rules.Engine.EngineHarness;

namespace Spec.Tests.Rules.Engine;

public class RuleScheduleTests
{
    private const string Spec = "service: demo\n";

    [Fact]
    public void A_second_thread_takes_the_next_rule_while_the_first_one_runs()
    {
        using var started = new ManualResetEventSlim();
        var waiting = new Probe("SLS-TEST-101", _ =>
            started.Wait(TimeSpan.FromSeconds(10)) ? "ran beside the next rule" : "ran alone");
        var next = new Probe("SLS-TEST-102", _ =>
        {
            started.Set();
            return "started";
        });

        var found = RuleSchedule.Run([waiting, next], Input(Spec), Run);

        Assert.Equal("ran beside the next rule", Assert.Single(found[0]).Message);
    }

    [Fact]
    public async Task A_run_that_escapes_on_the_other_thread_reaches_the_caller_instead_of_leaving_it_waiting()
    {
        using var started = new ManualResetEventSlim();
        var waiting = new Probe("SLS-TEST-111", _ => started.Wait(TimeSpan.FromSeconds(10)) ? "waited" : "alone");
        var escaping = new Probe("SLS-TEST-112", _ =>
        {
            started.Set();
            throw new InvalidOperationException("escaped");
        });

        var run = Task.Run(() => RuleSchedule.Run([waiting, escaping], Input(Spec), Run));

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))));
        var escaped = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal("escaped", escaped.Message);
    }

    [Fact]
    public void Each_rules_findings_stay_in_its_catalogue_slot_whichever_thread_ran_it()
    {
        var rules = Enumerable.Range(0, 40)
            .Select(i => (Rule)new Probe($"SLS-TEST-{200 + i}", _ => $"rule {i}", readsPlan: i % 7 == 0))
            .ToList();
        var input = new RuleInput(Input(Spec).Documents, AsOf) { Service = Input(Spec).Service, Planner = _ => [] };

        var found = RuleSchedule.Run(rules, input, Run);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"rule {i}"), found.Select(f => Assert.Single(f).Message));
    }

    [Fact]
    public void The_plan_is_built_once_before_the_rules_that_read_it()
    {
        var plans = 0;
        var template = Input(Spec);
        var input = new RuleInput(template.Documents, AsOf)
        {
            Service = template.Service,
            Planner = _ =>
            {
                Interlocked.Increment(ref plans);
                Thread.Sleep(50);
                return [];
            },
        };
        var readers = Enumerable.Range(0, 4)
            .Select(i => (Rule)new Probe($"SLS-TEST-30{i}", c => $"saw {c.Input.GeneratedResources().Count}", readsPlan: true))
            .Append(new Probe("SLS-TEST-310", _ => "no plan needed"))
            .ToList();

        var found = RuleSchedule.Run(readers, input, Run);

        Assert.Equal(1, plans);
        Assert.All(found.Take(4), f => Assert.Equal("saw 0", Assert.Single(f).Message));
    }

    private static IReadOnlyList<Diagnostic> Run(Rule rule, RuleInput input)
    {
        var context = new RuleContext(rule.Metadata, input);
        rule.Check(context);
        return context.Findings;
    }

    /// <summary>Reports one finding at the document root whose message is what <paramref name="message"/> returns.</summary>
    private sealed class Probe(string id, Func<RuleContext, string> message, bool readsPlan = false) : Rule
    {
        public override RuleMetadata Metadata { get; } = TestRules.Metadata(id);

        public override bool ReadsGeneratedResources => readsPlan;

        public override void Check(RuleContext context) =>
            context.Report(context.Input.Documents[0].Root!, message(context));
    }
}
