using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;
using Spec.Rules.Lambda;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-008: A stream event's on-failure destination that is neither an SQS queue nor an SNS topic.</summary>
public sealed class StreamFailureDestinationUnsupported : Rule
{
    /// <summary>CloudFormation resource types by the ARN service they stand for.</summary>
    private static readonly Dictionary<string, string> ServiceOfType = new(StringComparer.Ordinal)
    {
        ["AWS::SQS::Queue"] = "sqs",
        ["AWS::SNS::Topic"] = "sns",
        ["AWS::S3::Bucket"] = "s3",
        ["AWS::Lambda::Function"] = "lambda",
        ["AWS::Events::EventBus"] = "events",
        ["AWS::Kinesis::Stream"] = "kinesis",
        ["AWS::DynamoDB::Table"] = "dynamodb",
        ["AWS::StepFunctions::StateMachine"] = "states",
    };

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-008",
        Title = "Stream failure destination of an unsupported type",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "A `stream` event's `destinations.onFailure` names something other than an SQS queue, an SNS topic or an S3 bucket (a Lambda function, an event bus, a stream…), or its `type` says `sqs`/`sns` while the ARN is of the other service, " +
                      "or it is an intrinsic function (`!GetAtt Queue.Arn`) without `type`, on which the Framework fails with a TypeError (it reads the service from the ARN's text).",
        Rationale = "A Kinesis or DynamoDB event source mapping sends the records it discards to an SQS queue, an SNS topic or an S3 bucket only: `CreateEventSourceMapping` rejects another destination. With a `type` that contradicts the ARN the Framework grants the wrong permission (`sqs:SendMessage` for a topic), so the failed records are lost at run time.",
        HowToFix = "Point `onFailure` at an SQS queue or SNS topic (for a function, put a queue in between) and make `type` match it.",
        FailingExample = """
            - stream:
                arn: !GetAtt Orders.StreamArn
                destinations:
                  onFailure: arn:aws:lambda:us-east-1:123456789012:function:handle-failures
            """,
        PassingExample = """
            - stream:
                arn: !GetAtt Orders.StreamArn
                destinations:
                  onFailure: !GetAtt FailedRecords.Arn
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/lambda/latest/api/API_OnFailure.html",
            "https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html",
            "Serverless events/stream.js (destination type from the ARN's third segment)",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var stream in function.EventsOf<StreamEvent>())
            {
                if (stream.OnFailure is { Node: MappingNode, Type: null, Text: null } untyped)
                {
                    // stream.js reads `onFailure.type || arn.split(':')[2]`: without a type and a literal ARN it fails with a TypeError.
                    context.Report(untyped.Arn,
                        $"the on-failure destination of the stream event of function '{function.Key}' is an intrinsic function without 'type'; the Framework fails on it (it reads the service from the ARN text): write {{arn: …, type: sqs | sns}}");
                    continue;
                }

                if (stream.OnFailure is not { } onFailure || ServiceOf(context, onFailure.Reference) is not { } service)
                {
                    continue;
                }

                var accepted = LambdaDestinations.Default.MappingOnFailure;
                if (!accepted.Any(k => k.Service == service))
                {
                    context.Report(onFailure.Arn,
                        $"the on-failure destination of the stream event of function '{function.Key}' is a{(service is "events" or "states" ? "n" : string.Empty)} {service} resource; a stream's failed records go to {LambdaDestinations.Describe(accepted)}");
                }
                else if (onFailure.Type is { Value: "sqs" or "sns" } type && service is "sqs" or "sns" && type.Value != service)
                {
                    context.Report(type.Node,
                        $"the on-failure destination of the stream event of function '{function.Key}' has type '{type.Value}' but is an {service} resource; the Framework grants the permission for '{type.Value}' and the failed records are not delivered",
                        related: [onFailure.Arn.Related("the destination is here")]);
                }
            }
        }
    }

    private static string? ServiceOf(RuleContext context, ResourceReference? reference) => reference switch
    {
        null => null,
        { Service: { } literal } => literal,
        { LogicalId: { } id } => context.Service.Resources.Find(id)?.Type?.Value is { } type ? ServiceOfType.GetValueOrDefault(type) : null,
        _ => null,
    };
}
