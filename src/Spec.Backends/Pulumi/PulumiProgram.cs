namespace Spec.Backends.Pulumi;

/// <summary>A resource class of @pulumi/aws: token <c>aws:sqs/queue:Queue</c>, TS <c>aws.sqs.Queue</c>, C# <c>Aws.Sqs.Queue</c>.</summary>
public sealed record PulumiType(string Module, string Class)
{
    public string Token => $"aws:{Module}/{char.ToLowerInvariant(Class[0])}{Class[1..]}:{Class}";

    /// <summary>The short form Pulumi YAML resolves (<c>aws:sqs:Queue</c>); the writers use <see cref="Token"/>.</summary>
    public string ShortToken => $"aws:{Module}:{Class}";
}

/// <summary>One resource of a generated program. <see cref="Name"/> is the CloudFormation logical id it came from.</summary>
public sealed class PulumiResource(string name, PulumiType type, string? sourceLogicalId)
{
    public string Name { get; } = name;

    public PulumiType Type { get; } = type;

    /// <summary>The plan resource this was translated from (null for the leftover stack).</summary>
    public string? SourceLogicalId { get; } = sourceLogicalId;

    public List<KeyValuePair<string, PulumiValue>> Properties { get; } = [];

    /// <summary>Names of resources of this program it must wait for (<c>dependsOn</c>).</summary>
    public SortedSet<string> DependsOn { get; } = new(StringComparer.Ordinal);

    public string? Comment { get; init; }

    /// <summary>
    /// A companion that completes the configuration of the resource it came from (an S3 bucket's public access block):
    /// resources that read that resource wait for it too, as they wait for the whole resource in CloudFormation.
    /// </summary>
    public bool PartOfSource { get; init; }

    /// <summary>CloudFormation <c>DeletionPolicy: Retain</c>: Pulumi's <c>retainOnDelete</c>.</summary>
    public bool RetainOnDelete { get; set; }
}

/// <summary>A complete Pulumi program for one service: resources in dependency order and stack outputs.</summary>
public sealed class PulumiProgram
{
    public required string Project { get; init; }

    public required string Description { get; init; }

    public required string Stage { get; init; }

    public required string Region { get; init; }

    public List<PulumiResource> Resources { get; } = [];

    public List<KeyValuePair<string, PulumiValue>> Outputs { get; } = [];

    /// <summary>Plan logical ids that became no resource of their own, with the resource that absorbed them.</summary>
    public SortedDictionary<string, string> Folded { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Plan logical ids the program does not need, with why: the Framework's custom resource function when every
    /// custom resource it serves has a classic mapping, and what only it used.
    /// </summary>
    public SortedDictionary<string, string> Omitted { get; } = new(StringComparer.Ordinal);

    /// <summary>Plan logical ids deployed through the leftover CloudFormation stack.</summary>
    public SortedSet<string> Leftovers { get; } = new(StringComparer.Ordinal);
}
