using Spec.Rules.General;

namespace Spec.Tests.Rules.Constraints;

/// <summary>What <c>cfn-constraints.json</c> holds is what <see cref="CfnConstraints"/> loads: the counts its header
/// states (the docs quote them) equal those of the parsed trees, kind by kind.</summary>
public sealed class CfnConstraintDataTests
{
    [Fact]
    public void Every_kind_the_header_counts_is_loaded()
    {
        var data = CfnConstraints.Default;
        var loaded = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Add(string kind, int n)
        {
            if (n > 0)
            {
                loaded[kind] = loaded.GetValueOrDefault(kind) + n;
            }
        }

        void Visit(CfnConstraint c)
        {
            Add("minimum", c.Minimum is null ? 0 : 1);
            Add("maximum", c.Maximum is null ? 0 : 1);
            Add("enum", c.Enum is null ? 0 : 1);
            Add("pattern", c.PatternText is null ? 0 : 1);
            Add("minLength", c.MinLength is null ? 0 : 1);
            Add("maxLength", c.MaxLength is null ? 0 : 1);
            Add("minItems", c.MinItems is null ? 0 : 1);
            Add("maxItems", c.MaxItems is null ? 0 : 1);
            Add("type", c.ScalarType is null ? 0 : 1);
            Add("required", c.Required.Count);
            Add("oneOf", c.Presence.Count(p => p.Kind == CfnPresenceKind.OneOf));
            Add("anyOf", c.Presence.Count(p => p.Kind == CfnPresenceKind.AnyOf));
            Add("dependentRequired", c.Presence.Where(p => p.Kind == CfnPresenceKind.Requires).Sum(p => p.Keys.Count));
            Add("dependentExcluded", c.Presence.Where(p => p.Kind == CfnPresenceKind.Excludes).Sum(p => p.Keys.Count));
            foreach (var child in c.Properties.Values)
            {
                Visit(child);
            }

            if (c.Items is { } items)
            {
                Visit(items);
            }
        }

        foreach (var type in data.Types)
        {
            Visit(data.Of(type)!);
            Add("getatt", data.AttributesOf(type)?.Names.Count ?? 0);
        }

        Assert.Equal(data.Counts.OrderBy(c => c.Key, StringComparer.Ordinal), loaded);
        // Every registry type has its GetAtt names but the custom resource, which accepts any (cfn-lint's `Module`
        // pseudo-type has neither constraints nor names and is not in the data).
        Assert.Equal(["AWS::CloudFormation::CustomResource"], data.Types.Where(t => data.AttributesOf(t) is null));
        Assert.Equal(data.RegistryTypes - 1, data.Types.Count());
    }

    [Fact]
    public void GetAtt_names_come_from_read_only_properties_and_the_legacy_lists()
    {
        var data = CfnConstraints.Default;
        Assert.Equal(["Arn", "StreamArn"], data.AttributesOf("AWS::DynamoDB::Table")!.Names);
        Assert.True(data.AttributesOf("AWS::SQS::Queue")!.Accepts("QueueName"));
        Assert.True(data.AttributesOf("AWS::RDS::DBCluster")!.Accepts("Endpoint.Address"));
        Assert.True(data.AttributesOf("AWS::CloudFormation::Stack")!.Accepts("Outputs.BucketName"));
        Assert.False(data.AttributesOf("AWS::CloudFormation::Stack")!.Accepts("Outputs."));
        Assert.False(data.AttributesOf("AWS::Lambda::Function")!.Accepts("FunctionName"));
        Assert.Null(data.AttributesOf("AWS::CloudFormation::CustomResource"));
    }

    [Fact]
    public void The_Framework_schema_declares_presence_groups_and_a_dependency()
    {
        var counts = FrameworkSchemaConstraints.CountPresence();
        Assert.Equal(7, counts["oneOf"]);
        Assert.Equal(5, counts["anyOf"]);
        Assert.Equal(1, counts["dependencies"]);
    }
}
