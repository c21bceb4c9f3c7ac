using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>
/// <c>resources</c> (reference §1.5): the raw CloudFormation the Framework deep-merges into its template after
/// compilation, with typed views of the resource types rules need (SQS, SNS, DynamoDB, S3).
/// </summary>
public sealed record ResourcesSection
{
    public static readonly ResourcesSection Empty = new();

    /// <summary>The <c>resources</c> node (a mapping; a legacy list is merged), or null when absent.</summary>
    public Node? Node { get; init; }

    /// <summary>
    /// The sections as written, for the backends' deep merge into the template: one list of entries for a mapping,
    /// or one per mapping of the legacy list, in order. <c>resources</c> is CloudFormation by nature, so its values
    /// stay raw (<see cref="CfnEntry"/>).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<CfnEntry>> Fragments { get; init; } = [];

    /// <summary><c>Resources</c>, in source order.</summary>
    public IReadOnlyList<CfnResource> Resources { get; init; } = [];

    /// <summary><c>Outputs</c>, in source order.</summary>
    public IReadOnlyList<CfnOutput> Outputs { get; init; } = [];

    public MappingNode? Conditions { get; init; }

    public MappingNode? Parameters { get; init; }

    public MappingNode? Mappings { get; init; }

    public Node? Metadata { get; init; }

    /// <summary><c>extensions</c>: patches applied to generated resources.</summary>
    public IReadOnlyList<CfnExtension> Extensions { get; init; } = [];

    public Node? Description { get; init; }

    /// <summary><c>Transform</c> (e.g. <c>AWS::Serverless-2016-10-31</c>), raw.</summary>
    public Node? Transform { get; init; }

    public Node? AwsTemplateFormatVersion { get; init; }

    /// <summary>Typed views of the <c>AWS::SQS::Queue</c> resources.</summary>
    public IReadOnlyList<SqsQueue> Queues { get; init; } = [];

    /// <summary>Typed views of the <c>AWS::SNS::Topic</c> resources.</summary>
    public IReadOnlyList<SnsTopic> Topics { get; init; } = [];

    /// <summary>Typed views of the <c>AWS::DynamoDB::Table</c> resources.</summary>
    public IReadOnlyList<DynamoDbTable> Tables { get; init; } = [];

    /// <summary>Typed views of the <c>AWS::S3::Bucket</c> resources.</summary>
    public IReadOnlyList<S3Bucket> Buckets { get; init; } = [];

    /// <summary>The resource with this logical id, or null.</summary>
    public CfnResource? Find(string logicalId) => LogicalIdIndex.Find(Resources, logicalId, static r => r.LogicalId);

    public SqsQueue? FindQueue(string logicalId) => LogicalIdIndex.Find(Queues, logicalId, static q => q.LogicalId);

    public SnsTopic? FindTopic(string logicalId) => LogicalIdIndex.Find(Topics, logicalId, static t => t.LogicalId);

    public DynamoDbTable? FindTable(string logicalId) => LogicalIdIndex.Find(Tables, logicalId, static t => t.LogicalId);

    public S3Bucket? FindBucket(string logicalId) => LogicalIdIndex.Find(Buckets, logicalId, static b => b.LogicalId);

    /// <summary>The resource a reference points at: by logical id, or by a literal name matched against the
    /// resources' name property (<c>QueueName</c>, <c>TopicName</c>, <c>TableName</c>, <c>BucketName</c>).</summary>
    public CfnResource? Resolve(ResourceReference? reference)
    {
        if (reference is null)
        {
            return null;
        }

        if (reference.LogicalId is { } id)
        {
            return Find(id);
        }

        if (reference.Name is not { } name)
        {
            return null;
        }

        return Queues.FirstOrDefault(q => q.QueueName?.Value == name)?.Resource
            ?? Topics.FirstOrDefault(t => t.TopicName?.Value == name)?.Resource
            ?? Tables.FirstOrDefault(t => t.TableName?.Value == name)?.Resource
            ?? Buckets.FirstOrDefault(b => b.BucketName?.Value == name)?.Resource;
    }
}

/// <summary>
/// One key of CloudFormation kept as written (a section of <c>resources</c>, a resource, an output, an extension): its
/// name, where the key was written, and its raw value, which a backend converts to its own vocabulary as a whole.
/// </summary>
public sealed record CfnEntry(string Key, SourceSpan KeySpan, Node Value)
{
    /// <summary>The text of a scalar <see cref="Value"/>, or null.</summary>
    public string? Text => RawValues.Text(Value);

    /// <summary>The entries of <see cref="Value"/> when it is a mapping, in order; empty otherwise.</summary>
    public IReadOnlyList<CfnEntry> Members => Of(Value);

    /// <summary>The entries of a mapping node, in order; empty for any other node.</summary>
    public static IReadOnlyList<CfnEntry> Of(Node? node) =>
        node is MappingNode m ? [.. m.Entries.Select(e => new CfnEntry(e.Key.Text, e.Key.Span, e.Value))] : [];
}

/// <summary>One entry of <c>resources.Resources</c>.</summary>
public sealed record CfnResource
{
    public required string LogicalId { get; init; }

    public required ScalarNode KeyNode { get; init; }

    /// <summary>The resource node (a mapping in a valid spec).</summary>
    public required Node Node { get; init; }

    /// <summary><c>Type</c> (<c>AWS::SQS::Queue</c>…); null value when not a string.</summary>
    public Spanned<string?>? Type { get; init; }

    public MappingNode? Properties { get; init; }

    public Node? Condition { get; init; }

    /// <summary><c>DependsOn</c>: one id or a list.</summary>
    public IReadOnlyList<Spanned<string?>> DependsOn { get; init; } = [];

    public Spanned<string?>? DeletionPolicy { get; init; }

    public Spanned<string?>? UpdateReplacePolicy { get; init; }

    public Node? Metadata { get; init; }

    public Node? CreationPolicy { get; init; }

    public Node? UpdatePolicy { get; init; }

    /// <summary>The node of a property, or null.</summary>
    public Node? Property(string name) => Properties?[name];

    public bool IsType(string type) => Type?.Value == type;
}

/// <summary>One entry of <c>resources.Outputs</c>.</summary>
public sealed record CfnOutput
{
    public required string Key { get; init; }

    public required ScalarNode KeyNode { get; init; }

    public required Node Node { get; init; }

    public Node? Value { get; init; }

    public Spanned<string?>? Description { get; init; }

    /// <summary><c>Export</c> (<c>{Name}</c>), raw. Without it the Framework adds
    /// <c>sls-&lt;service&gt;-&lt;stage&gt;-&lt;key&gt;</c>.</summary>
    public Node? Export { get; init; }

    public Node? Condition { get; init; }
}

/// <summary>One entry of <c>resources.extensions</c>: a patch of a generated resource.</summary>
public sealed record CfnExtension
{
    public required string LogicalId { get; init; }

    public required ScalarNode KeyNode { get; init; }

    public required Node Node { get; init; }

    public MappingNode? Properties { get; init; }

    public Node? Metadata { get; init; }

    public IReadOnlyList<Spanned<string?>> DependsOn { get; init; } = [];

    public Node? Condition { get; init; }

    public Node? CreationPolicy { get; init; }

    public Spanned<string?>? DeletionPolicy { get; init; }

    public Node? UpdatePolicy { get; init; }

    public Spanned<string?>? UpdateReplacePolicy { get; init; }
}

/// <summary>An <c>AWS::SQS::Queue</c> in <c>resources</c>, with AWS's defaults for unset properties.</summary>
public sealed record SqsQueue
{
    public required CfnResource Resource { get; init; }

    public string LogicalId => Resource.LogicalId;

    public Spanned<string?>? QueueName { get; init; }

    public Setting<bool?> FifoQueue { get; init; } = Setting<bool?>.Default(Defaults.SqsFifoQueue);

    public Spanned<bool?>? ContentBasedDeduplication { get; init; }

    /// <summary>Default 30 seconds.</summary>
    public Setting<int?> VisibilityTimeout { get; init; } = Setting<int?>.Default(Defaults.SqsVisibilityTimeout);

    /// <summary>Default 345600 seconds (4 days).</summary>
    public Setting<int?> MessageRetentionPeriod { get; init; } =
        Setting<int?>.Default(Defaults.SqsMessageRetentionPeriod);

    public Setting<int?> DelaySeconds { get; init; } = Setting<int?>.Default(Defaults.SqsDelaySeconds);

    public Setting<int?> ReceiveMessageWaitTimeSeconds { get; init; } = Setting<int?>.Default(Defaults.SqsReceiveMessageWaitTimeSeconds);

    /// <summary>Default 262144 bytes.</summary>
    public Setting<int?> MaximumMessageSize { get; init; } = Setting<int?>.Default(Defaults.SqsMaximumMessageSize);

    public SqsRedrivePolicy? RedrivePolicy { get; init; }

    public Node? KmsMasterKeyId { get; init; }

    public Spanned<bool?>? SqsManagedSseEnabled { get; init; }
}

/// <summary><c>RedrivePolicy</c> of a queue: the dead-letter queue and the receive count before moving.</summary>
public sealed record SqsRedrivePolicy(Node? DeadLetterTargetArn, Spanned<int?>? MaxReceiveCount, Node Node)
{
    public ResourceReference? DeadLetterQueue => DeadLetterTargetArn is null ? null : ResourceReference.From(DeadLetterTargetArn);
}

/// <summary>An <c>AWS::SNS::Topic</c> in <c>resources</c>.</summary>
public sealed record SnsTopic
{
    public required CfnResource Resource { get; init; }

    public string LogicalId => Resource.LogicalId;

    public Spanned<string?>? TopicName { get; init; }

    public Spanned<string?>? DisplayName { get; init; }

    public Setting<bool?> FifoTopic { get; init; } = Setting<bool?>.Default(Defaults.SnsFifoTopic);

    public Spanned<bool?>? ContentBasedDeduplication { get; init; }

    public Node? KmsMasterKeyId { get; init; }

    /// <summary><c>Subscription</c> entries, raw.</summary>
    public IReadOnlyList<Node> Subscriptions { get; init; } = [];
}

/// <summary>An <c>AWS::DynamoDB::Table</c> in <c>resources</c>.</summary>
public sealed record DynamoDbTable
{
    public required CfnResource Resource { get; init; }

    public string LogicalId => Resource.LogicalId;

    public Spanned<string?>? TableName { get; init; }

    /// <summary><c>PROVISIONED</c> (default) or <c>PAY_PER_REQUEST</c>.</summary>
    public Setting<string?> BillingMode { get; init; } = Setting<string?>.Default(Defaults.DynamoDbBillingMode);

    public IReadOnlyList<DynamoDbKey> KeySchema { get; init; } = [];

    public IReadOnlyList<DynamoDbAttribute> AttributeDefinitions { get; init; } = [];

    public DynamoDbThroughput? ProvisionedThroughput { get; init; }

    public IReadOnlyList<DynamoDbIndex> GlobalSecondaryIndexes { get; init; } = [];

    public IReadOnlyList<DynamoDbIndex> LocalSecondaryIndexes { get; init; } = [];

    /// <summary><c>StreamSpecification.StreamViewType</c>; null when the table has no stream.</summary>
    public Spanned<string?>? StreamViewType { get; init; }

    public Node? StreamSpecification { get; init; }

    /// <summary><c>PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled</c>.</summary>
    public Spanned<bool?>? PointInTimeRecoveryEnabled { get; init; }

    /// <summary><c>SSESpecification.SSEEnabled</c>.</summary>
    public Spanned<bool?>? SseEnabled { get; init; }

    public Node? SseSpecification { get; init; }

    /// <summary><c>TimeToLiveSpecification</c>, raw.</summary>
    public Node? TimeToLive { get; init; }

    public Spanned<bool?>? DeletionProtectionEnabled { get; init; }

    public Spanned<string?>? TableClass { get; init; }

    public bool HasStream => StreamSpecification is not null;
}

/// <summary>A key schema element: attribute name and <c>HASH</c>/<c>RANGE</c>.</summary>
public sealed record DynamoDbKey(Spanned<string?>? AttributeName, Spanned<string?>? KeyType, Node Node);

/// <summary>An attribute definition: name and <c>S</c>/<c>N</c>/<c>B</c>.</summary>
public sealed record DynamoDbAttribute(Spanned<string?>? AttributeName, Spanned<string?>? AttributeType, Node Node);

/// <summary>Provisioned read and write capacity.</summary>
public sealed record DynamoDbThroughput(Spanned<int?>? ReadCapacityUnits, Spanned<int?>? WriteCapacityUnits, Node Node);

/// <summary>A global or local secondary index.</summary>
public sealed record DynamoDbIndex
{
    public required Node Node { get; init; }

    public Spanned<string?>? IndexName { get; init; }

    public IReadOnlyList<DynamoDbKey> KeySchema { get; init; } = [];

    public Node? Projection { get; init; }

    public DynamoDbThroughput? ProvisionedThroughput { get; init; }
}

/// <summary>An <c>AWS::S3::Bucket</c> in <c>resources</c>.</summary>
public sealed record S3Bucket
{
    public required CfnResource Resource { get; init; }

    public string LogicalId => Resource.LogicalId;

    public Spanned<string?>? BucketName { get; init; }

    /// <summary><c>VersioningConfiguration.Status</c>.</summary>
    public Spanned<string?>? VersioningStatus { get; init; }

    public Node? BucketEncryption { get; init; }

    public S3PublicAccessBlock? PublicAccessBlock { get; init; }

    public Spanned<string?>? AccessControl { get; init; }

    public Node? NotificationConfiguration { get; init; }

    public Node? LifecycleConfiguration { get; init; }

    public Node? CorsConfiguration { get; init; }

    public Node? WebsiteConfiguration { get; init; }

    public Node? LoggingConfiguration { get; init; }
}

/// <summary><c>PublicAccessBlockConfiguration</c> of a bucket.</summary>
public sealed record S3PublicAccessBlock(Spanned<bool?>? BlockPublicAcls, Spanned<bool?>? BlockPublicPolicy,
    Spanned<bool?>? IgnorePublicAcls, Spanned<bool?>? RestrictPublicBuckets, Node Node);
