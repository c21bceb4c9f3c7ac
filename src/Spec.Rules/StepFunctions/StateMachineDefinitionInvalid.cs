using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.StepFunctions;

/// <summary>SLS-SFN-003: State machine definition invalid.</summary>
public sealed class StateMachineDefinitionInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SFN-003",
        Title = "State machine definition invalid",
        DefaultSeverity = Severity.Error,
        Category = "StepFunctions",
        Description = "`StartAt` is missing or names no state, a `Next`/`Default` names no state, or a state cannot be reached.",
        Rationale = "Step Functions rejects the definition and the deployment fails.",
        HowToFix = "Point `StartAt` and every `Next` at a state of the same `States` block; remove unreachable states.",
        FailingExample = """
            StartAt: Start
            States:
              Work:
                Type: Pass
                Next: Missing
            """,
        PassingExample = """
            StartAt: Work
            States:
              Work:
                Type: Pass
                Next: Done
              Done:
                Type: Succeed
            """,
        Anchors =
        [
            "cfn-lint E3601",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var machine in context.Service.StepFunctions?.StateMachines ?? [])
        {
            foreach (var block in StateMachineDefinition.Blocks(machine.Definition))
            {
                CheckBlock(context, machine, block);
            }
        }
    }

    private static void CheckBlock(RuleContext context, StateMachine machine, StatesBlock block)
    {
        if (block.States is not { } states)
        {
            context.Report(block.Container.Span, $"a definition of state machine '{machine.Key}' has no 'States'");
            return;
        }

        var names = states.Keys.ToHashSet(StringComparer.Ordinal);
        var start = block.StartAt.Text();
        if (block.StartAt is null)
        {
            context.Report(block.Container.Span, $"a definition of state machine '{machine.Key}' has no 'StartAt'");
        }
        else if (start is not null && !names.Contains(start))
        {
            context.Report(block.StartAt, $"StartAt '{block.StartAt.Display}' of state machine '{machine.Key}' names no state");
        }

        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var state in states.Entries)
        {
            var targets = new List<string>();
            foreach (var next in Transitions(state.Value))
            {
                if (next.Text() is not { } name)
                {
                    continue;
                }

                if (names.Contains(name))
                {
                    targets.Add(name);
                }
                else
                {
                    context.Report(next, $"state '{state.Key.Text}' of state machine '{machine.Key}' goes to '{next.Display}', which is not a state");
                }
            }

            edges[state.Key.Text] = targets;
        }

        if (start is null || !names.Contains(start))
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            foreach (var next in edges[queue.Dequeue()].Where(reached.Add))
            {
                queue.Enqueue(next);
            }
        }

        foreach (var state in states.Entries.Where(s => !reached.Contains(s.Key.Text)))
        {
            context.Report(state.Key, $"state '{state.Key.Text}' of state machine '{machine.Key}' cannot be reached from StartAt '{start}'");
        }
    }

    private static IEnumerable<Node> Transitions(Node state)
    {
        if (state.At("Next") is { } next)
        {
            yield return next;
        }

        if (state.At("Default") is { } fallback)
        {
            yield return fallback;
        }

        foreach (var choice in state.At("Choices").Items())
        {
            if (choice.At("Next") is { } target)
            {
                yield return target;
            }
        }

        foreach (var handler in state.At("Catch").Items())
        {
            if (handler.At("Next") is { } target)
            {
                yield return target;
            }
        }
    }
}
