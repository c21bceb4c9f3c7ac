using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>The event plugins with one resource (plus a permission) per event: schedule, s3, sns, stream, sqs, …</summary>
internal static class SimpleEvents
{
    public static void Schedule(PlanContext ctx, List<PlanEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var index = 0;
            foreach (var e in group)
            {
                var fn = e.Function;
                var rates = e.Value is MappingNode m ? m["rate"] : e.Value;
                var rateList = rates is SequenceNode seq ? seq.Items.ToList() : rates is null ? [] : [rates];
                if (rateList.Count == 0)
                {
                    ctx.Unsupported($"the schedule event of function '{fn.Key}' has no 'rate'", e.Node.Span);
                    continue;
                }

                var enabled = Bool(Get(e.Value, "enabled")) ?? true;
                var method = Text(Get(e.Value, "method")) ?? "eventBus";
                foreach (var rate in rateList)
                {
                    index++;
                    if (method == "scheduler")
                    {
                        Scheduler(ctx, e, rate, index, enabled);
                        continue;
                    }

                    var target = new JsonObject();
                    AddTargetInput(ctx, e.Value, target);
                    target["Arn"] = fn.Target();
                    target["Id"] = fn.Key + "Schedule";
                    var props = Object(("ScheduleExpression", ctx.Json(rate)), ("State", enabled ? "ENABLED" : "DISABLED"));
                    if (Text(Get(e.Value, "name")) is { } name)
                    {
                        props["Name"] = name;
                    }

                    if (Text(Get(e.Value, "description")) is { } description)
                    {
                        props["Description"] = description;
                    }

                    props["Targets"] = Array(target);
                    var rule = Object(("Type", "AWS::Events::Rule"));
                    if (fn.AliasLogicalId is not null)
                    {
                        rule["DependsOn"] = fn.AliasLogicalId;
                    }

                    rule["Properties"] = props;
                    var ruleId = Naming.ScheduleRule(fn.Key, index);
                    ctx.Add(ruleId, rule, PlanResourceKind.Rule, e.Node.Span, fn.Key);
                    ctx.Add(Naming.SchedulePermission(fn.Key, index),
                        EventLowering.Permission(fn, "events.amazonaws.com", GetAtt(ruleId, "Arn")),
                        PlanResourceKind.Permission, e.Node.Span, fn.Key);
                }
            }
        }
    }

    private static void AddTargetInput(PlanContext ctx, Node? value, JsonObject target)
    {
        var input = Get(value, "input");
        if (!IsNullOrMissing(input))
        {
            target["Input"] = input is ScalarNode ? Text(input) : EventLowering.Stringify(ctx.Json(input));
        }

        if (Text(Get(value, "inputPath")) is { } inputPath)
        {
            target["InputPath"] = inputPath;
        }

        if (Get(value, "inputTransformer") is MappingNode transformer)
        {
            var t = new JsonObject();
            if (transformer["inputPathsMap"] is { } paths)
            {
                t["InputPathsMap"] = ctx.Json(paths);
            }

            t["InputTemplate"] = ctx.Json(transformer["inputTemplate"]);
            target["InputTransformer"] = t;
        }
    }

    private static void Scheduler(PlanContext ctx, PlanEvent e, Node rate, int index, bool enabled)
    {
        var fn = e.Function;
        if (ctx.Plan[Naming.Role] is null)
        {
            ctx.Unsupported($"the scheduler schedule of function '{fn.Key}' needs the generated execution role",
                e.Node.Span, "remove 'method: scheduler' or let Spec generate the role");
            return;
        }

        var target = Object(("Arn", fn.Target()), ("RoleArn", GetAtt(Naming.Role, "Arn")));
        var input = Get(e.Value, "input");
        if (!IsNullOrMissing(input))
        {
            target["Input"] = input is ScalarNode ? Text(input) : EventLowering.Stringify(ctx.Json(input));
        }

        var props = Object(("ScheduleExpression", ctx.Json(rate)), ("State", enabled ? "ENABLED" : "DISABLED"));
        if (Text(Get(e.Value, "timezone")) is { } tz)
        {
            props["ScheduleExpressionTimezone"] = tz;
        }

        if (Text(Get(e.Value, "name")) is { } name)
        {
            props["Name"] = name;
        }

        if (Text(Get(e.Value, "description")) is { } description)
        {
            props["Description"] = description;
        }

        props["FlexibleTimeWindow"] = Object(("Mode", "OFF"));
        props["Target"] = target;
        ctx.Add(Naming.SchedulerSchedule(fn.Key, index), Object(("Type", "AWS::Scheduler::Schedule"), ("Properties", props)),
            PlanResourceKind.Rule, e.Node.Span, fn.Key);
        if (!ctx.ExtraTrustedServices.Contains("scheduler.amazonaws.com"))
        {
            ctx.ExtraTrustedServices.Add("scheduler.amazonaws.com");
        }

        ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["lambda:InvokeFunction"])),
            ("Resource", Array(fn.Target()))));
    }

    public static void S3(PlanContext ctx, List<PlanEvent> events)
    {
        var buckets = new List<(string Name, string? ConfigKey, JsonArray Configurations, JsonArray DependsOn, PlanEvent First)>();
        var existing = new List<PlanEvent>();
        foreach (var e in events)
        {
            var fn = e.Function;
            if (Bool(Get(e.Value, "existing")) == true)
            {
                existing.Add(e);
                continue;
            }

            var bucketNode = e.Value is MappingNode m ? m["bucket"] : e.Value;
            if (bucketNode is not ScalarNode { IsNull: false } bucketScalar)
            {
                ctx.Unsupported($"the s3 event of function '{fn.Key}' needs 'bucket' as a bucket name", e.Node.Span,
                    "write the bucket name; to use a bucket defined in resources, add 'existing: true'");
                continue;
            }

            var events3 = Get(e.Value, "event") is { } ev && Text(ev) is { } evText ? evText : "s3:ObjectCreated:*";
            var rules = Items(Get(e.Value, "rules")).ToList();
            var configKey = bucketScalar.Text;
            var providerBucket = Path(ctx.Provider, "s3", configKey) as MappingNode;
            var bucketName = Text(providerBucket?["name"]) ?? bucketScalar.Text;
            var config = Object(("Event", events3), ("Function", fn.Target()));
            if (rules.Count > 0)
            {
                var ruleList = new JsonArray();
                foreach (var rule in rules.OfType<MappingNode>())
                {
                    foreach (var r in rule.Entries)
                    {
                        ruleList.AddNode(Object(("Name", r.Key.Text), ("Value", ctx.Json(r.Value))));
                    }
                }

                config["Filter"] = Object(("S3Key", Object(("Rules", ruleList))));
            }

            var index = buckets.FindIndex(b => b.Name == bucketName);
            if (index < 0)
            {
                buckets.Add((bucketName, providerBucket is null ? null : configKey, [], [], e));
                index = buckets.Count - 1;
            }

            buckets[index].Configurations.AddNode(config);
            // The Framework lists the permission once per event, duplicates included.
            buckets[index].DependsOn.AddNode(Naming.S3Permission(fn.Key, bucketName));
        }

        foreach (var (name, configKey, configurations, dependsOn, first) in buckets)
        {
            var props = Object(("BucketName", name));
            if (configKey is not null && Path(ctx.Provider, "s3", configKey) is MappingNode extra)
            {
                foreach (var entry in extra.Entries.Where(x => x.Key.Text != "name"))
                {
                    props[Naming.NormalizeName(entry.Key.Text)] = ctx.Json(entry.Value);
                }
            }

            props["NotificationConfiguration"] = Object(("LambdaConfigurations", configurations));
            ctx.Add(Naming.Bucket(name), Object(("Type", "AWS::S3::Bucket"), ("Properties", props), ("DependsOn", dependsOn)),
                PlanResourceKind.Bucket, first.Node.Span);
            foreach (var fnKey in events.Where(x => BucketNameOf(ctx, x) == name).Select(x => x.Function).Distinct())
            {
                var permission = EventLowering.Permission(fnKey, "s3.amazonaws.com",
                    Join(string.Empty, "arn:", Partition(), ":s3:::" + name));
                permission["Properties"]!["SourceAccount"] = AccountId();
                ctx.Add(Naming.S3Permission(fnKey.Key, name), permission, PlanResourceKind.Permission, first.Node.Span, fnKey.Key);
            }
        }

        ExistingS3Lowering.Compile(ctx, existing);
    }

    private static string? BucketNameOf(PlanContext ctx, PlanEvent e)
    {
        if (Bool(Get(e.Value, "existing")) == true)
        {
            return null;
        }

        var key = Text(e.Value is MappingNode m ? m["bucket"] : e.Value);
        return key is null ? null : Text(Path(ctx.Provider, "s3", key, "name")) ?? key;
    }

    public static void Sns(PlanContext ctx, List<PlanEvent> events)
    {
        foreach (var e in events)
        {
            var fn = e.Function;
            Node? arnNode = null;
            string? topicName;
            if (e.Value is ScalarNode s)
            {
                if (s.Text.StartsWith("arn:", StringComparison.Ordinal))
                {
                    arnNode = s;
                    topicName = s.Text.Split(':')[^1];
                }
                else
                {
                    topicName = s.Text;
                }
            }
            else
            {
                arnNode = Get(e.Value, "arn");
                topicName = Text(Get(e.Value, "topicName")) ?? (Text(arnNode) is { } a ? a.Split(':')[^1] : null);
            }

            if (topicName is null)
            {
                ctx.Unsupported($"the sns event of function '{fn.Key}' needs a topic name or 'topicName' with 'arn'",
                    e.Node.Span);
                continue;
            }

            var filterPolicy = Get(e.Value, "filterPolicy");
            var redrive = Get(e.Value, "redrivePolicy");
            JsonNode topicArn;
            if (arnNode is null && IsNullOrMissing(filterPolicy) && IsNullOrMissing(redrive))
            {
                var topicId = Naming.Topic(topicName);
                var subscription = Object(("Endpoint", fn.Target()), ("Protocol", "lambda"));
                if (ctx.Plan[topicId] is { } existing)
                {
                    (existing.Properties["Subscription"] as JsonArray)?.AddNode(subscription);
                }
                else
                {
                    var props = Object(("TopicName", topicName));
                    if (Text(Get(e.Value, "displayName")) is { } displayName)
                    {
                        props["DisplayName"] = displayName;
                    }

                    props["Subscription"] = Array(subscription);
                    ctx.Add(topicId, Object(("Type", "AWS::SNS::Topic"), ("Properties", props)), PlanResourceKind.Topic,
                        e.Node.Span);
                }

                topicArn = Join(string.Empty, "arn:", Partition(), ":sns:", Region(), ":", AccountId(), ":", topicName);
            }
            else
            {
                if (arnNode is null)
                {
                    var topicId = Naming.Topic(topicName);
                    if (!ctx.Plan.Contains(topicId))
                    {
                        ctx.Add(topicId, Object(("Type", "AWS::SNS::Topic"), ("Properties", Object(("TopicName", topicName)))),
                            PlanResourceKind.Topic, e.Node.Span);
                    }

                    topicArn = Ref(topicId);
                }
                else
                {
                    topicArn = ctx.Json(arnNode)!;
                }

                var props = Object(("TopicArn", topicArn.DeepClone()), ("Protocol", "lambda"), ("Endpoint", fn.Target()));
                if (!IsNullOrMissing(filterPolicy))
                {
                    props["FilterPolicy"] = ctx.Json(filterPolicy);
                }

                if (Text(Get(e.Value, "filterPolicyScope")) is { } scope)
                {
                    props["FilterPolicyScope"] = scope;
                }

                if (!IsNullOrMissing(redrive))
                {
                    var target = Get(redrive, "deadLetterTargetArn") is { } dlq ? ctx.Json(dlq)
                        : Text(Get(redrive, "deadLetterTargetRef")) is { } dlqRef ? GetAtt(dlqRef, "Arn")
                        : ctx.Json(Path(redrive, "deadLetterTargetImport", "arn"));
                    props["RedrivePolicy"] = Object(("deadLetterTargetArn", target));
                }

                ctx.Add(Naming.SnsSubscription(fn.Key, topicName), Object(("Type", "AWS::SNS::Subscription"), ("Properties", props)),
                    PlanResourceKind.Other, e.Node.Span, fn.Key);
            }

            ctx.Add(Naming.SnsPermission(fn.Key, topicName), EventLowering.Permission(fn, "sns.amazonaws.com", topicArn),
                PlanResourceKind.Permission, e.Node.Span, fn.Key);
        }
    }

    /// <summary>The name part of a stream or queue ARN given as a string or an intrinsic.</summary>
    private static string? SourceName(Node? arn, Func<string, string?> fromString)
    {
        switch (arn)
        {
            case ScalarNode s when !s.IsNull:
                return fromString(s.Text);
            case MappingNode m when m["Fn::GetAtt"] is SequenceNode g && g.Items.Count > 0:
                return Text(g.Items[0]);
            case MappingNode m when m["Fn::GetAtt"] is ScalarNode g:
                return g.Text.Split('.')[0];
            case MappingNode m when m["Fn::ImportValue"] is ScalarNode i:
                return i.Text;
            case MappingNode m when m["Ref"] is ScalarNode r:
                return r.Text;
            case MappingNode m when m["Fn::Join"] is SequenceNode j && j.Items.Count == 2 && j.Items[1] is SequenceNode parts:
                return Text(parts.Items[^1]);
            default:
                return null;
        }
    }

    internal static JsonArray MappingDependsOn(PlanContext ctx, PlanFunction fn)
    {
        if (Text(fn.Node["role"]) is { } role && !role.StartsWith("arn:", StringComparison.Ordinal))
        {
            return Strings([role]);
        }

        return IsNullOrMissing(fn.Node["role"]) && ctx.Plan.Contains(Naming.Role) ? Strings([Naming.Role]) : [];
    }

    public static void Stream(PlanContext ctx, List<PlanEvent> events)
    {
        var dynamodb = new JsonArray();
        var kinesis = new JsonArray();
        foreach (var e in events)
        {
            var fn = e.Function;
            var arn = e.Value is MappingNode m ? m["arn"] : e.Value;
            var type = Text(Get(e.Value, "type")) ?? (Text(arn) is { } a && a.Split(':') is { Length: > 2 } parts ? parts[2] : null);
            var name = SourceName(arn, text => text.Split('/') is { Length: > 1 } p ? p[1] : null);
            if (type is not ("dynamodb" or "kinesis") || name is null)
            {
                ctx.Unsupported($"the stream event of function '{fn.Key}' needs an ARN of a DynamoDB or Kinesis stream " +
                                "(with 'type' when the ARN is an intrinsic)", e.Node.Span);
                continue;
            }

            var props = Object(("BatchSize", ctx.Json(Get(e.Value, "batchSize")) ?? 10));
            if (Get(e.Value, "parallelizationFactor") is { } pf)
            {
                props["ParallelizationFactor"] = ctx.Json(pf);
            }

            props["Enabled"] = Bool(Get(e.Value, "enabled")) ?? true;
            props["EventSourceArn"] = ctx.Json(arn);
            props["FunctionName"] = fn.Target();
            props["StartingPosition"] = Text(Get(e.Value, "startingPosition")) ?? "TRIM_HORIZON";
            foreach (var (key, prop) in new[]
                     {
                         ("startingPositionTimestamp", "StartingPositionTimestamp"), ("batchWindow", "MaximumBatchingWindowInSeconds"),
                         ("maximumRetryAttempts", "MaximumRetryAttempts"), ("bisectBatchOnFunctionError", "BisectBatchOnFunctionError"),
                         ("maximumRecordAgeInSeconds", "MaximumRecordAgeInSeconds"), ("tumblingWindowInSeconds", "TumblingWindowInSeconds"),
                     })
            {
                if (Get(e.Value, key) is { } v && !IsNullOrMissing(v))
                {
                    props[prop] = ctx.Json(v);
                }
            }

            if (Text(Get(e.Value, "functionResponseType")) is { } responseType)
            {
                props["FunctionResponseTypes"] = Strings([responseType]);
            }

            AddFilterCriteria(ctx, e.Value, props);
            if (Path(e.Value, "destinations", "onFailure") is { } onFailure && !IsNullOrMissing(onFailure))
            {
                var destination = onFailure is MappingNode dm ? dm["arn"] : onFailure;
                props["DestinationConfig"] = Object(("OnFailure", Object(("Destination", ctx.Json(destination)))));
            }

            ctx.Add(Naming.StreamMapping(fn.Key, type, name), Object(("Type", "AWS::Lambda::EventSourceMapping"),
                    ("DependsOn", MappingDependsOn(ctx, fn)), ("Properties", props)),
                PlanResourceKind.EventSourceMapping, e.Node.Span, fn.Key);
            (type == "dynamodb" ? dynamodb : kinesis).Add(ctx.Json(arn));
        }

        if (dynamodb.Count > 0)
        {
            ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["dynamodb:GetRecords",
                "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"])), ("Resource", dynamodb)));
        }

        if (kinesis.Count > 0)
        {
            ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["kinesis:GetRecords",
                "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListStreams"])), ("Resource", kinesis)));
        }
    }

    internal static void AddFilterCriteria(PlanContext ctx, Node? value, JsonObject props)
    {
        if (Get(value, "filterPatterns") is SequenceNode patterns)
        {
            props["FilterCriteria"] = Object(("Filters", new JsonArray([.. patterns.Items.Select(p =>
                (JsonNode?)Object(("Pattern", EventLowering.Stringify(ctx.Json(p)))))])));
        }
    }

    public static void Sqs(PlanContext ctx, List<PlanEvent> events)
    {
        var queues = new JsonArray();
        foreach (var e in events)
        {
            var fn = e.Function;
            var arn = e.Value is MappingNode m ? m["arn"] : e.Value;
            var name = SourceName(arn, text => text.Split(':')[^1]);
            if (name is null)
            {
                ctx.Unsupported($"the sqs event of function '{fn.Key}' needs the queue ARN", e.Node.Span);
                continue;
            }

            var props = Object(("BatchSize", ctx.Json(Get(e.Value, "batchSize")) ?? 10));
            if (Get(e.Value, "maximumBatchingWindow") is { } window && !IsNullOrMissing(window))
            {
                props["MaximumBatchingWindowInSeconds"] = ctx.Json(window);
            }

            props["EventSourceArn"] = ctx.Json(arn);
            props["FunctionName"] = fn.Target();
            props["Enabled"] = Bool(Get(e.Value, "enabled")) ?? true;
            if (Text(Get(e.Value, "functionResponseType")) is { } responseType)
            {
                props["FunctionResponseTypes"] = Strings([responseType]);
            }

            AddFilterCriteria(ctx, e.Value, props);
            if (Get(e.Value, "maximumConcurrency") is { } concurrency && !IsNullOrMissing(concurrency))
            {
                props["ScalingConfig"] = Object(("MaximumConcurrency", ctx.Json(concurrency)));
            }

            ctx.Add(Naming.QueueMapping(fn.Key, name), Object(("Type", "AWS::Lambda::EventSourceMapping"),
                    ("DependsOn", MappingDependsOn(ctx, fn)), ("Properties", props)),
                PlanResourceKind.EventSourceMapping, e.Node.Span, fn.Key);
            queues.Add(ctx.Json(arn));
        }

        if (queues.Count > 0)
        {
            ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["sqs:ReceiveMessage",
                "sqs:DeleteMessage", "sqs:GetQueueAttributes"])), ("Resource", queues)));
        }
    }

    public static void Alexa(PlanContext ctx, List<PlanEvent> events, string kind, string principal)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var index = 0;
            foreach (var e in group)
            {
                var fn = e.Function;
                var appId = e.Value is MappingNode m ? m["appId"] : e.Value;
                if (IsNullOrMissing(appId))
                {
                    ctx.Diagnostics.Warning(CloudFormationDiagnosticIds.Unsupported,
                        $"the {e.Type} event of function '{fn.Key}' has no appId: like the Framework, no permission is created",
                        e.Node.Span, $"write '- {e.Type}: amzn1.ask.skill.…' to let the skill invoke the function");
                    continue;
                }

                index++;
                var enabled = Bool(Get(e.Value, "enabled")) ?? true;
                var props = Object(("FunctionName", fn.PermissionTarget()),
                    ("Action", enabled ? "lambda:InvokeFunction" : "lambda:DisableInvokeFunction"),
                    ("Principal", principal), ("EventSourceToken", ctx.Json(appId)));
                var body = Object(("Type", "AWS::Lambda::Permission"), ("Properties", props));
                var id = kind == "AlexaSkill" ? Naming.AlexaSkillPermission(fn.Key, index) : Naming.AlexaSmartHomePermission(fn.Key, index);
                ctx.Add(id, body, PlanResourceKind.Permission, e.Node.Span, fn.Key);
            }
        }
    }

    public static void Iot(PlanContext ctx, List<PlanEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var index = 0;
            foreach (var e in group)
            {
                var fn = e.Function;
                index++;
                var payload = new JsonObject();
                if (Get(e.Value, "sqlVersion") is { } version && !IsNullOrMissing(version))
                {
                    payload["AwsIotSqlVersion"] = ctx.Json(version);
                }

                if (Get(e.Value, "description") is { } description && !IsNullOrMissing(description))
                {
                    payload["Description"] = ctx.Json(description);
                }

                payload["RuleDisabled"] = !(Bool(Get(e.Value, "enabled")) ?? true);
                payload["Sql"] = ctx.Json(Get(e.Value, "sql"));
                payload["Actions"] = Array(Object(("Lambda", Object(("FunctionArn", fn.Target())))));
                var props = new JsonObject();
                if (Text(Get(e.Value, "name")) is { } name)
                {
                    props["RuleName"] = name;
                }

                props["TopicRulePayload"] = payload;
                var ruleId = Naming.IotRule(fn.Key, index);
                ctx.Add(ruleId, Object(("Type", "AWS::IoT::TopicRule"), ("Properties", props)), PlanResourceKind.Rule,
                    e.Node.Span, fn.Key);
                ctx.Add(Naming.IotPermission(fn.Key, index), EventLowering.Permission(fn, "iot.amazonaws.com",
                        Join(string.Empty, "arn:", Partition(), ":iot:", Region(), ":", AccountId(), ":rule/", Ref(ruleId))),
                    PlanResourceKind.Permission, e.Node.Span, fn.Key);
            }
        }
    }

    public static void CloudWatchEvent(PlanContext ctx, List<PlanEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var index = 0;
            foreach (var e in group)
            {
                var fn = e.Function;
                index++;
                var target = new JsonObject();
                AddTargetInput(ctx, e.Value, target);
                target["Arn"] = fn.Target();
                target["Id"] = fn.Key + "CloudWatchEvent";
                var props = Object(("EventPattern", ctx.Json(Get(e.Value, "event"))),
                    ("State", Bool(Get(e.Value, "enabled")) == false ? "DISABLED" : "ENABLED"));
                if (Text(Get(e.Value, "name")) is { } name)
                {
                    props["Name"] = name;
                }

                if (Text(Get(e.Value, "description")) is { } description)
                {
                    props["Description"] = description;
                }

                props["Targets"] = Array(target);
                var ruleId = Naming.CloudWatchEventRule(fn.Key, index);
                ctx.Add(ruleId, Object(("Type", "AWS::Events::Rule"), ("Properties", props)), PlanResourceKind.Rule,
                    e.Node.Span, fn.Key);
                ctx.Add(Naming.CloudWatchEventPermission(fn.Key, index),
                    EventLowering.Permission(fn, "events.amazonaws.com", GetAtt(ruleId, "Arn")),
                    PlanResourceKind.Permission, e.Node.Span, fn.Key);
            }
        }
    }

    public static void CloudWatchLog(PlanContext ctx, List<PlanEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var fn = group.Key;
            var index = 0;
            var logGroups = new List<string>();
            var permissionId = Naming.LogsPermission(fn.Key);
            foreach (var e in group)
            {
                index++;
                var logGroup = e.Value is MappingNode m ? m["logGroup"] : e.Value;
                logGroups.Add(Text(logGroup) ?? string.Empty);
                var props = Object(("LogGroupName", ctx.Json(logGroup)),
                    ("FilterPattern", ctx.Json(Get(e.Value, "filter")) ?? string.Empty), ("DestinationArn", fn.Target()));
                ctx.Add(Naming.LogsSubscriptionFilter(fn.Key, index), Object(("Type", "AWS::Logs::SubscriptionFilter"),
                        ("DependsOn", permissionId), ("Properties", props)), PlanResourceKind.Other, e.Node.Span, fn.Key);
            }

            var prefix = logGroups.Count == 1 ? logGroups[0] : CommonPrefix(logGroups) + "*";
            ctx.Add(permissionId, EventLowering.Permission(fn, Join(string.Empty, "logs.", Region(), ".amazonaws.com"),
                    Join(string.Empty, "arn:", Partition(), ":logs:", Region(), ":", AccountId(), ":log-group:", prefix + ":*")),
                PlanResourceKind.Permission, group.First().Node.Span, fn.Key);
        }
    }

    private static string CommonPrefix(List<string> values)
    {
        var prefix = values[0];
        foreach (var v in values.Skip(1))
        {
            var i = 0;
            while (i < prefix.Length && i < v.Length && prefix[i] == v[i])
            {
                i++;
            }

            prefix = prefix[..i];
        }

        return prefix;
    }
}
