using static Spec.Core.Schema.Catalog.CommonShapes;
using static Spec.Core.Schema.Catalog.Dsl;

namespace Spec.Core.Schema.Catalog;

/// <summary><c>provider</c> for AWS (Framework v3 <c>lib/plugins/aws/provider.js</c>).</summary>
internal static class ProviderCatalog
{
    private const string Iam = Guide + "iam";
    private const string Regions = "https://docs.aws.amazon.com/general/latest/gr/rande.html#regional-endpoints";

    public static Shape Shape { get; } = Obj(Docs(Reference,
        P("name", OneOf("aws"), "The provider. Spec compiles AWS services only.").Req().Ex("aws"),
        P("stage", Pattern("[a-zA-Z0-9-]+", "letters, digits and `-`"), "Deployment stage (environment). `--stage` on the command line wins over this value.", "dev").Ex("dev", "prod"),
        P("region", OneOf(
                "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
                "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
                "ca-central-1", "ca-west-1", "cn-north-1", "cn-northwest-1", "eu-central-1", "eu-central-2", "eu-north-1",
                "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
                "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1",
                "us-west-1", "us-west-2"),
            "AWS region to deploy to. `--region` on the command line wins over this value.", "us-east-1").Doc(Regions).Ex("us-east-1", "eu-west-1"),
        P("profile", Str, "AWS credentials profile used to deploy (`--aws-profile` wins)."),
        P("runtime", Runtime, "Default Lambda runtime of the functions. Deprecated runtimes are accepted here and reported by the linter.", "nodejs16.x")
            .Doc("https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html").Ex("nodejs20.x", "python3.12"),
        P("runtimeManagement", RuntimeManagement, "When Lambda applies runtime updates to the functions.", "auto"),
        P("memorySize", MemorySize, "Default memory of the functions in MB (128-10240); CPU scales with it.", 1024L).Doc(LambdaLimits).Ex(1024, 512),
        P("timeout", LambdaTimeout, "Default function timeout in seconds (1-900). API Gateway still cuts requests at 29-30 s.", 6L).Doc(LambdaLimits).Ex(6, 30),
        P("architecture", Architecture, "Default instruction set of the functions.", "x86_64"),
        P("environment", EnvironmentVariables, "Environment variables of every function (a function's own `environment` is merged over these). 4 KB in total per function.")
            .Doc(Guide + "functions#environment-variables"),
        P("tags", Tags, "Tags added to every function and to the APIs."),
        P("stackTags", Tags, "Tags on the CloudFormation stack (propagated by CloudFormation to the resources it supports)."),
        P("stackName", Pattern("[a-zA-Z][a-zA-Z0-9-]*", "letters, digits and `-`, starting with a letter"), "Name of the CloudFormation stack.", "<service>-<stage>"),
        P("stackParameters", List(Obj(
                P("ParameterKey", Str, "Parameter name.").Req(),
                P("ParameterValue", Str, "Value."),
                P("UsePreviousValue", Bool, "Keep the value of the previous deployment."),
                P("ResolvedValue", Str, "Value of an SSM parameter type."))),
            "Values for the `Parameters` of the stack at deploy time."),
        P("stackPolicy", IamStatements, "Stack policy statements (what updates CloudFormation may apply to which resources)."),
        P("rollbackConfiguration", Obj(
                P("RollbackTriggers", List(Obj(P("Arn", Arn, "CloudWatch alarm ARN.").Req(), P("Type", Str, "`AWS::CloudWatch::Alarm`.").Req())), "Alarms that roll the deployment back."),
                P("MonitoringTimeInMinutes", Int(0, 180), "Minutes to watch the alarms after the deployment.")),
            "CloudFormation rollback triggers."),
        P("disableRollback", Bool, "Keep the resources of a failed deployment for debugging.", false),
        P("deploymentMethod", OneOf("changesets", "direct"), "Deploy through change sets or with direct stack updates.", "changesets"),
        P("notificationArns", ArnList, "SNS topics CloudFormation notifies about stack events."),
        P("deploymentBucket", Str.Or(Obj(
                P("name", Arn, "Existing bucket to upload artifacts to (no bucket is created)."),
                P("maxPreviousDeploymentArtifacts", Int(0), "How many previous deployments to keep in the bucket.", 5L),
                P("blockPublicAccess", Bool, "Block public access on the generated bucket.", false),
                P("skipPolicySetup", Bool, "Do not add the TLS-only bucket policy.", false),
                P("versioning", Bool, "Enable versioning on the generated bucket.", false),
                P("serverSideEncryption", OneOf("AES256", "aws:kms"), "Encryption of uploaded artifacts.", "AES256"),
                P("sseKMSKeyId", Arn, "KMS key for `aws:kms` encryption."),
                P("sseCustomerAlgorithim", Str, "SSE-C algorithm (the Framework's spelling)."),
                P("sseCustomerAlgorithm", Str, "SSE-C algorithm."),
                P("sseCustomerKey", Str, "SSE-C key."),
                P("sseCustomerKeyMD5", Str, "SSE-C key MD5."),
                P("tags", Tags, "Tags of the generated bucket."))),
            "Bucket the artifacts are uploaded to: a name, or settings for the generated `ServerlessDeploymentBucket`.").Doc(Guide + "deploying"),
        P("deploymentPrefix", Str, "S3 key prefix of uploaded artifacts.", "serverless"),
        P("iam", Obj(
                P("role", Arn.Or(Obj(
                        P("name", MaxLen(64), "Name of the generated execution role."),
                        P("path", Str, "IAM path of the role.", "/"),
                        P("statements", IamStatements, "Statements added to the role's inline policy.").Ex(new object[] { new SortedDictionary<string, object> { ["Effect"] = "Allow", ["Action"] = new[] { "sqs:SendMessage" }, ["Resource"] = "*" } }),
                        P("managedPolicies", ArnList, "Managed policy ARNs attached to the role."),
                        P("permissionsBoundary", Arn, "Permissions boundary policy ARN."),
                        P("permissionBoundary", Arn, "Alias of `permissionsBoundary`."),
                        P("tags", Tags, "Tags of the role."))),
                    "The Lambda execution role: an existing role (ARN, name or intrinsic; then no role is generated) or settings for the generated `IamRoleLambdaExecution`."),
                P("deploymentRole", Arn, "Role CloudFormation assumes to deploy the stack.")),
            "IAM settings: the functions' execution role and the deployment role.").Doc(Iam),
        P("iamRoleStatements", IamStatements, "Statements added to the generated execution role.").Doc(Iam).Dep("use `provider.iam.role.statements`"),
        P("iamManagedPolicies", ArnList, "Managed policies of the generated execution role.").Doc(Iam).Dep("use `provider.iam.role.managedPolicies`"),
        P("role", Arn, "Existing execution role for every function.").Doc(Iam).Dep("use `provider.iam.role`"),
        P("rolePermissionsBoundary", Arn, "Permissions boundary of the generated role.").Doc(Iam).Dep("use `provider.iam.role.permissionsBoundary`"),
        P("cfnRole", Arn, "Role CloudFormation assumes.").Doc(Iam).Dep("use `provider.iam.deploymentRole`"),
        P("vpc", Vpc, "VPC of every function (adds the `AWSLambdaVPCAccessExecutionRole` managed policy).").Doc(Guide + "functions#vpc-configuration"),
        P("vpcEndpointIds", ArnList, "VPC endpoints of a `PRIVATE` REST API."),
        P("kmsKeyArn", Arn, "KMS key that encrypts the functions' environment variables."),
        P("layers", ArnList, "Layer ARNs of every function that sets no `layers` itself (at most 5).").Doc(Guide + "layers"),
        P("logRetentionInDays", LogRetention, "Retention of the functions' log groups in days. Unset: logs are kept forever."),
        P("logDataProtectionPolicy", Open(), "CloudWatch Logs data protection policy of the log groups."),
        P("logs", Obj(
                P("frameworkLambda", Bool, "Give the Framework's custom-resource functions log groups too (unset: they get none).", false),
                P("restApi", Bool.Or(Obj(
                        P("accessLogging", Bool, "Write access logs.", true),
                        P("executionLogging", Bool, "Write execution logs.", true),
                        P("format", Str, "Access log format."),
                        P("fullExecutionData", Bool, "Log full request/response data.", true),
                        P("level", OneOf("INFO", "ERROR"), "Execution log level.", "INFO"),
                        P("role", Arn, "CloudWatch role of API Gateway."),
                        P("roleManagedExternally", Bool, "Do not manage the API Gateway account role.", false))),
                    "REST API logging (`true` for the defaults)."),
                P("httpApi", Bool.Or(Obj(P("format", Str, "Access log format."))), "HTTP API access logging (`true` for the defaults)."),
                P("websocket", Bool.Or(Obj(
                        P("accessLogging", Bool, "Write access logs.", true),
                        P("executionLogging", Bool, "Write execution logs.", true),
                        P("format", Str, "Access log format."),
                        P("fullExecutionData", Bool, "Log full message data.", true),
                        P("level", OneOf("INFO", "ERROR"), "Execution log level.", "INFO"))),
                    "WebSocket API logging (`true` for the defaults).")),
            "API Gateway and framework logging."),
        P("tracing", Obj(
                P("apiGateway", Bool, "X-Ray tracing of the REST API stage.", false),
                P("lambda", OneOf("Active", "PassThrough").Or(Bool), "X-Ray tracing mode of the functions (`true` = `Active`).")),
            "AWS X-Ray tracing."),
        P("versionFunctions", Bool, "Publish an `AWS::Lambda::Version` for every deployment.", true),
        P("lambdaHashingVersion", OneOf("20200924", "20201221"), "Legacy artifact hashing switch from the v2 to v3 migration; v3 always hashes as `20201221`, so the key can be removed."),
        P("endpointType", OneOf("REGIONAL", "EDGE", "PRIVATE", "regional", "edge", "private"), "Endpoint type of the REST API.", "EDGE"),
        P("apiName", Str, "Name of the REST API.", "<stage>-<service>"),
        P("apiGateway", ApiGatewayShape(), "REST API (the `http` event) settings: API keys, usage plans, an existing API to attach to, …").Doc(Events + "apigateway"),
        P("httpApi", HttpApiShape(), "HTTP API (the `httpApi` event) settings: CORS, JWT and Lambda authorizers, an existing API.").Doc(Events + "http-api"),
        P("websocket", Obj(P("useProviderTags", Bool, "Copy `provider.tags` to the WebSocket API.", false)), "WebSocket API settings.").Doc(Events + "websocket"),
        P("websocketsApiName", Str, "Name of the WebSocket API.", "<stage>-<service>-websockets").Doc(Events + "websocket"),
        P("websocketsApiRouteSelectionExpression", Str, "Route selection expression of the WebSocket API.", "$request.body.action").Doc(Events + "websocket"),
        P("websocketsDescription", Str, "Description of the WebSocket API.", "Serverless Websockets").Doc(Events + "websocket"),
        P("alb", Obj(
                P("targetGroupPrefix", MaxLen(16), "Prefix of generated target group names (at most 16 characters)."),
                P("authorizers", Map(Open(
                    P("type", OneOf("cognito", "oidc"), "Authorizer kind.").Req(),
                    P("userPoolArn", Arn, "Cognito user pool ARN."),
                    P("userPoolClientId", Str, "Cognito app client id."),
                    P("userPoolDomain", Str, "Cognito domain."),
                    P("authorizationEndpoint", Str, "OIDC authorization endpoint."),
                    P("clientId", Str, "OIDC client id."),
                    P("clientSecret", Str, "OIDC client secret."),
                    P("issuer", Str, "OIDC issuer."),
                    P("tokenEndpoint", Str, "OIDC token endpoint."),
                    P("userInfoEndpoint", Str, "OIDC user info endpoint."),
                    P("onUnauthenticatedRequest", OneOf("deny", "allow", "authenticate"), "What to do with unauthenticated requests.", "deny"),
                    P("requestExtraParams", Map(Str), "Extra query parameters of the IdP request."),
                    P("scope", Str, "Requested scope.", "openid"),
                    P("sessionCookieName", Str, "Session cookie name."),
                    P("sessionTimeout", Int(1, 604800), "Session length in seconds."))), "Authorizers the `alb` events refer to by name.")),
            "Application Load Balancer (the `alb` event) settings.").Doc(Events + "alb"),
        P("cloudFront", Obj(P("cachePolicies", Map(Open()), "CloudFront cache policies (`AWS::CloudFront::CachePolicy` config) by name.")), "Lambda@Edge (the `cloudFront` event) settings.")
            .Doc(Events + "cloudfront"),
        P("eventBridge", Obj(P("useCloudFormation", Bool, "Create EventBridge resources with CloudFormation (`false` = the legacy custom resource).", true)), "EventBridge settings.")
            .Doc(Events + "event-bridge"),
        P("ecr", Obj(
                P("scanOnPush", Bool, "Scan images when they are pushed.", false),
                P("images", Map(Str.Or(Obj(
                    P("uri", Str, "Existing image URI."),
                    P("path", Str, "Directory with the Dockerfile."),
                    P("file", Str, "Dockerfile name.", "Dockerfile"),
                    P("buildArgs", Map(Str), "`docker build --build-arg` values."),
                    P("buildOptions", StrList, "Extra `docker build` options."),
                    P("cacheFrom", StrList, "`--cache-from` images."),
                    P("platform", Str, "Target platform, e.g. `linux/arm64`."))), "[a-z][a-z0-9-_]{1,31}"), "Container images to build and push, by name (functions refer to them with `image: <name>`).")),
            "Container images for functions packaged as images.").Doc(Guide + "functions#referencing-container-image-as-a-target"),
        P("kinesis", Obj(P("consumerNamingMode", OneOf("serviceSpecific"), "Add `<service><stage>` to enhanced fan-out consumer names.")), "Kinesis stream event settings.")
            .Doc(Events + "streams"),
        P("s3", Map(Open(P("name", Str, "Bucket name."))), "Bucket settings (`AWS::S3::Bucket` properties in camelCase) by key; an `s3` event whose `bucket` is the key uses them.")
            .Doc(Events + "s3"),
        P("apiKeys", Any, "REST API keys.").Doc(Events + "apigateway").Dep("use `provider.apiGateway.apiKeys` (v3 ignores this location)").Moved("provider.apiGateway"),
        P("usagePlan", Any, "REST API usage plan.").Doc(Events + "apigateway").Dep("use `provider.apiGateway.usagePlan` (v3 ignores this location)").Moved("provider.apiGateway"),
        P("resourcePolicy", Any, "REST API resource policy.").Doc(Events + "apigateway").Dep("use `provider.apiGateway.resourcePolicy` (v3 ignores this location)").Moved("provider.apiGateway"),
        P("apiGatewayRestApiId", Any, "Existing REST API id.").Doc(Events + "apigateway").Dep("use `provider.apiGateway.restApiId` (v3 ignores this location)").Moved("provider.apiGateway"),
        P("apiGatewayRestApiRootResourceId", Any, "Root resource id of the existing REST API.").Doc(Events + "apigateway").Dep("use `provider.apiGateway.restApiRootResourceId` (v3 ignores this location)").Moved("provider.apiGateway"),
        P("apiGatewayStage", Any, "REST API stage.").Doc(Events + "apigateway").Dep("use `provider.apiGateway.stage` (v3 ignores this location)").Moved("provider.apiGateway")));

    private static Shape ApiGatewayShape() => Obj(
        P("apiKeys", List(Str.Or(Open(
            P("name", Str, "Key name."),
            P("value", Str, "Key value (20+ characters)."),
            P("description", Str, "Description."),
            P("customerId", Str, "AWS Marketplace customer id."),
            P("enabled", Bool, "Whether the key is enabled.", true)))), "API keys to create (names, objects, or `{usagePlanName: [keys]}`)."),
        P("apiKeySourceType", OneOf("HEADER", "AUTHORIZER", "header", "authorizer"), "Where API Gateway reads the API key from.", "HEADER"),
        P("binaryMediaTypes", StrList, "Media types API Gateway treats as binary, e.g. `image/png` or `*/*`."),
        P("description", Str, "Description of the REST API."),
        P("disableDefaultEndpoint", Bool, "Disable the `execute-api` endpoint (use a custom domain).", false),
        P("metrics", Bool, "Detailed CloudWatch metrics of the stage.", false),
        P("minimumCompressionSize", Int(0, 10485760), "Compress responses larger than this many bytes."),
        P("resourcePolicy", IamStatements, "Resource policy statements of the REST API."),
        P("restApiId", Arn, "Id of an existing REST API to add the endpoints to (no API is created)."),
        P("restApiResources", Map(Arn), "Existing resource ids by path (`/users: abc123`) when attaching to an existing API."),
        P("restApiRootResourceId", Arn, "Root resource id of the existing REST API."),
        P("request", Obj(P("schemas", Map(Open()), "Request models by name, referenced from `http.request.schemas`.")), "Request validation models."),
        P("shouldStartNameWithService", Bool, "Name the API `<service>-<stage>` instead of `<stage>-<service>`.", false),
        P("stage", Str, "Stage name of the REST API (defaults to the service stage)."),
        P("timeoutInMillis", Int(50, 29000), "Integration timeout in milliseconds.", 29000L),
        P("usagePlan", Open(
            P("quota", Open(P("limit", Int(0), "Requests per period."), P("offset", Int(0), "Days to offset the period."), P("period", OneOf("DAY", "WEEK", "MONTH"), "Period.")), "Request quota."),
            P("throttle", Open(P("burstLimit", Int(0), "Burst limit."), P("rateLimit", Num(0), "Requests per second.")), "Throttling."))
            .Or(List(Map(Open()))), "Usage plan(s) for the API keys."),
        P("websocketApiId", Arn, "Id of an existing WebSocket API to attach to."));

    private static Shape HttpApiShape() => Obj(
        P("id", Arn, "Id of an existing HTTP API to attach the routes to (no API is created)."),
        P("name", Str, "Name of the HTTP API.", "<stage>-<service>"),
        P("payload", OneOf("1.0", "2.0"), "Default Lambda event payload format.", "2.0"),
        P("cors", Bool.Or(Obj(
            P("allowedOrigins", StrList, "Allowed origins."),
            P("allowedHeaders", StrList, "Allowed request headers."),
            P("allowedMethods", StrList, "Allowed methods."),
            P("allowCredentials", Bool, "Allow credentials.", false),
            P("exposedResponseHeaders", StrList, "Response headers exposed to the browser."),
            P("maxAge", Int(0), "Seconds the preflight response may be cached."))), "CORS of the HTTP API (`true` for permissive defaults)."),
        P("authorizers", Map(Obj(
            P("type", OneOf("jwt", "request"), "Authorizer kind.", "jwt"),
            P("name", Str, "Authorizer name."),
            P("identitySource", Str.Or(StrList), "Where the token is read, e.g. `$request.header.Authorization`."),
            P("issuerUrl", Str, "JWT issuer URL."),
            P("audience", Str.Or(StrList), "JWT audiences."),
            P("functionName", Str, "Lambda authorizer function of this service."),
            P("functionArn", Arn, "Lambda authorizer function ARN."),
            P("resultTtlInSeconds", Int(0, 3600), "Cache time of the authorizer result.", 300L),
            P("enableSimpleResponses", Bool, "Let the Lambda authorizer return `{isAuthorized}`.", false),
            P("payloadVersion", OneOf("1.0", "2.0"), "Payload format of the Lambda authorizer.", "2.0"),
            P("managedExternally", Bool, "Do not add the invoke permission for the authorizer.", false))), "JWT and Lambda authorizers by name, referenced from `httpApi.authorizer`."),
        P("metrics", Bool, "Detailed CloudWatch metrics.", false),
        P("useProviderTags", Bool, "Copy `provider.tags` to the HTTP API.", false),
        P("disableDefaultEndpoint", Bool, "Disable the `execute-api` endpoint.", false),
        P("shouldStartNameWithService", Bool, "Name the API `<service>-<stage>`.", false));
}
