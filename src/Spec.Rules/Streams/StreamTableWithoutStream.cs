using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-003: Table has no stream.</summary>
public sealed class StreamTableWithoutStream : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-003",
        Title = "Table has no stream",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "A `stream` event points at a DynamoDB table in `resources` that has no `StreamSpecification`.",
        Rationale = "The table has no `StreamArn`, so the stack fails when the event source mapping is created.",
        HowToFix = "Add `StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}` (or the view the function needs) to the table.",
        FailingExample = """
            Table:
              Type: AWS::DynamoDB::Table
              Properties:
                KeySchema: [...]
            """,
        PassingExample = """
            Table:
              Type: AWS::DynamoDB::Table
              Properties:
                StreamSpecification:
                  StreamViewType: NEW_IMAGE
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "none - new",
        ],
    };

    public override void Check(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in context.Service.Functions)
        {
            foreach (var stream in function.EventsOf<StreamEvent>())
            {
                if (stream.Type.Value is "kinesis" || resources.Table(stream.Arn) is not { } table)
                {
                    continue;
                }

                if (!table.HasStream && reported.Add(table.LogicalId))
                {
                    context.Report(table.Resource.KeyNode, $"table '{table.LogicalId}' has no StreamSpecification, but function '{function.Key}' reads its stream",
                        related: [stream.Arn.Related($"function '{function.Key}' reads the stream here")]);
                }
            }
        }
    }
}
