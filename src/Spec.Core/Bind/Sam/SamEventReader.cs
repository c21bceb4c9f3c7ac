using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// A SAM function's <c>Events</c> as serverless.yml events, one per SAM event (an S3 event with several
/// <c>Events</c> becomes one per event). Buckets, topics and user pools the Framework creates from an event are renamed
/// to the logical ids it gives them, so the template's own settings on them still merge in.
/// </summary>
internal static class SamEventReader
{
    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["BatchSize"] = "batchSize",
        ["Enabled"] = "enabled",
        ["MaximumBatchingWindowInSeconds"] = "maximumBatchingWindow",
        ["StartingPosition"] = "startingPosition",
        ["StartingPositionTimestamp"] = "startingPositionTimestamp",
        ["ParallelizationFactor"] = "parallelizationFactor",
        ["MaximumRetryAttempts"] = "maximumRetryAttempts",
        ["BisectBatchOnFunctionError"] = "bisectBatchOnFunctionError",
        ["MaximumRecordAgeInSeconds"] = "maximumRecordAgeInSeconds",
        ["TumblingWindowInSeconds"] = "tumblingWindowInSeconds",
        ["ConsumerGroupId"] = "consumerGroupId",
    };

    public static List<Node> Read(SamReadContext ctx, string functionKey, MappingNode properties)
    {
        var events = new List<Node>();
        if (properties["Events"] is not MappingNode all)
        {
            return events;
        }

        foreach (var entry in all.Entries)
        {
            if (entry.Value is not MappingNode e || SamNodes.Literal(e["Type"]) is not { } type)
            {
                ctx.LeftOut(entry.Key, $"the event '{entry.Key.Text}' has no Type: left out");
                continue;
            }

            var p = e["Properties"] as MappingNode ?? new MappingNode(e.Span, []);
            foreach (var (name, value) in Event(ctx, functionKey, type, p, entry.Key))
            {
                events.Add(new MappingNode(e.Span, [new MappingEntry(SamNodes.Key(name, entry.Key.Span), value)]));
            }
        }

        return events;
    }

    private static IEnumerable<(string Name, Node Value)> Event(SamReadContext ctx, string functionKey, string type, MappingNode p,
        ScalarNode at)
    {
        switch (type)
        {
            case "Api":
                return [("http", Api(ctx, p))];
            case "HttpApi":
                return [("httpApi", HttpApi(ctx, p, at))];
            case "SQS":
                return [("sqs", Mapping(p, ("arn", "Queue")).Pipe(m => SourceMapping(m, p))
                    .Copy("maximumConcurrency", p["ScalingConfig"] as MappingNode, "MaximumConcurrency").Build())];
            case "SNS":
                return [("sns", Sns(ctx, p, at))];
            case "S3":
                return S3(ctx, p, at);
            case "Schedule":
                return [("schedule", Schedule(p, scheduler: false))];
            case "ScheduleV2":
                return [("schedule", Schedule(p, scheduler: true))];
            case "EventBridgeRule":
                return [("eventBridge", EventBridge(p))];
            case "CloudWatchEvent":
                return [("cloudwatchEvent", Rule(p, "event").Build())];
            case "Kinesis" or "DynamoDB":
                return [("stream", Stream(p, type))];
            case "MSK":
                return [("msk", Msk(p))];
            case "MQ":
                return [Broker(ctx, p)];
            case "SelfManagedKafka":
                return [("kafka", Kafka(ctx, p))];
            case "Cognito":
                return Cognito(ctx, p, at);
            case "IoTRule":
                return [("iot", Mapping(p, ("sql", "Sql"), ("sqlVersion", "AwsIotSqlVersion")).Build())];
            case "CloudWatchLogs":
                return [("cloudwatchLog", Mapping(p, ("logGroup", "LogGroupName"), ("filter", "FilterPattern")).Build())];
            case "AlexaSkill":
                return [("alexaSkill", Mapping(p, ("appId", "SkillId")).Build())];
            default:
                ctx.LeftOut(at, $"SAM's '{type}' event has no serverless.yml event: left out");
                return [];
        }
    }

    private static SamMapping Pipe(this SamMapping m, Action<SamMapping> action)
    {
        action(m);
        return m;
    }

    private static SamMapping Mapping(MappingNode p, params (string Sls, string Sam)[] keys)
    {
        var m = new SamMapping(p.Span);
        foreach (var (sls, sam) in keys)
        {
            m.Copy(sls, p, sam);
        }

        return m;
    }

    /// <summary>The settings every event source mapping shares.</summary>
    private static void SourceMapping(SamMapping m, MappingNode p, string batchingWindow = "maximumBatchingWindow")
    {
        foreach (var (sam, sls) in Common)
        {
            m.Copy(sam == "MaximumBatchingWindowInSeconds" ? batchingWindow : sls, p, sam);
        }

        m.Copy("functionResponseType", p, "FunctionResponseTypes", v => v is SequenceNode { Items: [var first, ..] } ? first : v);
        if (p["FilterCriteria"] is MappingNode criteria && criteria["Filters"] is SequenceNode filters)
        {
            m.Add("filterPatterns", p.Entry("FilterCriteria")!.Key.Span, SamNodes.List(filters.Span,
                filters.Items.Select(f => f is MappingNode { } filter && filter["Pattern"] is { } pattern ? SamNodes.ParsedJson(pattern) : f)));
        }
    }

    private static Node Api(SamReadContext ctx, MappingNode p)
    {
        var m = new SamMapping(p.Span)
            .Copy("path", p, "Path")
            .Copy("method", p, "Method", v => SamNodes.Literal(v) is { } method ? SamNodes.Text(method.ToLowerInvariant(), v.Span) : v);
        SamApiReader.RestRoute(ctx, m, p);
        return m.Build();
    }

    private static Node HttpApi(SamReadContext ctx, MappingNode p, ScalarNode at)
    {
        var m = new SamMapping(p.Span)
            .Copy("method", p, "Method", v => SamNodes.Literal(v) is { } method
                ? SamNodes.Text(method.Equals("any", StringComparison.OrdinalIgnoreCase) ? "*" : method.ToUpperInvariant(), v.Span)
                : v)
            .Copy("path", p, "Path");
        var catchAll = p["Path"] is null && p["Method"] is null;
        if (m["method"] is null)
        {
            m.Add("method", at.Span, SamNodes.Text("*", at.Span));
        }

        SamApiReader.HttpRoute(ctx, m, p);
        if (catchAll)
        {
            if (m["authorizer"] is null)
            {
                return SamNodes.Text("*", at.Span);
            }

            m.Add("path", at.Span, SamNodes.Text("*", at.Span));
        }

        return m.Build();
    }

    private static Node Sns(SamReadContext ctx, MappingNode p, ScalarNode at)
    {
        var m = new SamMapping(p.Span);
        var topic = p.Entry("Topic");
        var id = SamNodes.ReferencedId(topic?.Value);
        var name = SamNodes.Literal(SamReadContext.Properties(ctx.Resource(id))?["TopicName"]);
        if (id is not null && name is not null && id == "SNSTopic" + SamNaming.AlphaNumeric(name))
        {
            // The topic the Framework creates from its name; the template's settings merge into it under the same id.
            m.Add("topicName", topic!.Key.Span, SamNodes.Text(name, topic.Value.Span));
        }
        else if (topic is not null)
        {
            m.Add("arn", topic.Key.Span, topic.Value);
            if (topic.Value is not ScalarNode)
            {
                m.Add("topicName", topic.Key.Span, SamNodes.Text(name ?? id ?? "topic", topic.Value.Span));
            }
        }

        m.Copy("filterPolicy", p, "FilterPolicy").Copy("filterPolicyScope", p, "FilterPolicyScope");
        if (p["RedrivePolicy"] is MappingNode redrive)
        {
            m.Add("redrivePolicy", p.Entry("RedrivePolicy")!.Key.Span,
                new SamMapping(redrive.Span).Copy("deadLetterTargetArn", redrive, "deadLetterTargetArn").Build());
        }

        if (p.Entry("SqsSubscription") is { } sqs)
        {
            ctx.LeftOut(sqs.Key, "SAM's SqsSubscription (topic → queue → function) has no serverless.yml form: the function subscribes directly");
        }

        _ = at;
        return m.Build();
    }

    private static IEnumerable<(string, Node)> S3(SamReadContext ctx, MappingNode p, ScalarNode at)
    {
        var bucket = p.Entry("Bucket");
        var id = SamNodes.ReferencedId(bucket?.Value);
        if (bucket is null || id is null || ctx.TypeOf(id) != "AWS::S3::Bucket")
        {
            ctx.LeftOut(at, "SAM's S3 event needs a bucket of the template (!Ref): left out");
            yield break;
        }

        var written = SamNodes.Literal(SamReadContext.Properties(ctx.Resource(id))?["BucketName"]);
        var name = FrameworkName(id, "S3Bucket") ?? written ?? id.ToLowerInvariant();
        if (written is null && FrameworkName(id, "S3Bucket") is null)
        {
            ctx.Approximated(bucket.Key, $"the Framework names the bucket of an s3 event: '{id}' is given the name '{name}'");
        }

        Rename(ctx, id, "S3Bucket" + SamNaming.AlphaNumeric(name), bucket.Key);
        var rules = new List<Node>();
        if (p["Filter"] is MappingNode filter && filter["S3Key"] is MappingNode key && key["Rules"] is SequenceNode list)
        {
            foreach (var rule in list.Items.OfType<MappingNode>())
            {
                if (SamNodes.Literal(rule["Name"]) is { } ruleName && rule["Value"] is { } value)
                {
                    rules.Add(new MappingNode(rule.Span, [new MappingEntry(SamNodes.Key(ruleName.ToLowerInvariant(), rule.Span), value)]));
                }
            }
        }

        foreach (var e in SamNodes.Items(p["Events"]))
        {
            var m = new SamMapping(p.Span)
                .Add("bucket", bucket.Key.Span, SamNodes.Text(name, bucket.Value.Span))
                .Add("event", p.Entry("Events")!.Key.Span, e);
            if (rules.Count > 0)
            {
                m.Add("rules", p.Entry("Filter")!.Key.Span, SamNodes.List(p["Filter"]!.Span, rules));
            }

            yield return ("s3", m.Build());
        }
    }

    /// <summary>The name in a logical id the Framework made (<c>S3BucketPhotos</c> → <c>Photos</c>): the event keeps the id,
    /// and the resource's own name property, merged over the Framework's, keeps the deployed name.</summary>
    private static string? FrameworkName(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length && id[prefix.Length..].All(char.IsAsciiLetterOrDigit)
            ? id[prefix.Length..]
            : null;

    private static void Rename(SamReadContext ctx, string id, string frameworkId, ScalarNode at)
    {
        if (id != frameworkId && ctx.Renames.TryAdd(id, frameworkId))
        {
            ctx.Approximated(at, $"'{id}' is renamed to '{frameworkId}', the logical id the Framework gives it (references follow)");
        }
    }

    private static Node Schedule(MappingNode p, bool scheduler)
    {
        var m = new SamMapping(p.Span);
        m.Copy("rate", p, scheduler ? "ScheduleExpression" : "Schedule", v => SamNodes.List(v.Span, [v]));
        if (scheduler)
        {
            m.Add("method", p.Span, SamNodes.Text("scheduler", p.Span));
            m.Copy("timezone", p, "ScheduleExpressionTimezone");
        }

        m.Copy("name", p, "Name").Copy("description", p, "Description").Copy("input", p, "Input", SamNodes.ParsedJson);
        Enabled(m, p);
        return m.Build();
    }

    private static void Enabled(SamMapping m, MappingNode p)
    {
        m.Copy("enabled", p, "Enabled");
        if (p.Entry("State") is { } state && SamNodes.Literal(state.Value) is { } text)
        {
            m.Add("enabled", state.Key.Span, SamNodes.Bool(text == "ENABLED", state.Value.Span));
        }
    }

    private static SamMapping Rule(MappingNode p, string patternKey)
    {
        var m = new SamMapping(p.Span)
            .Copy(patternKey, p, "Pattern")
            .Copy("input", p, "Input", SamNodes.ParsedJson)
            .Copy("inputPath", p, "InputPath")
            .Copy("name", p, "RuleName");
        if (p["InputTransformer"] is MappingNode transformer)
        {
            m.Add("inputTransformer", p.Entry("InputTransformer")!.Key.Span, new SamMapping(transformer.Span)
                .Copy("inputPathsMap", transformer, "InputPathsMap").Copy("inputTemplate", transformer, "InputTemplate").Build());
        }

        Enabled(m, p);
        return m;
    }

    private static Node EventBridge(MappingNode p)
    {
        var m = Rule(p, "pattern").Copy("eventBus", p, "EventBusName");
        if (p["RetryPolicy"] is MappingNode retry)
        {
            m.Add("retryPolicy", p.Entry("RetryPolicy")!.Key.Span, new SamMapping(retry.Span)
                .Copy("maximumEventAge", retry, "MaximumEventAgeInSeconds")
                .Copy("maximumRetryAttempts", retry, "MaximumRetryAttempts").Build());
        }

        if (p["DeadLetterConfig"] is MappingNode dlq)
        {
            m.Copy("deadLetterQueueArn", dlq, "Arn");
        }

        return m.Build();
    }

    private static Node Stream(MappingNode p, string type)
    {
        var m = new SamMapping(p.Span)
            .Add("type", p.Span, SamNodes.Text(type == "DynamoDB" ? "dynamodb" : "kinesis", p.Span))
            .Copy("arn", p, "Stream");
        SourceMapping(m, p, "batchWindow");
        if (p["DestinationConfig"] is MappingNode destination && destination["OnFailure"] is MappingNode onFailure)
        {
            m.Add("destinations", p.Entry("DestinationConfig")!.Key.Span, new SamMapping(destination.Span)
                .Add("onFailure", destination.Entry("OnFailure")!.Key.Span, new SamMapping(onFailure.Span)
                    .Copy("arn", onFailure, "Destination")
                    .Copy("type", onFailure, "Type", v => SamNodes.Literal(v) is { } t ? SamNodes.Text(t.ToLowerInvariant(), v.Span) : v)
                    .Build()).Build());
        }

        return m.Build();
    }

    private static Node Msk(MappingNode p)
    {
        var m = new SamMapping(p.Span).Copy("arn", p, "Stream").Copy("topic", p, "Topics", First);
        SourceMapping(m, p);
        foreach (var access in SamNodes.Items(p["SourceAccessConfigurations"]).OfType<MappingNode>())
        {
            if (SamNodes.Literal(access["Type"]) == "SASL_SCRAM_512_AUTH")
            {
                m.Copy("saslScram512", access, "URI");
            }
        }

        return m.Build();
    }

    private static Node First(Node v) => v is SequenceNode { Items: [var first, ..] } ? first : v;

    private static (string, Node) Broker(SamReadContext ctx, MappingNode p)
    {
        var access = SamNodes.Items(p["SourceAccessConfigurations"]).OfType<MappingNode>().ToList();
        var engine = SamNodes.Literal(SamReadContext.Properties(ctx.Resource(SamNodes.ReferencedId(p["Broker"])))?["EngineType"]);
        var rabbit = engine?.Equals("RABBITMQ", StringComparison.OrdinalIgnoreCase) == true ||
            access.Exists(a => SamNodes.Literal(a["Type"]) == "VIRTUAL_HOST");
        var m = new SamMapping(p.Span).Copy("arn", p, "Broker").Copy("queue", p, "Queues", First);
        foreach (var a in access)
        {
            switch (SamNodes.Literal(a["Type"]))
            {
                case "BASIC_AUTH":
                    m.Copy("basicAuthArn", a, "URI");
                    break;
                case "VIRTUAL_HOST":
                    m.Copy("virtualHost", a, "URI");
                    break;
            }
        }

        SourceMapping(m, p);
        return (rabbit ? "rabbitmq" : "activemq", m.Build());
    }

    private static readonly Dictionary<string, (string Key, string Prefix)> KafkaAccess = new(StringComparer.Ordinal)
    {
        ["VPC_SUBNET"] = ("vpcSubnet", "subnet:"),
        ["VPC_SECURITY_GROUP"] = ("vpcSecurityGroup", "security_group:"),
        ["BASIC_AUTH"] = ("saslPlainAuth", ""),
        ["SASL_SCRAM_256_AUTH"] = ("saslScram256Auth", ""),
        ["SASL_SCRAM_512_AUTH"] = ("saslScram512Auth", ""),
        ["CLIENT_CERTIFICATE_TLS_AUTH"] = ("clientCertificateTlsAuth", ""),
        ["SERVER_ROOT_CA_CERTIFICATE"] = ("serverRootCaCertificate", ""),
    };

    private static Node Kafka(SamReadContext ctx, MappingNode p)
    {
        var m = new SamMapping(p.Span).Copy("bootstrapServers", p, "KafkaBootstrapServers").Copy("topic", p, "Topics", First);
        SourceMapping(m, p);
        var groups = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
        foreach (var a in SamNodes.Items(p["SourceAccessConfigurations"]).OfType<MappingNode>())
        {
            if (SamNodes.Literal(a["Type"]) is not { } type || !KafkaAccess.TryGetValue(type, out var kind) || a["URI"] is not { } uri)
            {
                ctx.LeftOut(a, "an access configuration the Framework's kafka event does not know: left out");
                continue;
            }

            var value = kind.Prefix.Length > 0 && SamNodes.Literal(uri) is { } text && text.StartsWith(kind.Prefix, StringComparison.Ordinal)
                ? SamNodes.Text(text[kind.Prefix.Length..], uri.Span)
                : uri;
            (groups.TryGetValue(kind.Key, out var list) ? list : groups[kind.Key] = []).Add(value);
        }

        if (groups.Count > 0)
        {
            var span = p.Entry("SourceAccessConfigurations")!.Key.Span;
            var accessConfigurations = new SamMapping(span);
            foreach (var (key, values) in groups)
            {
                accessConfigurations.Add(key, span, SamNodes.List(span, values));
            }

            m.Add("accessConfigurations", span, accessConfigurations.Build());
        }

        return m.Build();
    }

    private static IEnumerable<(string, Node)> Cognito(SamReadContext ctx, MappingNode p, ScalarNode at)
    {
        var pool = p.Entry("UserPool");
        var id = SamNodes.ReferencedId(pool?.Value);
        if (pool is null || id is null || ctx.TypeOf(id) != "AWS::Cognito::UserPool")
        {
            ctx.LeftOut(at, "SAM's Cognito event needs a user pool of the template (!Ref): left out");
            yield break;
        }

        var name = FrameworkName(id, "CognitoUserPool") ?? SamNodes.Literal(SamReadContext.Properties(ctx.Resource(id))?["UserPoolName"]) ?? id;
        Rename(ctx, id, "CognitoUserPool" + SamNaming.AlphaNumeric(name), pool.Key);
        foreach (var trigger in SamNodes.Items(p["Trigger"]))
        {
            yield return ("cognitoUserPool", new SamMapping(p.Span)
                .Add("pool", pool.Key.Span, SamNodes.Text(name, pool.Value.Span))
                .Add("trigger", p.Entry("Trigger")!.Key.Span, trigger).Build());
        }
    }
}
