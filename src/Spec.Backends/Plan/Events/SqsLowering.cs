using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>sqs</c> event (<c>compile/events/sqs.js</c>): one event source mapping per event, and one statement letting
/// the execution role receive from every queue.
/// </summary>
internal sealed class SqsLowering : EventLowering<SqsEvent>
{
    public override EventKind Kind => EventKind.Sqs;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) => NeedsArn(ctx, fn, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<SqsEvent>> events)
    {
        var queues = new JsonArray();
        foreach (var e in events)
        {
            var fn = e.Function;
            var sqs = e.Event;
            var name = sqs.ArnValue.Name(text => text.Split(':')[^1]);
            if (name is null)
            {
                NeedsArn(ctx, fn, e.Span);
                continue;
            }

            // Collected first: the mapping's properties are made once, at their size.
            var props = PlanMembers.Rent();
            props.Add("BatchSize", ctx.Json(sqs.BatchSize));
            if (sqs.MaximumBatchingWindow is { } window)
            {
                props.Add("MaximumBatchingWindowInSeconds", ctx.Json(window));
            }

            props.Add("EventSourceArn", ctx.Json(sqs.Arn));
            props.Add("FunctionName", fn.Target());
            props.Add("Enabled", sqs.Enabled.LiteralOrDefault != false);
            if (sqs.FunctionResponseType?.Value is { } responseType)
            {
                props.Add("FunctionResponseTypes", Strings([responseType]));
            }

            if (EventResources.FilterCriteria(ctx, sqs) is { } filterCriteria)
            {
                props.Add("FilterCriteria", filterCriteria);
            }

            if (sqs.MaximumConcurrency is { } concurrency)
            {
                props.Add("ScalingConfig", Object(("MaximumConcurrency", ctx.Json(concurrency))));
            }

            ctx.Merge(Naming.QueueMapping(fn, name), Object(("Type", "AWS::Lambda::EventSourceMapping"),
                    ("DependsOn", EventResources.MappingDependsOn(ctx, fn)), ("Properties", props.ToObject())),
                PlanResourceKind.EventSourceMapping, e.Span, fn.Key, sqs.ArnValue.NameSource);
            queues.Add(ctx.Json(sqs.Arn));
        }

        if (queues.Count > 0)
        {
            ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["sqs:ReceiveMessage",
                "sqs:DeleteMessage", "sqs:GetQueueAttributes"])), ("Resource", queues)));
        }
    }

    private static void NeedsArn(PlanContext ctx, PlanFunction fn, SourceSpan span) =>
        ctx.Unsupported($"the sqs event of function '{fn.Key}' needs the queue ARN", span);
}
