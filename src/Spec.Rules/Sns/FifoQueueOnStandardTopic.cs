using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;
using Spec.Rules.Sqs;

namespace Spec.Rules.Sns;

/// <summary>SLS-SNS-004: A FIFO queue is subscribed to a standard topic.</summary>
public sealed class FifoQueueOnStandardTopic : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SNS-004",
        Title = "FIFO queue subscribed to a standard topic",
        DefaultSeverity = Severity.Error,
        Category = "Sns",
        Description = "An `AWS::SNS::Subscription` (or a topic's `Subscription` entry) subscribes a FIFO queue to a standard (non-FIFO) topic.",
        Rationale = "SNS delivers to FIFO queues only from FIFO topics: `Subscribe` is rejected and the stack fails.",
        HowToFix = "Make the topic FIFO (`FifoTopic: true`, a name ending in `.fifo`) or subscribe a standard queue.",
        FailingExample = """
            Orders:
              Type: AWS::SNS::Topic
            OrdersSubscription:
              Type: AWS::SNS::Subscription
              Properties:
                Protocol: sqs
                TopicArn: !Ref Orders
                Endpoint: !GetAtt OrdersQueue.Arn   # FifoQueue: true
            """,
        PassingExample = """
            Orders:
              Type: AWS::SNS::Topic
              Properties:
                FifoTopic: true
                TopicName: orders.fifo
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "https://docs.aws.amazon.com/sns/latest/dg/fifo-topic-code-examples.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        foreach (var resource in resources.All)
        {
            if (resource.IsType("AWS::SNS::Subscription") && resource.Property("Protocol").Text() == "sqs")
            {
                Check(context, resources, resources.Find(resource.Property("TopicArn"), ResourceIndex.TopicType), resource.Property("Endpoint"));
            }
            else if (resource.IsType(ResourceIndex.TopicType))
            {
                foreach (var subscription in resource.Property("Subscription").Items())
                {
                    if (subscription.At("Protocol").Text() == "sqs")
                    {
                        Check(context, resources, resource, subscription.At("Endpoint"));
                    }
                }
            }
        }
    }

    private static void Check(RuleContext context, ResourceIndex resources, CfnResource? topicResource, Node? endpoint)
    {
        if (topicResource is null || context.Service.Resources.FindTopic(topicResource.LogicalId) is not { } topic
            || resources.Queue(endpoint) is not { } queue || !QueueConsumers.IsFifo(queue) || IsFifo(topic))
        {
            return;
        }

        context.Report(endpoint!, $"FIFO queue '{queue.LogicalId}' cannot subscribe to standard topic '{topic.LogicalId}': SNS delivers to FIFO queues only from FIFO topics",
            related: [topic.Resource.KeyNode.Related($"topic '{topic.LogicalId}' is standard")]);
    }

    private static bool IsFifo(SnsTopic topic) =>
        topic.FifoTopic.Value == true || (topic.TopicName?.Value?.EndsWith(".fifo", StringComparison.Ordinal) ?? false);
}
