using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.S3;

/// <summary>SLS-S3-002: More than one new bucket per function.</summary>
public sealed class MultipleNewBucketsPerFunction : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-S3-002",
        Title = "More than one new bucket per function",
        DefaultSeverity = Severity.Error,
        Category = "S3",
        Description = "A function's `s3` events create more than one bucket (events without `existing: true`).",
        Rationale = "The Framework throws S3_MULTIPLE_BUCKETS_PER_FUNCTION.",
        HowToFix = "Use one bucket per function, or mark the other buckets `existing: true`.",
        FailingExample = """
            - s3: photos-in
            - s3:
                bucket: videos-in
            """,
        PassingExample = """
            - s3: photos-in
            - s3:
                bucket: videos-in
                existing: true
            """,
        Anchors =
        [
            "Serverless S3_MULTIPLE_BUCKETS_PER_FUNCTION",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            Spanned<string?>? first = null;
            foreach (var s3 in function.EventsOf<S3Event>().Where(e => !e.IsExisting))
            {
                var name = s3.Bucket.Value ?? s3.Bucket.Node.Display;
                if (first is null)
                {
                    first = s3.Bucket;
                }
                else if (name != (first.Value ?? first.Node.Display))
                {
                    context.Report(s3.Bucket.Node,
                        $"function '{function.Key}' already creates bucket '{first.Node.Display}'; a second new bucket '{s3.Bucket.Node.Display}' is not allowed (mark existing buckets 'existing: true')",
                        related: [first.Node.Related("the first bucket is here")]);
                }
            }
        }
    }
}
