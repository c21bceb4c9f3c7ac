using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.S3;

/// <summary>SLS-S3-001: S3 bucket name invalid.</summary>
public sealed partial class S3BucketNameInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-S3-001",
        Title = "S3 bucket name invalid",
        DefaultSeverity = Severity.Error,
        Category = "S3",
        Description = "An `s3` event bucket name must be 3-63 characters of lowercase letters, digits, `.` and `-`, starting and ending with a letter or digit.",
        Rationale = "S3 rejects the bucket name and the deployment fails.",
        HowToFix = "Use a valid bucket name, e.g. `my-uploads`.",
        FailingExample = """
            - s3: My_Uploads
            """,
        PassingExample = """
            - s3: my-uploads
            """,
        Anchors =
        [
            "Serverless S3_INVALID_BUCKET_PATTERN",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var s3 in function.EventsOf<S3Event>())
            {
                if (s3.Bucket is { Value: { } name } bucket && !bucket.Node.IsIntrinsic() && !BucketName().IsMatch(name))
                {
                    context.Report(bucket.Node, $"bucket name '{bucket.Node.Display}' must be 3-63 lowercase letters, digits, '.' or '-', starting and ending with a letter or digit");
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial System.Text.RegularExpressions.Regex BucketName();
}
