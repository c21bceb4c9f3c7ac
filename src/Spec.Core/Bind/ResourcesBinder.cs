using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>resources</c>: the raw CloudFormation sections (a legacy list is merged), resources, outputs and
/// extensions.</summary>
internal sealed class ResourcesBinder(BindContext ctx, ResourceTypesBinder typesBinder)
{
    public ResourcesSection BindResources(Node? node)
    {
        const string path = "resources";
        var sections = new List<MappingNode>();
        switch (node)
        {
            case null:
                return ResourcesSection.Empty;
            case SequenceNode seq:
                // Legacy array form: merged in order.
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    if (ctx.Mapping(seq.Items[i], $"{path}[{i}]") is { } item)
                    {
                        sections.Add(item);
                    }
                }

                break;
            default:
                if (ctx.Mapping(node, path) is { } map)
                {
                    sections.Add(map);
                }

                break;
        }

        var resources = new List<CfnResource>();
        var outputs = new List<CfnOutput>();
        var resourcePositions = new Dictionary<string, int>(StringComparer.Ordinal);
        var outputPositions = new Dictionary<string, int>(StringComparer.Ordinal);
        var extensions = new List<CfnExtension>();
        MappingNode? conditions = null, parameters = null, mappings = null;
        Node? metadata = null, description = null, transform = null, version = null;
        foreach (var section in sections)
        {
            ctx.CheckKeys(section, path, "resources");
            if (ctx.Mapping(section, "Resources", path) is { } rs)
            {
                foreach (var entry in rs.Entries)
                {
                    if (BindCfnResource(entry, $"{path}.Resources.{entry.Key.Text}") is { } r)
                    {
                        Upsert(resources, resourcePositions, r, r.LogicalId);
                    }
                }
            }

            if (ctx.Mapping(section, "Outputs", path) is { } os)
            {
                foreach (var entry in os.Entries)
                {
                    if (BindOutput(entry, $"{path}.Outputs.{entry.Key.Text}") is { } o)
                    {
                        Upsert(outputs, outputPositions, o, o.Key);
                    }
                }
            }

            if (ctx.Mapping(section, "extensions", path) is { } es)
            {
                foreach (var entry in es.Entries)
                {
                    if (BindExtension(entry, $"{path}.extensions.{entry.Key.Text}") is { } e)
                    {
                        extensions.Add(e);
                    }
                }
            }

            conditions = ctx.Mapping(section, "Conditions", path) ?? conditions;
            parameters = ctx.Mapping(section, "Parameters", path) ?? parameters;
            mappings = ctx.Mapping(section, "Mappings", path) ?? mappings;
            metadata = BindContext.Get(section, "Metadata") ?? metadata;
            description = BindContext.Get(section, "Description") ?? description;
            transform = BindContext.Get(section, "Transform") ?? transform;
            version = BindContext.Get(section, "AWSTemplateFormatVersion") ?? version;
        }

        return new ResourcesSection
        {
            Node = node,
            Fragments = node is SequenceNode list
                ? [.. list.Items.Where(i => i is MappingNode).Select(CfnEntry.Of)]
                : node is MappingNode ? [CfnEntry.Of(node)] : [],
            Resources = resources,
            Outputs = outputs,
            Extensions = extensions,
            Conditions = conditions,
            Parameters = parameters,
            Mappings = mappings,
            Metadata = metadata,
            Description = description,
            Transform = transform,
            AwsTemplateFormatVersion = version,
            Queues = [.. resources.Where(r => r.IsType("AWS::SQS::Queue")).Select(typesBinder.BindQueue)],
            Topics = [.. resources.Where(r => r.IsType("AWS::SNS::Topic")).Select(typesBinder.BindTopic)],
            Tables = [.. resources.Where(r => r.IsType("AWS::DynamoDB::Table")).Select(typesBinder.BindTable)],
            Buckets = [.. resources.Where(r => r.IsType("AWS::S3::Bucket")).Select(typesBinder.BindBucket)],
        };
    }

    /// <summary>A key a later section defines again takes the first one's place (positions: each key's index).</summary>
    private static void Upsert<T>(List<T> list, Dictionary<string, int> positions, T item, string key)
    {
        if (positions.TryGetValue(key, out var i))
        {
            list[i] = item;
        }
        else
        {
            positions[key] = list.Count;
            list.Add(item);
        }
    }

    private CfnResource? BindCfnResource(MappingEntry entry, string path)
    {
        if (ctx.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "resources.Resources.*");
        var type = ctx.String(map, "Type", path);
        if (type is null)
        {
            ctx.MissingKey(map, path, "Type", "every CloudFormation resource needs a 'Type' such as 'AWS::SQS::Queue'");
        }

        return new CfnResource
        {
            LogicalId = entry.Key.Text,
            KeyNode = entry.Key,
            Node = map,
            Type = type,
            Properties = ctx.Mapping(map, "Properties", path),
            Condition = BindContext.Get(map, "Condition"),
            DependsOn = ctx.StringList(map, "DependsOn", path),
            DeletionPolicy = ctx.String(map, "DeletionPolicy", path),
            UpdateReplacePolicy = ctx.String(map, "UpdateReplacePolicy", path),
            Metadata = BindContext.Get(map, "Metadata"),
            CreationPolicy = BindContext.Get(map, "CreationPolicy"),
            UpdatePolicy = BindContext.Get(map, "UpdatePolicy"),
        };
    }

    private CfnOutput? BindOutput(MappingEntry entry, string path)
    {
        if (ctx.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "resources.Outputs.*");
        // The Framework's schema types an output as any object and packages one without a Value; CloudFormation
        // refuses it when the stack deploys, so it is a warning here.
        if (BindContext.Get(map, "Value") is null)
        {
            ctx.Warning(map, $"'{path}' has no 'Value': CloudFormation refuses the template when the stack deploys",
                "give the output a Value, or remove it");
        }

        return new CfnOutput
        {
            Key = entry.Key.Text,
            KeyNode = entry.Key,
            Node = map,
            Value = BindContext.Get(map, "Value"),
            Description = ctx.String(map, "Description", path),
            Export = BindContext.Get(map, "Export"),
            Condition = BindContext.Get(map, "Condition"),
        };
    }

    private CfnExtension? BindExtension(MappingEntry entry, string path)
    {
        if (ctx.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "resources.extensions.*");
        return new CfnExtension
        {
            LogicalId = entry.Key.Text,
            KeyNode = entry.Key,
            Node = map,
            Properties = ctx.Mapping(map, "Properties", path),
            Metadata = BindContext.Get(map, "Metadata"),
            DependsOn = ctx.StringList(map, "DependsOn", path),
            Condition = BindContext.Get(map, "Condition"),
            CreationPolicy = BindContext.Get(map, "CreationPolicy"),
            DeletionPolicy = ctx.String(map, "DeletionPolicy", path),
            UpdatePolicy = BindContext.Get(map, "UpdatePolicy"),
            UpdateReplacePolicy = ctx.String(map, "UpdateReplacePolicy", path),
        };
    }
}
