using Spec.Core.Model;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>An <c>sqs</c> event and the queue it consumes, when that queue is in <c>resources</c>.</summary>
internal sealed record QueueConsumer(Function Function, SqsEvent Event, TemplateResource? Queue)
{
    /// <summary>True/false when the queue's type is known (from <c>resources</c> or a literal ARN), else null.</summary>
    public bool? IsFifo => Queue is not null
        ? QueueConsumers.IsFifo(Queue)
        : References.LiteralName(Event.Arn) is { } name ? name.EndsWith(".fifo", StringComparison.Ordinal) : null;
}

internal static class QueueConsumers
{
    public const string QueueType = "AWS::SQS::Queue";

    public static IEnumerable<QueueConsumer> All(Service service, ResourceIndex resources) =>
        from function in service.Functions
        from sqs in function.EventsOf<SqsEvent>()
        select new QueueConsumer(function, sqs, resources.Find(sqs.Arn, QueueType));

    public static bool IsFifo(TemplateResource queue) =>
        queue.Property("FifoQueue").Boolean() == true
        || (queue.Property("QueueName").Text()?.EndsWith(".fifo", StringComparison.Ordinal) ?? false);

    /// <summary>The queue's <c>VisibilityTimeout</c>, or the SQS default 30 when it is not set; null when not literal.</summary>
    public static long? VisibilityTimeout(TemplateResource queue, long defaultValue)
    {
        var node = queue.Property("VisibilityTimeout");
        return node is null ? defaultValue : node.Integer();
    }
}
