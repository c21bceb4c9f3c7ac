using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>activemq</c> event (<c>compile/events/activemq.js</c>): an Amazon MQ (ActiveMQ) event source mapping.</summary>
internal sealed class ActiveMqLowering : EventLowering<ActiveMqEvent>
{
    public override EventKind Kind => EventKind.ActiveMq;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        BrokerMappings.NeedsBroker(ctx, fn, Name, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<ActiveMqEvent>> events) =>
        BrokerMappings.MessageBroker(ctx, Name, "ActiveMQ",
            [.. events.Select(e => (e.Function, e.Span, (EventSourceMappingEvent)e.Event, e.Event.Arn, e.Event.BasicAuthArn, e.Event.Queue,
                (Spanned<string?>?)null))]);
}
