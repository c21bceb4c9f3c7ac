using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>
/// The CloudFormation resources of a spec (<see cref="ResourcesSection"/>) looked up the way events refer to them:
/// <c>!GetAtt X.Arn</c>, <c>{Fn::GetAtt: [X, Arn]}</c>, <c>!Ref X</c>, ARNs built with <c>Fn::Join</c>/<c>Fn::Sub</c>
/// (and <c>${self:…}</c>, already resolved), and literal ARNs or names matching a resource's name property.
/// </summary>
public sealed class ResourceIndex(Service service)
{
    public const string QueueType = "AWS::SQS::Queue";
    public const string TopicType = "AWS::SNS::Topic";
    public const string TableType = "AWS::DynamoDB::Table";

    public IReadOnlyList<CfnResource> All => service.Resources.Resources;

    public IEnumerable<CfnResource> OfType(string type) => All.Where(r => r.IsType(type));

    public CfnResource? this[string logicalId] => service.Resources.Find(logicalId);

    /// <summary>The resource of <paramref name="type"/> a value refers to, or null.</summary>
    public CfnResource? Find(Node? value, string type) =>
        service.Resources.Resolve(Reference(value)) is { } resource && resource.IsType(type) ? resource : null;

    /// <summary>
    /// The reference of a value; an ARN built from a deploy-time part (<c>…:${aws:accountId}:jobs</c>) still names its
    /// resource by its literal last segment.
    /// </summary>
    private static ResourceReference? Reference(Node? value)
    {
        var reference = ResourceReference.From(value);
        if (reference is not { Kind: ReferenceKind.DeployTime } || References.Flatten(value) is not { } text)
        {
            return reference;
        }

        var literal = ResourceReference.From(new ScalarNode(value!.Span, text, ScalarKind.String));
        return literal?.Name is { } name && !name.Contains('\0', StringComparison.Ordinal) ? reference with { Name = name } : reference;
    }

    public SqsQueue? Queue(Node? value) => Find(value, QueueType) is { } r ? service.Resources.FindQueue(r.LogicalId) : null;

    public DynamoDbTable? Table(Node? value) => Find(value, TableType) is { } r ? service.Resources.FindTable(r.LogicalId) : null;
}
