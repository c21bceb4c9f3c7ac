using static Spec.Core.Schema.Catalog.CommonShapes;
using static Spec.Core.Schema.Catalog.Dsl;

namespace Spec.Core.Schema.Catalog;

/// <summary>The 22 function events (Framework v3 <c>lib/plugins/aws/package/compile/events/*</c>), shorthand and long form.</summary>
internal static class EventCatalog
{
    private const string HttpMethods = "(?:[Gg][Ee][Tt]|[Pp][Oo][Ss][Tt]|[Pp][Uu][Tt]|[Pp][Aa][Tt][Cc][Hh]|[Dd][Ee][Ll][Ee][Tt][Ee]|[Hh][Ee][Aa][Dd]|[Oo][Pp][Tt][Ii][Oo][Nn][Ss]|[Aa][Nn][Yy]|\\*)";

    private static readonly string[] StartingPositions = ["LATEST", "TRIM_HORIZON", "AT_TIMESTAMP"];

    /// <summary>One entry of <c>events:</c>: exactly one key, the event type.</summary>
    public static Shape Item { get; } = new()
    {
        Object = new ObjectFacet(AllEvents(), Closed: true) { ExactlyOneKey = true },

        // The bare `- alexaSkill` form still compiles (deprecation ALEXA_SKILL_EVENT_WITHOUT_APP_ID).
        String = new StringFacet("alexaSkill|alexaSmartHome", PatternHint: "a one-key event mapping such as `http: GET /path`"),
    };

    private static SpecProperty[] AllEvents() =>
    [
        Ev("schedule", "schedule", Schedule().Or(Obj(
                P("rate", Schedule().Or(List(Schedule())), "One or more `rate(…)`/`cron(…)` expressions (one rule per expression).").Req().Ex("rate(5 minutes)", "cron(0 12 * * ? *)"),
                P("enabled", Bool, "Whether the schedule is active.", true),
                P("name", MaxLen(64), "Rule or schedule name (1-64 characters; not with several rates)."),
                P("description", MaxLen(512), "Description."),
                P("input", Str.Or(Open()), "Constant JSON passed to the function (an object is serialised)."),
                P("inputPath", Str, "JSONPath of the part of the event to pass."),
                P("inputTransformer", Obj(P("inputPathsMap", Map(Str), "Values extracted from the event."), P("inputTemplate", Str, "Template of the input.").Req()), "Transform the event before it reaches the function (not with `method: scheduler`)."),
                P("method", OneOf("eventBus", "scheduler"), "EventBridge rule (`eventBus`) or EventBridge Scheduler (`scheduler`).", "eventBus"),
                P("timezone", Str, "Time zone of a cron expression (`method: scheduler` only), e.g. `Europe/Paris`."))),
            "Invoke the function on a schedule: `rate(5 minutes)`, `cron(0 12 * * ? *)`, or the long form.", "rate(10 minutes)"),
        Ev("s3", "s3", Arn.Or(Obj(
                P("bucket", Arn, "Bucket name (created unless `existing: true`) or a `provider.s3` key.").Req(),
                P("event", Str, "S3 event type.", "s3:ObjectCreated:*").Ex("s3:ObjectCreated:*", "s3:ObjectRemoved:*"),
                P("rules", List(Obj(P("prefix", Str, "Key prefix."), P("suffix", Str, "Key suffix."))), "Key filters."),
                P("existing", Bool, "Attach to an existing bucket through a custom resource instead of creating it.", false),
                P("forceDeploy", Bool, "Redeploy the custom resource on every deployment.", false))),
            "Invoke the function on S3 bucket notifications. Shorthand: the bucket name.", "photos"),
        Ev("http", "apigateway", Pattern(HttpMethods + " +\\S+|\\*", "`METHOD path`, e.g. `GET users/{id}`").Or(Obj(
                P("path", Str, "Resource path, e.g. `users/{id}`.").Req().Ex("users/{id}"),
                P("method", OneOf("get", "post", "put", "patch", "delete", "head", "options", "any", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY", "*"), "HTTP method (`any` for all).").Req(),
                P("cors", Bool.Or(Obj(
                    P("origin", Str, "Allowed origin."),
                    P("origins", StrList, "Allowed origins."),
                    P("headers", StrList, "Allowed headers."),
                    P("methods", StrList, "Allowed methods."),
                    P("allowCredentials", Bool, "Allow credentials.", false),
                    P("maxAge", Int(1), "Preflight cache seconds."),
                    P("cacheControl", Str, "`Cache-Control` of the preflight response."))), "CORS (`true` for the defaults: origin `*` and the common headers).", false),
                P("private", Bool, "Require an API key.", false),
                P("async", Bool, "Invoke the function asynchronously (202 response).", false),
                P("integration", OneOf("lambda-proxy", "aws-proxy", "aws_proxy", "lambda", "aws", "http", "http-proxy", "http_proxy", "mock"), "Integration type.", "lambda-proxy"),
                P("authorizer", Str.Or(Obj(
                    P("name", Str, "Authorizer function of this service."),
                    P("arn", Arn, "Authorizer function or Cognito user pool ARN."),
                    P("authorizerId", Arn, "Id of an existing authorizer."),
                    P("type", OneOf("token", "request", "cognito_user_pools", "aws_iam", "custom", "TOKEN", "REQUEST", "COGNITO_USER_POOLS", "AWS_IAM", "CUSTOM"), "Authorizer kind.", "token"),
                    P("identitySource", Str, "Where the token is read.", "method.request.header.Authorization"),
                    P("identityValidationExpression", Str, "Regex the token must match."),
                    P("resultTtlInSeconds", Int(0, 3600), "Cache time of the authorizer result (0-3600).", 300L),
                    P("claims", StrList, "Cognito claims passed to the function."),
                    P("scopes", StrList, "OAuth scopes."),
                    P("managedExternally", Bool, "Do not add the invoke permission.", false))), "Authorizer: a function name, an ARN, or an object."),
                P("request", Obj(
                    P("parameters", Obj(
                        P("querystrings", Map(Bool.Or(Obj(P("required", Bool, "Required."), P("mappedValue", Str, "Mapped value.")))), "Query string parameters (`name: true` = required)."),
                        P("headers", Map(Bool.Or(Obj(P("required", Bool, "Required."), P("mappedValue", Str, "Mapped value.")))), "Header parameters."),
                        P("paths", Map(Bool.Or(Obj(P("required", Bool, "Required."), P("mappedValue", Str, "Mapped value.")))), "Path parameters.")), "Request parameters."),
                    P("schemas", Map(Str.Or(Open())), "Request body models by content type (validation)."),
                    P("template", Map(Str), "Mapping templates by content type (`lambda` integration)."),
                    P("passThrough", OneOf("NEVER", "WHEN_NO_MATCH", "WHEN_NO_TEMPLATES"), "Pass-through behaviour."),
                    P("contentHandling", OneOf("CONVERT_TO_BINARY", "CONVERT_TO_TEXT"), "Payload conversion."),
                    P("uri", Str, "Backend URI (`http` integrations)."),
                    P("method", Str, "Backend method.")), "Request parameters, validation and templates."),
                P("response", Obj(
                    P("headers", Map(Str), "Response headers."),
                    P("template", Str, "Response mapping template."),
                    P("statusCodes", Map(Open()), "Status code mappings."),
                    P("contentHandling", OneOf("CONVERT_TO_BINARY", "CONVERT_TO_TEXT"), "Payload conversion.")), "Response mapping (`lambda` integration)."),
                P("connectionType", OneOf("vpc-link", "VPC_LINK"), "Private integration through a VPC link."),
                P("connectionId", Arn, "VPC link id."),
                P("operationId", Str, "Operation id (for SDK generation)."))),
            "REST API (API Gateway v1) endpoint. Shorthand: `GET users/{id}`.", "GET users/{id}"),
        Ev("websocket", "websocket", Str.Or(Obj(
                P("route", Str, "Route key: `$connect`, `$disconnect`, `$default` or an action name.").Req().Ex("$connect", "$default"),
                P("routeResponseSelectionExpression", OneOf("$default"), "Send the function's response back to the client."),
                P("authorizer", Str.Or(Obj(
                    P("name", Str, "Authorizer function of this service."),
                    P("arn", Arn, "Authorizer function ARN."),
                    P("identitySource", Str.Or(StrList), "Where the token is read, e.g. `route.request.header.Auth`."))), "Authorizer (honoured on `$connect` only)."))),
            "WebSocket API route. Shorthand: the route key.", "$connect"),
        Ev("sns", "sns", Arn.Or(Obj(
                P("arn", Arn, "ARN of an existing topic."),
                P("topicName", Str, "Name of the topic (created when no `arn` is given)."),
                P("displayName", Str, "Display name of a created topic."),
                P("filterPolicy", Open(), "Subscription filter policy."),
                P("filterPolicyScope", OneOf("MessageAttributes", "MessageBody"), "What the filter policy applies to.", "MessageAttributes"),
                P("redrivePolicy", Obj(
                    P("deadLetterTargetArn", Str, "DLQ ARN."),
                    P("deadLetterTargetRef", Str, "Logical id of the DLQ in `resources`."),
                    P("deadLetterTargetImport", Obj(P("arn", Str, "Export of the ARN.").Req(), P("url", Str, "Export of the URL.").Req()), "Imported DLQ.")), "Dead-letter queue of the subscription."))),
            "Subscribe the function to an SNS topic. Shorthand: a topic name (created) or an ARN.", "dispatch"),
        Ev("stream", "streams", Arn.Or(Obj(
                P("arn", Arn, "DynamoDB or Kinesis stream ARN (an intrinsic function needs `type`).").Req(),
                P("type", OneOf("dynamodb", "kinesis"), "Stream kind (read from the ARN when it is a string)."),
                P("batchSize", Int(1, 10000), "Records per invocation (1-10000).", 10L).Ex(10, 100),
                P("batchWindow", Int(0, 300), "Seconds to gather records before invoking (0-300)."),
                P("startingPosition", OneOf(StartingPositions), "Where to start reading.", "TRIM_HORIZON"),
                P("startingPositionTimestamp", Num(), "Unix time to start at (`AT_TIMESTAMP`)."),
                P("enabled", Bool, "Whether the mapping is active.", true),
                P("parallelizationFactor", Int(1, 10), "Concurrent batches per shard (1-10)."),
                P("maximumRetryAttempts", Int(-1, 10000), "Retries of a failed batch (-1 = until the record expires)."),
                P("maximumRecordAgeInSeconds", Int(-1, 604800), "Skip records older than this (-1 or 60-604800)."),
                P("bisectBatchOnFunctionError", Bool, "Split a failed batch in two and retry.", false),
                P("functionResponseType", OneOf("ReportBatchItemFailures"), "Report partial batch failures."),
                P("destinations", Obj(P("onFailure", Destination, "SQS queue or SNS topic for discarded batches.").Req()), "Failure destination."),
                P("tumblingWindowInSeconds", Int(0, 900), "Tumbling window in seconds (0-900)."),
                P("filterPatterns", FilterPatterns, "Event filter patterns."),
                P("consumer", Bool.Or(Arn), "Kinesis enhanced fan-out: `true` creates a consumer, or the ARN of one."))),
            "Process a DynamoDB or Kinesis stream. Shorthand: the stream ARN.", "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-01-01T00:00:00.000"),
        Ev("kafka", "kafka", Obj(
                P("accessConfigurations", Obj(
                    P("vpcSubnet", StrList, "Subnets of the cluster."),
                    P("vpcSecurityGroup", Str.Or(StrList), "Security groups of the cluster."),
                    P("saslPlainAuth", Arn.Or(List(Arn)), "Secrets Manager ARN for SASL/PLAIN."),
                    P("saslScram256Auth", Arn.Or(List(Arn)), "Secrets Manager ARN for SASL/SCRAM-256."),
                    P("saslScram512Auth", Arn.Or(List(Arn)), "Secrets Manager ARN for SASL/SCRAM-512."),
                    P("clientCertificateTlsAuth", Arn.Or(List(Arn)), "Secrets Manager ARN of the client certificate."),
                    P("serverRootCaCertificate", Arn.Or(List(Arn)), "Secrets Manager ARN of the root CA.")), "How Lambda reaches and authenticates to the brokers.").Req(),
                P("bootstrapServers", StrList, "Broker addresses (`host:port`).").Req(),
                P("topic", Str, "Topic to consume.").Req(),
                P("batchSize", Int(1, 10000), "Records per invocation (1-10000).", 100L),
                P("maximumBatchingWindow", Int(0, 300), "Seconds to gather records (0-300)."),
                P("enabled", Bool, "Whether the mapping is active.", true),
                P("startingPosition", OneOf(StartingPositions), "Where to start reading.", "TRIM_HORIZON"),
                P("startingPositionTimestamp", Num(), "Unix time to start at."),
                P("consumerGroupId", MaxLen(200), "Consumer group id."),
                P("filterPatterns", FilterPatterns, "Event filter patterns.")),
            "Consume a self-managed Apache Kafka topic.", null),
        Ev("activemq", "activemq", Obj(Mq(false)), "Consume an Amazon MQ for ActiveMQ queue.", null),
        Ev("rabbitmq", "rabbitmq", Obj(Mq(true)), "Consume an Amazon MQ for RabbitMQ queue.", null),
        Ev("msk", "msk", Obj(
                P("arn", Arn, "MSK cluster ARN.").Req(),
                P("topic", Str, "Topic to consume.").Req(),
                P("batchSize", Int(1, 10000), "Records per invocation (1-10000).", 100L),
                P("maximumBatchingWindow", Int(0, 300), "Seconds to gather records (0-300)."),
                P("enabled", Bool, "Whether the mapping is active.", true),
                P("startingPosition", OneOf(StartingPositions), "Where to start reading.", "TRIM_HORIZON"),
                P("startingPositionTimestamp", Num(), "Unix time to start at."),
                P("saslScram512", Arn, "Secrets Manager ARN for SASL/SCRAM-512."),
                P("consumerGroupId", MaxLen(200), "Consumer group id."),
                P("filterPatterns", FilterPatterns, "Event filter patterns.")),
            "Consume an Amazon MSK topic.", null),
        Ev("alb", "alb", Obj(
                P("listenerArn", Arn, "Listener ARN of the load balancer.").Req(),
                P("priority", Int(1, 50000), "Listener rule priority (1-50000, unique per listener).").Req(),
                P("conditions", Obj(
                    P("path", Str.Or(StrList), "Path patterns."),
                    P("method", Str.Or(StrList), "HTTP methods."),
                    P("host", Str.Or(StrList), "Host headers."),
                    P("header", Obj(P("name", Str, "Header name.").Req(), P("values", StrList, "Values.").Req()), "Header condition."),
                    P("query", Map(Str), "Query string conditions."),
                    P("ip", StrList, "Source IP CIDRs.")), "When the rule matches.").Req(),
                P("healthCheck", Bool.Or(Obj(
                    P("path", Str, "Health check path.", "/"),
                    P("intervalSeconds", Int(5, 300), "Interval (5-300 s).", 35L),
                    P("timeoutSeconds", Int(2, 120), "Timeout (2-120 s).", 30L),
                    P("healthyThresholdCount", Int(2, 10), "Successes to become healthy.", 5L),
                    P("unhealthyThresholdCount", Int(2, 10), "Failures to become unhealthy.", 2L),
                    P("matcher", Obj(P("httpCode", Str, "Expected codes, e.g. `200-299`.")), "Success codes."))), "Target group health check."),
                P("multiValueHeaders", Bool, "Pass multi-value headers.", false),
                P("targetGroupName", MaxLen(32), "Target group name."),
                P("authorizer", Str.Or(StrList), "Names of `provider.alb.authorizers`.")),
            "Application Load Balancer listener rule that invokes the function.", null),
        Ev("alexaSkill", "alexa-skill", Str.Or(Obj(
                P("appId", Str, "Alexa skill id.").Req(),
                P("enabled", Bool, "Whether the trigger is active.", true))),
            "Alexa Skills Kit trigger. Shorthand: the skill id.", "amzn1.ask.skill.xx-xx-xx-xx"),
        Ev("alexaSmartHome", "alexa-smart-home", Str.Or(Obj(
                P("appId", Str, "Alexa smart home skill id.").Req(),
                P("enabled", Bool, "Whether the trigger is active.", true))),
            "Alexa Smart Home trigger. Shorthand: the skill id.", "amzn1.ask.skill.xx-xx-xx-xx"),
        Ev("iot", "iot", Obj(
                P("sql", Str, "IoT topic rule SQL, e.g. `SELECT * FROM 'topic'`.").Req(),
                P("sqlVersion", OneOf("2015-10-08", "2016-03-23", "beta"), "SQL version.", "2015-10-08"),
                P("name", Str, "Rule name."),
                P("enabled", Bool, "Whether the rule is active.", true),
                P("description", Str, "Description.")),
            "AWS IoT topic rule.", null),
        Ev("iotFleetProvisioning", "iot-fleet-provisioning", Obj(
                P("templateBody", Open(), "Provisioning template.").Req(),
                P("provisioningRoleArn", Arn, "Role IoT assumes to provision devices.").Req(),
                P("templateName", Str, "Template name."),
                P("enabled", Bool, "Whether the template is active.", true)),
            "AWS IoT fleet provisioning pre-provisioning hook.", null),
        Ev("cloudwatchEvent", "cloudwatch-event", Obj(
                P("event", Open(), "Event pattern."),
                P("input", Str.Or(Open()), "Constant input."),
                P("inputPath", Str, "JSONPath of the input."),
                P("inputTransformer", Obj(P("inputPathsMap", Map(Str), "Extracted values."), P("inputTemplate", Str, "Template.").Req()), "Input transformer."),
                P("description", Str, "Description."),
                P("name", Str, "Rule name."),
                P("enabled", Bool, "Whether the rule is active.", true)),
            "CloudWatch Events rule on the default bus (legacy; prefer `eventBridge`).", null),
        Ev("cloudwatchLog", "cloudwatch-log", Str.Or(Obj(
                P("logGroup", Str, "Log group to subscribe to.").Req(),
                P("filter", Str, "Filter pattern (empty = everything).", ""))),
            "CloudWatch Logs subscription filter. Shorthand: the log group name.", "/aws/lambda/other"),
        Ev("cognitoUserPool", "cognito-user-pool", Obj(
                P("pool", Pattern("[\\w\\s+=,.@-]+", "letters, digits, spaces and `+=,.@-`", 128), "User pool name (created unless `existing`).").Req(),
                P("trigger", OneOf("PreSignUp", "PostConfirmation", "PreAuthentication", "PostAuthentication", "PreTokenGeneration", "CustomMessage", "DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse", "UserMigration", "CustomSMSSender", "CustomEmailSender"), "Trigger.").Req(),
                P("existing", Bool, "Attach to an existing pool through a custom resource.", false),
                P("forceDeploy", Bool, "Redeploy the custom resource every time.", false),
                P("kmsKeyId", Arn, "KMS key for the custom sender triggers.")),
            "Cognito user pool trigger.", null),
        Ev("eventBridge", "event-bridge", Obj(
                P("eventBus", Arn, "Bus name (created unless `default` or an ARN), ARN or intrinsic function.", "default"),
                P("pattern", Open(
                    P("source", StrList.Or(Str), "Event sources."),
                    P("detail-type", StrList.Or(Str), "Detail types."),
                    P("detail", Open(), "Detail matching.")), "Event pattern (required unless `schedule`)."),
                P("schedule", Schedule(), "Schedule expression instead of a pattern."),
                P("name", MaxLen(64), "Rule name.", "<function name>-rule-<n>"),
                P("description", MaxLen(512), "Description."),
                P("enabled", Bool, "Whether the rule is active.", true),
                P("input", Str.Or(Open()), "Constant input."),
                P("inputPath", Str, "JSONPath of the input."),
                P("inputTransformer", Obj(P("inputPathsMap", Map(Str), "Extracted values."), P("inputTemplate", Str, "Template.").Req()), "Input transformer."),
                P("retryPolicy", Obj(
                    P("maximumEventAge", Int(60, 86400), "Seconds to keep retrying (60-86400)."),
                    P("maximumRetryAttempts", Int(0, 185), "Retries (0-185).")), "Retry policy of the target."),
                P("deadLetterQueueArn", Arn, "SQS queue for events that could not be delivered.")),
            "EventBridge rule on a bus (pattern or schedule).", null),
        Ev("sqs", "sqs", Arn.Or(Obj(
                P("arn", Arn, "Queue ARN (or an intrinsic function such as `Fn::GetAtt: [Queue, Arn]`).").Req().Ex("arn:aws:sqs:us-east-1:123456789012:queue"),
                P("batchSize", Int(1, 10000), "Messages per invocation (1-10000; at most 10 for FIFO queues; above 10 needs `maximumBatchingWindow`).", 10L).Ex(10, 100),
                P("maximumBatchingWindow", Int(0, 300), "Seconds to gather messages (0-300).", 0L),
                P("maximumConcurrency", Int(2, 1000), "Concurrent invocations this source may use (2-1000)."),
                P("enabled", Bool, "Whether the mapping is active.", true),
                P("functionResponseType", OneOf("ReportBatchItemFailures"), "Report partial batch failures."),
                P("filterPatterns", FilterPatterns, "Event filter patterns."))),
            "Process messages of an SQS queue. Shorthand: the queue ARN.", "arn:aws:sqs:us-east-1:123456789012:queue"),
        Ev("cloudFront", "cloudfront", Obj(
                P("eventType", OneOf("viewer-request", "origin-request", "origin-response", "viewer-response"), "Where in the request flow the function runs (viewer: 128 MB and 5 s at most)."),
                P("origin", Str.Or(Open()), "Origin URL or a CloudFront origin object."),
                P("pathPattern", Str, "Cache behaviour path pattern."),
                P("isDefaultOrigin", Bool, "Use this origin for the default cache behaviour.", false),
                P("includeBody", Bool, "Give the function the request body.", false),
                P("behavior", Open(), "CloudFront cache behaviour settings."),
                P("cachePolicy", Obj(P("name", Str, "Name in `provider.cloudFront.cachePolicies`."), P("id", Str, "Id of an existing policy.")), "Cache policy.")),
            "Lambda@Edge function of a CloudFront distribution (us-east-1 only).", null),
        Ev("httpApi", "http-api", Pattern(HttpMethods + " +\\S+|\\*", "`METHOD /path` or `*`").Or(Obj(
                P("path", Str, "Route path, e.g. `/users/{id}` or `/{proxy+}`; `*` is the catch-all.").Req().Ex("/users/{id}"),
                P("method", OneOf("get", "post", "put", "patch", "delete", "head", "options", "any", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY", "*"), "HTTP method (`*` = any)."),
                P("authorizer", Str.Or(Obj(
                    P("name", Str, "Name in `provider.httpApi.authorizers`."),
                    P("id", Str, "Id of an existing authorizer."),
                    P("type", OneOf("aws_iam", "jwt", "request"), "Authorizer type."),
                    P("scopes", StrList, "Required JWT scopes."))), "Authorizer of the route."))),
            "HTTP API (API Gateway v2) route. Shorthand: `GET /users/{id}` or `*`.", "GET /users/{id}"),
    ];

    private static SpecProperty[] Mq(bool rabbit)
    {
        List<SpecProperty> props =
        [
            P("arn", Arn, "Amazon MQ broker ARN.").Req(),
            P("basicAuthArn", Arn, "Secrets Manager ARN with the broker credentials.").Req(),
            P("queue", Str, "Queue to consume.").Req(),
            P("batchSize", Int(1, 10000), "Messages per invocation (1-10000).", 100L),
            P("maximumBatchingWindow", Int(0, 300), "Seconds to gather messages (0-300)."),
            P("enabled", Bool, "Whether the mapping is active.", true),
            P("filterPatterns", FilterPatterns, "Event filter patterns."),
        ];
        if (rabbit)
        {
            props.Add(P("virtualHost", Str, "RabbitMQ virtual host."));
        }

        return [.. props];
    }

    private static Shape Schedule() => Pattern(
        "rate\\((?:1 (?:minute|hour|day)|(?:1\\d+|[2-9]\\d*) (?:minute|hour|day)s)\\)|cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\)",
        "`rate(N unit[s])` or `cron(min hour day month weekday year)`");

    private static SpecProperty Ev(string name, string docsPage, Shape shape, string summary, string? shorthand)
    {
        var p = new SpecProperty(name, shape, summary).Doc(Events + docsPage);
        p = shorthand is null ? p : p.Ex(shorthand);
        return Docs(Events + docsPage, p)[0];
    }
}
