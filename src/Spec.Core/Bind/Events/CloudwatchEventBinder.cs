using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>cloudwatchEvent</c>: an EventBridge rule on the default bus (the legacy event).</summary>
internal sealed class CloudwatchEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.CloudwatchEvent;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.cloudwatchEvent", "a mapping with 'event'") is not { } m)
        {
            return null;
        }

        return new CloudwatchEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Event = BindContext.Get(m, "event"),
            Input = BindContext.Get(m, "input"),
            InputPath = ctx.String(m, "inputPath", site.Path),
            InputTransformer = BindContext.Get(m, "inputTransformer"),
            Description = ctx.String(m, "description", site.Path),
            Name = ctx.String(m, "name", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.cloudwatchEvent.enabled"),
        };
    }
}
