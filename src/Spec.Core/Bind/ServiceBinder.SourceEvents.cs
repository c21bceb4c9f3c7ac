using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

internal sealed partial class ServiceBinder
{
    private SqsEvent? BindSqs(Node value, EventSite site)
    {
        if (IsShorthand(value))
        {
            return new SqsEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = value, Arn = value,
                BatchSize = ctx.OrDefault<int?>(null, "functions.*.events.sqs.batchSize"),
                Enabled = ctx.OrDefault<bool?>(null, "functions.*.events.sqs.enabled"),
            };
        }

        if (LongForm(value, site, "functions.*.events.sqs", "a queue ARN or a mapping with 'arn'") is not { } m
            || Ref(m, "arn", site) is not { } arn)
        {
            return null;
        }

        return new SqsEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            BatchSize = ctx.OrDefault(ctx.Int(m, "batchSize", site.Path), "functions.*.events.sqs.batchSize"),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.sqs.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
            FunctionResponseType = ctx.String(m, "functionResponseType", site.Path),
            MaximumConcurrency = ctx.Int(m, "maximumConcurrency", site.Path),
        };
    }

    private StreamEvent? BindStream(Node value, EventSite site)
    {
        MappingNode? m = null;
        Node? arn;
        if (IsShorthand(value))
        {
            arn = value;
        }
        else
        {
            m = LongForm(value, site, "functions.*.events.stream", "a stream ARN or a mapping with 'arn'");
            arn = m is null ? null : Ref(m, "arn", site);
        }

        if (arn is null)
        {
            return null;
        }

        var writtenType = m is null ? null : ctx.String(m, "type", site.Path);
        Setting<string?> type;
        if (writtenType is not null)
        {
            type = new Setting<string?>(writtenType.Value, writtenType.Node, SettingSource.Explicit);
        }
        else if (arn is ScalarNode s && StreamTypeOf(s.Text) is { } derived)
        {
            type = Setting<string?>.Default(derived);
        }
        else
        {
            if (arn is not ScalarNode)
            {
                ctx.MissingKey(m ?? arn, site.Path, "type",
                    "a stream whose 'arn' is a CloudFormation function needs 'type: dynamodb' or 'type: kinesis'");
            }

            type = Setting<string?>.Default(null);
        }

        if (m is null)
        {
            return new StreamEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = value,
                Arn = arn, Type = type,
                BatchSize = ctx.OrDefault<int?>(null, "functions.*.events.stream.batchSize"),
                Enabled = ctx.OrDefault<bool?>(null, "functions.*.events.stream.enabled"),
            };
        }

        DestinationTarget? onFailure = null;
        if (ctx.Mapping(m, "destinations", site.Path) is { } destinations)
        {
            ctx.CheckKeys(destinations, site.Path + ".destinations", "functions.*.events.stream.destinations");
            onFailure = BindDestinationTarget(BindContext.Get(destinations, "onFailure"), site.Path + ".destinations.onFailure",
                "functions.*.events.stream.destinations.onFailure");
        }

        return new StreamEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            Type = type,
            BatchSize = ctx.OrDefault(ctx.Int(m, "batchSize", site.Path), "functions.*.events.stream.batchSize"),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.stream.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "batchWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
            StartingPosition = ctx.OrDefault(ctx.String(m, "startingPosition", site.Path), "functions.*.events.stream.startingPosition"),
            StartingPositionTimestamp = ctx.Long(m, "startingPositionTimestamp", site.Path),
            ParallelizationFactor = ctx.Int(m, "parallelizationFactor", site.Path),
            MaximumRetryAttempts = ctx.Int(m, "maximumRetryAttempts", site.Path),
            BisectBatchOnFunctionError = ctx.Bool(m, "bisectBatchOnFunctionError", site.Path),
            MaximumRecordAgeInSeconds = ctx.Int(m, "maximumRecordAgeInSeconds", site.Path),
            FunctionResponseType = ctx.String(m, "functionResponseType", site.Path),
            OnFailure = onFailure,
            TumblingWindowInSeconds = ctx.Int(m, "tumblingWindowInSeconds", site.Path),
            Consumer = BindContext.Get(m, "consumer"),
        };
    }

    /// <summary>The stream type from an ARN's service segment (<c>arn:aws:dynamodb:…</c>, <c>arn:aws:kinesis:…</c>).</summary>
    private static string? StreamTypeOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length > 2 && parts[0] == "arn" && parts[2] is "dynamodb" or "kinesis" ? parts[2] : null;
    }

    private MskEvent? BindMsk(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.msk", "a mapping with 'arn' and 'topic'") is not { } m)
        {
            return null;
        }

        var arn = Ref(m, "arn", site);
        var topic = ctx.String(m, "topic", site.Path);
        if (arn is null || topic is null)
        {
            return null;
        }

        return new MskEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            Topic = topic,
            BatchSize = BindContext.Explicit<int?>(ctx.Int(m, "batchSize", site.Path), null),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.msk.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
            StartingPosition = ctx.OrDefault(ctx.String(m, "startingPosition", site.Path), "functions.*.events.msk.startingPosition"),
            StartingPositionTimestamp = ctx.Long(m, "startingPositionTimestamp", site.Path),
            SaslScram512 = BindContext.Get(m, "saslScram512"),
            ConsumerGroupId = ctx.String(m, "consumerGroupId", site.Path),
        };
    }

    private KafkaEvent? BindKafka(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.kafka", "a mapping with 'accessConfigurations', 'bootstrapServers' and 'topic'",
            out var ok) is not { } m)
        {
            return null;
        }

        var apath = site.Path + ".accessConfigurations";
        var access = new List<KafkaAccessConfiguration>();
        if (ctx.Mapping(m, "accessConfigurations", site.Path) is { } configs)
        {
            ctx.CheckKeys(configs, apath, "functions.*.events.kafka.accessConfigurations");
            foreach (var entry in configs.Entries)
            {
                access.Add(new KafkaAccessConfiguration(entry.Key.Text, entry.Key,
                    ctx.StringList(entry.Value, $"{apath}.{entry.Key.Text}"), entry.Value));
            }
        }

        var topic = ctx.String(m, "topic", site.Path);
        if (!ok || topic is null)
        {
            return null;
        }

        return new KafkaEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            AccessConfigurations = access,
            BootstrapServers = ctx.StringList(m, "bootstrapServers", site.Path),
            Topic = topic,
            BatchSize = BindContext.Explicit<int?>(ctx.Int(m, "batchSize", site.Path), null),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.kafka.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
            StartingPosition = ctx.OrDefault(ctx.String(m, "startingPosition", site.Path), "functions.*.events.kafka.startingPosition"),
            StartingPositionTimestamp = ctx.Long(m, "startingPositionTimestamp", site.Path),
            ConsumerGroupId = ctx.String(m, "consumerGroupId", site.Path),
        };
    }

    private ActiveMqEvent? BindActiveMq(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.activemq", "a mapping with 'arn', 'basicAuthArn' and 'queue'") is not { } m)
        {
            return null;
        }

        var arn = Ref(m, "arn", site);
        var auth = Ref(m, "basicAuthArn", site);
        var queue = ctx.String(m, "queue", site.Path);
        if (arn is null || auth is null || queue is null)
        {
            return null;
        }

        return new ActiveMqEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            BasicAuthArn = auth,
            Queue = queue,
            BatchSize = BindContext.Explicit<int?>(ctx.Int(m, "batchSize", site.Path), null),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.activemq.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
        };
    }

    private RabbitMqEvent? BindRabbitMq(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.rabbitmq", "a mapping with 'arn', 'basicAuthArn' and 'queue'") is not { } m)
        {
            return null;
        }

        var arn = Ref(m, "arn", site);
        var auth = Ref(m, "basicAuthArn", site);
        var queue = ctx.String(m, "queue", site.Path);
        if (arn is null || auth is null || queue is null)
        {
            return null;
        }

        return new RabbitMqEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            BasicAuthArn = auth,
            Queue = queue,
            VirtualHost = ctx.String(m, "virtualHost", site.Path),
            BatchSize = BindContext.Explicit<int?>(ctx.Int(m, "batchSize", site.Path), null),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.rabbitmq.enabled"),
            MaximumBatchingWindow = ctx.Int(m, "maximumBatchingWindow", site.Path),
            FilterPatterns = ctx.List(BindContext.Get(m, "filterPatterns"), site.Path + ".filterPatterns"),
        };
    }

    // ------------------------------------------------------------------ other events

    private SnsEvent? BindSns(Node value, EventSite site)
    {
        switch (value)
        {
            case ScalarNode s when s.Text.StartsWith("arn:", StringComparison.Ordinal):
                return new SnsEvent { FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s, Arn = s };
            case ScalarNode s:
                return new SnsEvent
                {
                    FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                    TopicName = new Spanned<string?>(s.Text, s),
                };
            case var n when BindContext.IsIntrinsic(n):
                return new SnsEvent { FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = n, Arn = n };
        }

        if (LongForm(value, site, "functions.*.events.sns", "a topic name, a topic ARN or a mapping with 'arn' or 'topicName'") is not { } m)
        {
            return null;
        }

        var arn = ScalarOrIntrinsic(BindContext.Get(m, "arn"), site.Path + ".arn");
        var topicName = ctx.String(m, "topicName", site.Path);
        if (arn is null && topicName is null)
        {
            ctx.MissingKey(m, site.Path, "arn", "an sns event needs 'arn' (an existing topic) or 'topicName' (a new one)");
            return null;
        }

        SnsRedrivePolicy? redrive = null;
        var rpath = site.Path + ".redrivePolicy";
        if (ctx.Mapping(m, "redrivePolicy", site.Path) is { } r)
        {
            ctx.CheckKeys(r, rpath, "functions.*.events.sns.redrivePolicy");
            var import = ctx.Mapping(r, "deadLetterTargetImport", rpath);
            redrive = new SnsRedrivePolicy
            {
                Node = r,
                DeadLetterTargetArn = ScalarOrIntrinsic(BindContext.Get(r, "deadLetterTargetArn"), rpath + ".deadLetterTargetArn"),
                DeadLetterTargetRef = ctx.String(r, "deadLetterTargetRef", rpath),
                DeadLetterTargetImportArn = import is null ? null : BindContext.Get(import, "arn"),
                DeadLetterTargetImportUrl = import is null ? null : BindContext.Get(import, "url"),
            };
        }

        return new SnsEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            TopicName = topicName,
            DisplayName = ctx.String(m, "displayName", site.Path),
            FilterPolicy = BindContext.Get(m, "filterPolicy"),
            FilterPolicyScope = ctx.String(m, "filterPolicyScope", site.Path),
            RedrivePolicy = redrive,
        };
    }

    private S3Event? BindS3(Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new S3Event
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                Bucket = new Spanned<string?>(s.Text, s),
            };
        }

        if (BindContext.IsIntrinsic(value))
        {
            return new S3Event
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = value,
                Bucket = new Spanned<string?>(null, value),
            };
        }

        if (LongForm(value, site, "functions.*.events.s3", "a bucket name or a mapping with 'bucket'") is not { } m
            || ctx.String(m, "bucket", site.Path) is not { } bucket)
        {
            return null;
        }

        var rules = new List<S3Rule>();
        var rulesNode = BindContext.Get(m, "rules");
        if (rulesNode is SequenceNode seq)
        {
            for (var i = 0; i < seq.Items.Count; i++)
            {
                var rp = $"{site.Path}.rules[{i}]";
                if (ctx.Mapping(seq.Items[i], rp) is { } rule)
                {
                    ctx.CheckKeys(rule, rp, "functions.*.events.s3.rules");
                    rules.Add(new S3Rule(ctx.String(rule, "prefix", rp), ctx.String(rule, "suffix", rp), rule));
                }
            }
        }
        else if (rulesNode is not null)
        {
            ctx.WrongType(rulesNode, site.Path + ".rules", "a list of {prefix} or {suffix} rules");
        }

        return new S3Event
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Bucket = bucket,
            Event = ctx.OrDefault(ctx.String(m, "event", site.Path), "functions.*.events.s3.event"),
            Rules = rules,
            Existing = ctx.Bool(m, "existing", site.Path),
            ForceDeploy = ctx.Bool(m, "forceDeploy", site.Path),
        };
    }

    private ScheduleEvent? BindSchedule(Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new ScheduleEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                Rate = [new Spanned<string?>(s.Text, s)],
            };
        }

        if (LongForm(value, site, "functions.*.events.schedule", "'rate(…)', 'cron(…)' or a mapping with 'rate'", out var complete)
            is not { } m || !complete)
        {
            return null;
        }

        return new ScheduleEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Rate = ctx.StringList(m, "rate", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.schedule.enabled"),
            Name = ctx.String(m, "name", site.Path),
            Description = ctx.String(m, "description", site.Path),
            Input = BindContext.Get(m, "input"),
            InputPath = ctx.String(m, "inputPath", site.Path),
            InputTransformer = BindContext.Get(m, "inputTransformer"),
            Method = ctx.OrDefault(ctx.String(m, "method", site.Path), "functions.*.events.schedule.method"),
            Timezone = ctx.String(m, "timezone", site.Path),
        };
    }

    private AlexaSkillEvent? BindAlexaSkill(Node value, EventSite site)
    {
        switch (value)
        {
            case ScalarNode { IsNull: true }:
                return new AlexaSkillEvent { FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = value };
            case ScalarNode s:
                return new AlexaSkillEvent
                {
                    FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                    AppId = new Spanned<string?>(s.Text, s),
                };
        }

        if (LongForm(value, site, "functions.*.events.alexaSkill", "a skill id or a mapping with 'appId'") is not { } m
            || ctx.String(m, "appId", site.Path) is not { } appId)
        {
            return null;
        }

        return new AlexaSkillEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            AppId = appId,
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.alexaSkill.enabled"),
        };
    }

    private AlexaSmartHomeEvent? BindAlexaSmartHome(Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new AlexaSmartHomeEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                AppId = new Spanned<string?>(s.Text, s),
            };
        }

        if (LongForm(value, site, "functions.*.events.alexaSmartHome", "a skill id or a mapping with 'appId'") is not { } m
            || ctx.String(m, "appId", site.Path) is not { } appId)
        {
            return null;
        }

        return new AlexaSmartHomeEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            AppId = appId,
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.alexaSmartHome.enabled"),
        };
    }

    private IotEvent? BindIot(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.iot", "a mapping with 'sql'") is not { } m
            || ctx.String(m, "sql", site.Path) is not { } sql)
        {
            return null;
        }

        return new IotEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Sql = sql,
            SqlVersion = ctx.String(m, "sqlVersion", site.Path),
            Name = ctx.String(m, "name", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.iot.enabled"),
            Description = ctx.String(m, "description", site.Path),
        };
    }

    private IotFleetProvisioningEvent? BindIotFleet(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.iotFleetProvisioning", "a mapping with 'templateBody' and 'provisioningRoleArn'")
            is not { } m)
        {
            return null;
        }

        var body = BindContext.Get(m, "templateBody");
        var role = Ref(m, "provisioningRoleArn", site);
        if (body is null || role is null)
        {
            return null;
        }

        return new IotFleetProvisioningEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            TemplateBody = body,
            ProvisioningRoleArn = role,
            TemplateName = ctx.String(m, "templateName", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.iotFleetProvisioning.enabled"),
        };
    }

    private CloudwatchEvent? BindCloudwatchEvent(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.cloudwatchEvent", "a mapping with 'event'") is not { } m)
        {
            return null;
        }

        return new CloudwatchEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Event = BindContext.Get(m, "event"),
            Input = BindContext.Get(m, "input"),
            InputPath = ctx.String(m, "inputPath", site.Path),
            InputTransformer = BindContext.Get(m, "inputTransformer"),
            Description = ctx.String(m, "description", site.Path),
            Name = ctx.String(m, "name", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.cloudwatchEvent.enabled"),
        };
    }

    private CloudwatchLogEvent? BindCloudwatchLog(Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new CloudwatchLogEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                LogGroup = new Spanned<string?>(s.Text, s),
            };
        }

        if (LongForm(value, site, "functions.*.events.cloudwatchLog", "a log group name or a mapping with 'logGroup'") is not { } m
            || ctx.String(m, "logGroup", site.Path) is not { } group)
        {
            return null;
        }

        return new CloudwatchLogEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            LogGroup = group,
            Filter = ctx.OrDefault(ctx.String(m, "filter", site.Path), "functions.*.events.cloudwatchLog.filter"),
        };
    }

    private CognitoUserPoolEvent? BindCognito(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.cognitoUserPool", "a mapping with 'pool' and 'trigger'") is not { } m)
        {
            return null;
        }

        var pool = ctx.String(m, "pool", site.Path);
        var trigger = ctx.String(m, "trigger", site.Path);
        if (pool is null || trigger is null)
        {
            return null;
        }

        return new CognitoUserPoolEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Pool = pool,
            Trigger = trigger,
            Existing = ctx.Bool(m, "existing", site.Path),
            ForceDeploy = ctx.Bool(m, "forceDeploy", site.Path),
            KmsKeyId = BindContext.Get(m, "kmsKeyId"),
        };
    }

    private EventBridgeEvent? BindEventBridge(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.eventBridge", "a mapping with 'pattern' or 'schedule'") is not { } m)
        {
            return null;
        }

        if (BindContext.Get(m, "pattern") is null && BindContext.Get(m, "schedule") is null)
        {
            ctx.MissingKey(m, site.Path, "pattern", "an eventBridge event needs 'pattern' or 'schedule'");
            return null;
        }

        var retry = ctx.Mapping(m, "retryPolicy", site.Path);
        if (retry is not null)
        {
            ctx.CheckKeys(retry, site.Path + ".retryPolicy", "functions.*.events.eventBridge.retryPolicy");
        }

        return new EventBridgeEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Pattern = BindContext.Get(m, "pattern"),
            Schedule = ctx.String(m, "schedule", site.Path),
            EventBus = ScalarOrIntrinsic(BindContext.Get(m, "eventBus"), site.Path + ".eventBus"),
            Name = ctx.String(m, "name", site.Path),
            Description = ctx.String(m, "description", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.eventBridge.enabled"),
            Input = BindContext.Get(m, "input"),
            InputPath = ctx.String(m, "inputPath", site.Path),
            InputTransformer = BindContext.Get(m, "inputTransformer"),
            RetryPolicy = retry,
            RetryPolicyMaximumEventAge = retry is null ? null : ctx.Int(retry, "maximumEventAge", site.Path + ".retryPolicy"),
            RetryPolicyMaximumRetryAttempts = retry is null ? null : ctx.Int(retry, "maximumRetryAttempts", site.Path + ".retryPolicy"),
            DeadLetterQueueArn = ScalarOrIntrinsic(BindContext.Get(m, "deadLetterQueueArn"), site.Path + ".deadLetterQueueArn"),
        };
    }

    private CloudFrontEvent? BindCloudFront(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.cloudFront", "a mapping with 'eventType' and 'origin'") is not { } m)
        {
            return null;
        }

        var cpath = site.Path + ".cachePolicy";
        var cache = ctx.Mapping(m, "cachePolicy", site.Path);
        if (cache is not null)
        {
            ctx.CheckKeys(cache, cpath, "functions.*.events.cloudFront.cachePolicy");
        }

        return new CloudFrontEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            EventType = ctx.String(m, "eventType", site.Path),
            Origin = BindContext.Get(m, "origin"),
            PathPattern = ctx.String(m, "pathPattern", site.Path),
            IsDefaultOrigin = ctx.Bool(m, "isDefaultOrigin", site.Path),
            IncludeBody = ctx.Bool(m, "includeBody", site.Path),
            Behavior = BindContext.Get(m, "behavior"),
            CachePolicyName = cache is null ? null : ctx.String(cache, "name", cpath),
            CachePolicyId = cache is null ? null : ctx.String(cache, "id", cpath),
        };
    }
}
