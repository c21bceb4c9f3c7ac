using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>rabbitmq</c> event (<c>compile/events/rabbitmq.js</c>): an Amazon MQ (RabbitMQ) event source mapping,
/// with its virtual host.</summary>
internal sealed class RabbitMqLowering : EventLowering<RabbitMqEvent>
{
    public override EventKind Kind => EventKind.RabbitMq;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        BrokerMappings.NeedsBroker(ctx, fn, Name, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<RabbitMqEvent>> events) =>
        BrokerMappings.MessageBroker(ctx, Name, "RabbitMQ",
            [.. events.Select(e => (e.Function, e.Span, (EventSourceMappingEvent)e.Event, e.Event.Arn, e.Event.BasicAuthArn, e.Event.Queue,
                e.Event.VirtualHost))]);
}
