using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>stream</c>: a DynamoDB or Kinesis stream event source mapping.</summary>
internal sealed class StreamEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Stream;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        MappingNode? m = null;
        Node? arn;
        if (IsShorthand(value))
        {
            arn = value;
        }
        else
        {
            m = LongForm(ctx, value, site, "functions.*.events.stream", "a stream ARN or a mapping with 'arn'");
            arn = m is null ? null : Ref(ctx, m, "arn", site);
        }

        if (arn is null)
        {
            return null;
        }

        var writtenType = m is null ? null : ctx.String(m, "type", site.Path);
        Setting<string?> type;
        if (writtenType is not null)
        {
            type = new Setting<string?>(writtenType.Value, writtenType.Node, SettingSource.Explicit);
        }
        else if (arn is ScalarNode s && StreamTypeOf(s.Text) is { } derived)
        {
            type = Setting<string?>.Default(derived);
        }
        else
        {
            if (arn is not ScalarNode)
            {
                ctx.MissingKey(m ?? arn, site.Path, "type",
                    "a stream whose 'arn' is a CloudFormation function needs 'type: dynamodb' or 'type: kinesis'");
            }

            type = Setting<string?>.Default(null);
        }

        if (m is null)
        {
            return new StreamEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = value,
                Arn = arn, Type = type, 
                BatchSize = ctx.OrDefault<int?>(null, "functions.*.events.stream.batchSize"),
                Enabled = ctx.OrDefault<bool?>(null, "functions.*.events.stream.enabled"),
            };
        }

        DestinationTarget? onFailure = null;
        if (ctx.Mapping(m, "destinations", site.Path) is { } destinations)
        {
            ctx.CheckKeys(destinations, site.Path.Key("destinations"), "functions.*.events.stream.destinations");
            onFailure = DestinationTargets.Bind(ctx, BindContext.Get(destinations, "onFailure"), site.Path + ".destinations.onFailure",
                "functions.*.events.stream.destinations.onFailure");
        }

        return new StreamEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            Type = type,
            BatchSize = ctx.OrDefault(ctx.Int(m, "batchSize", site.Path), "functions.*.events.stream.batchSize"),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.stream.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "batchWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path.Key("filterPatterns")),
            StartingPosition = ctx.OrDefault(ctx.String(m, "startingPosition", site.Path), "functions.*.events.stream.startingPosition"),
            StartingPositionTimestamp = ctx.Long(m, "startingPositionTimestamp", site.Path),
            ParallelizationFactor = ctx.Int(m, "parallelizationFactor", site.Path),
            MaximumRetryAttempts = ctx.Int(m, "maximumRetryAttempts", site.Path),
            BisectBatchOnFunctionError = ctx.Bool(m, "bisectBatchOnFunctionError", site.Path),
            MaximumRecordAgeInSeconds = ctx.Int(m, "maximumRecordAgeInSeconds", site.Path),
            FunctionResponseType = ctx.String(m, "functionResponseType", site.Path),
            OnFailure = onFailure,
            TumblingWindowInSeconds = ctx.Int(m, "tumblingWindowInSeconds", site.Path),
            Consumer = BindContext.Get(m, "consumer"),
        };
    }

    /// <summary>The stream type from an ARN's service segment (<c>arn:aws:dynamodb:…</c>, <c>arn:aws:kinesis:…</c>).</summary>
    private static string? StreamTypeOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length > 2 && parts[0] == "arn" && parts[2] is "dynamodb" or "kinesis" ? parts[2] : null;
    }
}
