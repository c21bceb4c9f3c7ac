namespace Spec.Rules.Engine;

/// <summary>The Sqs rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddSqsRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.Sqs.QueueVisibilityBelowFunctionTimeout());
        rules.Add(new Spec.Rules.Sqs.QueueVisibilityBelowRecommendation());
        rules.Add(new Spec.Rules.Sqs.FifoQueuePropertiesInconsistent());
        rules.Add(new Spec.Rules.Sqs.DeadLetterQueueTypeMismatch());
        rules.Add(new Spec.Rules.Sqs.FifoBatchSizeTooLarge());
        rules.Add(new Spec.Rules.Sqs.BatchingWindowProblem());
        rules.Add(new Spec.Rules.Sqs.QueueAttributeOutOfRange());
        rules.Add(new Spec.Rules.Sqs.MaxReceiveCountProblem());
        rules.Add(new Spec.Rules.Sqs.ConsumedQueueWithoutDeadLetterQueue());
        rules.Add(new Spec.Rules.Sqs.BatchWithoutPartialFailures());
        rules.Add(new Spec.Rules.Sqs.QueueWithoutSendPolicy());
        rules.Add(new Spec.Rules.Sqs.DeadLetterRetentionTooShort());
        rules.Add(new Spec.Rules.Sqs.SqsEventArnIsQueueUrl());
        rules.Add(new Spec.Rules.Sqs.QueueNameInvalid());
    }
}
