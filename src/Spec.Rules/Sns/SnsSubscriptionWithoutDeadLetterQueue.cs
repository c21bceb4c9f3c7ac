using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sns;

/// <summary>SLS-SNS-003: SNS subscription without dead-letter queue.</summary>
public sealed class SnsSubscriptionWithoutDeadLetterQueue : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SNS-003",
        Title = "SNS subscription without dead-letter queue",
        DefaultSeverity = Severity.Warning,
        Category = "Sns",
        Description = "An `sns` event has no `redrivePolicy`.",
        Rationale = "Messages SNS cannot deliver to the function after its retries are lost.",
        HowToFix = "Add `redrivePolicy.deadLetterTargetArn` (or `deadLetterTargetRef`) pointing at an SQS queue.",
        FailingExample = """
            - sns: order-events
            """,
        PassingExample = """
            - sns:
                topicName: order-events
                redrivePolicy:
                  deadLetterTargetArn: <queue arn>
            """,
        Tags = [RuleTags.BestPractice],
        Anchors =
        [
            "serverless-rules ES7000",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var sns in function.EventsOf<SnsEvent>())
            {
                if (sns.RedrivePolicy is null)
                {
                    context.Report(sns.Node, $"the sns subscription of function '{function.Key}' has no redrivePolicy (dead-letter queue)");
                }
            }
        }
    }
}
