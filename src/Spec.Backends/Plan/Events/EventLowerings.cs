using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Backends.Plan;

/// <summary>
/// The lowering of every event type, by the event's name, in the Framework's plugin order (<c>lib/plugins/index.js</c>):
/// each plugin walks every function's events, so resource order and per-function counters match the Framework's.
/// </summary>
internal static class EventLowerings
{
    public static IReadOnlyList<EventLowering> InPluginOrder { get; } =
    [
        new ScheduleLowering(), new S3Lowering(), new RestApiLowering(), new WebsocketLowering(), new SnsLowering(),
        new StreamLowering(), new KafkaLowering(), new ActiveMqLowering(), new RabbitMqLowering(), new MskLowering(),
        new AlbLowering(), new AlexaSkillLowering(), new AlexaSmartHomeLowering(), new IotLowering(),
        new IotFleetProvisioningLowering(), new CloudwatchEventLowering(), new CloudwatchLogLowering(),
        new CognitoUserPoolLowering(), new EventBridgeLowering(), new SqsLowering(), new CloudFrontLowering(),
        new HttpApiLowering(),
    ];

    private static readonly HashSet<string> Names = [.. InPluginOrder.Select(l => l.Name)];

    public static void All(PlanContext ctx)
    {
        // An item that is not one event (several keys, a list, a number…): the Framework reads none of it.
        // The walks below index the lists: they run for every function, and an interface foreach boxes an enumerator.
        var malformed = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        foreach (var fn in ctx.Functions)
        {
            var unboundEvents = fn.Model.UnboundEvents;
            for (var i = 0; i < unboundEvents.Count; i++)
            {
                var unbound = unboundEvents[i];
                if (unbound.KindName is null && malformed.Add(unbound.Item))
                {
                    NotCompiled(ctx, $"an event of function '{fn.Key}' is not a mapping with exactly one event type", unbound.Item.Span,
                        "write the event as '- <type>: <settings>'");
                }
            }
        }

        foreach (var fn in ctx.Functions)
        {
            var unboundEvents = fn.Model.UnboundEvents;
            for (var i = 0; i < unboundEvents.Count; i++)
            {
                var unbound = unboundEvents[i];
                if (unbound.KindName is { } name && !Names.Contains(name) && !malformed.Contains(unbound.Item))
                {
                    NotCompiled(ctx, $"unknown event type '{unbound.KindName}' on function '{fn.Key}'", unbound.Item.Span,
                        "the event types are: " + string.Join(", ", InPluginOrder.Select(l => l.Name)));
                }
            }
        }

        // Each plugin walks every function's events; grouping them by type once (in function order) gives each
        // lowering the same list without a pass over every function per event type.
        var events = new Dictionary<string, List<(PlanFunction, FunctionEvent)>>(StringComparer.Ordinal);
        var refused = new Dictionary<string, List<(PlanFunction, UnboundEvent)>>(StringComparer.Ordinal);
        foreach (var fn in ctx.Functions)
        {
            var unboundEvents = fn.Model.UnboundEvents;
            for (var i = 0; i < unboundEvents.Count; i++)
            {
                var unbound = unboundEvents[i];
                if (unbound.KindName is { } name && !malformed.Contains(unbound.Item))
                {
                    GroupOf(refused, name).Add((fn, unbound));
                }
            }

            var bound = fn.Model.Events;
            for (var i = 0; i < bound.Count; i++)
            {
                var e = bound[i];
                if (malformed.Count == 0 || !malformed.Contains(e.Node))
                {
                    GroupOf(events, e.KindName).Add((fn, e));
                }
            }
        }

        foreach (var lowering in InPluginOrder)
        {
            foreach (var (fn, unbound) in refused.GetValueOrDefault(lowering.Name) ?? [])
            {
                lowering.Refuse(ctx, fn, unbound);
            }

            var ofType = events.GetValueOrDefault(lowering.Name) ?? [];
            if (ofType.Count > 0 || lowering.RunsWithoutEvents)
            {
                lowering.Lower(ctx, ofType);
            }
        }
    }

    private static List<T> GroupOf<T>(Dictionary<string, List<T>> groups, string name)
    {
        if (!groups.TryGetValue(name, out var group))
        {
            group = [];
            groups.Add(name, group);
        }

        return group;
    }

    /// <summary>
    /// An event no compiler reads: the Framework's config schema refuses it under <c>configValidationMode: error</c>
    /// and otherwise warns, and every event compiler skips what is not its own type (<c>lib/classes/config-schema-handler</c>).
    /// </summary>
    private static void NotCompiled(PlanContext ctx, string what, SourceSpan span, string help)
    {
        if (ctx.Model.ConfigValidationMode.Value == "error")
        {
            ctx.Unsupported(what + " (configValidationMode: error)", span, help);
            return;
        }

        ctx.Diagnostics.Warning(CloudFormationDiagnosticIds.Unsupported, what + ": it is left out of the stack", span, help);
    }
}
