using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.S3;

/// <summary>SLS-S3-007: Lifecycle rule with a day count S3 rejects.</summary>
public sealed class LifecycleDaysNotPositive : Rule
{
    /// <summary>The day counts of a lifecycle rule that must be positive, as paths below the rule.</summary>
    private static readonly string[][] PositiveDays =
    [
        ["ExpirationInDays"],
        ["NoncurrentVersionExpirationInDays"],
        ["NoncurrentVersionExpiration", "NoncurrentDays"],
        ["AbortIncompleteMultipartUpload", "DaysAfterInitiation"],
    ];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-S3-007",
        Title = "Lifecycle rule day count not positive",
        DefaultSeverity = Severity.Error,
        Category = "S3",
        Description = "A lifecycle rule of an `AWS::S3::Bucket` in `resources` sets `ExpirationInDays`, `NoncurrentVersionExpiration(InDays)`/`NoncurrentDays` or " +
                      "`AbortIncompleteMultipartUpload.DaysAfterInitiation` to 0 or less.",
        Rationale = "`PutBucketLifecycleConfiguration` requires these day counts to be positive integers (\"'Days' for Expiration action must be a positive integer\"), so the deployment fails.",
        HowToFix = "Use at least 1 day.",
        FailingExample = """
            LifecycleConfiguration:
              Rules:
                - Status: Enabled
                  ExpirationInDays: 0
            """,
        PassingExample = """
            LifecycleConfiguration:
              Rules:
                - Status: Enabled
                  ExpirationInDays: 1
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleExpiration.html",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/API_NoncurrentVersionExpiration.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var bucket in context.Service.Resources.Resources.Where(r => r.IsType("AWS::S3::Bucket")))
        {
            foreach (var rule in bucket.Property("LifecycleConfiguration").At("Rules").Items())
            {
                foreach (var path in PositiveDays)
                {
                    if (rule.At(path) is ScalarNode value && value.Integer() is { } days && days < 1)
                    {
                        context.Report(value, $"{string.Join('.', path)} of a lifecycle rule of bucket '{bucket.LogicalId}' is {days}; S3 requires a positive number of days");
                    }
                }
            }
        }
    }
}
