using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-006: AT_TIMESTAMP starting position on a DynamoDB stream.</summary>
public sealed class AtTimestampOnDynamoDbStream : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-006",
        Title = "AT_TIMESTAMP starting position on a DynamoDB stream",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "A `stream` event on a DynamoDB stream sets `startingPosition: AT_TIMESTAMP`, which only Kinesis (and Kafka) sources support.",
        Rationale = "Lambda's `CreateEventSourceMapping` rejects AT_TIMESTAMP for DynamoDB streams and the deployment fails.",
        HowToFix = "Use `TRIM_HORIZON` or `LATEST` for a DynamoDB stream.",
        FailingExample = """
            - stream:
                type: dynamodb
                arn: !GetAtt Orders.StreamArn
                startingPosition: AT_TIMESTAMP
                startingPositionTimestamp: 1700000000
            """,
        PassingExample = """
            - stream:
                type: dynamodb
                arn: !GetAtt Orders.StreamArn
                startingPosition: TRIM_HORIZON
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html#lambda-CreateEventSourceMapping-request-StartingPosition",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var stream in function.EventsOf<StreamEvent>())
            {
                if (stream.Type.Value == "dynamodb" && stream.StartingPosition is { Value: "AT_TIMESTAMP", Node: { } node })
                {
                    context.Report(node, $"the DynamoDB stream event of function '{function.Key}' starts AT_TIMESTAMP, which only Kinesis streams support");
                }
            }
        }
    }
}
