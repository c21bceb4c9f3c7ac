using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>alb</c>: a listener rule (<c>listenerArn</c>, <c>priority</c>, <c>conditions</c>) and its target group settings.</summary>
internal sealed class AlbEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Alb;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.alb", "a mapping with 'listenerArn', 'priority' and 'conditions'") is not { } m)
        {
            return null;
        }

        var listener = Ref(ctx, m, "listenerArn", site);
        var priority = ctx.Int(m, "priority", site.Path);
        var cpath = site.Path.Key("conditions");
        var conditions = ctx.Mapping(BindContext.Get(m, "conditions"), cpath);
        if (listener is null || priority is null || conditions is null)
        {
            foreach (var (key, read) in new[] { ("listenerArn", listener), ("priority", priority?.Node), ("conditions", (Node?)conditions) })
            {
                if (read is null && !site.MissingKeys.Contains(key))
                {
                    site.MissingKeys.Add(key);
                }
            }

            return null;
        }

        ctx.CheckKeys(conditions, cpath, "functions.*.events.alb.conditions");
        return new AlbEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            ListenerArn = listener,
            Priority = priority,
            Conditions = new AlbConditions
            {
                Node = conditions,
                Path = ctx.StringList(conditions, "path", cpath),
                Method = ctx.StringList(conditions, "method", cpath),
                Host = ctx.StringList(conditions, "host", cpath),
                Header = BindContext.Get(conditions, "header"),
                Query = BindContext.Get(conditions, "query"),
                Ip = ctx.StringList(conditions, "ip", cpath),
            },
            HealthCheck = BindContext.Get(m, "healthCheck"),
            MultiValueHeaders = ctx.Bool(m, "multiValueHeaders", site.Path),
            TargetGroupName = ctx.String(m, "targetGroupName", site.Path),
            Authorizer = ctx.StringList(m, "authorizer", site.Path),
        };
    }
}
