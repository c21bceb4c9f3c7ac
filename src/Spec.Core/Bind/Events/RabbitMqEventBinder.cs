using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>rabbitmq</c>: an Amazon MQ (RabbitMQ) event source mapping.</summary>
internal sealed class RabbitMqEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.RabbitMq;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.rabbitmq", "a mapping with 'arn', 'basicAuthArn' and 'queue'") is not { } m)
        {
            return null;
        }

        var arn = Ref(ctx, m, "arn", site);
        var auth = Ref(ctx, m, "basicAuthArn", site);
        var queue = ctx.String(m, "queue", site.Path);
        if (arn is null || auth is null || queue is null)
        {
            return null;
        }

        return new RabbitMqEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            BasicAuthArn = auth,
            Queue = queue,
            VirtualHost = ctx.String(m, "virtualHost", site.Path),
            BatchSize = BindContext.Explicit<int?>(ctx.Int(m, "batchSize", site.Path), null),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.rabbitmq.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path.Key("filterPatterns")),
        };
    }
}
