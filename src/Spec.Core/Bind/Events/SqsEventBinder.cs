using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>sqs</c>: a queue event source mapping (the queue ARN, or the long form with batching settings).</summary>
internal sealed class SqsEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Sqs;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (IsShorthand(value))
        {
            return new SqsEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = value, Arn = value,
                BatchSize = ctx.OrDefault<int?>(null, "functions.*.events.sqs.batchSize"),
                Enabled = ctx.OrDefault<bool?>(null, "functions.*.events.sqs.enabled"),
            };
        }

        if (LongForm(ctx, value, site, "functions.*.events.sqs", "a queue ARN or a mapping with 'arn'") is not { } m
            || Ref(ctx, m, "arn", site) is not { } arn)
        {
            return null;
        }

        return new SqsEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            BatchSize = ctx.OrDefault(ctx.Int(m, "batchSize", site.Path), "functions.*.events.sqs.batchSize"),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.sqs.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path.Key("filterPatterns")),
            FunctionResponseType = ctx.String(m, "functionResponseType", site.Path),
            MaximumConcurrency = ctx.Int(m, "maximumConcurrency", site.Path),
        };
    }
}
