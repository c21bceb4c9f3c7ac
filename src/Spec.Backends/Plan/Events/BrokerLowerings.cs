using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>msk</c> event (<c>compile/events/msk</c>): an event source mapping per event on an Amazon MSK cluster, and
/// per function the statements to describe the clusters and attach to their network.
/// </summary>
internal sealed class MskLowering : EventLowering<MskEvent>
{
    public override EventKind Kind => EventKind.Msk;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) => NeedsArnAndTopic(ctx, fn, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<MskEvent>> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var clusters = new JsonArray();
            foreach (var e in group)
            {
                var fn = e.Function;
                var msk = e.Event;
                var cluster = msk.ArnValue.ImportValueName ?? msk.ArnValue.RefName
                    ?? (msk.ArnValue.Literal?.Split('/') is { Length: > 1 } parts ? parts[1] : null);
                if (cluster is null || msk.Topic.Value is not { } topic)
                {
                    NeedsArnAndTopic(ctx, fn, e.Span);
                    continue;
                }

                var startingPosition = msk.StartingPosition.LiteralOrDefault!;
                if (!BrokerMappings.CheckTimestamp(ctx, e.Function, Name, e.Span, startingPosition, msk.StartingPositionTimestamp))
                {
                    continue;
                }

                var props = Object(("EventSourceArn", ctx.Json(msk.Arn)), ("FunctionName", fn.Target()),
                    ("StartingPosition", startingPosition), ("Topics", Strings([topic])));
                if (msk.StartingPositionTimestamp is { } timestamp)
                {
                    props["StartingPositionTimestamp"] = ctx.Json(timestamp);
                }

                BrokerMappings.AddBatching(ctx, msk, props);
                if (EventResources.IsTruthy(msk.ConsumerGroupId))
                {
                    props["AmazonManagedKafkaEventSourceConfig"] = Object(("ConsumerGroupId", ctx.Json(msk.ConsumerGroupId)));
                }

                BrokerMappings.AddEnabled(ctx, msk, props);
                if (msk.SaslScram512 is { } sasl)
                {
                    props["SourceAccessConfigurations"] = Array(Object(("Type", "SASL_SCRAM_512_AUTH"), ("URI", ctx.Json(sasl))));
                }

                EventResources.AddFilterCriteria(ctx, msk, props);
                clusters.Add(ctx.Json(msk.Arn));
                BrokerMappings.Add(ctx, e.Function, e.Span, MskMappingId(fn.Key, cluster, topic), props);
            }

            if (clusters.Count > 0)
            {
                BrokerMappings.AddStatement(ctx, ["kafka:DescribeCluster", "kafka:GetBootstrapBrokers"], clusters);
                BrokerMappings.AddStatement(ctx, BrokerMappings.Ec2Actions, "*");
            }
        }
    }

    /// <summary><c>getMSKEventLogicalId</c>: cluster and topic each alphanumeric and cut to 79 characters.</summary>
    internal static string MskMappingId(string functionKey, string cluster, string topic) =>
        Naming.FunctionName(functionKey) + "EventSourceMappingMSK" + BrokerMappings.Cut(Naming.AlphaNumeric(cluster), 79) +
        BrokerMappings.Cut(Naming.AlphaNumeric(topic), 79);

    private static void NeedsArnAndTopic(PlanContext ctx, PlanFunction fn, Spec.Core.Diagnostics.SourceSpan span) =>
        ctx.Unsupported($"the msk event of function '{fn.Key}' needs 'arn' (a cluster ARN, Ref or " +
                        "Fn::ImportValue) and 'topic'", span);
}

/// <summary>
/// The <c>kafka</c> event (<c>compile/events/kafka.js</c>): an event source mapping per event on a self-managed Kafka
/// cluster, and per function the statements for its secrets and, in a VPC, its network.
/// </summary>
internal sealed class KafkaLowering : EventLowering<KafkaEvent>
{
    public override EventKind Kind => EventKind.Kafka;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) => NeedsSettings(ctx, fn, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<KafkaEvent>> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var secrets = new JsonArray();
            var needsEc2 = false;
            var any = false;
            foreach (var e in group)
            {
                var fn = e.Function;
                var kafka = e.Event;
                if (kafka.Topic.Value is not { } topic)
                {
                    NeedsSettings(ctx, fn, e.Span);
                    continue;
                }

                var hasSubnet = kafka.AccessConfigurations.Any(a => a.Type == "vpcSubnet" && a.IsSet);
                var hasGroup = kafka.AccessConfigurations.Any(a => a.Type == "vpcSecurityGroup" && a.IsSet);
                if (hasSubnet != hasGroup)
                {
                    ctx.Unsupported($"the kafka event of function '{fn.Key}' must set both vpcSubnet and " +
                                    "vpcSecurityGroup access configurations, or neither",
                        kafka.AccessConfigurationsNode?.Span ?? e.Span);
                    continue;
                }

                var startingPosition = kafka.StartingPosition.LiteralOrDefault!;
                if (!BrokerMappings.CheckTimestamp(ctx, fn, Name, e.Span, startingPosition, kafka.StartingPositionTimestamp))
                {
                    continue;
                }

                any = true;
                var configurations = new JsonArray();
                foreach (var access in kafka.AccessConfigurations)
                {
                    var (type, prefix, secret) = AccessType(access.Type);
                    needsEc2 |= prefix.Length > 0;
                    foreach (var item in access.Values)
                    {
                        var itemJson = ctx.Json(item);
                        if (secret)
                        {
                            secrets.Add(itemJson);
                        }

                        configurations.AddNode(Object(("Type", type),
                            ("URI", prefix + (itemJson is JsonValue ? AsString(itemJson) : itemJson?.ToJsonString()))));
                    }
                }

                var props = Object(("FunctionName", fn.Target()), ("StartingPosition", startingPosition),
                    ("SelfManagedEventSource", Object(("Endpoints", Object(("KafkaBootstrapServers", ctx.Json(kafka.BootstrapServers)))))),
                    ("Topics", Strings([topic])), ("SourceAccessConfigurations", configurations));
                BrokerMappings.AddBatching(ctx, kafka, props);
                BrokerMappings.AddEnabled(ctx, kafka, props);
                if (EventResources.IsTruthy(kafka.ConsumerGroupId))
                {
                    props["SelfManagedKafkaEventSourceConfig"] = Object(("ConsumerGroupId", ctx.Json(kafka.ConsumerGroupId)));
                }

                if (kafka.StartingPositionTimestamp is { } timestamp)
                {
                    props["StartingPositionTimestamp"] = ctx.Json(timestamp);
                }

                EventResources.AddFilterCriteria(ctx, kafka, props);
                BrokerMappings.Add(ctx, fn, e.Span, KafkaMappingId(fn.Key, topic), props);
            }

            if (any && secrets.Count > 0)
            {
                BrokerMappings.AddStatement(ctx, ["secretsmanager:GetSecretValue"], secrets);
            }

            if (any && needsEc2)
            {
                BrokerMappings.AddStatement(ctx, BrokerMappings.Ec2Actions, "*");
            }
        }
    }

    /// <summary><c>getKafkaEventLogicalId</c>: the topic alphanumeric, cut to 158 characters.</summary>
    internal static string KafkaMappingId(string functionKey, string topic) =>
        Naming.FunctionName(functionKey) + "EventSourceMappingKafka" + BrokerMappings.Cut(Naming.AlphaNumeric(topic), 158);

    private static void NeedsSettings(PlanContext ctx, PlanFunction fn, Spec.Core.Diagnostics.SourceSpan span) =>
        ctx.Unsupported($"the kafka event of function '{fn.Key}' needs 'accessConfigurations', " +
                        "'bootstrapServers' and 'topic'", span);

    private static (string Type, string Prefix, bool Secret) AccessType(string key) => key switch
    {
        "vpcSubnet" => ("VPC_SUBNET", "subnet:", false),
        "vpcSecurityGroup" => ("VPC_SECURITY_GROUP", "security_group:", false),
        "saslPlainAuth" => ("BASIC_AUTH", "", true),
        "saslScram256Auth" => ("SASL_SCRAM_256_AUTH", "", true),
        "saslScram512Auth" => ("SASL_SCRAM_512_AUTH", "", true),
        "clientCertificateTlsAuth" => ("CLIENT_CERTIFICATE_TLS_AUTH", "", true),
        "serverRootCaCertificate" => ("SERVER_ROOT_CA_CERTIFICATE", "", true),
        _ => (key, "", false),
    };
}

/// <summary>The <c>activemq</c> event (<c>compile/events/activemq.js</c>): an Amazon MQ (ActiveMQ) event source mapping.</summary>
internal sealed class ActiveMqLowering : EventLowering<ActiveMqEvent>
{
    public override EventKind Kind => EventKind.ActiveMq;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        BrokerMappings.NeedsBroker(ctx, fn, Name, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<ActiveMqEvent>> events) =>
        BrokerMappings.MessageBroker(ctx, Name, "ActiveMQ",
            [.. events.Select(e => (e.Function, e.Span, (EventSourceMappingEvent)e.Event, e.Event.Arn, e.Event.BasicAuthArn, e.Event.Queue,
                (Spanned<string?>?)null))]);
}

/// <summary>The <c>rabbitmq</c> event (<c>compile/events/rabbitmq.js</c>): an Amazon MQ (RabbitMQ) event source mapping,
/// with its virtual host.</summary>
internal sealed class RabbitMqLowering : EventLowering<RabbitMqEvent>
{
    public override EventKind Kind => EventKind.RabbitMq;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        BrokerMappings.NeedsBroker(ctx, fn, Name, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<RabbitMqEvent>> events) =>
        BrokerMappings.MessageBroker(ctx, Name, "RabbitMQ",
            [.. events.Select(e => (e.Function, e.Span, (EventSourceMappingEvent)e.Event, e.Event.Arn, e.Event.BasicAuthArn, e.Event.Queue,
                e.Event.VirtualHost))]);
}

/// <summary>What the broker event sources share: the mapping resource, batching settings, role statements.</summary>
internal static class BrokerMappings
{
    public static readonly string[] Ec2Actions =
    [
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
        "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
    ];

    /// <summary><c>activemq</c> and <c>rabbitmq</c>: the same plugin shape; RabbitMQ adds the virtual host.</summary>
    public static void MessageBroker(PlanContext ctx, string eventName, string kind,
        IReadOnlyList<(PlanFunction Function, Spec.Core.Diagnostics.SourceSpan Span, EventSourceMappingEvent Event,
            Spec.Core.Syntax.Node Arn, Spec.Core.Syntax.Node BasicAuthArn, Spanned<string?> Queue, Spanned<string?>? VirtualHost)> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var secrets = new JsonArray();
            var brokers = new JsonArray();
            foreach (var (fn, span, e, arn, basicAuth, queueName, virtualHost) in group)
            {
                if (queueName.Value is not { } queue)
                {
                    NeedsBroker(ctx, fn, eventName, span);
                    continue;
                }

                var configurations = Array(Object(("Type", "BASIC_AUTH"), ("URI", ctx.Json(basicAuth))));
                if (EventResources.IsTruthy(virtualHost))
                {
                    configurations.AddNode(Object(("Type", "VIRTUAL_HOST"), ("URI", ctx.Json(virtualHost))));
                }

                var props = Object(("FunctionName", fn.Target()), ("EventSourceArn", ctx.Json(arn)),
                    ("Queues", Strings([queue])), ("SourceAccessConfigurations", configurations));
                AddBatching(ctx, e, props);
                AddEnabled(ctx, e, props);
                EventResources.AddFilterCriteria(ctx, e, props);
                brokers.Add(ctx.Json(arn));
                secrets.Add(ctx.Json(basicAuth));
                Add(ctx, fn, span, Naming.FunctionName(fn.Key) + "EventSourceMapping" + kind + Cut(Naming.AlphaNumeric(queue), 150),
                    props);
            }

            if (brokers.Count > 0)
            {
                AddStatement(ctx, ["secretsmanager:GetSecretValue"], secrets);
                AddStatement(ctx, ["mq:DescribeBroker"], brokers);
                AddStatement(ctx, Ec2Actions, "*");
            }
        }
    }

    public static void NeedsBroker(PlanContext ctx, PlanFunction fn, string eventName, Spec.Core.Diagnostics.SourceSpan span) =>
        ctx.Unsupported($"the {eventName} event of function '{fn.Key}' needs 'arn', 'basicAuthArn' and 'queue'", span);

    /// <summary><c>batchSize</c> and <c>maximumBatchingWindow</c> when set (the Framework tests them for truthiness).</summary>
    public static void AddBatching(PlanContext ctx, EventSourceMappingEvent e, JsonObject props)
    {
        if (e.BatchSize.IsWritten && e.BatchSize.Value is not 0)
        {
            props["BatchSize"] = ctx.Json(e.BatchSize);
        }

        if (EventResources.IsTruthy(e.MaximumBatchingWindow))
        {
            props["MaximumBatchingWindowInSeconds"] = ctx.Json(e.MaximumBatchingWindow);
        }
    }

    /// <summary><c>enabled</c> when written (AWS enables a mapping by default).</summary>
    public static void AddEnabled(PlanContext ctx, EventSourceMappingEvent e, JsonObject props)
    {
        if (e.Enabled.IsWritten)
        {
            props["Enabled"] = ctx.Json(e.Enabled);
        }
    }

    public static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    public static bool CheckTimestamp(PlanContext ctx, PlanFunction fn, string eventName, Spec.Core.Diagnostics.SourceSpan span,
        string startingPosition, Spanned<long?>? timestamp)
    {
        if (startingPosition == "AT_TIMESTAMP" && timestamp is null)
        {
            ctx.Unsupported($"the {eventName} event of function '{fn.Key}' starts AT_TIMESTAMP without a " +
                            "startingPositionTimestamp", span, "add startingPositionTimestamp (Unix seconds)");
            return false;
        }

        return true;
    }

    public static void Add(PlanContext ctx, PlanFunction fn, Spec.Core.Diagnostics.SourceSpan span, string logicalId, JsonObject props)
    {
        var dependsOn = EventResources.MappingDependsOn(ctx, fn);
        if (fn.AliasLogicalId is { } alias)
        {
            dependsOn.AddNode(alias);
        }

        ctx.Add(logicalId, Object(("Type", "AWS::Lambda::EventSourceMapping"), ("DependsOn", dependsOn),
            ("Properties", props)), PlanResourceKind.EventSourceMapping, span, fn.Key);
    }

    public static void AddStatement(PlanContext ctx, string[] actions, JsonNode resource) =>
        ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(actions)), ("Resource", resource)));
}
