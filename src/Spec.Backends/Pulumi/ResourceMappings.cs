using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Spec.Backends.Pulumi;

/// <summary>Converts one CloudFormation property into zero or more Pulumi inputs; null = cannot be expressed.</summary>
internal delegate IEnumerable<KeyValuePair<string, PulumiValue>>? PropertyConversion(ValueConverter c, JsonNode? value);

internal sealed record PropertyMap(string Cfn, PropertyConversion Convert);

/// <summary>Additional resources one CloudFormation resource needs in Pulumi classic (event rule targets, topic subscriptions).</summary>
internal delegate IReadOnlyList<PulumiResource>? CompanionBuilder(ValueConverter c, string logicalId, JsonObject properties);

/// <summary>
/// How one CloudFormation type becomes an AWS classic resource: its class, property mapping, what <c>Ref</c> returns
/// and the <c>Fn::GetAtt</c> attributes. A property the table does not know sends the resource to the leftover stack.
/// </summary>
internal sealed record ResourceMap(
    string CfnType,
    PulumiType Type,
    IReadOnlyList<PropertyMap> Properties,
    string RefAttribute,
    IReadOnlyDictionary<string, string> Attributes)
{
    public CompanionBuilder? Companions { get; init; }

    /// <summary>CloudFormation properties handled by <see cref="Companions"/> instead of an input.</summary>
    public IReadOnlySet<string> CompanionProperties { get; init; } = new HashSet<string>();

    /// <summary>The companions wait for the resource's <c>DependsOn</c> too (a bucket notification for the Lambda permissions).</summary>
    public bool CompanionsWaitForDependsOn { get; init; }

    /// <summary>The resource waits for its companions (an existing bucket's notification for the Lambda permission).</summary>
    public bool WaitsForCompanions { get; init; }

    /// <summary>
    /// Converts all properties at once, instead of <see cref="Properties"/> one by one, for a type whose inputs combine
    /// several CloudFormation properties (<c>Custom::S3</c>); null = cannot be expressed.
    /// </summary>
    public Func<ValueConverter, JsonObject, List<KeyValuePair<string, PulumiValue>>?>? Inputs { get; init; }
}

internal static partial class ResourceMappings
{
    public static readonly FrozenDictionary<string, ResourceMap> ByCfnType = Build().ToFrozenDictionary(m => m.CfnType, StringComparer.Ordinal);

    private static PropertyMap P(string cfn, string pulumi, Func<ValueConverter, JsonNode?, PulumiValue?> conv) =>
        new(cfn, (c, v) => conv(c, v) is { } x ? ReferenceEquals(x, ValueConverter.NoValue) ? [] : [new(pulumi, x)] : null);

    private static PropertyMap S(string cfn, string pulumi) => P(cfn, pulumi, (c, v) => c.Str(v));

    private static PropertyMap I(string cfn, string pulumi) => P(cfn, pulumi, (c, v) => c.Int(v));

    private static PropertyMap B(string cfn, string pulumi) => P(cfn, pulumi, (c, v) => c.Bool(v));

    private static PropertyMap J(string cfn, string pulumi) => P(cfn, pulumi, (c, v) => c.Json(v));

    private static PropertyMap L(string cfn, string pulumi) => P(cfn, pulumi, (c, v) => c.StrList(v));

    private static PropertyMap M(string cfn, string pulumi) => P(cfn, pulumi, (c, v) => c.StrMap(v));

    private static PropertyMap Tags(string cfn = "Tags") => P(cfn, "tags", (c, v) => c.Tags(v));

    /// <summary>A property CloudFormation needs and Pulumi does not (Pulumi computes it): accepted and left out.</summary>
    private static PropertyMap Skip(string cfn) => new(cfn, (_, _) => []);

    private static PropertyMap N(string cfn, string pulumi, string argsType, params PropertyMap[] props) =>
        P(cfn, pulumi, (c, v) => Nested(c, v, argsType, props));

    private static PropertyMap NL(string cfn, string pulumi, string argsType, params PropertyMap[] props) =>
        P(cfn, pulumi, (c, v) => v is JsonArray a ? c.List(a, x => Nested(c, x, argsType, props)) : null);

    /// <summary>A CloudFormation sub-object flattened into inputs of the parent.</summary>
    private static PropertyMap Flat(string cfn, params PropertyMap[] props) =>
        new(cfn, (c, v) => v is JsonObject o ? Entries(c, o, props) : null);

    internal static PulumiValue? Nested(ValueConverter c, JsonNode? node, string argsType, IReadOnlyList<PropertyMap> props) =>
        node is JsonObject o && !ValueConverter.IsIntrinsic(o) && Entries(c, o, props) is { } entries
            ? new PulumiObject(entries, argsType)
            : null;

    internal static List<KeyValuePair<string, PulumiValue>>? Entries(ValueConverter c, JsonObject o, IReadOnlyList<PropertyMap> props)
    {
        var entries = new List<KeyValuePair<string, PulumiValue>>();
        foreach (var (key, value) in o)
        {
            var map = props.FirstOrDefault(p => p.Cfn == key);
            if (map?.Convert(c, value) is not { } converted)
            {
                return null;
            }

            entries.AddRange(converted);
        }

        return entries;
    }

    private static Dictionary<string, string> A(params string[] pairs)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            d[pairs[i]] = pairs[i + 1];
        }

        return d;
    }

    /// <summary>Resources that cannot be mapped because of other resources of the template (id, reason).</summary>
    internal static IEnumerable<KeyValuePair<string, string>> Unmappable(IReadOnlyList<KeyValuePair<string, JsonObject>> resources) =>
        SharedExistingBuckets(resources);

    private static IEnumerable<ResourceMap> Build()
    {
        foreach (var edge in EdgeMappings())
        {
            yield return edge;
        }

        yield return new("AWS::Lambda::Function", new("lambda", "Function"),
        [
            S("FunctionName", "name"), S("Handler", "handler"), S("Runtime", "runtime"), P("MemorySize", "memorySize", MemorySize),
            I("Timeout", "timeout"), S("Role", "role"), S("Description", "description"), Tags(), L("Layers", "layers"),
            L("Architectures", "architectures"), I("ReservedConcurrentExecutions", "reservedConcurrentExecutions"),
            S("KmsKeyArn", "kmsKeyArn"), S("PackageType", "packageType"),
            N("Environment", "environment", "lambda.FunctionEnvironment", M("Variables", "variables")),
            N("VpcConfig", "vpcConfig", "lambda.FunctionVpcConfig", L("SecurityGroupIds", "securityGroupIds"), L("SubnetIds", "subnetIds"),
                B("Ipv6AllowedForDualStack", "ipv6AllowedForDualStack")),
            N("TracingConfig", "tracingConfig", "lambda.FunctionTracingConfig", S("Mode", "mode")),
            N("DeadLetterConfig", "deadLetterConfig", "lambda.FunctionDeadLetterConfig", S("TargetArn", "targetArn")),
            N("EphemeralStorage", "ephemeralStorage", "lambda.FunctionEphemeralStorage", I("Size", "size")),
            N("SnapStart", "snapStart", "lambda.FunctionSnapStart", S("ApplyOn", "applyOn")),
            N("LoggingConfig", "loggingConfig", "lambda.FunctionLoggingConfig", S("LogFormat", "logFormat"), S("LogGroup", "logGroup"),
                S("ApplicationLogLevel", "applicationLogLevel"), S("SystemLogLevel", "systemLogLevel")),
            Skip("Code"), // replaced by a FileArchive of the packaged artifact (ProgramBuilder)
        ], "name", A("Arn", "arn"));

        yield return new("AWS::Lambda::Permission", new("lambda", "Permission"),
        [
            S("FunctionName", "function"), S("Action", "action"), S("Principal", "principal"), S("SourceArn", "sourceArn"),
            S("SourceAccount", "sourceAccount"), S("EventSourceToken", "eventSourceToken"),
            S("FunctionUrlAuthType", "functionUrlAuthType"), S("PrincipalOrgID", "principalOrgId"),
        ], "id", A());

        yield return new("AWS::Lambda::EventSourceMapping", new("lambda", "EventSourceMapping"),
        [
            S("FunctionName", "functionName"), S("EventSourceArn", "eventSourceArn"), I("BatchSize", "batchSize"),
            B("Enabled", "enabled"), S("StartingPosition", "startingPosition"),
            I("MaximumBatchingWindowInSeconds", "maximumBatchingWindowInSeconds"), L("FunctionResponseTypes", "functionResponseTypes"),
            I("ParallelizationFactor", "parallelizationFactor"), I("MaximumRetryAttempts", "maximumRetryAttempts"),
            B("BisectBatchOnFunctionError", "bisectBatchOnFunctionError"), I("MaximumRecordAgeInSeconds", "maximumRecordAgeInSeconds"),
            I("TumblingWindowInSeconds", "tumblingWindowInSeconds"), S("StartingPositionTimestamp", "startingPositionTimestamp"),
            N("ScalingConfig", "scalingConfig", "lambda.EventSourceMappingScalingConfig", I("MaximumConcurrency", "maximumConcurrency")),
            N("FilterCriteria", "filterCriteria", "lambda.EventSourceMappingFilterCriteria",
                NL("Filters", "filters", "lambda.EventSourceMappingFilterCriteriaFilter", S("Pattern", "pattern"))),
            N("DestinationConfig", "destinationConfig", "lambda.EventSourceMappingDestinationConfig",
                N("OnFailure", "onFailure", "lambda.EventSourceMappingDestinationConfigOnFailure", S("Destination", "destinationArn"))),
        ], "id", A("EventSourceMappingArn", "arn"));

        yield return new("AWS::Logs::LogGroup", new("cloudwatch", "LogGroup"),
        [
            S("LogGroupName", "name"), I("RetentionInDays", "retentionInDays"), S("KmsKeyId", "kmsKeyId"),
            S("LogGroupClass", "logGroupClass"), Tags(),
        ], "name", A("Arn", "arn"));

        yield return new("AWS::IAM::Role", new("iam", "Role"),
        [
            J("AssumeRolePolicyDocument", "assumeRolePolicy"), S("RoleName", "name"), S("Path", "path"),
            L("ManagedPolicyArns", "managedPolicyArns"), S("PermissionsBoundary", "permissionsBoundary"),
            I("MaxSessionDuration", "maxSessionDuration"), S("Description", "description"), Tags(),
            NL("Policies", "inlinePolicies", "iam.RoleInlinePolicy", S("PolicyName", "name"), J("PolicyDocument", "policy")),
        ], "name", A("Arn", "arn", "RoleId", "uniqueId"));

        yield return new("AWS::IAM::ManagedPolicy", new("iam", "Policy"),
        [
            S("ManagedPolicyName", "name"), J("PolicyDocument", "policy"), S("Description", "description"), S("Path", "path"),
        ], "arn", A("PolicyArn", "arn"));

        yield return new("AWS::S3::Bucket", new("s3", "Bucket"),
        [
            S("BucketName", "bucket"), Tags(),
            N("BucketEncryption", "serverSideEncryptionConfiguration", "s3.BucketServerSideEncryptionConfiguration",
                P("ServerSideEncryptionConfiguration", "rule", (c, v) => v is JsonArray { Count: 1 } rules
                    ? Nested(c, rules[0], "s3.BucketServerSideEncryptionConfigurationRule",
                    [
                        N("ServerSideEncryptionByDefault", "applyServerSideEncryptionByDefault",
                            "s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefault",
                            S("SSEAlgorithm", "sseAlgorithm"), S("KMSMasterKeyID", "kmsMasterKeyId")),
                        B("BucketKeyEnabled", "bucketKeyEnabled"),
                    ])
                    : null)),
        ], "bucket", A("Arn", "arn", "DomainName", "bucketDomainName", "RegionalDomainName", "bucketRegionalDomainName"))
        {
            CompanionProperties = BucketCompanionProperties,
            Companions = BucketCompanions,
            CompanionsWaitForDependsOn = true,
        };

        yield return new("AWS::S3::BucketPolicy", new("s3", "BucketPolicy"),
            [S("Bucket", "bucket"), J("PolicyDocument", "policy")], "id", A());

        yield return new("AWS::SQS::Queue", new("sqs", "Queue"),
        [
            S("QueueName", "name"), I("VisibilityTimeout", "visibilityTimeoutSeconds"), I("MessageRetentionPeriod", "messageRetentionSeconds"),
            I("DelaySeconds", "delaySeconds"), I("MaximumMessageSize", "maxMessageSize"),
            I("ReceiveMessageWaitTimeSeconds", "receiveWaitTimeSeconds"), J("RedrivePolicy", "redrivePolicy"),
            J("RedriveAllowPolicy", "redriveAllowPolicy"), B("FifoQueue", "fifoQueue"),
            B("ContentBasedDeduplication", "contentBasedDeduplication"), S("KmsMasterKeyId", "kmsMasterKeyId"),
            I("KmsDataKeyReusePeriodSeconds", "kmsDataKeyReusePeriodSeconds"), B("SqsManagedSseEnabled", "sqsManagedSseEnabled"),
            S("DeduplicationScope", "deduplicationScope"), S("FifoThroughputLimit", "fifoThroughputLimit"), Tags(),
        ], "url", A("Arn", "arn", "QueueName", "name", "QueueUrl", "url"));

        yield return new("AWS::SNS::Topic", new("sns", "Topic"),
        [
            S("TopicName", "name"), S("DisplayName", "displayName"), B("FifoTopic", "fifoTopic"),
            S("KmsMasterKeyId", "kmsMasterKeyId"), B("ContentBasedDeduplication", "contentBasedDeduplication"), Tags(),
        ], "arn", A("TopicArn", "arn", "TopicName", "name"))
        {
            CompanionProperties = new HashSet<string>(StringComparer.Ordinal) { "Subscription" },
            Companions = TopicSubscriptions,
        };

        yield return new("AWS::SNS::Subscription", new("sns", "TopicSubscription"),
        [
            S("TopicArn", "topic"), S("Protocol", "protocol"), S("Endpoint", "endpoint"), J("FilterPolicy", "filterPolicy"),
            S("FilterPolicyScope", "filterPolicyScope"), B("RawMessageDelivery", "rawMessageDelivery"), J("RedrivePolicy", "redrivePolicy"),
        ], "arn", A("Arn", "arn"));

        yield return new("AWS::DynamoDB::Table", new("dynamodb", "Table"),
        [
            S("TableName", "name"), S("BillingMode", "billingMode"), Tags(),
            NL("AttributeDefinitions", "attributes", "dynamodb.TableAttribute", S("AttributeName", "name"), S("AttributeType", "type")),
            new("KeySchema", KeySchema),
            Flat("ProvisionedThroughput", I("ReadCapacityUnits", "readCapacity"), I("WriteCapacityUnits", "writeCapacity")),
            new("StreamSpecification", (c, v) => v is JsonObject o && o.Count == 1 && c.Str(o["StreamViewType"]) is { } view
                ? [new("streamEnabled", PulumiLiteral.Bool(true)), new("streamViewType", view)]
                : null),
            N("TimeToLiveSpecification", "ttl", "dynamodb.TableTtl", S("AttributeName", "attributeName"), B("Enabled", "enabled")),
            N("PointInTimeRecoverySpecification", "pointInTimeRecovery", "dynamodb.TablePointInTimeRecovery",
                B("PointInTimeRecoveryEnabled", "enabled")),
            B("DeletionProtectionEnabled", "deletionProtectionEnabled"), S("TableClass", "tableClass"),
        ], "name", A("Arn", "arn", "StreamArn", "streamArn"));

        yield return new("AWS::Kinesis::Stream", new("kinesis", "Stream"),
        [
            S("Name", "name"), I("ShardCount", "shardCount"), I("RetentionPeriodHours", "retentionPeriod"), Tags(),
            N("StreamModeDetails", "streamModeDetails", "kinesis.StreamStreamModeDetails", S("StreamMode", "streamMode")),
            Flat("StreamEncryption", S("EncryptionType", "encryptionType"), S("KeyId", "kmsKeyId")),
        ], "name", A("Arn", "arn"));

        yield return new("AWS::Events::Rule", new("cloudwatch", "EventRule"),
        [
            S("Name", "name"), S("ScheduleExpression", "scheduleExpression"), J("EventPattern", "eventPattern"), S("State", "state"),
            S("Description", "description"), S("EventBusName", "eventBusName"), S("RoleArn", "roleArn"), Tags(),
        ], "name", A("Arn", "arn"))
        {
            CompanionProperties = new HashSet<string>(StringComparer.Ordinal) { "Targets" },
            Companions = EventTargets,
        };

        yield return CustomEventBridge();

        yield return new("AWS::Scheduler::Schedule", new("scheduler", "Schedule"),
        [
            S("Name", "name"), S("ScheduleExpression", "scheduleExpression"), S("ScheduleExpressionTimezone", "scheduleExpressionTimezone"),
            S("State", "state"), S("Description", "description"), S("GroupName", "groupName"),
            N("FlexibleTimeWindow", "flexibleTimeWindow", "scheduler.ScheduleFlexibleTimeWindow", S("Mode", "mode"),
                I("MaximumWindowInMinutes", "maximumWindowInMinutes")),
            N("Target", "target", "scheduler.ScheduleTarget", S("Arn", "arn"), S("RoleArn", "roleArn"), S("Input", "input")),
        ], "name", A("Arn", "arn"));

        yield return new("AWS::ApiGatewayV2::Api", new("apigatewayv2", "Api"),
        [
            S("Name", "name"), S("ProtocolType", "protocolType"), S("Description", "description"),
            S("RouteSelectionExpression", "routeSelectionExpression"), S("ApiKeySelectionExpression", "apiKeySelectionExpression"),
            B("DisableExecuteApiEndpoint", "disableExecuteApiEndpoint"), M("Tags", "tags"),
            N("CorsConfiguration", "corsConfiguration", "apigatewayv2.ApiCorsConfiguration", B("AllowCredentials", "allowCredentials"),
                L("AllowHeaders", "allowHeaders"), L("AllowMethods", "allowMethods"), L("AllowOrigins", "allowOrigins"),
                L("ExposeHeaders", "exposeHeaders"), I("MaxAge", "maxAge")),
        ], "id", A("ApiEndpoint", "apiEndpoint", "ApiId", "id"));

        yield return new("AWS::ApiGatewayV2::Integration", new("apigatewayv2", "Integration"),
        [
            S("ApiId", "apiId"), S("IntegrationType", "integrationType"), S("IntegrationUri", "integrationUri"),
            S("IntegrationMethod", "integrationMethod"), S("PayloadFormatVersion", "payloadFormatVersion"),
            I("TimeoutInMillis", "timeoutMilliseconds"), S("Description", "description"), S("ConnectionType", "connectionType"),
            S("CredentialsArn", "credentialsArn"), S("ContentHandlingStrategy", "contentHandlingStrategy"),
            S("PassthroughBehavior", "passthroughBehavior"), S("TemplateSelectionExpression", "templateSelectionExpression"),
            M("RequestParameters", "requestParameters"), M("RequestTemplates", "requestTemplates"),
        ], "id", A());

        yield return new("AWS::ApiGatewayV2::Route", new("apigatewayv2", "Route"),
        [
            S("ApiId", "apiId"), S("RouteKey", "routeKey"), S("Target", "target"), S("AuthorizationType", "authorizationType"),
            S("AuthorizerId", "authorizerId"), L("AuthorizationScopes", "authorizationScopes"), S("OperationName", "operationName"),
            B("ApiKeyRequired", "apiKeyRequired"), S("RouteResponseSelectionExpression", "routeResponseSelectionExpression"),
        ], "id", A());

        yield return new("AWS::ApiGatewayV2::Stage", new("apigatewayv2", "Stage"),
        [
            S("ApiId", "apiId"), S("StageName", "name"), B("AutoDeploy", "autoDeploy"), S("Description", "description"),
            S("DeploymentId", "deploymentId"), M("StageVariables", "stageVariables"), M("Tags", "tags"),
            N("DefaultRouteSettings", "defaultRouteSettings", "apigatewayv2.StageDefaultRouteSettings",
                B("DetailedMetricsEnabled", "detailedMetricsEnabled"), B("DataTraceEnabled", "dataTraceEnabled"),
                S("LoggingLevel", "loggingLevel"), I("ThrottlingBurstLimit", "throttlingBurstLimit"), I("ThrottlingRateLimit", "throttlingRateLimit")),
            N("AccessLogSettings", "accessLogSettings", "apigatewayv2.StageAccessLogSettings", S("DestinationArn", "destinationArn"),
                S("Format", "format")),
        ], "name", A());

        yield return new("AWS::ApiGatewayV2::Authorizer", new("apigatewayv2", "Authorizer"),
        [
            S("ApiId", "apiId"), S("Name", "name"), S("AuthorizerType", "authorizerType"), S("AuthorizerUri", "authorizerUri"),
            L("IdentitySource", "identitySources"), S("AuthorizerPayloadFormatVersion", "authorizerPayloadFormatVersion"),
            B("EnableSimpleResponses", "enableSimpleResponses"), I("AuthorizerResultTtlInSeconds", "authorizerResultTtlInSeconds"),
            S("AuthorizerCredentialsArn", "authorizerCredentialsArn"),
            N("JwtConfiguration", "jwtConfiguration", "apigatewayv2.AuthorizerJwtConfiguration", L("Audience", "audiences"), S("Issuer", "issuer")),
        ], "id", A("AuthorizerId", "id"));

        yield return new("AWS::ApiGatewayV2::Deployment", new("apigatewayv2", "Deployment"),
            [S("ApiId", "apiId"), S("Description", "description")], "id", A("DeploymentId", "id"));

        yield return new("AWS::ApiGateway::RestApi", new("apigateway", "RestApi"),
        [
            S("Name", "name"), S("Description", "description"), L("BinaryMediaTypes", "binaryMediaTypes"),
            B("DisableExecuteApiEndpoint", "disableExecuteApiEndpoint"), S("MinimumCompressionSize", "minimumCompressionSize"),
            S("ApiKeySourceType", "apiKeySource"), Tags(),
            P("Policy", "policy", (c, v) => v is JsonValue p && ValueConverter.PlanText(p) == string.Empty ? ValueConverter.NoValue : c.Json(v)),
            N("EndpointConfiguration", "endpointConfiguration", "apigateway.RestApiEndpointConfiguration",
                P("Types", "types", (c, v) => v is JsonArray { Count: 1 } types ? c.Str(types[0]) : null), // one type in Pulumi classic
                L("VpcEndpointIds", "vpcEndpointIds")),
        ], "id", A("RootResourceId", "rootResourceId"));

        yield return new("AWS::ApiGateway::Resource", new("apigateway", "Resource"),
            [S("ParentId", "parentId"), S("PathPart", "pathPart"), S("RestApiId", "restApi")], "id", A("ResourceId", "id"));

        yield return new("AWS::ApiGateway::Method", new("apigateway", "Method"),
        [
            S("HttpMethod", "httpMethod"), S("ResourceId", "resourceId"), S("RestApiId", "restApi"), S("AuthorizationType", "authorization"),
            S("AuthorizerId", "authorizerId"), L("AuthorizationScopes", "authorizationScopes"), B("ApiKeyRequired", "apiKeyRequired"),
            S("OperationName", "operationName"), S("RequestValidatorId", "requestValidatorId"),
            P("RequestParameters", "requestParameters", (c, v) => c.BoolMap(v)), M("RequestModels", "requestModels"),
        ], "id", A())
        {
            CompanionProperties = new HashSet<string>(StringComparer.Ordinal) { "Integration", "MethodResponses" },
            Companions = MethodParts,
        };

        yield return new("AWS::ApiGateway::Deployment", new("apigateway", "Deployment"),
            [S("RestApiId", "restApi"), S("Description", "description")], "id", A())
        {
            CompanionProperties = new HashSet<string>(StringComparer.Ordinal) { "StageName", "StageDescription" },
            Companions = DeploymentStage,
        };

        yield return new("AWS::ApiGateway::Authorizer", new("apigateway", "Authorizer"),
        [
            S("RestApiId", "restApi"), S("Name", "name"), S("Type", "type"), S("AuthorizerUri", "authorizerUri"),
            S("AuthorizerCredentials", "authorizerCredentials"), I("AuthorizerResultTtlInSeconds", "authorizerResultTtlInSeconds"),
            S("IdentitySource", "identitySource"), S("IdentityValidationExpression", "identityValidationExpression"),
            L("ProviderARNs", "providerArns"),
        ], "id", A("AuthorizerId", "id"));

        yield return new("AWS::ApiGateway::RequestValidator", new("apigateway", "RequestValidator"),
        [
            S("RestApiId", "restApi"), S("Name", "name"), B("ValidateRequestBody", "validateRequestBody"),
            B("ValidateRequestParameters", "validateRequestParameters"),
        ], "id", A("RequestValidatorId", "id"));

        yield return new("AWS::ApiGateway::Model", new("apigateway", "Model"),
        [
            S("RestApiId", "restApi"), S("Name", "name"), S("ContentType", "contentType"), S("Description", "description"),
            J("Schema", "schema"),
        ], "name", A());

        yield return new("AWS::ApiGateway::ApiKey", new("apigateway", "ApiKey"),
        [
            S("Name", "name"), S("Description", "description"), B("Enabled", "enabled"), S("Value", "value"),
            S("CustomerId", "customerId"), Tags(),
            // Deprecated by AWS for usage plans and without an AWS classic input: keys reach their stage through an
            // aws:apigateway:UsagePlanKey, as every key the Framework makes does (ApiGatewayUsagePlanKey<N>).
            Skip("StageKeys"),
        ], "id", A("APIKeyId", "id"));

        yield return new("AWS::ApiGateway::UsagePlan", new("apigateway", "UsagePlan"),
        [
            S("UsagePlanName", "name"), S("Description", "description"), Tags(),
            NL("ApiStages", "apiStages", "apigateway.UsagePlanApiStage", S("ApiId", "apiId"), S("Stage", "stage")),
            N("Quota", "quotaSettings", "apigateway.UsagePlanQuotaSettings", I("Limit", "limit"), I("Offset", "offset"), S("Period", "period")),
            N("Throttle", "throttleSettings", "apigateway.UsagePlanThrottleSettings", I("BurstLimit", "burstLimit"),
                I("RateLimit", "rateLimit")),
        ], "id", A("Id", "id"));

        yield return new("AWS::ApiGateway::UsagePlanKey", new("apigateway", "UsagePlanKey"),
            [S("KeyId", "keyId"), S("KeyType", "keyType"), S("UsagePlanId", "usagePlanId")], "id", A("Id", "id"));

        yield return new("AWS::ApiGateway::GatewayResponse", new("apigateway", "Response"),
        [
            S("RestApiId", "restApiId"), S("ResponseType", "responseType"), S("StatusCode", "statusCode"),
            M("ResponseParameters", "responseParameters"), M("ResponseTemplates", "responseTemplates"),
        ], "id", A());

        foreach (var m in LayerMappings())
        {
            yield return m;
        }

        foreach (var map in S3Mappings())
        {
            yield return map;
        }

        foreach (var map in IotMappings())
        {
            yield return map;
        }

        foreach (var map in Ec2Mappings())
        {
            yield return map;
        }
    }

    private static readonly PropertyMap[] IntegrationProps =
    [
        S("Type", "type"), S("Uri", "uri"), S("IntegrationHttpMethod", "integrationHttpMethod"),
        S("PassthroughBehavior", "passthroughBehavior"), S("ContentHandling", "contentHandling"),
        I("TimeoutInMillis", "timeoutMilliseconds"), S("ConnectionType", "connectionType"), S("ConnectionId", "connectionId"),
        S("Credentials", "credentials"), L("CacheKeyParameters", "cacheKeyParameters"), S("CacheNamespace", "cacheNamespace"),
        M("RequestParameters", "requestParameters"), M("RequestTemplates", "requestTemplates"),
    ];

    private static readonly PropertyMap[] MethodResponseProps =
    [
        S("StatusCode", "statusCode"), P("ResponseParameters", "responseParameters", (c, v) => c.BoolMap(v)),
        M("ResponseModels", "responseModels"),
    ];

    private static readonly PropertyMap[] IntegrationResponseProps =
    [
        S("StatusCode", "statusCode"), S("SelectionPattern", "selectionPattern"), S("ContentHandling", "contentHandling"),
        M("ResponseParameters", "responseParameters"), M("ResponseTemplates", "responseTemplates"),
    ];

    /// <summary>
    /// A CloudFormation <c>AWS::ApiGateway::Method</c> holds its integration and responses; Pulumi classic has a
    /// resource for each: <c>&lt;Method&gt;Integration</c>, <c>&lt;Method&gt;Response&lt;status&gt;</c> and
    /// <c>&lt;Method&gt;IntegrationResponse&lt;status&gt;</c>, addressed by the method's API, resource and HTTP method.
    /// </summary>
    private static IReadOnlyList<PulumiResource>? MethodParts(ValueConverter c, string logicalId, JsonObject properties)
    {
        if (c.Str(properties["RestApiId"]) is not { } api || c.Str(properties["ResourceId"]) is not { } resourceId ||
            c.Str(properties["HttpMethod"]) is not { } httpMethod)
        {
            return null;
        }

        List<KeyValuePair<string, PulumiValue>> Address() =>
            [new("restApi", api), new("resourceId", resourceId), new("httpMethod", httpMethod)];

        var result = new List<PulumiResource>();
        var responseNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties["MethodResponses"] is JsonArray responses)
        {
            foreach (var response in responses)
            {
                if (response is not JsonObject r || ValueConverter.PlanText(r["StatusCode"]) is not { } status ||
                    Entries(c, r, MethodResponseProps) is not { } entries || !responseNames.TryAdd(status, $"{logicalId}Response{status}"))
                {
                    return null;
                }

                var methodResponse = new PulumiResource(responseNames[status], new("apigateway", "MethodResponse"), logicalId);
                methodResponse.Properties.AddRange(Address());
                methodResponse.Properties.AddRange(entries);
                methodResponse.DependsOn.Add(logicalId);
                result.Add(methodResponse);
            }
        }
        else if (properties["MethodResponses"] is not null)
        {
            return null;
        }

        if (properties["Integration"] is null)
        {
            return result;
        }

        if (properties["Integration"] is not JsonObject integration)
        {
            return null;
        }

        var integrationBody = new JsonObject();
        foreach (var (key, value) in integration)
        {
            if (key != "IntegrationResponses")
            {
                integrationBody[key] = value?.DeepClone();
            }
        }

        if (Entries(c, integrationBody, IntegrationProps) is not { } integrationEntries)
        {
            return null;
        }

        var integrationName = $"{logicalId}Integration";
        var resource = new PulumiResource(integrationName, new("apigateway", "Integration"), logicalId);
        resource.Properties.AddRange(Address());
        resource.Properties.AddRange(integrationEntries);
        resource.DependsOn.Add(logicalId);
        result.Add(resource);

        if (integration["IntegrationResponses"] is null)
        {
            return result;
        }

        if (integration["IntegrationResponses"] is not JsonArray integrationResponses)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in integrationResponses)
        {
            if (response is not JsonObject r || ValueConverter.PlanText(r["StatusCode"]) is not { } status ||
                Entries(c, r, IntegrationResponseProps) is not { } entries || !seen.Add(status))
            {
                return null;
            }

            var integrationResponse = new PulumiResource($"{logicalId}IntegrationResponse{status}", new("apigateway", "IntegrationResponse"), logicalId);
            integrationResponse.Properties.AddRange(Address());
            integrationResponse.Properties.AddRange(entries);
            integrationResponse.DependsOn.Add(integrationName);
            if (responseNames.TryGetValue(status, out var methodResponse))
            {
                integrationResponse.DependsOn.Add(methodResponse);
            }

            result.Add(integrationResponse);
        }

        return result;
    }

    private static IEnumerable<KeyValuePair<string, PulumiValue>>? KeySchema(ValueConverter c, JsonNode? value)
    {
        if (value is not JsonArray keys)
        {
            return null;
        }

        var result = new List<KeyValuePair<string, PulumiValue>>();
        foreach (var key in keys)
        {
            var kind = ValueConverter.PlanText(key?["KeyType"]);
            if (c.Str(key?["AttributeName"]) is not { } name || key is not JsonObject { Count: 2 })
            {
                return null;
            }

            result.Add(kind switch
            {
                "HASH" => new("hashKey", name),
                "RANGE" => new("rangeKey", name),
                _ => default,
            });
            if (result[^1].Key is null)
            {
                return null;
            }
        }

        return result;
    }

    private static readonly PropertyMap[] EventTargetProps =
    [
        S("Arn", "arn"), S("Id", "targetId"), S("Input", "input"), S("InputPath", "inputPath"), S("RoleArn", "roleArn"),
        N("InputTransformer", "inputTransformer", "cloudwatch.EventTargetInputTransformer", M("InputPathsMap", "inputPaths"),
            S("InputTemplate", "inputTemplate")),
        N("RetryPolicy", "retryPolicy", "cloudwatch.EventTargetRetryPolicy", I("MaximumEventAgeInSeconds", "maximumEventAgeInSeconds"),
            I("MaximumRetryAttempts", "maximumRetryAttempts")),
        N("DeadLetterConfig", "deadLetterConfig", "cloudwatch.EventTargetDeadLetterConfig", S("Arn", "arn")),
    ];

    /// <summary>Each target of an <c>AWS::Events::Rule</c> is an <c>aws:cloudwatch:EventTarget</c> named <c>&lt;Rule&gt;Target&lt;n&gt;</c>.</summary>
    private static IReadOnlyList<PulumiResource>? EventTargets(ValueConverter c, string logicalId, JsonObject properties)
    {
        List<KeyValuePair<string, PulumiValue>> link = [new("rule", new PulumiAttribute(logicalId, "name"))];
        if (c.Str(properties["EventBusName"]) is { } bus)
        {
            link.Add(new("eventBusName", bus));
        }

        return ListCompanions(c, logicalId, properties["Targets"], EventTargetProps, "Target", new("cloudwatch", "EventTarget"), link);
    }

    /// <summary>Each inline <c>Subscription</c> of an <c>AWS::SNS::Topic</c> is an <c>aws:sns:TopicSubscription</c>.</summary>
    private static IReadOnlyList<PulumiResource>? TopicSubscriptions(ValueConverter c, string logicalId, JsonObject properties) =>
        ListCompanions(c, logicalId, properties["Subscription"], [S("Endpoint", "endpoint"), S("Protocol", "protocol")],
            "Subscription", new("sns", "TopicSubscription"), [new("topic", new PulumiAttribute(logicalId, "arn"))]);

    /// <summary>
    /// Each entry of a CloudFormation list property becomes its own resource <c>&lt;Parent&gt;&lt;suffix&gt;&lt;n&gt;</c> with
    /// <paramref name="link"/> (the inputs naming the parent) followed by the entry's inputs. Null when an entry cannot
    /// be mapped, which sends the parent to the leftover stack.
    /// </summary>
    private static IReadOnlyList<PulumiResource>? ListCompanions(ValueConverter c, string logicalId, JsonNode? list,
        IReadOnlyList<PropertyMap> entryProps, string suffix, PulumiType type, IReadOnlyList<KeyValuePair<string, PulumiValue>> link)
    {
        var result = new List<PulumiResource>();
        if (list is null)
        {
            return result;
        }

        if (list is not JsonArray items)
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item || Entries(c, item, entryProps) is not { } entries)
            {
                return null;
            }

            var companion = new PulumiResource($"{logicalId}{suffix}{i + 1}", type, logicalId);
            companion.Properties.AddRange(link);
            companion.Properties.AddRange(entries);
            result.Add(companion);
        }

        return result;
    }
}
