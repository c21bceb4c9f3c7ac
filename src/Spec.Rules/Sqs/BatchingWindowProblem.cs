using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-006: Batching window missing or not allowed.</summary>
public sealed class BatchingWindowProblem : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-006",
        Title = "Batching window missing or not allowed",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "`batchSize` above 10 on a standard queue requires `maximumBatchingWindow` of at least 1; FIFO queues do not support `maximumBatchingWindow`.",
        Rationale = "Lambda rejects the event source mapping.",
        HowToFix = "Add `maximumBatchingWindow: 1` (or more), or remove it on FIFO queues.",
        FailingExample = """
            - sqs:
                arn: !GetAtt Queue.Arn
                batchSize: 100
            """,
        PassingExample = """
            - sqs:
                arn: !GetAtt Queue.Arn
                batchSize: 100
                maximumBatchingWindow: 5
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "AWS Lambda SQS event source parameters",
        ],
    };

    public override void Check(RuleContext context)
    {
        var unbatched = context.Limits["sqs.batchSizeWithoutBatchingWindow"];
        foreach (var consumer in QueueConsumers.All(context))
        {
            var sqs = consumer.Event;
            if (consumer.IsFifo == true)
            {
                if (sqs.MaximumBatchingWindow is { } window)
                {
                    context.Report(window.Node, "maximumBatchingWindow is not supported on FIFO queues");
                }
            }
            else if (sqs.BatchSize is { Value: { } size, Node: { } node } && !unbatched.Contains(size)
                     && sqs.MaximumBatchingWindow?.Value is null or < 1)
            {
                context.Report(node, $"batchSize {node.Display} above {unbatched.Max} requires maximumBatchingWindow of at least 1 second",
                    related: sqs.MaximumBatchingWindow is { } w ? [w.Node.Related("the batching window is set here")] : null);
            }
        }
    }
}
