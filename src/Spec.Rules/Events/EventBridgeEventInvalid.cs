using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Events;

/// <summary>SLS-EVENTS-003: EventBridge event invalid.</summary>
public sealed class EventBridgeEventInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EVENTS-003",
        Title = "EventBridge event invalid",
        DefaultSeverity = Severity.Error,
        Category = "Events",
        Description = "An `eventBridge` event needs `pattern` or `schedule`; `retryPolicy.maximumEventAge` must be 60-86400 and `maximumRetryAttempts` 0-185.",
        Rationale = "EventBridge rejects the rule or target.",
        HowToFix = "Add a `pattern` or `schedule` and keep the retry policy in range.",
        FailingExample = """
            - eventBridge:
                retryPolicy:
                  maximumRetryAttempts: 200
            """,
        PassingExample = """
            - eventBridge:
                pattern: {source: [aws.ec2]}
                retryPolicy:
                  maximumRetryAttempts: 10
            """,
        Anchors =
        [
            "Serverless event-bridge/index.js schema",
        ],
    };

    public override void Check(RuleContext context)
    {
        var age = context.Limits["events.retryMaximumEventAge"];
        var retries = context.Limits["events.retryMaximumRetryAttempts"];
        foreach (var function in context.Service.Functions)
        {
            foreach (var bridge in function.EventsOf<EventBridgeEvent>())
            {
                if (bridge.Pattern is null && bridge.Schedule is null)
                {
                    context.Report(bridge.Node, $"the eventBridge event of function '{function.Key}' has neither 'pattern' nor 'schedule'");
                }

                if (bridge.RetryPolicyMaximumEventAge is { Value: { } a } eventAge && !age.Contains(a))
                {
                    context.Report(eventAge.Node, $"retryPolicy.maximumEventAge {eventAge.Node.Display} is outside {age.RangeText}");
                }

                if (bridge.RetryPolicyMaximumRetryAttempts is { Value: { } r } attempts && !retries.Contains(r))
                {
                    context.Report(attempts.Node, $"retryPolicy.maximumRetryAttempts {attempts.Node.Display} is outside {retries.RangeText}");
                }
            }
        }
    }
}
