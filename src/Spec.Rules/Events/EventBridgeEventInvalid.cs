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
        Description = "An `eventBridge` event needs `pattern` or `schedule`; every value at the end of its `pattern` must be a list (`source: [aws.ec2]`, not `source: aws.ec2`); " +
                      "`retryPolicy.maximumEventAge` must be 60-86400 and `maximumRetryAttempts` 0-185.",
        Rationale = "EventBridge rejects the rule (`PutRule`: InvalidEventPatternException, \"Event pattern is not valid\") or the target.",
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
            "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html",
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

                foreach (var (node, path) in BareLeaves(bridge.Pattern, "pattern"))
                {
                    context.Report(node, $"{path} of the eventBridge event of function '{function.Key}' is {node.Display}, not a list: EventBridge matches a field against a list of values ([{node.Display}])");
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

    /// <summary>
    /// The values of an event pattern that are neither a list nor a mapping: a field of the pattern is matched against
    /// a list of values or, for a nested field, a mapping of fields. Deploy-time values are left alone.
    /// </summary>
    private static IEnumerable<(Node Node, string Path)> BareLeaves(Node? pattern, string path)
    {
        if (pattern is not MappingNode mapping)
        {
            yield break;
        }

        foreach (var entry in mapping.Entries)
        {
            var at = $"{path}.{entry.Key.Text}";
            switch (entry.Value)
            {
                case MappingNode:
                    foreach (var inner in BareLeaves(entry.Value, at))
                    {
                        yield return inner;
                    }

                    break;
                case ScalarNode { IsNull: false } scalar:
                    yield return (scalar, at);
                    break;
            }
        }
    }
}
