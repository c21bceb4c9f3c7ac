using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>cloudFront</c>: a Lambda@Edge association with a CloudFront distribution.</summary>
internal sealed class CloudFrontEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.CloudFront;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.cloudFront", "a mapping with 'eventType' and 'origin'") is not { } m)
        {
            return null;
        }

        var cpath = site.Path.Key("cachePolicy");
        var cache = ctx.Mapping(m, "cachePolicy", site.Path);
        if (cache is not null)
        {
            ctx.CheckKeys(cache, cpath, "functions.*.events.cloudFront.cachePolicy");
        }

        return new CloudFrontEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            EventType = ctx.String(m, "eventType", site.Path),
            Origin = BindContext.Get(m, "origin"),
            PathPattern = ctx.String(m, "pathPattern", site.Path),
            IsDefaultOrigin = ctx.Bool(m, "isDefaultOrigin", site.Path),
            IncludeBody = ctx.Bool(m, "includeBody", site.Path),
            Behavior = BindContext.Get(m, "behavior"),
            CachePolicyName = cache is null ? null : ctx.String(cache, "name", cpath),
            CachePolicyId = cache is null ? null : ctx.String(cache, "id", cpath),
        };
    }
}
