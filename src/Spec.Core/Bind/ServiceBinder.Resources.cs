using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

internal sealed partial class ServiceBinder
{
    private ResourcesSection BindResources(Node? node)
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
                        Upsert(resources, r, x => x.LogicalId);
                    }
                }
            }

            if (ctx.Mapping(section, "Outputs", path) is { } os)
            {
                foreach (var entry in os.Entries)
                {
                    if (BindOutput(entry, $"{path}.Outputs.{entry.Key.Text}") is { } o)
                    {
                        Upsert(outputs, o, x => x.Key);
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
            Queues = [.. resources.Where(r => r.IsType("AWS::SQS::Queue")).Select(BindQueue)],
            Topics = [.. resources.Where(r => r.IsType("AWS::SNS::Topic")).Select(BindTopic)],
            Tables = [.. resources.Where(r => r.IsType("AWS::DynamoDB::Table")).Select(BindTable)],
            Buckets = [.. resources.Where(r => r.IsType("AWS::S3::Bucket")).Select(BindBucket)],
        };
    }

    private static void Upsert<T>(List<T> list, T item, Func<T, string> key)
    {
        var i = list.FindIndex(x => key(x) == key(item));
        if (i < 0)
        {
            list.Add(item);
        }
        else
        {
            list[i] = item;
        }
    }

    private CfnResource? BindCfnResource(MappingEntry entry, string path)
    {
        if (ctx.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "resources.Resources.*");
        ctx.RequireKeys(map, path, "resources.Resources.*");
        var type = ctx.String(map, "Type", path);

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
        ctx.RequireKeys(map, path, "resources.Outputs.*");

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

    // ------------------------------------------------------------------ typed views

    private static string PropertiesPath(CfnResource r) => $"resources.Resources.{r.LogicalId}.Properties";

    private SqsQueue BindQueue(CfnResource r)
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
            ReceiveMessageWaitTimeSeconds = BindContext.Explicit<int?>(ctx.Int(p, "ReceiveMessageWaitTimeSeconds", path),
                Defaults.SqsReceiveMessageWaitTimeSeconds),
            MaximumMessageSize = BindContext.Explicit<int?>(ctx.Int(p, "MaximumMessageSize", path), Defaults.SqsMaximumMessageSize),
            RedrivePolicy = redrive,
            KmsMasterKeyId = BindContext.Get(p, "KmsMasterKeyId"),
            SqsManagedSseEnabled = ctx.Bool(p, "SqsManagedSseEnabled", path),
        };
    }

    private SnsTopic BindTopic(CfnResource r)
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

    private DynamoDbTable BindTable(CfnResource r)
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

    private S3Bucket BindBucket(CfnResource r)
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

    // ------------------------------------------------------------------ layers and step functions

    private IReadOnlyList<Layer> BindLayers(Node? node)
    {
        if (ctx.Mapping(node, "layers") is not { } map)
        {
            return [];
        }

        var list = new List<Layer>();
        foreach (var entry in map.Entries)
        {
            var path = $"layers.{entry.Key.Text}";
            if (ctx.Mapping(entry.Value, path) is not { } l)
            {
                continue;
            }

            ctx.CheckKeys(l, path, "layers.*");
            var package = BindPackage(BindContext.Get(l, "package"), path + ".package", "layers.*.package");
            if (BindContext.Get(l, "path") is null && package?.Artifact is null)
            {
                ctx.MissingKey(l, path, "path", "a layer needs 'path' (its folder) or 'package.artifact'");
            }

            var name = ctx.String(l, "name", path);
            list.Add(new Layer
            {
                Key = entry.Key.Text,
                KeyNode = entry.Key,
                Node = l,
                Path = ctx.String(l, "path", path),
                Name = name is null
                    ? Setting<string?>.Default(entry.Key.Text)
                    : new Setting<string?>(name.Value, name.Node, SettingSource.Explicit),
                Description = ctx.String(l, "description", path),
                LicenseInfo = ctx.String(l, "licenseInfo", path),
                CompatibleRuntimes = ctx.StringList(l, "compatibleRuntimes", path),
                CompatibleArchitectures = ctx.StringList(l, "compatibleArchitectures", path),
                AllowedAccounts = ctx.StringList(l, "allowedAccounts", path),
                Retain = ctx.Bool(l, "retain", path),
                Package = package,
            });
        }

        return list;
    }

    private StepFunctionsSection? BindStepFunctions(Node? node)
    {
        const string path = "stepFunctions";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "stepFunctions");
        var machines = new List<StateMachine>();
        if (ctx.Mapping(map, "stateMachines", path) is { } sms)
        {
            foreach (var entry in sms.Entries)
            {
                var mpath = $"{path}.stateMachines.{entry.Key.Text}";
                if (ctx.Mapping(entry.Value, mpath) is not { } sm)
                {
                    continue;
                }

                ctx.CheckKeys(sm, mpath, "stepFunctions.stateMachines.*");
                if (BindContext.Get(sm, "definition") is null)
                {
                    ctx.MissingKey(sm, mpath, "definition", "a state machine needs an Amazon States Language 'definition'");
                }

                var events = BindContext.Get(sm, "events");
                if (events is not null and not SequenceNode)
                {
                    ctx.WrongType(events, mpath + ".events", "a list of events");
                }

                machines.Add(new StateMachine
                {
                    Key = entry.Key.Text,
                    KeyNode = entry.Key,
                    Node = sm,
                    Name = ctx.String(sm, "name", mpath),
                    Type = ctx.OrDefault(ctx.String(sm, "type", mpath), "stepFunctions.stateMachines.*.type"),
                    Definition = BindContext.Get(sm, "definition"),
                    Events = events is SequenceNode es ? es.Items : [],
                    Id = ctx.String(sm, "id", mpath),
                    Role = BindContext.Get(sm, "role"),
                    LoggingConfig = BindContext.Get(sm, "loggingConfig"),
                    TracingConfig = BindContext.Get(sm, "tracingConfig"),
                    Tags = BindContext.Get(sm, "tags"),
                    Alarms = BindContext.Get(sm, "alarms"),
                    Notifications = BindContext.Get(sm, "notifications"),
                    DependsOn = ctx.StringList(sm, "dependsOn", mpath),
                    UseExactVersion = ctx.Bool(sm, "useExactVersion", mpath),
                    Retain = ctx.Bool(sm, "retain", mpath),
                });
            }
        }

        return new StepFunctionsSection
        {
            Node = map,
            StateMachines = machines,
            Activities = ctx.List(BindContext.Get(map, "activities"), path + ".activities"),
            Validate = ctx.Bool(map, "validate", path),
            NoOutput = ctx.Bool(map, "noOutput", path),
        };
    }
}
