using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-009: More secondary indexes than DynamoDB allows on one table.</summary>
public sealed class TooManyTableIndexes : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-009",
        Title = "Too many secondary indexes on a table",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "An `AWS::DynamoDB::Table` has more than 5 local secondary indexes (error) or more than 20 global secondary indexes (warning: the default quota).",
        Rationale = "`CreateTable` rejects a sixth local secondary index (a fixed limit) and, unless the account's quota was raised, a twenty-first global secondary index; the deployment fails.",
        HowToFix = "Merge indexes (overload one index's keys), move queries to a global index, or ask for a higher global-index quota.",
        FailingExample = """
            LocalSecondaryIndexes:
              - IndexName: byA
              - ...six indexes
            """,
        PassingExample = """
            LocalSecondaryIndexes:
              - IndexName: byA
              - ...at most five indexes
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes",
        ],
    };

    public override void Check(RuleContext context)
    {
        var local = context.Limits["dynamodb.localSecondaryIndexes"];
        var global = context.Limits["dynamodb.globalSecondaryIndexes"];
        foreach (var table in context.Service.Resources.Tables)
        {
            var properties = table.Resource.Properties;
            if (!local.Contains(table.LocalSecondaryIndexes.Count) && properties.KeyOf("LocalSecondaryIndexes") is { } lsi)
            {
                context.Report(lsi, $"table '{table.LogicalId}' has {table.LocalSecondaryIndexes.Count} local secondary indexes; DynamoDB allows at most {local.Max}");
            }

            if (!global.Contains(table.GlobalSecondaryIndexes.Count) && properties.KeyOf("GlobalSecondaryIndexes") is { } gsi)
            {
                context.Report(gsi, $"table '{table.LogicalId}' has {table.GlobalSecondaryIndexes.Count} global secondary indexes; the default quota is {global.Max} per table",
                    severity: Severity.Warning);
            }
        }
    }
}
