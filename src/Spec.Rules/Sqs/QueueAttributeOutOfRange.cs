using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-007: Queue attribute out of range.</summary>
public sealed class QueueAttributeOutOfRange : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-007",
        Title = "Queue attribute out of range",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "Queue attributes must be in range: VisibilityTimeout 0-43200, MessageRetentionPeriod 60-1209600, DelaySeconds 0-900, ReceiveMessageWaitTimeSeconds 0-20, MaximumMessageSize 1024-1048576.",
        Rationale = "SQS rejects the queue and the stack fails.",
        HowToFix = "Use a value within the range.",
        FailingExample = """
            Properties:
              MessageRetentionPeriod: 30
            """,
        PassingExample = """
            Properties:
              MessageRetentionPeriod: 60
            """,
        Anchors =
        [
            "cfn-lint E3034",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var queue in context.Service.Resources.Queues)
        {
            var attributes = new (string Name, Setting<int?> Setting, string Limit)[]
            {
                ("VisibilityTimeout", queue.VisibilityTimeout, "sqs.visibilityTimeout"),
                ("MessageRetentionPeriod", queue.MessageRetentionPeriod, "sqs.messageRetentionPeriod"),
                ("DelaySeconds", queue.DelaySeconds, "sqs.delaySeconds"),
                ("ReceiveMessageWaitTimeSeconds", queue.ReceiveMessageWaitTimeSeconds, "sqs.receiveMessageWaitTimeSeconds"),
                ("MaximumMessageSize", queue.MaximumMessageSize, "sqs.maximumMessageSize"),
            };
            foreach (var (name, setting, key) in attributes)
            {
                var limit = context.Limits[key];
                if (setting is { Value: { } value, Node: { } node } && !limit.Contains(value))
                {
                    context.Report(node, $"{name} {node.Display} of queue '{queue.LogicalId}' is outside {limit.RangeText}");
                }
            }
        }
    }
}
