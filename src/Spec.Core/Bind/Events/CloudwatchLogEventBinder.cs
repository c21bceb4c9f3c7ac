using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>cloudwatchLog</c>: a log subscription filter (the log group name, or the long form with a filter).</summary>
internal sealed class CloudwatchLogEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.CloudwatchLog;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new CloudwatchLogEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                LogGroup = new Spanned<string?>(s.Text, s),
            };
        }

        if (LongForm(ctx, value, site, "functions.*.events.cloudwatchLog", "a log group name or a mapping with 'logGroup'") is not { } m
            || ctx.String(m, "logGroup", site.Path) is not { } group)
        {
            return null;
        }

        return new CloudwatchLogEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            LogGroup = group,
            Filter = ctx.OrDefault(ctx.String(m, "filter", site.Path), "functions.*.events.cloudwatchLog.filter"),
        };
    }
}
