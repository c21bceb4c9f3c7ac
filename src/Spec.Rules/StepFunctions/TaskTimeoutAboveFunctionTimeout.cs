using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.StepFunctions;

/// <summary>SLS-SFN-002: Task timeout longer than the Lambda timeout.</summary>
public sealed class TaskTimeoutAboveFunctionTimeout : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SFN-002",
        Title = "Task timeout longer than the Lambda timeout",
        DefaultSeverity = Severity.Warning,
        Category = "StepFunctions",
        Description = "A Task invoking a function of the service has `TimeoutSeconds` above the function's timeout. (A Task without `TimeoutSeconds` is not reported: serverless-step-functions then sets the function's timeout.)",
        Rationale = "The Lambda fails before the state-level timeout fires, so the state's timeout handling (Catch on States.Timeout) never runs.",
        HowToFix = "Set `TimeoutSeconds` to the function's timeout.",
        FailingExample = """
            Work:
              Type: Task
              Resource: !GetAtt work.Arn
              TimeoutSeconds: 60   # work.timeout: 10
            """,
        PassingExample = """
            Work:
              Type: Task
              Resource: !GetAtt work.Arn
              TimeoutSeconds: 10
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "serverless-step-functions configureTaskTimeouts.js",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var machine in context.Service.StepFunctions?.StateMachines ?? [])
        {
            foreach (var task in StateMachineDefinition.Tasks(machine.Definition))
            {
                if (task.TimeoutSeconds is not { } timeoutNode || timeoutNode.Integer() is not { } seconds
                    || StateMachineDefinition.InvokedFunction(context.Service, task) is not { Timeout.Value: { } timeout } function
                    || seconds <= timeout)
                {
                    continue;
                }

                context.Report(timeoutNode,
                    $"task '{task.Name}' waits up to {timeoutNode.Display} s but function '{function.Key}' times out after {function.Timeout.Shown()} s{function.Timeout.SourceNote()}: the Lambda fails before the state's timeout fires",
                    related: [function.Timeout.Anchor(function).Related($"the timeout of function '{function.Key}'")]);
            }
        }
    }
}
