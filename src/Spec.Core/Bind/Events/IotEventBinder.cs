using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>iot</c>: an IoT topic rule.</summary>
internal sealed class IotEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Iot;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.iot", "a mapping with 'sql'") is not { } m
            || ctx.String(m, "sql", site.Path) is not { } sql)
        {
            return null;
        }

        return new IotEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Sql = sql,
            SqlVersion = ctx.String(m, "sqlVersion", site.Path),
            Name = ctx.String(m, "name", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.iot.enabled"),
            Description = ctx.String(m, "description", site.Path),
        };
    }
}
