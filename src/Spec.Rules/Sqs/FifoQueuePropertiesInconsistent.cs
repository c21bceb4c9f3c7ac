using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-003: FIFO queue properties inconsistent.</summary>
public sealed class FifoQueuePropertiesInconsistent : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-003",
        Title = "FIFO queue properties inconsistent",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "A FIFO queue's `QueueName` must end with `.fifo`; standard queues cannot set `ContentBasedDeduplication`, `DeduplicationScope` or `FifoThroughputLimit`.",
        Rationale = "SQS rejects the queue and the stack fails.",
        HowToFix = "Add the `.fifo` suffix, or set `FifoQueue: true`, or remove the FIFO-only properties.",
        FailingExample = """
            Properties:
              FifoQueue: true
              QueueName: orders
            """,
        PassingExample = """
            Properties:
              FifoQueue: true
              QueueName: orders.fifo
            """,
        Anchors =
        [
            "cfn-lint E3501",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var queue in context.Service.Resources.Queues)
        {
            var fifo = queue.FifoQueue.Value == true;
            if (queue.QueueName is { Value: { } name } queueName && fifo != name.EndsWith(".fifo", StringComparison.Ordinal))
            {
                context.Report(queueName.Node, fifo
                    ? $"FIFO queue '{queue.LogicalId}' is named '{queueName.Node.Display}'; FIFO queue names must end with '.fifo'"
                    : $"queue '{queue.LogicalId}' is named '{queueName.Node.Display}' but is not a FIFO queue (FifoQueue: true); only FIFO queue names end with '.fifo'");
            }

            if (fifo)
            {
                continue;
            }

            foreach (var property in FifoOnly)
            {
                if (queue.Resource.Properties.KeyOf(property) is { } key)
                {
                    context.Report(key, $"'{property}' is only valid on FIFO queues; queue '{queue.LogicalId}' is a standard queue");
                }
            }
        }
    }

    private static readonly string[] FifoOnly = ["ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"];
}
