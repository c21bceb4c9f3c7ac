using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>Typed views of the common resource types of <c>resources</c> (SQS queues, SNS topics, DynamoDB tables,
/// S3 buckets), with AWS's defaults.</summary>
internal sealed class ResourceTypesBinder(BindContext ctx)
{
    private static string PropertiesPath(CfnResource r) => $"resources.Resources.{r.LogicalId}.Properties";

    public SqsQueue BindQueue(CfnResource r)
    {
        var p = r.Properties;
        var path = PropertiesPath(r);
        if (p is null)
        {
            return new SqsQueue { Resource = r };
        }

        SqsRedrivePolicy? redrive = null;
        var redriveNode = BindContext.Get(p, "RedrivePolicy");
        if (redriveNode is MappingNode rp && !BindContext.IsIntrinsic(rp))
        {
            redrive = new SqsRedrivePolicy(BindContext.Get(rp, "deadLetterTargetArn"),
                ctx.Int(rp, "maxReceiveCount", path + ".RedrivePolicy"), rp);
        }
        else if (redriveNode is not null)
        {
            redrive = new SqsRedrivePolicy(null, null, redriveNode);
        }

        return new SqsQueue
        {
            Resource = r,
            QueueName = ctx.String(p, "QueueName", path),
            FifoQueue = BindContext.Explicit<bool?>(ctx.Bool(p, "FifoQueue", path), Defaults.SqsFifoQueue),
            ContentBasedDeduplication = ctx.Bool(p, "ContentBasedDeduplication", path),
            VisibilityTimeout = BindContext.Explicit<int?>(ctx.Int(p, "VisibilityTimeout", path), Defaults.SqsVisibilityTimeout),
            MessageRetentionPeriod = BindContext.Explicit<int?>(ctx.Int(p, "MessageRetentionPeriod", path), Defaults.SqsMessageRetentionPeriod),
            DelaySeconds = BindContext.Explicit<int?>(ctx.Int(p, "DelaySeconds", path), Defaults.SqsDelaySeconds),
            ReceiveMessageWaitTimeSeconds = BindContext.Explicit<int?>(ctx.Int(p, "ReceiveMessageWaitTimeSeconds", path), Defaults.SqsReceiveMessageWaitTimeSeconds),
            MaximumMessageSize = BindContext.Explicit<int?>(ctx.Int(p, "MaximumMessageSize", path), Defaults.SqsMaximumMessageSize),
            RedrivePolicy = redrive,
            KmsMasterKeyId = BindContext.Get(p, "KmsMasterKeyId"),
            SqsManagedSseEnabled = ctx.Bool(p, "SqsManagedSseEnabled", path),
        };
    }

    public SnsTopic BindTopic(CfnResource r)
    {
        var p = r.Properties;
        var path = PropertiesPath(r);
        if (p is null)
        {
            return new SnsTopic { Resource = r };
        }

        return new SnsTopic
        {
            Resource = r,
            TopicName = ctx.String(p, "TopicName", path),
            DisplayName = ctx.String(p, "DisplayName", path),
            FifoTopic = BindContext.Explicit<bool?>(ctx.Bool(p, "FifoTopic", path), Defaults.SnsFifoTopic),
            ContentBasedDeduplication = ctx.Bool(p, "ContentBasedDeduplication", path),
            KmsMasterKeyId = BindContext.Get(p, "KmsMasterKeyId"),
            Subscriptions = ctx.List(BindContext.Get(p, "Subscription"), path + ".Subscription"),
        };
    }

    public DynamoDbTable BindTable(CfnResource r)
    {
        var p = r.Properties;
        var path = PropertiesPath(r);
        if (p is null)
        {
            return new DynamoDbTable { Resource = r };
        }

        var stream = BindContext.Get(p, "StreamSpecification");
        var pitr = BindContext.Get(p, "PointInTimeRecoverySpecification") as MappingNode;
        var sse = BindContext.Get(p, "SSESpecification");
        return new DynamoDbTable
        {
            Resource = r,
            TableName = ctx.String(p, "TableName", path),
            BillingMode = BindContext.Explicit<string?>(ctx.String(p, "BillingMode", path), Defaults.DynamoDbBillingMode),
            KeySchema = BindKeySchema(BindContext.Get(p, "KeySchema"), path + ".KeySchema"),
            AttributeDefinitions = [.. ctx.List(BindContext.Get(p, "AttributeDefinitions"), path).Select((n, i) =>
                n is MappingNode a
                    ? new DynamoDbAttribute(ctx.String(a, "AttributeName", $"{path}.AttributeDefinitions[{i}]"),
                        ctx.String(a, "AttributeType", $"{path}.AttributeDefinitions[{i}]"), a)
                    : new DynamoDbAttribute(null, null, n))],
            ProvisionedThroughput = BindThroughput(BindContext.Get(p, "ProvisionedThroughput"), path + ".ProvisionedThroughput"),
            GlobalSecondaryIndexes = BindIndexes(BindContext.Get(p, "GlobalSecondaryIndexes"), path + ".GlobalSecondaryIndexes"),
            LocalSecondaryIndexes = BindIndexes(BindContext.Get(p, "LocalSecondaryIndexes"), path + ".LocalSecondaryIndexes"),
            StreamSpecification = stream,
            StreamViewType = stream is MappingNode sm ? ctx.String(sm, "StreamViewType", path + ".StreamSpecification") : null,
            PointInTimeRecoveryEnabled = pitr is null || BindContext.IsIntrinsic(pitr) ? null
                : ctx.Bool(pitr, "PointInTimeRecoveryEnabled", path + ".PointInTimeRecoverySpecification"),
            SseSpecification = sse,
            SseEnabled = sse is MappingNode ss && !BindContext.IsIntrinsic(ss) ? ctx.Bool(ss, "SSEEnabled", path + ".SSESpecification") : null,
            TimeToLive = BindContext.Get(p, "TimeToLiveSpecification"),
            DeletionProtectionEnabled = ctx.Bool(p, "DeletionProtectionEnabled", path),
            TableClass = ctx.String(p, "TableClass", path),
        };
    }

    private IReadOnlyList<DynamoDbKey> BindKeySchema(Node? node, string path) =>
        [.. ctx.List(node, path).Select((n, i) => n is MappingNode k && !BindContext.IsIntrinsic(k)
            ? new DynamoDbKey(ctx.String(k, "AttributeName", $"{path}[{i}]"), ctx.String(k, "KeyType", $"{path}[{i}]"), k)
            : new DynamoDbKey(null, null, n))];

    private DynamoDbThroughput? BindThroughput(Node? node, string path) =>
        node is MappingNode t && !BindContext.IsIntrinsic(t)
            ? new DynamoDbThroughput(ctx.Int(t, "ReadCapacityUnits", path), ctx.Int(t, "WriteCapacityUnits", path), t)
            : null;

    private IReadOnlyList<DynamoDbIndex> BindIndexes(Node? node, string path) =>
        [.. ctx.List(node, path).Select((n, i) => n is MappingNode x && !BindContext.IsIntrinsic(x)
            ? new DynamoDbIndex
            {
                Node = x,
                IndexName = ctx.String(x, "IndexName", $"{path}[{i}]"),
                KeySchema = BindKeySchema(BindContext.Get(x, "KeySchema"), $"{path}[{i}].KeySchema"),
                Projection = BindContext.Get(x, "Projection"),
                ProvisionedThroughput = BindThroughput(BindContext.Get(x, "ProvisionedThroughput"), $"{path}[{i}].ProvisionedThroughput"),
            }
            : new DynamoDbIndex { Node = n })];

    public S3Bucket BindBucket(CfnResource r)
    {
        var p = r.Properties;
        var path = PropertiesPath(r);
        if (p is null)
        {
            return new S3Bucket { Resource = r };
        }

        var versioning = BindContext.Get(p, "VersioningConfiguration") as MappingNode;
        var block = BindContext.Get(p, "PublicAccessBlockConfiguration") as MappingNode;
        var bpath = path + ".PublicAccessBlockConfiguration";
        return new S3Bucket
        {
            Resource = r,
            BucketName = ctx.String(p, "BucketName", path),
            VersioningStatus = versioning is null || BindContext.IsIntrinsic(versioning) ? null
                : ctx.String(versioning, "Status", path + ".VersioningConfiguration"),
            BucketEncryption = BindContext.Get(p, "BucketEncryption"),
            PublicAccessBlock = block is null || BindContext.IsIntrinsic(block) ? null
                : new S3PublicAccessBlock(ctx.Bool(block, "BlockPublicAcls", bpath), ctx.Bool(block, "BlockPublicPolicy", bpath),
                    ctx.Bool(block, "IgnorePublicAcls", bpath), ctx.Bool(block, "RestrictPublicBuckets", bpath), block),
            AccessControl = ctx.String(p, "AccessControl", path),
            NotificationConfiguration = BindContext.Get(p, "NotificationConfiguration"),
            LifecycleConfiguration = BindContext.Get(p, "LifecycleConfiguration"),
            CorsConfiguration = BindContext.Get(p, "CorsConfiguration"),
            WebsiteConfiguration = BindContext.Get(p, "WebsiteConfiguration"),
            LoggingConfiguration = BindContext.Get(p, "LoggingConfiguration"),
        };
    }
}
