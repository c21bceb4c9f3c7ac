using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-002: Stream starting position incomplete.</summary>
public sealed class StreamStartingPositionIncomplete : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-002",
        Title = "Stream starting position incomplete",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "`startingPosition: AT_TIMESTAMP` needs `startingPositionTimestamp`; an `AWS::Lambda::EventSourceMapping` on a stream needs `StartingPosition`.",
        Rationale = "Lambda rejects the event source mapping.",
        HowToFix = "Add `startingPositionTimestamp` (Unix seconds) or use `LATEST`/`TRIM_HORIZON`.",
        FailingExample = """
            - stream:
                startingPosition: AT_TIMESTAMP
            """,
        PassingExample = """
            - stream:
                startingPosition: AT_TIMESTAMP
                startingPositionTimestamp: 1700000000
            """,
        Anchors =
        [
            "cfn-lint E3633",
            "Serverless FUNCTION_STREAM_STARTING_POSITION_TIMESTAMP_INVALID",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var stream in function.EventsOf<StreamEvent>())
            {
                if (stream.StartingPosition is { Value: "AT_TIMESTAMP", Node: { } node } && stream.StartingPositionTimestamp is null)
                {
                    context.Report(node, $"the stream event of function '{function.Key}' starts AT_TIMESTAMP but sets no startingPositionTimestamp");
                }
            }
        }

        var resources = context.Shared(static s => new ResourceIndex(s));
        foreach (var mapping in resources.OfType("AWS::Lambda::EventSourceMapping"))
        {
            var source = mapping.Property("EventSourceArn");
            if (mapping.Property("StartingPosition") is null && IsStream(source, resources))
            {
                context.Report(mapping.KeyNode, $"event source mapping '{mapping.LogicalId}' reads a stream but sets no StartingPosition");
            }
        }
    }

    private static bool IsStream(Node? source, ResourceIndex resources)
    {
        if (References.Flatten(source) is { } text && text.StartsWith("arn:", StringComparison.Ordinal))
        {
            var service = text.Split(':').ElementAtOrDefault(2);
            return service == "kinesis" || (service == "dynamodb" && text.Contains("/stream/", StringComparison.Ordinal));
        }

        if (source is MappingNode { Entries.Count: 1 } m && m.Entries[0].Key.Text == "Fn::GetAtt")
        {
            var attribute = m.Entries[0].Value switch
            {
                SequenceNode { Items.Count: 2 } s => s.Items[1].Text(),
                ScalarNode sc when sc.Text.Contains('.', StringComparison.Ordinal) => sc.Text[(sc.Text.IndexOf('.', StringComparison.Ordinal) + 1)..],
                _ => null,
            };
            var target = References.LogicalIds(source).Select(id => resources[id]).FirstOrDefault();
            return attribute == "StreamArn" || target?.Type?.Value == "AWS::Kinesis::Stream";
        }

        return false;
    }
}
