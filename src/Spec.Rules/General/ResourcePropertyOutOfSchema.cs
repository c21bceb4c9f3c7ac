using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-009: A resource property breaks its CloudFormation schema's range, enum, pattern or length.</summary>
public sealed partial class ResourcePropertyOutOfSchema : Rule
{
    /// <summary>Properties a dedicated rule checks with a better message (SLS-SQS-007). Bucket and topic names are
    /// checked here too: where SLS-S3-001/SLS-SNS-002 report the same value, <see cref="Backstops"/> keeps theirs, and
    /// where they do not (a name assembled from variables), this is the check that remains.</summary>
    private static readonly HashSet<(string Type, string Path)> CheckedElsewhere =
    [
        ("AWS::SQS::Queue", "VisibilityTimeout"), ("AWS::SQS::Queue", "MessageRetentionPeriod"), ("AWS::SQS::Queue", "DelaySeconds"),
        ("AWS::SQS::Queue", "ReceiveMessageWaitTimeSeconds"), ("AWS::SQS::Queue", "MaximumMessageSize"),
    ];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-009",
        Title = "Resource property outside its CloudFormation schema",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "A literal property of a resource — one in `resources`, or one the Framework-compatible plan generates for a function, event or provider setting — " +
                      "is outside the minimum/maximum, not one of the allowed values, does not match the pattern, has a length or item count, or a scalar type (integer, number, boolean) " +
                      "the resource type's CloudFormation schema does not allow, or a required property is missing. Every resource type of the CloudFormation registry (us-east-1) is covered. " +
                      "A finding on a generated resource points at the spec key it was generated from. CloudFormation functions (`Ref`, `Fn::*`) and deploy-time values are not judged.",
        Rationale = "CloudFormation validates the properties against the schema and rejects the template, or the service rejects the value when the stack is created.",
        HowToFix = "Use a value the message's constraint allows (the resource type's CloudFormation reference lists them).",
        FailingExample = """
            Nightly:
              Type: AWS::Events::Rule
              Properties:
                State: enabled
            """,
        PassingExample = """
            Nightly:
              Type: AWS::Events::Rule
              Properties:
                State: ENABLED
            """,
        Anchors =
        [
            "cfn-lint E3030",
            "cfn-lint E3031",
            "cfn-lint E3033",
            "cfn-lint E3034",
            "cfn-lint E3003",
            "cfn-lint E3012",
            "AWS resource provider schemas (tools/cfn-schemas/generate.py)",
        ],
    };

    public override bool ReadsGeneratedResources => true;

    public override void Check(RuleContext context)
    {
        var constraints = CfnConstraints.Default;
        var generated = context.Input.GeneratedResources();
        var merged = context.Input.GeneratedWrittenToo();
        foreach (var resource in context.Service.Resources.Resources)
        {
            // A resource with the logical id of a generated one is merged into it, and checked as merged below.
            if (resource.Type?.Value is not { } type || constraints.Of(type) is not { } schema || merged.Contains(resource.LogicalId))
            {
                continue;
            }

            // Properties written as a CloudFormation function (Fn::If …) are only known at deploy time.
            var written = resource.Node is MappingNode body ? body["Properties"] : null;
            if (resource.Properties is null && written is not null)
            {
                continue;
            }

            // Without a plan a partial body may be an override of a generated resource: its required keys are not judged.
            foreach (var v in CfnConstraintChecker.Check(resource.Properties, schema, resource.KeyNode, checkRequired: context.Input.Planner is not null))
            {
                if (!CheckedElsewhere.Contains((type, Unindexed(v.Path))))
                {
                    context.Report(v.Node, $"{Where(v.Path)}{type} '{resource.LogicalId}' {v.Problem}");
                }
            }
        }

        // Each generated resource's JSON is walked as it is (a service of thousands of functions has tens of thousands),
        // in parallel, and reported in plan order.
        var found = new IReadOnlyList<CfnViolation>[generated.Count];
        Parallel.For(0, generated.Count, i =>
        {
            var resource = generated[i];
            // The node of the resource itself is made only for one without properties (to point at what it lacks).
            found[i] = constraints.Of(resource.Type) is not { } schema ? []
                : resource.PropertiesValue is { } properties ? CfnConstraintChecker.Check(properties, schema)
                : CfnConstraintChecker.Check((GeneratedValue?)null, schema, resource.OriginNode);
        });
        for (var i = 0; i < generated.Count; i++)
        {
            var resource = generated[i];
            foreach (var v in found[i])
            {
                // At the key the resource was generated for (no finer origin): said by a related location at the same span.
                // An id made from a value of ${env:} or ${file()} spells it: the resource is named by that expression.
                var related = v.Node.Span == resource.Origin
                    ? new[] { new RelatedLocation(resource.Origin, $"{(resource.IdExpression is { } named ? $"the {resource.Type} named after {named}" : resource.LogicalId)} is generated from this key") }
                    : null;
                var shownId = resource.IdExpression is { } expression ? $"named after {expression}" : $"'{resource.LogicalId}'";
                context.Report(v.Node, $"{Where(v.Path)}{resource.Type} {shownId} (generated from this key) {v.Problem}", related: related);
            }
        }
    }

    private static string Where(string path) => path.Length == 0 ? string.Empty : path + " of ";

    /// <summary><c>Tags[2].Key</c> → <c>Tags[].Key</c>.</summary>
    private static string Unindexed(string path) => Index().Replace(path, "[]");

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
