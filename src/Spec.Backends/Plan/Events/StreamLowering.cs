using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
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
        var dynamodb = new JsonArray();
        var kinesis = new JsonArray();
        foreach (var e in events)
        {
            var fn = e.Function;
            var stream = e.Event;
            var type = stream.Type.Value ?? (stream.ArnValue.Literal is { } a && a.Split(':') is { Length: > 2 } parts ? parts[2] : null);
            // An ARN joined from parts is named by what follows the last '/' of its last part (stream/<name>).
            var name = stream.ArnValue.Name(text => text.Split('/') is { Length: > 1 } p ? p[1] : null, part => part.Split('/')[^1]);
            if (type is not ("dynamodb" or "kinesis") || name is null)
            {
                NeedsArn(ctx, fn, e.Span);
                continue;
            }

            var props = Object(("BatchSize", ctx.Json(stream.BatchSize)));
            if (stream.ParallelizationFactor is { } parallelization)
            {
                props["ParallelizationFactor"] = ctx.Json(parallelization);
            }

            props["Enabled"] = stream.Enabled.LiteralOrDefault != false;
            props["EventSourceArn"] = ctx.Json(stream.Arn);
            props["FunctionName"] = fn.Target();
            props["StartingPosition"] = stream.StartingPosition.LiteralOrDefault;
            AddIfWritten(ctx, props, "StartingPositionTimestamp", stream.StartingPositionTimestamp);
            AddIfWritten(ctx, props, "MaximumBatchingWindowInSeconds", stream.MaximumBatchingWindow);
            AddIfWritten(ctx, props, "MaximumRetryAttempts", stream.MaximumRetryAttempts);
            AddIfWritten(ctx, props, "BisectBatchOnFunctionError", stream.BisectBatchOnFunctionError);
            AddIfWritten(ctx, props, "MaximumRecordAgeInSeconds", stream.MaximumRecordAgeInSeconds);
            AddIfWritten(ctx, props, "TumblingWindowInSeconds", stream.TumblingWindowInSeconds);
            if (stream.FunctionResponseType?.Value is { } responseType)
            {
                props["FunctionResponseTypes"] = Strings([responseType]);
            }

            EventResources.AddFilterCriteria(ctx, stream, props);
            if (stream.OnFailure is { } onFailure)
            {
                props["DestinationConfig"] = Object(("OnFailure", Object(("Destination", ctx.Json(onFailure.Arn)))));
            }

            ctx.Add(Naming.StreamMapping(fn.Key, type, name), Object(("Type", "AWS::Lambda::EventSourceMapping"),
                    ("DependsOn", EventResources.MappingDependsOn(ctx, fn)), ("Properties", props)),
                PlanResourceKind.EventSourceMapping, e.Span, fn.Key);
            (type == "dynamodb" ? dynamodb : kinesis).Add(ctx.Json(stream.Arn));
        }

        if (dynamodb.Count > 0)
        {
            ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["dynamodb:GetRecords",
                "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"])), ("Resource", dynamodb)));
        }

        if (kinesis.Count > 0)
        {
            ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["kinesis:GetRecords",
                "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListStreams"])), ("Resource", kinesis)));
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
