using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

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

    private static void NeedsSettings(PlanContext ctx, PlanFunction fn, SourceSpan span) =>
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
