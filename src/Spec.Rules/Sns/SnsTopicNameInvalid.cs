using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sns;

/// <summary>SLS-SNS-002: SNS topic name invalid.</summary>
public sealed partial class SnsTopicNameInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SNS-002",
        Title = "SNS topic name invalid",
        DefaultSeverity = Severity.Error,
        Category = "Sns",
        Description = "A topic name must match `^[\\w-]+$` and be at most 256 characters; FIFO topics must end with `.fifo`.",
        Rationale = "SNS rejects the topic name and the deployment fails.",
        HowToFix = "Use letters, digits, `-` and `_` only.",
        FailingExample = """
            - sns:
                topicName: order.events
            """,
        PassingExample = """
            - sns:
                topicName: order-events
            """,
        Anchors =
        [
            "Serverless sns.js schema",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["sns.topicName"];
        foreach (var function in context.Service.Functions)
        {
            foreach (var sns in function.EventsOf<SnsEvent>())
            {
                if (sns.TopicName is { Value: { } name } topic && !name.StartsWith("arn:", StringComparison.Ordinal)
                    && (!EventTopicName().IsMatch(name) || !limit.Contains(name.Length)))
                {
                    context.Report(topic.Node, $"topic name '{topic.Node.Display}' must match ^[\\w-]+$ and be {limit.RangeText} long");
                }
            }
        }

        foreach (var topic in context.Service.Resources.Topics)
        {
            if (topic.TopicName is not { Value: { } name } topicName)
            {
                continue;
            }

            var node = topicName.Node;
            var fifo = topic.FifoTopic.Value == true;
            var bare = fifo && name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
            if (!EventTopicName().IsMatch(bare) || !limit.Contains(name.Length))
            {
                context.Report(node, $"topic name '{node.Display}' of '{topic.LogicalId}' must match ^[\\w-]+$ and be {limit.RangeText} long");
            }
            else if (fifo != name.EndsWith(".fifo", StringComparison.Ordinal))
            {
                context.Report(node, fifo
                    ? $"FIFO topic '{topic.LogicalId}' is named '{node.Display}'; FIFO topic names must end with '.fifo'"
                    : $"topic '{topic.LogicalId}' is named '{node.Display}' but is not a FIFO topic (FifoTopic: true)");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\w-]+$")]
    private static partial System.Text.RegularExpressions.Regex EventTopicName();
}
