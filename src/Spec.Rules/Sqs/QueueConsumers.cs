using Spec.Core.Model;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>An <c>sqs</c> event and the queue it consumes, when that queue is in <c>resources</c>.</summary>
internal sealed record QueueConsumer(Function Function, SqsEvent Event, SqsQueue? Queue)
{
    /// <summary>True/false when the queue's type is known (from <c>resources</c> or a literal ARN), else null.</summary>
    public bool? IsFifo => Queue is not null
        ? QueueConsumers.IsFifo(Queue)
        : Event.Queue is { Kind: ReferenceKind.Arn, Name: { } name } ? name.EndsWith(".fifo", StringComparison.Ordinal) : null;
}

internal static class QueueConsumers
{
    public static IEnumerable<QueueConsumer> All(Service service, ResourceIndex resources) =>
        from function in service.Functions
        from sqs in function.EventsOf<SqsEvent>()
        select new QueueConsumer(function, sqs, resources.Queue(sqs.Arn));

    public static bool IsFifo(SqsQueue queue) =>
        queue.FifoQueue.Value == true || (queue.QueueName?.Value?.EndsWith(".fifo", StringComparison.Ordinal) ?? false);
}
