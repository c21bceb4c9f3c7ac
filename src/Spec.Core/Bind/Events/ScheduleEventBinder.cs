using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>schedule</c>: an EventBridge rule or Scheduler schedule (<c>rate(…)</c>/<c>cron(…)</c> or the long form).</summary>
internal sealed class ScheduleEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Schedule;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new ScheduleEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                Rate = [new Spanned<string?>(s.Text, s)],
            };
        }

        if (LongForm(ctx, value, site, "functions.*.events.schedule", "'rate(…)', 'cron(…)' or a mapping with 'rate'", out var complete)
            is not { } m || !complete)
        {
            return null;
        }

        return new ScheduleEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Rate = BindContext.Get(m, "rate") is { } rate && BindContext.IsIntrinsic(rate)
                ? [new Spanned<string?>(null, rate)]
                : ctx.StringList(m, "rate", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.schedule.enabled"),
            Name = ctx.String(m, "name", site.Path),
            Description = ctx.String(m, "description", site.Path),
            Input = BindContext.Get(m, "input"),
            InputPath = ctx.String(m, "inputPath", site.Path),
            InputTransformer = BindContext.Get(m, "inputTransformer"),
            Method = ctx.OrDefault(ctx.String(m, "method", site.Path), "functions.*.events.schedule.method"),
            Timezone = ctx.String(m, "timezone", site.Path),
        };
    }
}
