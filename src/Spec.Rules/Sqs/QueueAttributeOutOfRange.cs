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
        var resources = new ResourceIndex(context.Service.Root);
        foreach (var queue in resources.OfType(QueueConsumers.QueueType))
        {
            foreach (var (property, key) in Attributes)
            {
                var limit = context.Limits[key];
                if (queue.Property(property) is { } node && node.Integer() is { } value && !limit.Contains(value))
                {
                    context.Report(node, $"{property} {node.Display} of queue '{queue.LogicalId}' is outside {limit.RangeText}");
                }
            }
        }
    }

    private static readonly (string Property, string Limit)[] Attributes =
    [
        ("VisibilityTimeout", "sqs.visibilityTimeout"),
        ("MessageRetentionPeriod", "sqs.messageRetentionPeriod"),
        ("DelaySeconds", "sqs.delaySeconds"),
        ("ReceiveMessageWaitTimeSeconds", "sqs.receiveMessageWaitTimeSeconds"),
        ("MaximumMessageSize", "sqs.maximumMessageSize"),
    ];
}
