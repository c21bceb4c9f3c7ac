using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>kafka</c>: a self-managed Kafka event source mapping.</summary>
internal sealed class KafkaEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Kafka;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.kafka", "a mapping with 'accessConfigurations', 'bootstrapServers' and 'topic'",
            out var ok) is not { } m)
        {
            return null;
        }

        var apath = site.Path.Key("accessConfigurations");
        var access = new List<KafkaAccessConfiguration>();
        if (ctx.Mapping(m, "accessConfigurations", site.Path) is { } configs)
        {
            ctx.CheckKeys(configs, apath, "functions.*.events.kafka.accessConfigurations");
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
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.kafka.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path.Key("filterPatterns")),
            StartingPosition = ctx.OrDefault(ctx.String(m, "startingPosition", site.Path), "functions.*.events.kafka.startingPosition"),
            StartingPositionTimestamp = ctx.Long(m, "startingPositionTimestamp", site.Path),
            ConsumerGroupId = ctx.String(m, "consumerGroupId", site.Path),
        };
    }
}
