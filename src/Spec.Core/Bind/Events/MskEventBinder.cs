using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>msk</c>: an Amazon MSK event source mapping.</summary>
internal sealed class MskEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Msk;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.msk", "a mapping with 'arn' and 'topic'") is not { } m)
        {
            return null;
        }

        var arn = Ref(ctx, m, "arn", site);
        var topic = ctx.String(m, "topic", site.Path);
        if (arn is null || topic is null)
        {
            return null;
        }

        return new MskEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            Topic = topic,
            BatchSize = BindContext.Explicit<int?>(ctx.Int(m, "batchSize", site.Path), null),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.msk.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path.Key("filterPatterns")),
            StartingPosition = ctx.OrDefault(ctx.String(m, "startingPosition", site.Path), "functions.*.events.msk.startingPosition"),
            StartingPositionTimestamp = ctx.Long(m, "startingPositionTimestamp", site.Path),
            SaslScram512 = BindContext.Get(m, "saslScram512"),
            ConsumerGroupId = ctx.String(m, "consumerGroupId", site.Path),
        };
    }
}
