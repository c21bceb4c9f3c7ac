using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-005: DynamoDB key schema or billing mode inconsistent.</summary>
public sealed class DynamoDbKeySchemaInconsistent : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-005",
        Title = "DynamoDB key schema or billing mode inconsistent",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "Every `AttributeDefinitions` entry must be a key of the table or an index and every key must be defined; `PAY_PER_REQUEST` excludes `ProvisionedThroughput`, `PROVISIONED` requires it.",
        Rationale = "DynamoDB rejects the table and the stack fails.",
        HowToFix = "Remove attribute definitions that are not keys, define every key attribute, and match throughput to the billing mode.",
        FailingExample = """
            BillingMode: PAY_PER_REQUEST
            ProvisionedThroughput:
              ReadCapacityUnits: 1
            """,
        PassingExample = """
            BillingMode: PAY_PER_REQUEST
            """,
        Anchors =
        [
            "cfn-lint E3039",
            "cfn-lint E3638",
            "cfn-lint E3639",
        ],
    };

    public override void Check(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        foreach (var table in resources.OfType("AWS::DynamoDB::Table"))
        {
            if (table.Properties is not { } properties)
            {
                continue;
            }

            CheckAttributes(context, table, properties);
            CheckBilling(context, table, properties);
        }
    }

    private static void CheckAttributes(RuleContext context, CfnResource table, MappingNode properties)
    {
        var definitions = properties["AttributeDefinitions"];
        if (definitions is not SequenceNode defined || defined.Items.Any(i => i is not MappingNode))
        {
            return;
        }

        var keySchemas = new List<Node?> { properties["KeySchema"] };
        foreach (var indexes in new[] { "GlobalSecondaryIndexes", "LocalSecondaryIndexes" })
        {
            if (properties[indexes] is { } list and not SequenceNode)
            {
                return;
            }

            keySchemas.AddRange(properties[indexes].Items().Select(i => i.At("KeySchema")));
        }

        if (keySchemas.Any(k => k is not null and not SequenceNode))
        {
            return;
        }

        var keys = keySchemas.SelectMany(k => k.Items()).Select(k => k.At("AttributeName")).Where(n => n.Text() is not null).ToList();
        var keyNames = keys.Select(k => k.Text()!).ToHashSet(StringComparer.Ordinal);
        var definedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in defined.Items.Select(i => i.At("AttributeName")))
        {
            if (name.Text() is not { } text)
            {
                continue;
            }

            definedNames.Add(text);
            if (!keyNames.Contains(text))
            {
                context.Report(name!, $"attribute '{name!.Display}' of table '{table.LogicalId}' is defined but is not a key of the table or of an index");
            }
        }

        foreach (var key in keys.Where(k => !definedNames.Contains(k.Text()!)))
        {
            context.Report(key!, $"key attribute '{key!.Display}' of table '{table.LogicalId}' is not in AttributeDefinitions");
        }
    }

    private static void CheckBilling(RuleContext context, CfnResource table, MappingNode properties)
    {
        var mode = properties["BillingMode"];
        var throughput = properties.KeyOf("ProvisionedThroughput");
        switch (mode.Text() ?? (mode is null ? Defaults.DynamoDbBillingMode : null))
        {
            case "PAY_PER_REQUEST" when throughput is not null:
                context.Report(throughput, $"table '{table.LogicalId}' uses BillingMode PAY_PER_REQUEST, which excludes ProvisionedThroughput");
                break;
            case "PROVISIONED" when throughput is null:
                context.Report((Node?)mode ?? table.KeyNode,
                    $"table '{table.LogicalId}' uses BillingMode PROVISIONED{(mode is null ? " (the default)" : "")} but sets no ProvisionedThroughput");
                break;
        }
    }
}
