using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>iot</c>: an IoT topic rule.</summary>
internal sealed class IotEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Iot;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, KnownKeys.Iot, "a mapping with 'sql'") is not { } m
            || RequiredString(ctx, m, "sql", site) is not { } sql)
        {
            return null;
        }

        return new IotEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Sql = sql,
            SqlVersion = ctx.String(m, "sqlVersion", site.Path),
            Name = ctx.String(m, "name", site.Path),
            Enabled = BindContext.Explicit<bool?>(ctx.Bool(m, "enabled", site.Path), true),
            Description = ctx.String(m, "description", site.Path),
        };
    }
}
