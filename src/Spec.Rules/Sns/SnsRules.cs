namespace Spec.Rules.Engine;

/// <summary>The Sns rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddSnsRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.Sns.SnsArnWithoutTopicName());
        rules.Add(new Spec.Rules.Sns.SnsTopicNameInvalid());
        rules.Add(new Spec.Rules.Sns.FifoQueueOnStandardTopic());
        rules.Add(new Spec.Rules.Sns.SnsSubscriptionWithoutDeadLetterQueue());
        rules.Add(new Spec.Rules.Sns.FilterPolicyInvalid());
    }
}
