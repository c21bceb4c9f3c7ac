using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>stream</c> event (<c>compile/events/stream.js</c>): one event source mapping per event, and one statement
/// per stream type (DynamoDB, Kinesis) letting the execution role read the streams.
/// </summary>
internal sealed class StreamLowering : EventLowering<StreamEvent>
{
    public override EventKind Kind => EventKind.Stream;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) => NeedsArn(ctx, fn, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<StreamEvent>> events)
    {
        // The statements are collected per function and appended after its events, in this order (stream.js).
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var statements = new StreamStatements();
            foreach (var e in group)
            {
                Mapping(ctx, e, statements);
            }

            statements.AddTo(ctx);
        }
    }

    private static void Mapping(PlanContext ctx, PlanEvent<StreamEvent> e, StreamStatements statements)
    {
        var fn = e.Function;
        var stream = e.Event;
        var type = stream.Type.Value ?? (stream.ArnValue.Literal is { } a && a.Split(':') is { Length: > 2 } parts ? parts[2] : null);
        // An ARN joined from parts is named by what follows the last '/' of its last part (stream/<name>).
        var name = stream.ArnValue.Name(text => text.Split('/') is { Length: > 1 } p ? p[1] : null, part => part.Split('/')[^1]);
        if (type is not ("dynamodb" or "kinesis") || name is null)
        {
            NeedsArn(ctx, fn, e.Span);
            return;
        }

        // The ids spell the stream's name and type: a sensitive one of them is what they are named after.
        var idSource = LogicalIdSource.Of(stream.ArnValue.NameSource, stream.Type.Node);
        var consumer = type == "kinesis" && stream.HasConsumer;
        if (consumer && stream.StartingPosition.Value == "AT_TIMESTAMP" && stream.StartingPositionTimestamp is null)
        {
            ctx.Unsupported($"the stream event of function '{fn.Key}' starts AT_TIMESTAMP without a startingPositionTimestamp",
                e.Span, "add startingPositionTimestamp (Unix seconds)");
            return;
        }

        var arn = ctx.Json(stream.Arn);
        var dependsOn = EventResources.MappingDependsOn(ctx, fn);
        var props = Object(("BatchSize", ctx.Json(stream.BatchSize)), ("Enabled", stream.Enabled.LiteralOrDefault != false),
            ("EventSourceArn", arn?.DeepClone()), ("FunctionName", fn.Target()));
        if (stream.ParallelizationFactor is { } parallelization)
        {
            props["ParallelizationFactor"] = ctx.Json(parallelization);
        }

        props["StartingPosition"] = stream.StartingPosition.LiteralOrDefault;
        if (type == "dynamodb")
        {
            statements.DynamoDb.Add(arn?.DeepClone());
        }
        else
        {
            (stream.HasConsumer ? statements.KinesisWithConsumer : statements.Kinesis).Add(arn?.DeepClone());
        }

        AddIfWritten(ctx, props, "MaximumBatchingWindowInSeconds", stream.MaximumBatchingWindow);
        AddIfWritten(ctx, props, "MaximumRetryAttempts", stream.MaximumRetryAttempts);
        AddIfWritten(ctx, props, "BisectBatchOnFunctionError", stream.BisectBatchOnFunctionError);
        if (stream.FunctionResponseType?.Value is { } responseType)
        {
            props["FunctionResponseTypes"] = Strings([responseType]);
        }

        AddIfWritten(ctx, props, "MaximumRecordAgeInSeconds", stream.MaximumRecordAgeInSeconds);
        AddIfWritten(ctx, props, "TumblingWindowInSeconds", stream.TumblingWindowInSeconds);
        if (stream.OnFailure is { } onFailure)
        {
            var destination = ctx.Json(onFailure.Arn);
            var destinationType = onFailure.Type?.Value ?? (onFailure.Text?.Split(':') is { Length: > 2 } d ? d[2] : null);
            (destinationType == "sns" ? statements.OnFailureSns : statements.OnFailureSqs).Add(destination?.DeepClone());
            props["DestinationConfig"] = Object(("OnFailure", Object(("Destination", destination))));
        }

        EventResources.AddFilterCriteria(ctx, stream, props);
        var registered = consumer ? Consumer(ctx, e, name, idSource, props, dependsOn, statements) : null;
        ctx.Merge(Naming.StreamMapping(fn.Key, type, name), Object(("Type", "AWS::Lambda::EventSourceMapping"),
                ("DependsOn", dependsOn), ("Properties", props)),
            PlanResourceKind.EventSourceMapping, e.Span, fn.Key, idSource);

        // The consumer follows its mapping in the template (stream.js merges { mapping, consumer } in that order).
        if (registered is var (consumerId, consumerBody))
        {
            ctx.Merge(consumerId, consumerBody, PlanResourceKind.Other, e.Span, fn.Key, idSource);
        }
    }

    /// <summary>
    /// Kinesis enhanced fan-out: <c>consumer: true</c> registers a stream consumer the mapping reads through; a
    /// consumer ARN is read as is. Only then is <c>startingPositionTimestamp</c> passed on (stream.js).
    /// </summary>
    /// <returns>The consumer resource to add after the mapping, when the event registers one.</returns>
    private static (string Id, JsonObject Body)? Consumer(PlanContext ctx, PlanEvent<StreamEvent> e, string streamName,
        Node? idSource, JsonObject props, JsonArray dependsOn, StreamStatements statements)
    {
        var fn = e.Function;
        (string Id, JsonObject Body)? registered = null;
        if (e.Event.RegistersConsumer)
        {
            var consumerName = ctx.Model.Provider.KinesisServiceSpecificConsumerNames
                ? $"{fn.Key}{streamName}{ctx.Service}{ctx.Stage}Consumer"
                : $"{fn.Key}{streamName}Consumer";
            var consumerId = Naming.FunctionName(consumerName) + "StreamConsumer";
            registered = (consumerId, Object(("Type", "AWS::Kinesis::StreamConsumer"), ("Properties", Object(
                ("StreamARN", ctx.Json(e.Event.Arn)), ("ConsumerName", ctx.DerivedFrom(consumerName, idSource))))));
            dependsOn.AddNode(consumerId);
            props["EventSourceArn"] = Ref(consumerId);
            statements.Consumers.AddNode(Ref(consumerId));
        }
        else
        {
            props["EventSourceArn"] = ctx.Json(e.Event.Consumer);
            statements.Consumers.Add(ctx.Json(e.Event.Consumer));
        }

        AddIfWritten(ctx, props, "StartingPositionTimestamp", e.Event.StartingPositionTimestamp);
        return registered;
    }

    /// <summary>The statements one function's stream events grant the execution role, in the Framework's order.</summary>
    private sealed class StreamStatements
    {
        public JsonArray DynamoDb { get; } = [];

        public JsonArray Kinesis { get; } = [];

        public JsonArray KinesisWithConsumer { get; } = [];

        public JsonArray Consumers { get; } = [];

        public JsonArray OnFailureSns { get; } = [];

        public JsonArray OnFailureSqs { get; } = [];

        public void AddTo(PlanContext ctx)
        {
            Add(ctx, ["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"], DynamoDb);
            Add(ctx, ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListStreams"], Kinesis);
            Add(ctx, ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"],
                KinesisWithConsumer);
            Add(ctx, ["kinesis:SubscribeToShard"], Consumers);
            Add(ctx, ["sns:Publish"], OnFailureSns);
            Add(ctx, ["sqs:ListQueues", "sqs:SendMessage"], OnFailureSqs);
        }

        private static void Add(PlanContext ctx, string[] actions, JsonArray resources)
        {
            if (resources.Count > 0)
            {
                ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(actions)), ("Resource", resources)));
            }
        }
    }

    private static void NeedsArn(PlanContext ctx, PlanFunction fn, SourceSpan span) =>
        ctx.Unsupported($"the stream event of function '{fn.Key}' needs an ARN of a DynamoDB or Kinesis stream " +
                        "(with 'type' when the ARN is an intrinsic)", span);

    private static void AddIfWritten<T>(PlanContext ctx, JsonObject props, string property, Spanned<T>? value)
    {
        if (value is not null)
        {
            props[property] = ctx.Json(value);
        }
    }
}
