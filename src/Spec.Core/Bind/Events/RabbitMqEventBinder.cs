using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>rabbitmq</c>: an Amazon MQ (RabbitMQ) event source mapping.</summary>
internal sealed class RabbitMqEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.RabbitMq;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, KnownKeys.RabbitMq, "a mapping with 'arn', 'basicAuthArn' and 'queue'") is not { } m)
        {
            return null;
        }

        var arn = RequiredRef(ctx, m, "arn", site);
        var auth = RequiredRef(ctx, m, "basicAuthArn", site);
        var queue = RequiredString(ctx, m, "queue", site);
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
            Enabled = BindContext.Explicit<bool?>(ctx.Bool(m, "enabled", site.Path), true),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
        };
    }
}
