using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>An <c>sqs</c> event and the queue it consumes, when that queue is in <c>resources</c>.</summary>
internal sealed record QueueConsumer(Function Function, SqsEvent Event, SqsQueue? Queue)
{
    /// <summary>True/false when the queue's type is known (from <c>resources</c> or a literal ARN), else null (found
    /// once, with the shared list: the event's queue reference is parsed again on every read of it).</summary>
    public bool? IsFifo { get; } = Queue is not null
        ? QueueConsumers.IsFifo(Queue)
        : Event.Queue is { Kind: ReferenceKind.Arn, Name: { } name } ? name.EndsWith(".fifo", StringComparison.Ordinal) : null;
}

internal static class QueueConsumers
{
    /// <summary>Every <c>sqs</c> event with the queue it consumes, in function and event order: made once per run and
    /// shared by the sqs rules (each of them walked every function and looked every queue up again).</summary>
    public static IReadOnlyList<QueueConsumer> All(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        return context.Shared(s => new Consumers(Of(s, resources))).Items;
    }

    private static List<QueueConsumer> Of(Service service, ResourceIndex resources)
    {
        var consumers = new List<QueueConsumer>();
        foreach (var function in service.Functions)
        {
            foreach (var sqs in function.EventsOf<SqsEvent>())
            {
                consumers.Add(new QueueConsumer(function, sqs, resources.Queue(sqs.Arn)));
            }
        }

        return consumers;
    }

    private sealed record Consumers(IReadOnlyList<QueueConsumer> Items);

    public static bool IsFifo(SqsQueue queue) =>
        queue.FifoQueue.Value == true || (queue.QueueName?.Value?.EndsWith(".fifo", StringComparison.Ordinal) ?? false);
}
