using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>msk</c>: an Amazon MSK event source mapping.</summary>
internal sealed class MskEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Msk;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, KnownKeys.Msk, "a mapping with 'arn' and 'topic'") is not { } m)
        {
            return null;
        }

        var arn = RequiredRef(ctx, m, "arn", site);
        var topic = RequiredString(ctx, m, "topic", site);
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
            Enabled = BindContext.Explicit<bool?>(ctx.Bool(m, "enabled", site.Path), true),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
            StartingPosition = BindContext.Explicit<string?>(ctx.String(m, "startingPosition", site.Path), Defaults.StartingPosition),
            StartingPositionTimestamp = ctx.Long(m, "startingPositionTimestamp", site.Path),
            SaslScram512 = BindContext.Get(m, "saslScram512"),
            ConsumerGroupId = ctx.String(m, "consumerGroupId", site.Path),
        };
    }
}
