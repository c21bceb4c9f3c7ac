using Spec.Core.Diagnostics;
using Spec.Rules.Engine;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-010: A DynamoDB stream view type DynamoDB does not have.</summary>
public sealed class StreamViewTypeInvalid : Rule
{
    private static readonly string[] ViewTypes = ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-010",
        Title = "DynamoDB stream view type invalid",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "An `AWS::DynamoDB::Table`'s `StreamSpecification.StreamViewType` is not `KEYS_ONLY`, `NEW_IMAGE`, `OLD_IMAGE` or `NEW_AND_OLD_IMAGES`.",
        Rationale = "`CreateTable` rejects the stream specification and the deployment fails; the CloudFormation resource schema declares the property as a plain string, so the schema check does not catch it.",
        HowToFix = "Use one of `KEYS_ONLY`, `NEW_IMAGE`, `OLD_IMAGE`, `NEW_AND_OLD_IMAGES` (upper case).",
        FailingExample = """
            StreamSpecification:
              StreamViewType: NEW
            """,
        PassingExample = """
            StreamSpecification:
              StreamViewType: NEW_IMAGE
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_StreamSpecification.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var table in context.Service.Resources.Tables)
        {
            if (table.StreamViewType is { Value: { } view } viewType && !ViewTypes.Contains(view, StringComparer.Ordinal))
            {
                context.Report(viewType.Node, $"StreamViewType '{viewType.Node.Display}' of table '{table.LogicalId}' is not one of {string.Join(", ", ViewTypes)}");
            }
        }
    }
}
