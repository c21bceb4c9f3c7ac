using System.Runtime.ExceptionServices;
using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>
/// Runs the enabled rules on two threads: the caller's and one pool thread, which builds the plan first when a rule
/// reads it. Both take the next rule from one queue (the rules that do not read the plan first), so whichever thread is
/// free runs it: the pool thread helps with the other rules once the plan is built, and the rules that read the plan
/// run side by side instead of one after another. Each rule's findings land in its own slot, so the result is in
/// catalogue order whichever thread ran what.
/// </summary>
internal sealed class RuleSchedule
{
    private readonly List<Rule> _rules;
    private readonly RuleInput _input;
    private readonly Func<Rule, RuleInput, IReadOnlyList<Diagnostic>> _runOne;
    private readonly int[] _queue;
    private readonly IReadOnlyList<Diagnostic>[] _found;
    private readonly CountdownEvent _pending;
    private int _taken = -1;
    private ExceptionDispatchInfo? _escaped;

    private RuleSchedule(List<Rule> rules, RuleInput input, Func<Rule, RuleInput, IReadOnlyList<Diagnostic>> runOne,
        CountdownEvent pending)
    {
        _rules = rules;
        _input = input;
        _runOne = runOne;
        _queue = [.. Enumerable.Range(0, rules.Count).OrderBy(i => rules[i].ReadsGeneratedResources)];
        _found = new IReadOnlyList<Diagnostic>[rules.Count];
        _pending = pending;
    }

    /// <summary>Each rule's findings, in the order of <paramref name="rules"/>.</summary>
    public static IReadOnlyList<Diagnostic>[] Run(List<Rule> rules, RuleInput input,
        Func<Rule, RuleInput, IReadOnlyList<Diagnostic>> runOne)
    {
        using var pending = new CountdownEvent(rules.Count);
        var schedule = new RuleSchedule(rules, input, runOne, pending);
        var plans = rules.Any(r => r.ReadsGeneratedResources);
        _ = Task.Run(() =>
        {
            if (plans && schedule.AnyLeft)
            {
                input.GeneratedResources();
            }

            schedule.TakeUntilEmpty();
        });

        schedule.TakeUntilEmpty();

        // Only for rules the pool thread has taken and not finished: a pool thread that has not started yet finds the
        // queue empty, so no caller waits on a pool busy with other checks (the LSP and multi-file checks).
        pending.Wait();
        schedule._escaped?.Throw();
        return schedule._found;
    }

    private bool AnyLeft => Volatile.Read(ref _taken) < _queue.Length - 1;

    private void TakeUntilEmpty()
    {
        int next;
        while ((next = Interlocked.Increment(ref _taken)) < _queue.Length)
        {
            var rule = _queue[next];
            try
            {
                _found[rule] = _runOne(_rules[rule], _input);
            }
#pragma warning disable CA1031 // Not swallowed: the caller rethrows it, on its own thread, once every taken rule is done.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref _escaped, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                _pending.Signal();
            }
        }
    }
}
