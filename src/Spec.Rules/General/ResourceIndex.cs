using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>One entry of <c>resources.Resources</c>: its logical id (with the key's span), type and properties.</summary>
public sealed record TemplateResource(string LogicalId, ScalarNode Key, string? Type, MappingNode Node)
{
    public Node? Properties => Node["Properties"];

    public Node? Property(string name) => Properties.At(name);

    /// <summary>The physical name property a literal ARN or name can match (QueueName, TopicName, …).</summary>
    public string? PhysicalName => Type switch
    {
        "AWS::SQS::Queue" => Property("QueueName").Text(),
        "AWS::SNS::Topic" => Property("TopicName").Text(),
        "AWS::DynamoDB::Table" => Property("TableName").Text(),
        "AWS::S3::Bucket" => Property("BucketName").Text(),
        "AWS::Kinesis::Stream" => Property("Name").Text(),
        "AWS::Events::EventBus" => Property("Name").Text(),
        "AWS::Lambda::Function" => Property("FunctionName").Text(),
        _ => null,
    };
}

/// <summary>
/// The CloudFormation resources of a spec (<c>resources.Resources</c>, also when <c>resources</c> is a list of
/// fragments), and how event values such as <c>!GetAtt Queue.Arn</c> or a literal ARN lead to them.
/// </summary>
public sealed class ResourceIndex
{
    private readonly Dictionary<string, TemplateResource> _byId = new(StringComparer.Ordinal);
    private readonly List<TemplateResource> _ordered = [];

    public ResourceIndex(Node? root)
    {
        foreach (var fragment in root.At("resources").Items())
        {
            foreach (var entry in fragment.At("Resources").Entries())
            {
                if (entry.Value is MappingNode body && !_byId.ContainsKey(entry.Key.Text))
                {
                    var resource = new TemplateResource(entry.Key.Text, entry.Key, body["Type"].Text(), body);
                    _byId.Add(resource.LogicalId, resource);
                    _ordered.Add(resource);
                }
            }
        }
    }

    public IReadOnlyList<TemplateResource> All => _ordered;

    public IEnumerable<TemplateResource> OfType(string type) => _ordered.Where(r => r.Type == type);

    public TemplateResource? this[string logicalId] => _byId.GetValueOrDefault(logicalId);

    /// <summary>
    /// The resource of <paramref name="type"/> a value refers to: <c>Ref</c>, <c>Fn::GetAtt</c> (both forms),
    /// <c>Fn::Sub</c> and <c>Fn::Join</c> containing those, or a literal ARN / name whose last segment matches the
    /// resource's physical name (ARNs built with <c>${self:…}</c> arrive here already resolved).
    /// </summary>
    public TemplateResource? Find(Node? value, string type)
    {
        foreach (var id in References.LogicalIds(value))
        {
            if (_byId.TryGetValue(id, out var byId) && byId.Type == type)
            {
                return byId;
            }
        }

        var name = References.LiteralName(value);
        return name is null ? null : OfType(type).FirstOrDefault(r => r.PhysicalName == name);
    }
}
