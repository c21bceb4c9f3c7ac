using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-004: Dead-letter queue type differs from the source queue.</summary>
public sealed class DeadLetterQueueTypeMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-004",
        Title = "Dead-letter queue type differs from the source queue",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "A FIFO queue needs a FIFO dead-letter queue and a standard queue a standard one.",
        Rationale = "SQS rejects the redrive policy and the stack fails.",
        HowToFix = "Make both queues FIFO or both standard.",
        FailingExample = """
            Queue:
              Properties:
                RedrivePolicy:
                  deadLetterTargetArn: !GetAtt Dlq.Arn
            Dlq:
              Properties:
                FifoQueue: true
            """,
        PassingExample = """
            Queue:
              Properties:
                RedrivePolicy:
                  deadLetterTargetArn: !GetAtt Dlq.Arn
            Dlq:
              Type: AWS::SQS::Queue
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "cfn-lint E3502",
        ],
    };

    public override void Check(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        foreach (var queue in context.Service.Resources.Queues)
        {
            if (queue.RedrivePolicy?.DeadLetterTargetArn is not { } target || resources.Queue(target) is not { } dlq)
            {
                continue;
            }

            var fifo = QueueConsumers.IsFifo(queue);
            if (fifo != QueueConsumers.IsFifo(dlq))
            {
                context.Report(target,
                    $"{(fifo ? "FIFO" : "standard")} queue '{queue.LogicalId}' sends failed messages to {(fifo ? "standard" : "FIFO")} queue '{dlq.LogicalId}'; both must be of the same type",
                    related: [dlq.Resource.KeyNode.Related($"dead-letter queue '{dlq.LogicalId}' is defined here")]);
            }
        }
    }
}
