using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>
/// The broker event sources: <c>msk</c>, <c>kafka</c> (self-managed), <c>activemq</c> and <c>rabbitmq</c>. Each event
/// is an <c>AWS::Lambda::EventSourceMapping</c>; each plugin appends its statements to the role once per function,
/// in the Framework's order (<c>msk/index.js</c>, <c>kafka.js</c>, <c>activemq.js</c>, <c>rabbitmq.js</c>).
/// </summary>
internal static class KafkaFamilyLowering
{
    private static readonly string[] Ec2Actions =
    [
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
        "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
    ];

    public static void Msk(PlanContext ctx, List<PlanEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var clusters = new JsonArray();
            foreach (var e in group)
            {
                var fn = e.Function;
                var arn = Get(e.Value, "arn");
                var topic = Text(Get(e.Value, "topic"));
                var cluster = ClusterNameToken(arn);
                if (cluster is null || topic is null)
                {
                    ctx.Unsupported($"the msk event of function '{fn.Key}' needs 'arn' (a cluster ARN, Ref or " +
                                    "Fn::ImportValue) and 'topic'", e.Node.Span);
                    continue;
                }

                var startingPosition = Text(Get(e.Value, "startingPosition")) ?? "TRIM_HORIZON";
                var timestamp = Get(e.Value, "startingPositionTimestamp");
                if (!CheckTimestamp(ctx, e, startingPosition, timestamp))
                {
                    continue;
                }

                var props = Object(("EventSourceArn", ctx.Json(arn)), ("FunctionName", fn.Target()),
                    ("StartingPosition", startingPosition), ("Topics", Strings([topic])));
                AddIfNotNull(ctx, props, "StartingPositionTimestamp", timestamp);
                AddIfTruthy(ctx, props, "BatchSize", Get(e.Value, "batchSize"));
                AddIfTruthy(ctx, props, "MaximumBatchingWindowInSeconds", Get(e.Value, "maximumBatchingWindow"));
                if (IsTruthy(Get(e.Value, "consumerGroupId")))
                {
                    props["AmazonManagedKafkaEventSourceConfig"] =
                        Object(("ConsumerGroupId", ctx.Json(Get(e.Value, "consumerGroupId"))));
                }

                AddIfNotNull(ctx, props, "Enabled", Get(e.Value, "enabled"));
                if (!IsNullOrMissing(Get(e.Value, "saslScram512")))
                {
                    props["SourceAccessConfigurations"] = Array(Object(("Type", "SASL_SCRAM_512_AUTH"),
                        ("URI", ctx.Json(Get(e.Value, "saslScram512")))));
                }

                SimpleEvents.AddFilterCriteria(ctx, e.Value, props);
                clusters.Add(ctx.Json(arn));
                AddMapping(ctx, e, MskMappingId(fn.Key, cluster, topic), props);
            }

            if (clusters.Count > 0)
            {
                AddStatement(ctx, ["kafka:DescribeCluster", "kafka:GetBootstrapBrokers"], clusters);
                AddStatement(ctx, Ec2Actions, "*");
            }
        }
    }

    public static void Kafka(PlanContext ctx, List<PlanEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var secrets = new JsonArray();
            var needsEc2 = false;
            var any = false;
            foreach (var e in group)
            {
                var fn = e.Function;
                var topic = Text(Get(e.Value, "topic"));
                var access = Get(e.Value, "accessConfigurations") as MappingNode;
                var servers = Get(e.Value, "bootstrapServers");
                if (topic is null || access is null || servers is not SequenceNode)
                {
                    ctx.Unsupported($"the kafka event of function '{fn.Key}' needs 'accessConfigurations', " +
                                    "'bootstrapServers' and 'topic'", e.Node.Span);
                    continue;
                }

                var hasSubnet = !IsNullOrMissing(access["vpcSubnet"]);
                var hasGroup = !IsNullOrMissing(access["vpcSecurityGroup"]);
                if (hasSubnet != hasGroup)
                {
                    ctx.Unsupported($"the kafka event of function '{fn.Key}' must set both vpcSubnet and " +
                                    "vpcSecurityGroup access configurations, or neither", access.Span);
                    continue;
                }

                var startingPosition = Text(Get(e.Value, "startingPosition")) ?? "TRIM_HORIZON";
                var timestamp = Get(e.Value, "startingPositionTimestamp");
                if (!CheckTimestamp(ctx, e, startingPosition, timestamp))
                {
                    continue;
                }

                any = true;
                var configurations = new JsonArray();
                foreach (var entry in access.Entries)
                {
                    var (type, prefix, secret) = AccessType(entry.Key.Text);
                    needsEc2 |= prefix.Length > 0;
                    foreach (var item in Items(entry.Value))
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
                    ("SelfManagedEventSource", Object(("Endpoints", Object(("KafkaBootstrapServers", ctx.Json(servers)))))),
                    ("Topics", Strings([topic])), ("SourceAccessConfigurations", configurations));
                AddIfTruthy(ctx, props, "BatchSize", Get(e.Value, "batchSize"));
                AddIfTruthy(ctx, props, "MaximumBatchingWindowInSeconds", Get(e.Value, "maximumBatchingWindow"));
                AddIfNotNull(ctx, props, "Enabled", Get(e.Value, "enabled"));
                if (IsTruthy(Get(e.Value, "consumerGroupId")))
                {
                    props["SelfManagedKafkaEventSourceConfig"] =
                        Object(("ConsumerGroupId", ctx.Json(Get(e.Value, "consumerGroupId"))));
                }

                AddIfNotNull(ctx, props, "StartingPositionTimestamp", timestamp);
                SimpleEvents.AddFilterCriteria(ctx, e.Value, props);
                AddMapping(ctx, e, KafkaMappingId(fn.Key, topic), props);
            }

            if (any && secrets.Count > 0)
            {
                AddStatement(ctx, ["secretsmanager:GetSecretValue"], secrets);
            }

            if (any && needsEc2)
            {
                AddStatement(ctx, Ec2Actions, "*");
            }
        }
    }

    /// <summary><c>activemq</c> and <c>rabbitmq</c>: the same plugin shape; RabbitMQ adds the virtual host.</summary>
    public static void MessageBroker(PlanContext ctx, List<PlanEvent> events, bool rabbit)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var secrets = new JsonArray();
            var brokers = new JsonArray();
            foreach (var e in group)
            {
                var fn = e.Function;
                var arn = Get(e.Value, "arn");
                var basicAuth = Get(e.Value, "basicAuthArn");
                var queue = Text(Get(e.Value, "queue"));
                if (IsNullOrMissing(arn) || IsNullOrMissing(basicAuth) || queue is null)
                {
                    ctx.Unsupported($"the {e.Type} event of function '{fn.Key}' needs 'arn', 'basicAuthArn' and 'queue'",
                        e.Node.Span);
                    continue;
                }

                var configurations = Array(Object(("Type", "BASIC_AUTH"), ("URI", ctx.Json(basicAuth))));
                if (rabbit && IsTruthy(Get(e.Value, "virtualHost")))
                {
                    configurations.AddNode(Object(("Type", "VIRTUAL_HOST"), ("URI", ctx.Json(Get(e.Value, "virtualHost")))));
                }

                var props = Object(("FunctionName", fn.Target()), ("EventSourceArn", ctx.Json(arn)),
                    ("Queues", Strings([queue])), ("SourceAccessConfigurations", configurations));
                AddIfTruthy(ctx, props, "BatchSize", Get(e.Value, "batchSize"));
                AddIfTruthy(ctx, props, "MaximumBatchingWindowInSeconds", Get(e.Value, "maximumBatchingWindow"));
                AddIfNotNull(ctx, props, "Enabled", Get(e.Value, "enabled"));
                SimpleEvents.AddFilterCriteria(ctx, e.Value, props);
                brokers.Add(ctx.Json(arn));
                secrets.Add(ctx.Json(basicAuth));
                AddMapping(ctx, e, MessageBrokerMappingId(fn.Key, rabbit ? "RabbitMQ" : "ActiveMQ", queue),
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

    /// <summary><c>getMSKEventLogicalId</c>: cluster and topic each alphanumeric and cut to 79 characters.</summary>
    internal static string MskMappingId(string functionKey, string cluster, string topic) =>
        Naming.FunctionName(functionKey) + "EventSourceMappingMSK" + Cut(Naming.AlphaNumeric(cluster), 79) +
        Cut(Naming.AlphaNumeric(topic), 79);

    /// <summary><c>getKafkaEventLogicalId</c>: the topic alphanumeric, cut to 158 characters.</summary>
    internal static string KafkaMappingId(string functionKey, string topic) =>
        Naming.FunctionName(functionKey) + "EventSourceMappingKafka" + Cut(Naming.AlphaNumeric(topic), 158);

    /// <summary><c>getActiveMQEventLogicalId</c> / <c>getRabbitMQEventLogicalId</c>: the queue cut to 150.</summary>
    internal static string MessageBrokerMappingId(string functionKey, string kind, string queue) =>
        Naming.FunctionName(functionKey) + "EventSourceMapping" + kind + Cut(Naming.AlphaNumeric(queue), 150);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

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

    /// <summary><c>getMskClusterNameToken</c>: the ImportValue or Ref name, else the ARN's second <c>/</c> part.</summary>
    private static string? ClusterNameToken(Node? arn) => arn switch
    {
        MappingNode m when Text(m["Fn::ImportValue"]) is { } import => import,
        MappingNode m when Text(m["Ref"]) is { } reference => reference,
        ScalarNode { IsNull: false } s when s.Text.Split('/') is { Length: > 1 } parts => parts[1],
        _ => null,
    };

    private static bool CheckTimestamp(PlanContext ctx, PlanEvent e, string startingPosition, Node? timestamp)
    {
        if (startingPosition == "AT_TIMESTAMP" && IsNullOrMissing(timestamp))
        {
            ctx.Unsupported($"the {e.Type} event of function '{e.Function.Key}' starts AT_TIMESTAMP without a " +
                            "startingPositionTimestamp", e.Node.Span, "add startingPositionTimestamp (Unix seconds)");
            return false;
        }

        return true;
    }

    private static void AddMapping(PlanContext ctx, PlanEvent e, string logicalId, JsonObject props)
    {
        var dependsOn = SimpleEvents.MappingDependsOn(ctx, e.Function);
        if (e.Function.AliasLogicalId is { } alias)
        {
            dependsOn.AddNode(alias);
        }

        ctx.Add(logicalId, Object(("Type", "AWS::Lambda::EventSourceMapping"), ("DependsOn", dependsOn),
            ("Properties", props)), PlanResourceKind.EventSourceMapping, e.Node.Span, e.Function.Key);
    }

    private static void AddStatement(PlanContext ctx, string[] actions, JsonNode resource) =>
        ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(actions)), ("Resource", resource)));

    private static void AddIfTruthy(PlanContext ctx, JsonObject props, string key, Node? node)
    {
        if (IsTruthy(node))
        {
            props[key] = ctx.Json(node);
        }
    }

    private static void AddIfNotNull(PlanContext ctx, JsonObject props, string key, Node? node)
    {
        if (!IsNullOrMissing(node))
        {
            props[key] = ctx.Json(node);
        }
    }
}
