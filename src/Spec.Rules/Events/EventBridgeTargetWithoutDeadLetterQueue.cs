using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Events;

/// <summary>SLS-EVENTS-004: EventBridge target without dead-letter queue.</summary>
public sealed class EventBridgeTargetWithoutDeadLetterQueue : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EVENTS-004",
        Title = "EventBridge target without dead-letter queue",
        DefaultSeverity = Severity.Warning,
        Category = "Events",
        Description = "An `eventBridge` event has no `deadLetterQueueArn`.",
        Rationale = "Events EventBridge cannot deliver to the function are dropped after its retries.",
        HowToFix = "Add `deadLetterQueueArn` pointing at an SQS queue.",
        FailingExample = """
            - eventBridge:
                pattern: {source: [aws.ec2]}
            """,
        PassingExample = """
            - eventBridge:
                pattern: {source: [aws.ec2]}
                deadLetterQueueArn: <queue arn>
            """,
        Tags = [RuleTags.BestPractice],
        Anchors =
        [
            "serverless-rules ES4000",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var bridge in function.EventsOf<EventBridgeEvent>())
            {
                if (bridge.DeadLetterQueueArn is null)
                {
                    context.Report(bridge.Node, $"the eventBridge target of function '{function.Key}' has no deadLetterQueueArn");
                }
            }
        }
    }
}
