using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-007: Local secondary index on a table without a sort key.</summary>
public sealed class LocalIndexWithoutSortKey : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-007",
        Title = "Local secondary index on a table without a sort key",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "An `AWS::DynamoDB::Table` has `LocalSecondaryIndexes` but its `KeySchema` has no `RANGE` (sort) key, or an index's partition key differs from the table's.",
        Rationale = "DynamoDB's `CreateTable` rejects a local secondary index on a table with a simple primary key, and one whose partition key is not the table's.",
        HowToFix = "Add a `RANGE` key to the table, share the table's `HASH` key in the index, or make the index global (`GlobalSecondaryIndexes`).",
        FailingExample = """
            KeySchema:
              - { AttributeName: pk, KeyType: HASH }
            LocalSecondaryIndexes:
              - IndexName: byDate
                KeySchema:
                  - { AttributeName: pk, KeyType: HASH }
                  - { AttributeName: date, KeyType: RANGE }
            """,
        PassingExample = """
            KeySchema:
              - { AttributeName: pk, KeyType: HASH }
              - { AttributeName: sk, KeyType: RANGE }
            LocalSecondaryIndexes:
              - IndexName: byDate
                KeySchema:
                  - { AttributeName: pk, KeyType: HASH }
                  - { AttributeName: date, KeyType: RANGE }
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var table in context.Service.Resources.Tables)
        {
            if (table.LocalSecondaryIndexes.Count == 0 || table.KeySchema.Count == 0)
            {
                continue;
            }

            var hashName = table.KeySchema.FirstOrDefault(k => k.KeyType?.Value == "HASH")?.AttributeName;
            var hash = hashName?.Value;
            var hasRange = table.KeySchema.Any(k => k.KeyType?.Value == "RANGE");
            foreach (var index in table.LocalSecondaryIndexes)
            {
                // Names as a message shows them: a value from ${env:} by its expression.
                var name = index.IndexName?.Node.Display ?? "(unnamed)";
                if (!hasRange)
                {
                    context.Report(index.IndexName?.Node ?? index.Node,
                        $"local secondary index '{name}' of table '{table.LogicalId}' needs a table with a sort key; the table's key schema has only a partition key");
                    continue;
                }

                var indexHash = index.KeySchema.FirstOrDefault(k => k.KeyType?.Value == "HASH")?.AttributeName;
                if (hash is not null && indexHash?.Value is { } own && own != hash)
                {
                    context.Report(indexHash.Node,
                        $"local secondary index '{name}' of table '{table.LogicalId}' has partition key '{indexHash.Node.Display}'; a local index shares the table's partition key '{hashName!.Node.Display}'");
                }
            }
        }
    }
}
