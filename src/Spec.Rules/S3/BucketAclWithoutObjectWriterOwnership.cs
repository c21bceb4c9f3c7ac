using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.S3;

/// <summary>SLS-S3-006: Canned ACL on a bucket whose ACLs are disabled.</summary>
public sealed class BucketAclWithoutObjectWriterOwnership : Rule
{
    /// <summary>The object ownership settings under which a bucket accepts ACLs.</summary>
    private static readonly string[] OwnershipWithAcls = ["BucketOwnerPreferred", "ObjectWriter"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-S3-006",
        Title = "Canned ACL on a bucket whose ACLs are disabled",
        DefaultSeverity = Severity.Error,
        Category = "S3",
        Description = "An `AWS::S3::Bucket` in `resources` sets `AccessControl` other than `Private` without `OwnershipControls` that enable ACLs (`BucketOwnerPreferred` or `ObjectWriter`).",
        Rationale = "Since April 2023 a new bucket's Object Ownership is `BucketOwnerEnforced`, which disables ACLs: creating the bucket with a canned ACL fails " +
                    "(InvalidBucketAclWithObjectOwnership), and so does the deployment.",
        HowToFix = "Grant access with a bucket policy and drop `AccessControl`, or set `OwnershipControls` with `ObjectOwnership: BucketOwnerPreferred` (or `ObjectWriter`) if you must use ACLs.",
        FailingExample = """
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: PublicRead
            """,
        PassingExample = """
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: LogDeliveryWrite
              OwnershipControls:
                Rules:
                  - ObjectOwnership: BucketOwnerPreferred
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ensure-object-ownership.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var bucket in context.Service.Resources.Resources.Where(r => r.IsType("AWS::S3::Bucket")))
        {
            if (bucket.Property("AccessControl") is not { } acl || acl.Text() is not { } cannedAcl || cannedAcl == "Private")
            {
                continue;
            }

            var ownership = bucket.Property("OwnershipControls").At("Rules").Items()
                .Select(rule => rule.At("ObjectOwnership"))
                .FirstOrDefault(o => o is not null);
            if (ownership is not null && (ownership.Text() is not { } setting || OwnershipWithAcls.Contains(setting, StringComparer.Ordinal)))
            {
                continue;
            }

            var why = ownership is null ? "its Object Ownership defaults to BucketOwnerEnforced" : $"its Object Ownership is {ownership.Display}";
            context.Report(acl, $"bucket '{bucket.LogicalId}' sets the canned ACL {acl.Display}, but {why}, which disables ACLs: S3 rejects the bucket");
        }
    }
}
