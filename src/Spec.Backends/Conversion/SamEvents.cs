using System.Globalization;
using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Conversion.SamJson;

namespace Spec.Backends.Conversion;

/// <summary>
/// A function's <c>events</c> as SAM events (<c>Api</c>, <c>HttpApi</c>, <c>SQS</c>, <c>SNS</c>, <c>S3</c>,
/// <c>Schedule</c>/<c>ScheduleV2</c>, <c>EventBridgeRule</c>, <c>CloudWatchEvent</c>, <c>Kinesis</c>, <c>DynamoDB</c>,
/// <c>Cognito</c>, <c>IoTRule</c>, <c>CloudWatchLogs</c>, <c>MSK</c>, <c>MQ</c>, <c>SelfManagedKafka</c>,
/// <c>AlexaSkill</c>). Each event is named after its SAM type and its position among the function's events of that
/// type (<c>Api1</c>, <c>Api2</c>, <c>SQS1</c>). Events SAM has no type for go to <see cref="SamPlainEvents"/>.
/// </summary>
internal static class SamEvents
{
    public static JsonObject Write(SamContext ctx, Function f)
    {
        var events = new JsonObject();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string type, JsonObject properties)
        {
            var n = counts[type] = counts.GetValueOrDefault(type) + 1;
            events[type + n.ToString(CultureInfo.InvariantCulture)] = Props(("Type", type), ("Properties", properties));
        }

        foreach (var e in f.Events)
        {
            switch (e)
            {
                case HttpEvent http:
                    if (SamApis.RestRoute(ctx, f, http) is { } route)
                    {
                        Add("Api", route);
                    }

                    break;
                case HttpApiEvent httpApi:
                    Add("HttpApi", SamApis.HttpApiRoute(ctx, f, httpApi));
                    break;
                case SqsEvent sqs:
                    Add("SQS", Sqs(ctx, f, sqs));
                    break;
                case SnsEvent sns:
                    Add("SNS", Sns(ctx, sns));
                    break;
                case S3Event s3:
                    if (S3(ctx, s3) is { } s3Properties)
                    {
                        Add("S3", s3Properties);
                    }

                    break;
                case ScheduleEvent schedule:
                    foreach (var (type, properties) in Schedule(ctx, schedule))
                    {
                        Add(type, properties);
                    }

                    break;
                case StreamEvent stream:
                    if (Stream(ctx, f, stream) is { } streamEvent)
                    {
                        Add(streamEvent.Type, streamEvent.Properties);
                    }

                    break;
                case MskEvent msk:
                    Add("MSK", Msk(ctx, f, msk));
                    break;
                case KafkaEvent kafka:
                    Add("SelfManagedKafka", Kafka(ctx, f, kafka));
                    break;
                case ActiveMqEvent activeMq:
                    Add("MQ", Broker(ctx, f, activeMq, activeMq.Arn, activeMq.BasicAuthArn, activeMq.Queue, null));
                    break;
                case RabbitMqEvent rabbitMq:
                    Add("MQ", Broker(ctx, f, rabbitMq, rabbitMq.Arn, rabbitMq.BasicAuthArn, rabbitMq.Queue, rabbitMq.VirtualHost));
                    break;
                case AlexaSkillEvent { AppId: null } alexa:
                    // Without a skill id the Framework creates no permission (it only warns the form is deprecated);
                    // SAM's AlexaSkill event would let every skill invoke the function.
                    ctx.LeftOut(alexa.Node, "the alexaSkill event has no appId: like the Framework, no permission is written " +
                        "(write '- alexaSkill: amzn1.ask.skill.…' to let the skill invoke the function)");
                    break;
                case AlexaSkillEvent alexa:
                    Add("AlexaSkill", Props(("SkillId", ctx.Json(alexa.AppId))));
                    if (alexa.Enabled.Value == false)
                    {
                        ctx.Approximated(alexa.Node, "SAM's AlexaSkill event is always enabled: 'enabled: false' is left out");
                    }

                    break;
                case IotEvent iot:
                    Add("IoTRule", Props(("Sql", ctx.Json(iot.Sql)), ("AwsIotSqlVersion", ctx.Json(iot.SqlVersion))));
                    if (iot.Name is not null || iot.Description is not null || iot.Enabled.Value == false)
                    {
                        ctx.Approximated(iot.Node, "SAM's IoTRule event has no rule name, description or 'enabled': SAM names the rule");
                    }

                    break;
                case CloudwatchEvent cwe:
                    Add("CloudWatchEvent", Props(
                        ("Pattern", ctx.Json(cwe.Event)),
                        ("Input", Input(ctx, cwe.Input)),
                        ("InputPath", ctx.Json(cwe.InputPath)),
                        ("InputTransformer", InputTransformer(ctx, cwe.InputTransformerSettings)),
                        ("RuleName", ctx.Json(cwe.Name)),
                        ("State", cwe.Enabled.Value == false ? "DISABLED" : null)));
                    break;
                case CloudwatchLogEvent log:
                    Add("CloudWatchLogs", Props(("LogGroupName", ctx.Json(log.LogGroup)), ("FilterPattern", ctx.Json(log.Filter) ?? string.Empty)));
                    break;
                case CognitoUserPoolEvent cognito:
                    if (Cognito(ctx, cognito) is { } cognitoProperties)
                    {
                        Add("Cognito", cognitoProperties);
                    }

                    break;
                case EventBridgeEvent eventBridge:
                    var (ebType, ebProperties) = EventBridge(ctx, eventBridge);
                    Add(ebType, ebProperties);
                    break;
                default:
                    SamPlainEvents.Write(ctx, f, e);
                    break;
            }
        }

        return events;
    }

    /// <summary><c>input</c> as EventBridge takes it: a string as written, an object as its JSON text.</summary>
    private static JsonNode? Input(SamContext ctx, Node? input) =>
        input is null ? null : ctx.Json(input) is JsonObject o ? o.ToJsonString() : ctx.Json(input);

    private static JsonObject? InputTransformer(SamContext ctx, EventInputTransformer? transformer) =>
        transformer is null ? null : Props(
            ("InputPathsMap", ctx.Json(transformer.InputPathsMap)),
            ("InputTemplate", ctx.Json(transformer.InputTemplate)));

    private static JsonObject Sqs(SamContext ctx, Function f, SqsEvent e)
    {
        if (SamFunctions.UsesSharedRole(ctx.Service, f))
        {
            ctx.AddRoleStatement(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], [ctx.Json(e.Arn)]);
        }

        return Props(
            ("Queue", ctx.Json(e.Arn)),
            ("BatchSize", ctx.Json(e.BatchSize)),
            ("Enabled", ctx.Json(e.Enabled)),
            ("MaximumBatchingWindowInSeconds", ctx.Json(e.MaximumBatchingWindow)),
            ("FunctionResponseTypes", e.FunctionResponseType is { } t ? new JsonArray(ctx.Json(t)) : null),
            ("ScalingConfig", e.MaximumConcurrency is { } mc ? Props(("MaximumConcurrency", ctx.Json(mc))) : null),
            ("FilterCriteria", FilterCriteria(e.FilterPatterns.Select(ctx.Json))));
    }

    private static JsonObject Sns(SamContext ctx, SnsEvent e)
    {
        JsonNode? topic;
        if (e.CreatesTopic && e.TopicName?.Value is { } name)
        {
            var logicalId = Naming.Topic(name);
            ctx.AddResource(logicalId, Resource("AWS::SNS::Topic", Props(("TopicName", name), ("DisplayName", ctx.Json(e.DisplayName)))));
            topic = PlanJson.Ref(logicalId);
        }
        else
        {
            topic = ctx.Json(e.Arn);
        }

        var redrive = e.RedrivePolicy is { } r
            ? r.DeadLetterTargetArn is { } arn ? ctx.Json(arn)
            : r.DeadLetterTargetRef?.Value is { } queue ? PlanJson.GetAtt(queue, "Arn")
            : ctx.Json(r.DeadLetterTargetImportArn) is { } import ? new JsonObject { ["Fn::ImportValue"] = import }
            : null
            : null;
        return Props(
            ("Topic", topic),
            ("FilterPolicy", ctx.Json(e.FilterPolicy)),
            ("FilterPolicyScope", ctx.Json(e.FilterPolicyScope)),
            ("RedrivePolicy", redrive is null ? null : Props(("deadLetterTargetArn", redrive))));
    }

    private static JsonObject? S3(SamContext ctx, S3Event e)
    {
        if (e.IsExisting)
        {
            ctx.LeftOut(e.Node, $"SAM's S3 event needs the bucket in the template: the notification of the existing bucket " +
                $"'{e.Bucket.Value}' is left out (the Framework sets it with a custom resource); " +
                "configure it on the bucket and allow s3.amazonaws.com to invoke the function");
            return null;
        }

        JsonNode bucket;
        if (e.Bucket.Value is { } name)
        {
            // A provider.s3 bucket keeps the Framework's logical id, from its key, and is named by its 'name'.
            var logicalId = Naming.Bucket(name);
            var settings = ctx.Service.Provider.S3.FirstOrDefault(b => b.Key == name);
            var properties = Props(("BucketName", settings?.Name?.Value ?? name));
            foreach (var setting in settings?.Settings.Where(s => s.Key != "name") ?? [])
            {
                properties[Naming.NormalizeName(setting.Key)] = ctx.Json(setting.Value);
            }

            ctx.AddResource(logicalId, Resource("AWS::S3::Bucket", properties));
            bucket = PlanJson.Ref(logicalId);
        }
        else
        {
            bucket = ctx.Json(e.Bucket.Node)!;
        }

        var rules = e.Rules.SelectMany(r => r.Filters)
            .Select(rule => (JsonNode?)Props(("Name", rule.Key), ("Value", ctx.Json(rule.Value))))
            .ToArray();
        return Props(
            ("Bucket", bucket),
            ("Events", ctx.Json(e.Event)),
            ("Filter", rules.Length == 0 ? null : Props(("S3Key", Props(("Rules", new JsonArray(rules)))))));
    }

    private static IEnumerable<(string Type, JsonObject Properties)> Schedule(SamContext ctx, ScheduleEvent e)
    {
        if (e.InputPath is not null || e.InputTransformer is not null)
        {
            ctx.Approximated(e.Node, "SAM's Schedule event takes only 'input': 'inputPath' and 'inputTransformer' are left out");
        }

        var scheduler = e.Method.Value == "scheduler";
        for (var i = 0; i < e.Rate.Count; i++)
        {
            var name = e.Rate.Count == 1 ? ctx.Json(e.Name)
                : e.Name?.Value is { } n ? $"{n}-{(i + 1).ToString(CultureInfo.InvariantCulture)}" : null;
            yield return scheduler
                ? ("ScheduleV2", Props(
                    ("ScheduleExpression", ctx.Json(e.Rate[i])),
                    ("ScheduleExpressionTimezone", ctx.Json(e.Timezone)),
                    ("Name", name),
                    ("Description", ctx.Json(e.Description)),
                    ("Input", Input(ctx, e.Input)),
                    ("State", e.Enabled.Value == false ? "DISABLED" : null)))
                : ("Schedule", Props(
                    ("Schedule", ctx.Json(e.Rate[i])),
                    ("Name", name),
                    ("Description", ctx.Json(e.Description)),
                    ("Input", Input(ctx, e.Input)),
                    ("Enabled", e.Enabled.Value == false ? false : null)));
        }
    }

    private static (string Type, JsonObject Properties)? Stream(SamContext ctx, Function f, StreamEvent e)
    {
        var type = e.Type.Value?.ToLowerInvariant() switch
        {
            "dynamodb" => "DynamoDB",
            "kinesis" => "Kinesis",
            _ => null,
        };
        if (type is null)
        {
            ctx.LeftOut(e.Node, "the stream's type is unknown (an intrinsic ARN without 'type'): set 'type: dynamodb' or 'type: kinesis'");
            return null;
        }

        var source = ctx.Json(e.Arn);
        if (type == "Kinesis" && e.Consumer is { } consumer && IsConsumerArn(ctx.Json(consumer)))
        {
            ctx.Approximated(consumer, "the Kinesis enhanced fan-out consumer is left out: SAM reads the stream itself");
        }

        if (SamFunctions.UsesSharedRole(ctx.Service, f))
        {
            ctx.AddRoleStatement(type == "DynamoDB"
                ? ["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"]
                : ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
                   "kinesis:ListShards", "kinesis:ListStreams"], [source]);
        }

        JsonObject? destination = null;
        if (e.OnFailure is { } onFailure)
        {
            var arn = ctx.Json(onFailure.Arn);
            var sns = onFailure.Type?.Value == "sns" || onFailure.Text?.StartsWith("arn:aws:sns:", StringComparison.Ordinal) == true;
            destination = Props(("OnFailure", Props(("Type", sns ? "SNS" : "SQS"), ("Destination", arn))));
            if (SamFunctions.UsesSharedRole(ctx.Service, f))
            {
                ctx.AddRoleStatement([sns ? "sns:Publish" : "sqs:SendMessage"], [arn]);
            }
        }

        return (type, Props(
            ("Stream", source),
            ("StartingPosition", ctx.Json(e.StartingPosition)),
            ("StartingPositionTimestamp", ctx.Json(e.StartingPositionTimestamp)),
            ("BatchSize", ctx.Json(e.BatchSize)),
            ("Enabled", ctx.Json(e.Enabled)),
            ("MaximumBatchingWindowInSeconds", ctx.Json(e.MaximumBatchingWindow)),
            ("ParallelizationFactor", ctx.Json(e.ParallelizationFactor)),
            ("MaximumRetryAttempts", ctx.Json(e.MaximumRetryAttempts)),
            ("BisectBatchOnFunctionError", ctx.Json(e.BisectBatchOnFunctionError)),
            ("MaximumRecordAgeInSeconds", ctx.Json(e.MaximumRecordAgeInSeconds)),
            ("FunctionResponseTypes", e.FunctionResponseType is { } t ? new JsonArray(ctx.Json(t)) : null),
            ("DestinationConfig", destination),
            ("TumblingWindowInSeconds", ctx.Json(e.TumblingWindowInSeconds)),
            ("FilterCriteria", FilterCriteria(e.FilterPatterns.Select(ctx.Json)))));
    }

    /// <summary><c>consumer</c> is <c>true</c> or an ARN (not <c>false</c>).</summary>
    private static bool IsConsumerArn(JsonNode? consumer) =>
        consumer is JsonValue v && (v.TryGetValue<bool>(out var on) ? on : v.TryGetValue<string>(out _));

    private static JsonObject Msk(SamContext ctx, Function f, MskEvent e)
    {
        var cluster = ctx.Json(e.Arn);
        if (SamFunctions.UsesSharedRole(ctx.Service, f))
        {
            ctx.AddRoleStatement(["kafka:DescribeCluster", "kafka:GetBootstrapBrokers"], [cluster]);
            ctx.AddRoleStatement(BrokerMappings.Ec2Actions, [JsonValue.Create("*")]);
            ctx.AddRoleStatement(["secretsmanager:GetSecretValue"], [ctx.Json(e.SaslScram512)]);
        }

        return Props(
            ("Stream", cluster),
            ("Topics", new JsonArray(ctx.Json(e.Topic))),
            ("StartingPosition", ctx.Json(e.StartingPosition)),
            ("StartingPositionTimestamp", ctx.Json(e.StartingPositionTimestamp)),
            ("BatchSize", ctx.Json(e.BatchSize)),
            ("Enabled", ctx.Json(e.Enabled)),
            ("MaximumBatchingWindowInSeconds", ctx.Json(e.MaximumBatchingWindow)),
            ("ConsumerGroupId", ctx.Json(e.ConsumerGroupId)),
            ("SourceAccessConfigurations", e.SaslScram512 is { } secret
                ? new JsonArray(Props(("Type", "SASL_SCRAM_512_AUTH"), ("URI", ctx.Json(secret)))) : null),
            ("FilterCriteria", FilterCriteria(e.FilterPatterns.Select(ctx.Json))));
    }

    /// <summary>The Framework's <c>accessConfigurations</c> keys and the Lambda source access types they mean.</summary>
    private static readonly Dictionary<string, (string Type, string Prefix)> KafkaAccess = new(StringComparer.Ordinal)
    {
        ["vpcSubnet"] = ("VPC_SUBNET", "subnet:"),
        ["vpcSecurityGroup"] = ("VPC_SECURITY_GROUP", "security_group:"),
        ["saslPlainAuth"] = ("BASIC_AUTH", string.Empty),
        ["saslScram256Auth"] = ("SASL_SCRAM_256_AUTH", string.Empty),
        ["saslScram512Auth"] = ("SASL_SCRAM_512_AUTH", string.Empty),
        ["clientCertificateTlsAuth"] = ("CLIENT_CERTIFICATE_TLS_AUTH", string.Empty),
        ["serverRootCaCertificate"] = ("SERVER_ROOT_CA_CERTIFICATE", string.Empty),
    };

    private static JsonObject Kafka(SamContext ctx, Function f, KafkaEvent e)
    {
        var access = new JsonArray();
        var secrets = new List<JsonNode?>();
        foreach (var configuration in e.AccessConfigurations)
        {
            if (!KafkaAccess.TryGetValue(configuration.Type, out var kind))
            {
                ctx.LeftOut(configuration.KeyNode, $"'{configuration.Type}' is not an access configuration Lambda knows: left out");
                continue;
            }

            foreach (var value in configuration.Values)
            {
                var uri = kind.Prefix.Length > 0 && value.Value is { } text ? kind.Prefix + text : ctx.Json(value.Node);
                access.Add((JsonNode)Props(("Type", kind.Type), ("URI", uri)));
                if (kind.Prefix.Length == 0)
                {
                    secrets.Add(ctx.Json(value.Node));
                }
            }
        }

        if (SamFunctions.UsesSharedRole(ctx.Service, f))
        {
            ctx.AddRoleStatement(["secretsmanager:GetSecretValue"], secrets);
            if (e.AccessConfigurations.Any(a => a.Type.StartsWith("vpc", StringComparison.Ordinal)))
            {
                ctx.AddRoleStatement(BrokerMappings.Ec2Actions, [JsonValue.Create("*")]);
            }
        }

        return Props(
            ("KafkaBootstrapServers", ctx.Json(e.BootstrapServers)),
            ("Topics", new JsonArray(ctx.Json(e.Topic))),
            ("SourceAccessConfigurations", access.Count == 0 ? null : access),
            ("StartingPosition", ctx.Json(e.StartingPosition)),
            ("StartingPositionTimestamp", ctx.Json(e.StartingPositionTimestamp)),
            ("BatchSize", ctx.Json(e.BatchSize)),
            ("Enabled", ctx.Json(e.Enabled)),
            ("ConsumerGroupId", ctx.Json(e.ConsumerGroupId)),
            ("FilterCriteria", FilterCriteria(e.FilterPatterns.Select(ctx.Json))));
    }

    private static JsonObject Broker(SamContext ctx, Function f, EventSourceMappingEvent e, Node broker, Node basicAuth,
        Spanned<string?> queue, Spanned<string?>? virtualHost)
    {
        if (SamFunctions.UsesSharedRole(ctx.Service, f))
        {
            ctx.AddRoleStatement(["mq:DescribeBroker"], [ctx.Json(broker)]);
            ctx.AddRoleStatement(["secretsmanager:GetSecretValue"], [ctx.Json(basicAuth)]);
            ctx.AddRoleStatement(BrokerMappings.Ec2Actions, [JsonValue.Create("*")]);
        }

        var access = new JsonArray(Props(("Type", "BASIC_AUTH"), ("URI", ctx.Json(basicAuth))));
        if (virtualHost is not null)
        {
            access.Add((JsonNode)Props(("Type", "VIRTUAL_HOST"), ("URI", ctx.Json(virtualHost))));
        }

        return Props(
            ("Broker", ctx.Json(broker)),
            ("Queues", new JsonArray(ctx.Json(queue))),
            ("SourceAccessConfigurations", access),
            ("BatchSize", ctx.Json(e.BatchSize)),
            ("Enabled", ctx.Json(e.Enabled)),
            ("MaximumBatchingWindowInSeconds", ctx.Json(e.MaximumBatchingWindow)),
            ("FilterCriteria", FilterCriteria(e.FilterPatterns.Select(ctx.Json))));
    }

    private static JsonObject? Cognito(SamContext ctx, CognitoUserPoolEvent e)
    {
        if (e.IsExistingPool)
        {
            ctx.LeftOut(e.Node, $"SAM's Cognito event needs the user pool in the template: the '{e.Trigger.Value}' trigger of the " +
                $"existing pool '{e.Pool.Value}' is left out (the Framework sets it with a custom resource)");
            return null;
        }

        if (e.Trigger.Value is "CustomSMSSender" or "CustomEmailSender")
        {
            ctx.LeftOut(e.Node, $"SAM's Cognito event cannot set the '{e.Trigger.Value}' trigger (it needs a KMS key and a " +
                "Lambda version): set LambdaConfig on the user pool yourself");
            return null;
        }

        if (e.Pool.Value is not { } pool)
        {
            ctx.LeftOut(e.Node, "the user pool's name is not known before deploying: the trigger is left out");
            return null;
        }

        var logicalId = Naming.CognitoUserPool(pool);
        ctx.AddResource(logicalId, Resource("AWS::Cognito::UserPool", Props(("UserPoolName", pool))));
        return Props(("UserPool", PlanJson.Ref(logicalId)), ("Trigger", ctx.Json(e.Trigger)));
    }

    private static (string Type, JsonObject Properties) EventBridge(SamContext ctx, EventBridgeEvent e)
    {
        JsonNode? bus = null;
        if (e.EventBusLiteral is { } name && name != "default" && !name.StartsWith("arn:", StringComparison.Ordinal))
        {
            var logicalId = Naming.EventBridgeBus(name);
            ctx.AddResource(logicalId, Resource("AWS::Events::EventBus", Props(("Name", name))));
            bus = PlanJson.Ref(logicalId);
        }
        else if (e.EventBusLiteral is { } arn && arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            bus = arn[(arn.LastIndexOf('/') + 1)..];
        }
        else if (e.EventBus is not null && e.EventBusLiteral != "default")
        {
            bus = ctx.Json(e.EventBus);
        }

        var state = e.Enabled.Value == false ? "DISABLED" : null;
        if (e.Schedule is { } schedule)
        {
            if (bus is not null || e.InputTransformer is not null || e.InputPath is not null)
            {
                ctx.Approximated(e.Node, "a scheduled eventBridge rule is a SAM Schedule event on the default bus, with 'input' only");
            }

            return ("Schedule", Props(
                ("Schedule", ctx.Json(schedule)),
                ("Name", ctx.Json(e.Name)),
                ("Description", ctx.Json(e.Description)),
                ("Input", Input(ctx, e.Input)),
                ("State", state)));
        }

        return ("EventBridgeRule", Props(
            ("Pattern", ctx.Json(e.Pattern)),
            ("EventBusName", bus),
            ("Input", Input(ctx, e.Input)),
            ("InputPath", ctx.Json(e.InputPath)),
            ("InputTransformer", InputTransformer(ctx, e.InputTransformerSettings)),
            ("RetryPolicy", NonEmpty(Props(
                ("MaximumEventAgeInSeconds", ctx.Json(e.RetryPolicyMaximumEventAge)),
                ("MaximumRetryAttempts", ctx.Json(e.RetryPolicyMaximumRetryAttempts))))),
            ("DeadLetterConfig", e.DeadLetterQueueArn is { } dlq ? Props(("Arn", ctx.Json(dlq))) : null),
            ("RuleName", ctx.Json(e.Name)),
            ("State", state)));
    }
}
