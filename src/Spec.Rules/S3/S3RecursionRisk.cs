using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;
using Spec.Rules.Iam;

namespace Spec.Rules.S3;

/// <summary>SLS-S3-003: Function may trigger itself through S3.</summary>
public sealed class S3RecursionRisk : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-S3-003",
        Title = "Function may trigger itself through S3",
        DefaultSeverity = Severity.Warning,
        Category = "S3",
        Description = "A function triggered by a bucket may write (`s3:PutObject`) to that same bucket and the event has no prefix/suffix rule.",
        Rationale = "Each object the function writes triggers it again: an endless, costly loop.",
        HowToFix = "Write to another bucket, or add `rules` with a `prefix`/`suffix` that the function's own output does not match.",
        FailingExample = """
            - s3: photos-in   # and s3:PutObject on arn:aws:s3:::photos-in/*
            """,
        PassingExample = """
            - s3:
                bucket: photos-in
                rules:
                  - prefix: uploads/
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "none - new (AWS recursive loop guidance)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var statements = IamStatements.OfSettings(context);
        foreach (var function in context.Service.Functions)
        {
            foreach (var s3 in function.EventsOf<S3Event>())
            {
                if (s3.Bucket.Value is not { } bucket || s3.Rules.Any(r => r.Prefix is not null || r.Suffix is not null))
                {
                    continue;
                }

                var grant = statements.FirstOrDefault(s => (s.Function is null || s.Function == function) && s.IsAllow
                    && s.Actions.Any(a => IamStatements.Matches(a.Text(), "s3:PutObject"))
                    && s.Resources.Any(r => IamStatements.Matches(References.Flatten(r), $"arn:aws:s3:::{bucket}/object")));
                if (grant is not null)
                {
                    context.Report(s3.Node,
                        $"function '{function.Key}' is triggered by bucket '{s3.Bucket.Node.Display}' and may write to it (s3:PutObject) with no prefix/suffix rule: each write can trigger it again",
                        related: [grant.Node.Related("s3:PutObject on the bucket is granted here")]);
                }
            }
        }
    }
}
