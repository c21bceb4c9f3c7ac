using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-013: An sqs event's arn, or a destination, is <c>!Ref</c> of a queue, which is the queue's URL.</summary>
public sealed class SqsEventArnIsQueueUrl : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-013",
        Title = "Queue URL where an ARN is needed",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "An `sqs` event's `arn`, a function's `destinations.onSuccess`/`onFailure` or a stream event's `destinations.onFailure` is `!Ref` of an `AWS::SQS::Queue`: " +
                      "`Ref` of a queue gives its URL, not its ARN.",
        Rationale = "The event source mapping's `EventSourceArn` and a destination must be ARNs; Lambda rejects the URL and the deployment fails.",
        HowToFix = "Use `!GetAtt Queue.Arn`.",
        FailingExample = """
            - sqs:
                arn: !Ref Jobs
            """,
        PassingExample = """
            - sqs:
                arn: !GetAtt Jobs.Arn
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html#aws-resource-sqs-queue-return-values",
        ],
    };

    public override void Check(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        foreach (var function in context.Service.Functions)
        {
            foreach (var sqs in function.EventsOf<SqsEvent>())
            {
                if (sqs.Queue is { Kind: ReferenceKind.Ref, LogicalId: { } id } && resources[id]?.IsType(ResourceIndex.QueueType) == true)
                {
                    context.Report(sqs.Arn, $"the sqs event of function '{function.Key}' uses !Ref {id}, the queue's URL; the event needs its ARN (!GetAtt {id}.Arn)");
                }
            }

            CheckDestination(context, resources, function, "destinations.onSuccess", function.Destinations?.OnSuccess);
            CheckDestination(context, resources, function, "destinations.onFailure", function.Destinations?.OnFailure);
            foreach (var stream in function.EventsOf<StreamEvent>())
            {
                CheckDestination(context, resources, function, "the stream event's destinations.onFailure", stream.OnFailure);
            }
        }
    }

    private static void CheckDestination(RuleContext context, ResourceIndex resources, Function function, string which, DestinationTarget? target)
    {
        if (target?.Reference is { Kind: ReferenceKind.Ref, LogicalId: { } id } && resources[id]?.IsType(ResourceIndex.QueueType) == true)
        {
            context.Report(target.Arn, $"{which} of function '{function.Key}' is !Ref {id}, the queue's URL; a destination needs its ARN (!GetAtt {id}.Arn)");
        }
    }
}
