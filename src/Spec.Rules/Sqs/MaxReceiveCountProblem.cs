using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-008: Redrive maxReceiveCount out of range or too low.</summary>
public sealed class MaxReceiveCountProblem : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-008",
        Title = "Redrive maxReceiveCount out of range or too low",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "`RedrivePolicy.maxReceiveCount` must be 1-1000 (error); below 5 on a queue consumed by Lambda, messages reach the DLQ after ordinary throttling (warning).",
        Rationale = "SQS rejects counts outside the range; low counts move healthy messages to the DLQ when Lambda throttles.",
        HowToFix = "Use 1-1000, and at least 5 for a Lambda consumer.",
        FailingExample = """
            RedrivePolicy:
              maxReceiveCount: 0
            """,
        PassingExample = """
            RedrivePolicy:
              maxReceiveCount: 5
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "AWS SQS redrive policy documentation",
        ],
    };

    public override void Check(RuleContext context)
    {
        var range = context.Limits["sqs.maxReceiveCount"];
        var withLambda = context.Limits["sqs.maxReceiveCountWithLambda"];
        var consumers = QueueConsumers.All(context).Where(c => c.Queue is not null).ToList();
        foreach (var queue in context.Service.Resources.Queues)
        {
            if (queue.RedrivePolicy?.MaxReceiveCount is not { Value: { } count } setting)
            {
                continue;
            }

            var node = setting.Node;
            if (!range.Contains(count))
            {
                context.Report(node, $"maxReceiveCount {node.Display} of queue '{queue.LogicalId}' is outside {range.RangeText}");
            }
            else if (!withLambda.Contains(count) && consumers.FirstOrDefault(c => c.Queue!.LogicalId == queue.LogicalId) is { } consumer)
            {
                context.Report(node,
                    $"maxReceiveCount {node.Display} of queue '{queue.LogicalId}' is below {withLambda.Min}: messages reach the dead-letter queue when Lambda throttles function '{consumer.Function.Key}'",
                    related: [consumer.Event.Arn.Related($"function '{consumer.Function.Key}' consumes the queue here")],
                    severity: Severity.Warning);
            }
        }
    }
}
