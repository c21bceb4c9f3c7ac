using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>kafka</c>: a self-managed Kafka event source mapping.</summary>
internal sealed class KafkaEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Kafka;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, KnownKeys.Kafka, "a mapping with 'accessConfigurations', 'bootstrapServers' and 'topic'")
            is not { } m)
        {
            return null;
        }

        var ok = RequireKeys(ctx, m, site, "accessConfigurations", "bootstrapServers", "topic");
        var apath = site.Path + ".accessConfigurations";
        var access = new List<KafkaAccessConfiguration>();
        if (ctx.Mapping(m, "accessConfigurations", site.Path) is { } configs)
        {
            ctx.CheckKeys(configs, apath, KnownKeys.KafkaAccess);
            foreach (var entry in configs.Entries)
            {
                access.Add(new KafkaAccessConfiguration(entry.Key.Text, entry.Key,
                    ctx.StringList(entry.Value, $"{apath}.{entry.Key.Text}"), entry.Value));
            }
        }

        var topic = ctx.String(m, "topic", site.Path);
        if (!ok || topic is null)
        {
            return null;
        }

        return new KafkaEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            AccessConfigurations = access,
            BootstrapServers = ctx.StringList(m, "bootstrapServers", site.Path),
            Topic = topic,
            BatchSize = BindContext.Explicit<int?>(ctx.Int(m, "batchSize", site.Path), null),
            Enabled = BindContext.Explicit<bool?>(ctx.Bool(m, "enabled", site.Path), true),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
            StartingPosition = BindContext.Explicit<string?>(ctx.String(m, "startingPosition", site.Path), Defaults.StartingPosition),
            StartingPositionTimestamp = ctx.Long(m, "startingPositionTimestamp", site.Path),
            ConsumerGroupId = ctx.String(m, "consumerGroupId", site.Path),
        };
    }
}
