namespace Spec.Rules.Engine;

/// <summary>The S3 rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddS3Rules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.S3.S3BucketNameInvalid());
        rules.Add(new Spec.Rules.S3.MultipleNewBucketsPerFunction());
        rules.Add(new Spec.Rules.S3.OverlappingS3Notifications());
        rules.Add(new Spec.Rules.S3.S3RecursionRisk());
        rules.Add(new Spec.Rules.S3.S3EventTypeInvalid());
        rules.Add(new Spec.Rules.S3.BucketAclWithoutObjectWriterOwnership());
        rules.Add(new Spec.Rules.S3.LifecycleDaysNotPositive());
    }
}
