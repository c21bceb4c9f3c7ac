using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Backends.Plan;

/// <summary>What a planned resource was made for: lets backends and diagnostics say where it came from.</summary>
public enum PlanResourceKind
{
    DeploymentBucket,
    LogGroup,
    Role,
    Function,
    FunctionVersion,
    FunctionAlias,
    FunctionUrl,
    Permission,
    EventSourceMapping,
    Api,
    Route,
    Rule,
    Topic,
    Bucket,
    Authorizer,
    Layer,
    Other,
    UserResource,
}

/// <summary>
/// One cloud resource of the plan: a stable logical name, a resource type and its body
/// (<c>Type</c>, <c>Properties</c>, <c>DependsOn</c>, <c>DeletionPolicy</c>, … in the Framework's key order).
/// Resource types use the CloudFormation registry names (<c>AWS::Lambda::Function</c>), the vocabulary every AWS
/// backend (CloudFormation, Pulumi aws-native/classic mappings) understands; references between resources are
/// <c>Ref</c>/<c>Fn::GetAtt</c> nodes naming other plan resources by logical name.
/// </summary>
public sealed class PlanResource(string logicalId, JsonObject body, PlanResourceKind kind, SourceSpan? origin)
{
    public string LogicalId { get; } = logicalId;

    /// <summary>The resource body as the Framework writes it: <c>Type</c> first.</summary>
    public JsonObject Body { get; } = body;

    public PlanResourceKind Kind { get; } = kind;

    /// <summary>The spec node this resource was lowered from (function, event, or <c>resources:</c> entry).</summary>
    public SourceSpan? Origin { get; } = origin;

    /// <summary>The spec function key when the resource belongs to a function.</summary>
    public string? FunctionKey { get; init; }

    /// <summary>The spec value the logical id is made from when that is a value, not a key (an s3 event's bucket name):
    /// an id made from a value of <c>${env:}</c> or <c>${file()}</c> spells that value, so messages name it otherwise.</summary>
    public Node? IdSource { get; init; }

    public string Type => Body["Type"]?.GetValue<string>() ?? string.Empty;

    public JsonObject Properties
    {
        get
        {
            if (Body["Properties"] is JsonObject p)
            {
                return p;
            }

            var created = new JsonObject();
            Body["Properties"] = created;
            return created;
        }
    }
}

/// <summary>A function's or layer's code package: what <c>spec package</c> zips and where the template expects it.</summary>
public sealed record PlanArtifact(string? FunctionKey, string ArtifactName, string S3Key, string? ExistingArtifactPath)
{
    /// <summary>The <c>layers:</c> key when this is a layer's zip (made from the layer's <c>path</c>).</summary>
    public string? LayerKey { get; init; }
}

/// <summary>
/// The provider-neutral plan of one service: every resource with its logical name, in the Framework's order
/// (deployment bucket, log groups, role, functions, versions, events in plugin order, then user resources),
/// plus outputs, the template sections the user wrote and the code artifacts.
/// </summary>
public sealed class ServicePlan
{
    // In the order they were added, and by id: one table holds both, with no list to grow beside it.
    private readonly OrderedDictionary<string, PlanResource> _byId = new(StringComparer.Ordinal);

    public required string Service { get; init; }

    public required string Stage { get; init; }

    public required string Region { get; init; }

    public string Description { get; set; } = "The AWS CloudFormation template for this Serverless application";

    public IReadOnlyList<PlanResource> Resources => _byId.Values;

    /// <summary>Outputs in order; each value is the Output body (<c>Description</c>, <c>Value</c>, <c>Export</c>…).</summary>
    public JsonObject Outputs { get; } = [];

    /// <summary>Other top-level template sections from <c>resources:</c> (Conditions, Parameters, Mappings, Metadata, Transform…).</summary>
    public JsonObject ExtraSections { get; } = [];

    public PlanArtifacts Artifacts { get; } = new();

    /// <summary>The deployment bucket name when <c>provider.deploymentBucket</c> names one; null when the stack owns it.</summary>
    public string? DeploymentBucketName { get; set; }

    public string StackName { get; set; } = string.Empty;

    public string DeploymentPrefix { get; set; } = "serverless";

    /// <summary>
    /// The spec node each plan value was converted from (by reference; values computed by the plan have none): where
    /// the spec wrote it and whether it is sensitive, when the plan was built with
    /// <see cref="PlanOptions.RecordValueSources"/>; otherwise null.
    /// </summary>
    public Dictionary<JsonNode, Node>? ValueSources { get; init; }

    public PlanResource? this[string logicalId] => _byId.TryGetValue(logicalId, out var resource) ? resource : null;

    public bool Contains(string logicalId) => _byId.ContainsKey(logicalId);

    /// <summary>Adds a resource, or replaces the body of an existing one in place (the Framework assigns by key).</summary>
    public PlanResource Add(PlanResource resource)
    {
        _byId[resource.LogicalId] = resource;
        return resource;
    }

    public bool Remove(string logicalId) => _byId.Remove(logicalId);
}
