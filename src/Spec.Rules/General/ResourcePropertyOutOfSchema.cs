using System.Globalization;
using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-009: A resource property breaks its CloudFormation schema's range, enum, pattern or length.</summary>
public sealed class ResourcePropertyOutOfSchema : Rule
{
    /// <summary>Properties a dedicated rule checks with a better message (SLS-SQS-007, SLS-S3-001, SLS-SNS-002).</summary>
    private static readonly HashSet<(string Type, string Path)> CheckedElsewhere =
    [
        ("AWS::SQS::Queue", "VisibilityTimeout"), ("AWS::SQS::Queue", "MessageRetentionPeriod"), ("AWS::SQS::Queue", "DelaySeconds"),
        ("AWS::SQS::Queue", "ReceiveMessageWaitTimeSeconds"), ("AWS::SQS::Queue", "MaximumMessageSize"),
        ("AWS::S3::Bucket", "BucketName"), ("AWS::SNS::Topic", "TopicName"),
    ];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-009",
        Title = "Resource property outside its CloudFormation schema",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "A literal property of a resource in `resources` (SQS, SNS, DynamoDB, S3, EventBridge, Scheduler, Kinesis, Logs, Step Functions, Lambda event source mappings and permissions) " +
                      "is outside the minimum/maximum, not one of the allowed values, does not match the pattern, or has a length or item count the resource type's CloudFormation schema does not allow.",
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
            "AWS resource provider schemas (tools/cfn-schemas/generate.py)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var constraints = CfnConstraints.Default;
        foreach (var resource in context.Service.Resources.Resources)
        {
            if (resource.Type?.Value is not { } type || resource.Properties is not { } properties)
            {
                continue;
            }

            foreach (var constraint in constraints.Of(type))
            {
                if (CheckedElsewhere.Contains((type, constraint.Path)))
                {
                    continue;
                }

                foreach (var node in At(properties, constraint.Path.Split('.')))
                {
                    if (Problem(node, constraint) is { } problem)
                    {
                        context.Report(node, $"{constraint.Path.Replace("[]", "[…]", StringComparison.Ordinal)} of {type} '{resource.LogicalId}' {problem}");
                    }
                }
            }
        }
    }

    /// <summary>The nodes at a path of keys, where <c>Key[]</c> means every item of the list at <c>Key</c>.</summary>
    private static IEnumerable<Node> At(Node node, ReadOnlyMemory<string> path)
    {
        if (path.Length == 0)
        {
            yield return node;
            yield break;
        }

        var segment = path.Span[0];
        var items = 0;
        while (segment.EndsWith("[]", StringComparison.Ordinal))
        {
            segment = segment[..^2];
            items++;
        }

        var current = new List<Node>();
        if (segment.Length == 0)
        {
            current.Add(node);
        }
        else if (node is MappingNode m && m[segment] is { } child)
        {
            current.Add(child);
        }

        for (var i = 0; i < items; i++)
        {
            current = [.. current.SelectMany(n => n is SequenceNode s ? s.Items : [])];
        }

        foreach (var next in current.SelectMany(n => At(n, path[1..])))
        {
            yield return next;
        }
    }

    private static IEnumerable<Node> At(Node node, string[] path) => At(node, path.AsMemory());

    private static string? Problem(Node node, CfnConstraint c)
    {
        if (node is SequenceNode list)
        {
            return c.MinItems is { } least && list.Items.Count < least ? $"has {list.Items.Count} items; at least {least} are needed"
                : c.MaxItems is { } most && list.Items.Count > most ? $"has {list.Items.Count} items; at most {most} are allowed"
                : null;
        }

        if (node is not ScalarNode { IsNull: false } scalar || node.IsIntrinsic())
        {
            return null;
        }

        var shown = scalar.IsSensitive ? scalar.Display : $"'{scalar.Text}'";
        if ((c.Minimum is not null || c.Maximum is not null) && scalar.AsDouble is { } number
            || (c.Minimum is not null || c.Maximum is not null) && scalar.Kind == ScalarKind.String
               && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            if (number < c.Minimum || number > c.Maximum)
            {
                return $"is {shown}; the allowed range is {Bound(c.Minimum)}–{Bound(c.Maximum)}";
            }

            return null;
        }

        if (c.Enum is { Count: > 0 } allowed && !allowed.Contains(scalar.Text, StringComparer.Ordinal))
        {
            var shownValues = allowed.Count <= 12 ? string.Join(", ", allowed) : string.Join(", ", allowed.Take(12)) + ", …";
            var close = allowed.FirstOrDefault(a => string.Equals(a, scalar.Text, StringComparison.OrdinalIgnoreCase));
            return $"is {shown}; allowed: {shownValues}" + (close is null ? string.Empty : $" (did you mean '{close}'?)");
        }

        if (c.MinLength is { } shortest && scalar.Text.Length < shortest)
        {
            return $"is {scalar.Text.Length} characters long; at least {shortest} are needed";
        }

        if (c.MaxLength is { } longest && scalar.Text.Length > longest)
        {
            return $"is {scalar.Text.Length} characters long; at most {longest} are allowed";
        }

        if (c.Pattern is { } pattern && !Matches(pattern, scalar.Text))
        {
            return $"is {shown}, which does not match the pattern {c.PatternText}";
        }

        return null;
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static string Bound(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "…";
}
