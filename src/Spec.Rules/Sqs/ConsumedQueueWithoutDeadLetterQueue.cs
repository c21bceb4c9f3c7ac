using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-009: Lambda-consumed queue without dead-letter queue.</summary>
public sealed class ConsumedQueueWithoutDeadLetterQueue : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-009",
        Title = "Lambda-consumed queue without dead-letter queue",
        DefaultSeverity = Severity.Warning,
        Category = "Sqs",
        Description = "A queue in `resources` that triggers a function has no `RedrivePolicy`.",
        Rationale = "A message that always fails is retried until it expires, blocking capacity and hiding the failure.",
        HowToFix = "Add a `RedrivePolicy` with a dead-letter queue and `maxReceiveCount`.",
        FailingExample = """
            Queue:
              Type: AWS::SQS::Queue
            """,
        PassingExample = """
            Queue:
              Type: AWS::SQS::Queue
              Properties:
                RedrivePolicy:
                  deadLetterTargetArn: !GetAtt Dlq.Arn
                  maxReceiveCount: 5
            """,
        Tags = [RuleTags.CrossResource, RuleTags.BestPractice],
        Anchors =
        [
            "serverless-rules ES6000",
        ],
    };

    public override void Check(RuleContext context)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var consumer in QueueConsumers.All(context))
        {
            if (consumer.Queue is { RedrivePolicy: null } queue && reported.Add(queue.LogicalId))
            {
                context.Report(queue.Resource.KeyNode, $"queue '{queue.LogicalId}' triggers function '{consumer.Function.Key}' but has no RedrivePolicy (dead-letter queue)",
                    related: [consumer.Event.Arn.Related($"function '{consumer.Function.Key}' consumes the queue here")]);
            }
        }
    }
}
