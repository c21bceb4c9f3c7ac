using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sns;

/// <summary>SLS-SNS-001: SNS event arn needs topicName.</summary>
public sealed class SnsArnWithoutTopicName : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SNS-001",
        Title = "SNS event arn needs topicName",
        DefaultSeverity = Severity.Error,
        Category = "Sns",
        Description = "An `sns` event gives `arn` as an intrinsic function or variable but no `topicName`.",
        Rationale = "The Framework needs the topic name to name the subscription and permission; it throws SNS_MISSING_TOPIC_NAME.",
        HowToFix = "Add `topicName` with the topic's name.",
        FailingExample = """
            - sns:
                arn: !Ref Topic
            """,
        PassingExample = """
            - sns:
                arn: !Ref Topic
                topicName: alerts
            """,
        Anchors =
        [
            "Serverless SNS_MISSING_TOPIC_NAME",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var sns in function.EventsOf<SnsEvent>())
            {
                if (sns.Arn is MappingNode intrinsic && intrinsic.IsIntrinsic() && sns.TopicName is null)
                {
                    context.Report(intrinsic, $"the sns event of function '{function.Key}' gives 'arn' as {intrinsic.Entries[0].Key.Text} without 'topicName'");
                }
            }
        }
    }
}
