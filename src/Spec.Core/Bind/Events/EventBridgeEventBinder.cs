using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>eventBridge</c>: a rule with a pattern or a schedule, on the default bus or a named one.</summary>
internal sealed class EventBridgeEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.EventBridge;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.eventBridge", "a mapping with 'pattern' or 'schedule'") is not { } m)
        {
            return null;
        }

        if (BindContext.Get(m, "pattern") is null && BindContext.Get(m, "schedule") is null)
        {
            Missing(ctx, m, site, "pattern", "an eventBridge event needs 'pattern' or 'schedule'");
            return null;
        }

        var retry = ctx.Mapping(m, "retryPolicy", site.Path);
        if (retry is not null)
        {
            ctx.CheckKeys(retry, site.Path.Key("retryPolicy"), "functions.*.events.eventBridge.retryPolicy");
        }

        return new EventBridgeEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Pattern = BindContext.Get(m, "pattern"),
            Schedule = ctx.String(m, "schedule", site.Path),
            EventBus = ctx.ScalarOrIntrinsic(BindContext.Get(m, "eventBus"), site.Path.Key("eventBus")),
            Name = ctx.String(m, "name", site.Path),
            Description = ctx.String(m, "description", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.eventBridge.enabled"),
            Input = BindContext.Get(m, "input"),
            InputPath = ctx.String(m, "inputPath", site.Path),
            InputTransformer = BindContext.Get(m, "inputTransformer"),
            RetryPolicy = retry,
            RetryPolicyMaximumEventAge = retry is null ? null : ctx.Int(retry, "maximumEventAge", site.Path.Key("retryPolicy")),
            RetryPolicyMaximumRetryAttempts = retry is null ? null : ctx.Int(retry, "maximumRetryAttempts", site.Path.Key("retryPolicy")),
            DeadLetterQueueArn = ctx.ScalarOrIntrinsic(BindContext.Get(m, "deadLetterQueueArn"), site.Path.Key("deadLetterQueueArn")),
        };
    }
}
