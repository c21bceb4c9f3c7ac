using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-001: Stream event setting out of range.</summary>
public sealed class StreamSettingOutOfRange : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-001",
        Title = "Stream event setting out of range",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "Stream event ranges: batchSize 1-10000, parallelizationFactor 1-10, batchWindow 0-300, maximumRetryAttempts -1..10000, maximumRecordAgeInSeconds -1 or 60-604800, tumblingWindowInSeconds 0-900.",
        Rationale = "Lambda rejects the event source mapping.",
        HowToFix = "Use a value within the range.",
        FailingExample = """
            - stream:
                batchSize: 20000
            """,
        PassingExample = """
            - stream:
                batchSize: 1000
            """,
        Anchors =
        [
            "Serverless stream.js schema",
            "AWS Lambda DynamoDB/Kinesis parameters",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var stream in function.EventsOf<StreamEvent>())
            {
                if (stream.BatchSize is { IsWritten: true, Value: { } batch, Node: { } batchNode })
                {
                    Check(context, "batchSize", batch, batchNode, context.Limits["stream.batchSize"]);
                }

                Check(context, "parallelizationFactor", stream.ParallelizationFactor, context.Limits["stream.parallelizationFactor"]);
                Check(context, "batchWindow", stream.MaximumBatchingWindow, context.Limits["stream.batchWindow"]);
                Check(context, "maximumRetryAttempts", stream.MaximumRetryAttempts, context.Limits["stream.maximumRetryAttempts"]);
                Check(context, "tumblingWindowInSeconds", stream.TumblingWindowInSeconds, context.Limits["stream.tumblingWindowInSeconds"]);
                if (stream.MaximumRecordAgeInSeconds is { Value: { } age and not -1 } recordAge)
                {
                    Check(context, "maximumRecordAgeInSeconds", age, recordAge.Node, context.Limits["stream.maximumRecordAgeInSeconds"], " (or -1)");
                }
            }
        }
    }

    private static void Check(RuleContext context, string name, Spanned<int?>? setting, Limit limit)
    {
        if (setting is { Value: { } value })
        {
            Check(context, name, value, setting.Node, limit);
        }
    }

    private static void Check(RuleContext context, string name, long value, Node node, Limit limit, string extra = "")
    {
        if (!limit.Contains(value))
        {
            context.Report(node, $"{name} {node.Display} is outside {limit.RangeText}{extra}");
        }
    }
}
