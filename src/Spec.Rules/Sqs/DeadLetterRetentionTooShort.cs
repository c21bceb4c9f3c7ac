using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-012: Dead-letter queue keeps messages for less time than its source queue.</summary>
public sealed class DeadLetterRetentionTooShort : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-012",
        Title = "Dead-letter queue keeps messages shorter than its source queue",
        DefaultSeverity = Severity.Warning,
        Category = "Sqs",
        Description = "A queue's `RedrivePolicy` names a dead-letter queue whose `MessageRetentionPeriod` is shorter than the source queue's (defaults: 4 days).",
        Rationale = "A standard queue's message keeps its original enqueue time when it moves to the dead-letter queue, so it expires there as soon as its age passes the dead-letter queue's retention: failed messages disappear before anyone looks at them.",
        HowToFix = "Give the dead-letter queue a retention longer than the source queue's (14 days, 1209600 s, is the maximum).",
        FailingExample = """
            Jobs:
              Properties:
                MessageRetentionPeriod: 1209600
                RedrivePolicy:
                  deadLetterTargetArn: !GetAtt JobsDlq.Arn
            JobsDlq:
              Properties:
                MessageRetentionPeriod: 345600
            """,
        PassingExample = """
            Jobs:
              Properties:
                RedrivePolicy:
                  deadLetterTargetArn: !GetAtt JobsDlq.Arn
            JobsDlq:
              Properties:
                MessageRetentionPeriod: 1209600
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        foreach (var queue in context.Service.Resources.Queues)
        {
            if (queue.RedrivePolicy?.DeadLetterTargetArn is not { } target || resources.Queue(target) is not { } dlq
                || queue.MessageRetentionPeriod.Value is not { } source || dlq.MessageRetentionPeriod.Value is not { } kept
                || kept >= source)
            {
                continue;
            }

            var at = dlq.MessageRetentionPeriod.Node ?? dlq.Resource.KeyNode;
            context.Report(at,
                $"dead-letter queue '{dlq.LogicalId}' keeps messages {dlq.MessageRetentionPeriod.Shown()} s, less than the {queue.MessageRetentionPeriod.Shown()} s of its source queue '{queue.LogicalId}': moved messages keep their age and expire early",
                related: [(queue.MessageRetentionPeriod.Node ?? queue.Resource.KeyNode).Related($"queue '{queue.LogicalId}' keeps messages {queue.MessageRetentionPeriod.Shown()} s")]);
        }
    }
}
