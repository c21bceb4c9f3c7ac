using Spec.Core.Diagnostics;
using Spec.Rules.Engine;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-014: A queue name SQS refuses: longer than 80 characters or with characters other than letters, digits, '-' and '_'.</summary>
public sealed partial class QueueNameInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-014",
        Title = "Queue name invalid",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "An `AWS::SQS::Queue`'s `QueueName` is longer than 80 characters (the `.fifo` suffix included) or has characters other than letters, digits, hyphens and underscores before the `.fifo` suffix.",
        Rationale = "`CreateQueue` rejects the name and the deployment fails; a name assembled from the service, stage and region easily passes 80 characters, and a dot or space from a variable breaks it.",
        HowToFix = "Shorten the name (or leave `QueueName` out and let CloudFormation generate one) and keep to `[A-Za-z0-9_-]`, plus `.fifo` for FIFO queues.",
        FailingExample = """
            Jobs:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: ${self:service}.jobs
            """,
        PassingExample = """
            Jobs:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: ${self:service}-jobs
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html",
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["sqs.queueName"];
        foreach (var queue in context.Service.Resources.Queues)
        {
            if (queue.QueueName is not { Value: { } name } queueName)
            {
                continue;
            }

            var bare = name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
            if (!limit.Contains(name.Length))
            {
                context.Report(queueName.Node, $"queue name '{queueName.Node.Display}' of '{queue.LogicalId}' is {name.Length} characters long; SQS allows {limit.RangeText}");
            }
            else if (!QueueName().IsMatch(bare))
            {
                context.Report(queueName.Node, $"queue name '{queueName.Node.Display}' of '{queue.LogicalId}' has characters SQS refuses; names use letters, digits, '-' and '_' (and end in '.fifo' for FIFO queues)");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial System.Text.RegularExpressions.Regex QueueName();
}
