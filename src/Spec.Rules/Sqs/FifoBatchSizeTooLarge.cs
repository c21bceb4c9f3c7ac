using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-005: Batch size above 10 on a FIFO queue.</summary>
public sealed class FifoBatchSizeTooLarge : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-005",
        Title = "Batch size above 10 on a FIFO queue",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "An `sqs` event on a FIFO queue has `batchSize` > 10.",
        Rationale = "Lambda allows at most 10 messages per batch from a FIFO queue; the event source mapping fails.",
        HowToFix = "Set `batchSize` to at most 10.",
        FailingExample = """
            - sqs:
                arn: !GetAtt Orders.Arn   # FIFO
                batchSize: 20
            """,
        PassingExample = """
            - sqs:
                arn: !GetAtt Orders.Arn
                batchSize: 10
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "cfn-lint E3705",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["sqs.fifoBatchSize"];
        foreach (var consumer in QueueConsumers.All(context))
        {
            if (consumer.IsFifo == true && consumer.Event.BatchSize is { Value: { } size, Node: { } node } && !limit.Contains(size))
            {
                context.Report(node, $"batchSize {node.Display} on FIFO queue '{consumer.Queue?.LogicalId ?? consumer.Event.Arn.Display}' is outside {limit.RangeText}",
                    related: consumer.Queue is { } queue ? [queue.Resource.KeyNode.Related("the FIFO queue is defined here")] : null);
            }
        }
    }
}
