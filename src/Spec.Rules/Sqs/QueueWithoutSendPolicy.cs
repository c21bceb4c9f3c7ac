using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-011: A service delivers to a queue whose policy does not let it send.</summary>
public sealed class QueueWithoutSendPolicy : Rule
{
    private const string Sns = "sns.amazonaws.com";
    private const string Events = "events.amazonaws.com";

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-011",
        Title = "Queue has no policy letting the service send to it",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "A queue of `resources` is subscribed to an SNS topic, is the target (or dead-letter queue) of an EventBridge rule, " +
                      "or is the `deadLetterQueueArn` of an `eventBridge` event, but no `AWS::SQS::QueuePolicy` lets that service (`sns.amazonaws.com`, `events.amazonaws.com`) call `sqs:SendMessage` on it.",
        Rationale = "SQS refuses the deliveries: the stack deploys, and every message is lost without an error anyone sees.",
        HowToFix = "Add an `AWS::SQS::QueuePolicy` for the queue allowing the service principal `sqs:SendMessage`, with an `aws:SourceArn` condition on the topic or rule.",
        FailingExample = """
            OrdersSubscription:
              Type: AWS::SNS::Subscription
              Properties:
                Protocol: sqs
                TopicArn: !Ref Orders
                Endpoint: !GetAtt OrdersQueue.Arn
            """,
        PassingExample = """
            OrdersQueuePolicy:
              Type: AWS::SQS::QueuePolicy
              Properties:
                Queues: [!Ref OrdersQueue]
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: { Service: sns.amazonaws.com }
                      Action: sqs:SendMessage
                      Resource: !GetAtt OrdersQueue.Arn
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html",
            "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions",
        ],
    };

    public override void Check(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        var policies = context.Shared(static s => new QueuePolicies(s));
        foreach (var (endpoint, principal, what) in Deliveries(context.Service, resources))
        {
            if (resources.Queue(endpoint) is { } queue && !policies.AllowsSend(queue, principal))
            {
                context.Report(endpoint,
                    $"{what} delivers to queue '{queue.LogicalId}', but no queue policy lets {principal} send to it: the messages are dropped",
                    related: [queue.Resource.KeyNode.Related($"queue '{queue.LogicalId}' is defined here")]);
            }
        }
    }

    private static IEnumerable<(Node Endpoint, string Principal, string What)> Deliveries(Service service, ResourceIndex resources)
    {
        foreach (var resource in resources.All)
        {
            if (resource.IsType("AWS::SNS::Subscription") && resource.Property("Protocol").Text() == "sqs"
                && resource.Property("Endpoint") is { } endpoint)
            {
                yield return (endpoint, Sns, $"SNS subscription '{resource.LogicalId}'");
            }
            else if (resource.IsType(ResourceIndex.TopicType))
            {
                foreach (var subscription in resource.Property("Subscription").Items())
                {
                    if (subscription.At("Protocol").Text() == "sqs" && subscription.At("Endpoint") is { } inline)
                    {
                        yield return (inline, Sns, $"topic '{resource.LogicalId}'");
                    }
                }
            }
            else if (resource.IsType("AWS::Events::Rule"))
            {
                foreach (var target in resource.Property("Targets").Items())
                {
                    if (target.At("Arn") is { } arn)
                    {
                        yield return (arn, Events, $"EventBridge rule '{resource.LogicalId}'");
                    }

                    if (target.At("DeadLetterConfig", "Arn") is { } dlq)
                    {
                        yield return (dlq, Events, $"the dead-letter queue of EventBridge rule '{resource.LogicalId}'");
                    }
                }
            }
        }

        foreach (var function in service.Functions)
        {
            foreach (var e in function.EventsOf<EventBridgeEvent>())
            {
                if (e.DeadLetterQueueArn is { } dlq)
                {
                    yield return (dlq, Events, $"the eventBridge event of function '{function.Key}' (deadLetterQueueArn)");
                }
            }
        }
    }
}
