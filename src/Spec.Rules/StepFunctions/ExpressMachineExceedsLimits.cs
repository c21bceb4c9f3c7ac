using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.StepFunctions;

/// <summary>SLS-SFN-001: Express state machine exceeds Express limits.</summary>
public sealed class ExpressMachineExceedsLimits : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SFN-001",
        Title = "Express state machine exceeds Express limits",
        DefaultSeverity = Severity.Error,
        Category = "StepFunctions",
        Description = "An EXPRESS state machine invokes a Lambda whose timeout is above 300 s, sets a Task `TimeoutSeconds` above 300, or uses `.sync` / `.waitForTaskToken`.",
        Rationale = "Express executions last at most 5 minutes and support neither `.sync` nor `.waitForTaskToken`; the definition is rejected or the execution fails.",
        HowToFix = "Use a STANDARD state machine, or keep tasks under 5 minutes without `.sync`/`.waitForTaskToken`.",
        FailingExample = """
            type: EXPRESS
            ...
              Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
            """,
        PassingExample = """
            type: STANDARD
            ...
              Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "AWS Step Functions Standard vs Express",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["stepFunctions.expressDuration"];
        var reported = new HashSet<SourceSpan>();
        foreach (var machine in context.Service.StepFunctions?.StateMachines ?? [])
        {
            if (!string.Equals(machine.Type.Value, "EXPRESS", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var task in StateMachineDefinition.Tasks(machine.Definition))
            {
                if (References.Flatten(task.Resource) is { } resource
                    && (resource.EndsWith(".sync", StringComparison.Ordinal) || resource.Contains(".sync:", StringComparison.Ordinal)
                        || resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal)))
                {
                    context.Report(task.Resource!, $"EXPRESS state machine '{machine.Key}' cannot use '{resource[(resource.LastIndexOf('.') + 1)..]}' (task '{task.Name}')");
                }

                if (task.TimeoutSeconds is { } timeoutNode && timeoutNode.Integer() is { } seconds && !limit.Contains(seconds))
                {
                    context.Report(timeoutNode, $"task '{task.Name}' of EXPRESS state machine '{machine.Key}' has TimeoutSeconds {timeoutNode.Display}; Express executions last {limit.RangeText}");
                }

                if (StateMachineDefinition.InvokedFunction(context.Service, task) is { Timeout: { Value: { } timeout, Node: { } node } } function
                    && !limit.Contains(timeout) && reported.Add(node.EditSpan))
                {
                    context.Report(node, $"function '{function.Key}' has a timeout of {node.Display} s but is invoked by EXPRESS state machine '{machine.Key}' (at most {limit.Max} s)",
                        related: [task.Key.Related($"task '{task.Name}' invokes it here")]);
                }
            }
        }
    }
}
