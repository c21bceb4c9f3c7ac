namespace Spec.Core.Bind;

/// <summary>The keys of the Serverless Framework v3 schema (core + AWS provider + event plugins), per object.</summary>
internal static class KnownKeys
{
    public static readonly string[] Root =
    [
        "service", "provider", "frameworkVersion", "functions", "layers", "resources", "package", "plugins", "custom",
        "params", "useDotenv", "configValidationMode", "deprecationNotificationMode", "disabledDeprecations",
        "variablesResolutionMode", "projectDir", "org", "app", "outputs", "dashboard", "console", "stages",
    ];

    /// <summary>Top-level sections that belong to a plugin: known when the plugin is listed, else the Framework
    /// warns about them (and so do we, naming the plugin).</summary>
    public static readonly (string Key, string Plugin)[] PluginSections =
    [
        ("stepFunctions", "serverless-step-functions"),
        ("constructs", "serverless-lift"),
    ];

    public static readonly string[] Provider =
    [
        "name", "stage", "region", "profile", "runtime", "runtimeManagement", "memorySize", "timeout", "architecture",
        "environment", "tags", "stackTags", "stackName", "stackParameters", "stackPolicy", "rollbackConfiguration",
        "disableRollback", "deploymentMethod", "notificationArns", "deploymentBucket", "deploymentPrefix", "iam",
        "iamRoleStatements", "iamManagedPolicies", "role", "rolePermissionsBoundary", "cfnRole", "vpc",
        "vpcEndpointIds", "kmsKeyArn", "layers", "logRetentionInDays", "logDataProtectionPolicy", "logs", "tracing",
        "versionFunctions", "lambdaHashingVersion", "endpointType", "apiName", "apiGateway", "httpApi", "websocket",
        "websocketsApiName", "websocketsApiRouteSelectionExpression", "websocketsDescription", "alb", "cloudFront",
        "eventBridge", "ecr", "kinesis", "s3",
    ];

    /// <summary>v2 locations that v3 no longer reads (it only warns); bound into <c>IgnoredV2Keys</c>.</summary>
    public static readonly string[] ProviderV2 =
    [
        "apiKeys", "usagePlan", "resourcePolicy", "apiGatewayRestApiId", "apiGatewayRestApiRootResourceId",
        "apiGatewayStage",
    ];

    public static readonly string[] Function =
    [
        "handler", "image", "name", "description", "runtime", "runtimeManagement", "memorySize", "timeout",
        "architecture", "environment", "tags", "role", "vpc", "layers", "kmsKeyArn", "awsKmsKeyArn", "tracing",
        "onError", "destinations", "maximumRetryAttempts", "maximumEventAge", "reservedConcurrency",
        "provisionedConcurrency", "snapStart", "versionFunction", "url", "ephemeralStorageSize", "fileSystemConfig",
        "logRetentionInDays", "logDataProtectionPolicy", "disableLogs", "condition", "dependsOn", "package",
        "httpApi", "events",
    ];

    /// <summary>Function keys added by plugins.</summary>
    public static readonly (string Key, string Plugin)[] FunctionPluginKeys =
    [
        ("iamRoleStatements", "serverless-iam-roles-per-function"),
        ("iamRoleStatementsName", "serverless-iam-roles-per-function"),
        ("iamRoleStatementsInherit", "serverless-iam-roles-per-function"),
        ("warmup", "serverless-plugin-warmup"),
    ];

    /// <summary><c>artifactsS3KeyDirname</c> is written by the Framework itself (it shows in <c>serverless print</c>).</summary>
    public static readonly string[] Package =
        ["artifact", "exclude", "excludeDevDependencies", "include", "individually", "path", "patterns",
            "artifactsS3KeyDirname"];

    public static readonly string[] Layer =
    [
        "path", "name", "description", "licenseInfo", "compatibleRuntimes", "compatibleArchitectures",
        "allowedAccounts", "retain", "package",
    ];

    public static readonly string[] Resources =
    [
        "AWSTemplateFormatVersion", "Conditions", "Description", "Mappings", "Metadata", "Outputs", "Parameters",
        "Resources", "Transform", "extensions",
    ];

    public static readonly string[] CfnResource =
    [
        "Type", "Properties", "CreationPolicy", "DeletionPolicy", "DependsOn", "Metadata", "UpdatePolicy",
        "UpdateReplacePolicy", "Condition", "Fn::Transform",
    ];

    public static readonly string[] CfnOutput = ["Value", "Description", "Export", "Condition"];

    public static readonly string[] CfnExtension =
    [
        "Properties", "Metadata", "DependsOn", "Condition", "CreationPolicy", "DeletionPolicy", "UpdatePolicy",
        "UpdateReplacePolicy",
    ];

    public static readonly string[] Iam = ["role", "deploymentRole"];

    public static readonly string[] IamRole =
        ["name", "path", "statements", "managedPolicies", "permissionsBoundary", "permissionBoundary", "tags"];

    public static readonly string[] IamStatement =
        ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"];

    public static readonly string[] Vpc = ["securityGroupIds", "subnetIds", "ipv6AllowedForDualStack"];

    public static readonly string[] DeploymentBucket =
    [
        "name", "maxPreviousDeploymentArtifacts", "blockPublicAccess", "skipPolicySetup", "versioning",
        "serverSideEncryption", "sseKMSKeyId", "sseCustomerAlgorithim", "sseCustomerAlgorithm", "sseCustomerKey",
        "sseCustomerKeyMD5", "tags",
    ];

    public static readonly string[] Logs = ["frameworkLambda", "restApi", "httpApi", "websocket"];

    public static readonly string[] Tracing = ["apiGateway", "lambda"];

    public static readonly string[] ApiGateway =
    [
        "apiKeys", "apiKeySourceType", "binaryMediaTypes", "description", "disableDefaultEndpoint", "metrics",
        "minimumCompressionSize", "resourcePolicy", "restApiId", "restApiResources", "restApiRootResourceId",
        "request", "shouldStartNameWithService", "stage", "usagePlan", "websocketApiId", "timeoutInMillis",
    ];

    public static readonly string[] HttpApi =
    [
        "id", "name", "payload", "cors", "authorizers", "metrics", "useProviderTags", "disableDefaultEndpoint",
        "shouldStartNameWithService",
    ];

    public static readonly string[] HttpApiCors =
        ["allowedOrigins", "allowedHeaders", "allowedMethods", "allowCredentials", "exposedResponseHeaders", "maxAge"];

    public static readonly string[] HttpApiAuthorizer =
    [
        "type", "name", "identitySource", "issuerUrl", "audience", "functionName", "functionArn",
        "resultTtlInSeconds", "enableSimpleResponses", "payloadVersion", "managedExternally",
    ];

    public static readonly string[] ProviderAlb = ["targetGroupPrefix", "authorizers"];

    public static readonly string[] Ecr = ["scanOnPush", "images"];

    public static readonly string[] EcrImage = ["uri", "path", "file", "buildArgs", "buildOptions", "cacheFrom", "platform"];

    public static readonly string[] RuntimeManagement = ["mode", "arn"];

    public static readonly string[] FunctionImage = ["name", "uri", "workingDirectory", "command", "entryPoint"];

    public static readonly string[] Destinations = ["onSuccess", "onFailure"];

    public static readonly string[] DestinationTarget = ["arn", "type"];

    public static readonly string[] Url = ["authorizer", "cors", "invokeMode"];

    public static readonly string[] FileSystemConfig = ["arn", "localMountPath"];

    public static readonly string[] FunctionHttpApi = ["payload"];

    public static readonly string[] Plugins = ["localPath", "modules"];

    public static readonly string[] StepFunctions = ["stateMachines", "activities", "validate", "noOutput"];

    public static readonly string[] StateMachine =
    [
        "name", "definition", "type", "events", "id", "role", "loggingConfig", "tracingConfig", "tags", "alarms",
        "notifications", "dependsOn", "useExactVersion", "retain", "inheritGlobalTags",
    ];

    // ------------------------------------------------------------------ events

    public static readonly string[] Http =
    [
        "path", "method", "cors", "private", "async", "integration", "authorizer", "request", "response",
        "connectionType", "connectionId", "operationId",
    ];

    public static readonly string[] HttpCors =
        ["origin", "origins", "headers", "methods", "allowCredentials", "maxAge", "cacheControl"];

    public static readonly string[] HttpAuthorizer =
    [
        "name", "arn", "authorizerId", "type", "identitySource", "identityValidationExpression",
        "resultTtlInSeconds", "claims", "scopes", "managedExternally",
    ];

    public static readonly string[] HttpRequest =
        ["parameters", "schemas", "template", "passThrough", "contentHandling", "uri", "method"];

    public static readonly string[] HttpResponse = ["headers", "template", "statusCodes", "contentHandling"];

    public static readonly string[] HttpApiEvent = ["path", "method", "authorizer"];

    public static readonly string[] HttpApiEventAuthorizer = ["name", "scopes", "id", "type"];

    public static readonly string[] Websocket = ["route", "routeResponseSelectionExpression", "authorizer"];

    public static readonly string[] WebsocketAuthorizer = ["name", "arn", "identitySource"];

    public static readonly string[] Sqs =
    [
        "arn", "batchSize", "maximumBatchingWindow", "enabled", "functionResponseType", "filterPatterns",
        "maximumConcurrency",
    ];

    public static readonly string[] Sns =
        ["arn", "topicName", "displayName", "filterPolicy", "filterPolicyScope", "redrivePolicy"];

    public static readonly string[] SnsRedrivePolicy =
        ["deadLetterTargetArn", "deadLetterTargetRef", "deadLetterTargetImport"];

    public static readonly string[] S3 = ["bucket", "event", "rules", "existing", "forceDeploy"];

    public static readonly string[] Schedule =
    [
        "rate", "enabled", "name", "description", "input", "inputPath", "inputTransformer", "method", "timezone",
    ];

    public static readonly string[] Stream =
    [
        "arn", "type", "batchSize", "startingPosition", "startingPositionTimestamp", "enabled", "batchWindow",
        "parallelizationFactor", "maximumRetryAttempts", "bisectBatchOnFunctionError", "maximumRecordAgeInSeconds",
        "functionResponseType", "destinations", "tumblingWindowInSeconds", "filterPatterns", "consumer",
    ];

    public static readonly string[] StreamDestinations = ["onFailure"];

    public static readonly string[] Msk =
    [
        "arn", "topic", "batchSize", "maximumBatchingWindow", "enabled", "startingPosition",
        "startingPositionTimestamp", "saslScram512", "consumerGroupId", "filterPatterns",
    ];

    public static readonly string[] Kafka =
    [
        "accessConfigurations", "bootstrapServers", "topic", "batchSize", "maximumBatchingWindow", "enabled",
        "startingPosition", "startingPositionTimestamp", "consumerGroupId", "filterPatterns",
    ];

    public static readonly string[] KafkaAccess =
    [
        "vpcSubnet", "vpcSecurityGroup", "saslPlainAuth", "saslScram256Auth", "saslScram512Auth",
        "clientCertificateTlsAuth", "serverRootCaCertificate",
    ];

    public static readonly string[] ActiveMq =
        ["arn", "basicAuthArn", "queue", "batchSize", "maximumBatchingWindow", "enabled", "filterPatterns"];

    public static readonly string[] RabbitMq =
    [
        "arn", "basicAuthArn", "queue", "virtualHost", "batchSize", "maximumBatchingWindow", "enabled",
        "filterPatterns",
    ];

    public static readonly string[] Alb =
    [
        "listenerArn", "priority", "conditions", "healthCheck", "multiValueHeaders", "targetGroupName", "authorizer",
    ];

    public static readonly string[] AlbConditions = ["path", "method", "host", "header", "query", "ip"];

    public static readonly string[] Alexa = ["appId", "enabled"];

    public static readonly string[] Iot = ["sql", "sqlVersion", "name", "enabled", "description"];

    public static readonly string[] IotFleetProvisioning =
        ["templateBody", "provisioningRoleArn", "templateName", "enabled"];

    public static readonly string[] CloudwatchEvent =
        ["event", "input", "inputPath", "inputTransformer", "description", "name", "enabled"];

    public static readonly string[] CloudwatchLog = ["logGroup", "filter"];

    public static readonly string[] CognitoUserPool = ["pool", "trigger", "existing", "forceDeploy", "kmsKeyId"];

    public static readonly string[] EventBridge =
    [
        "pattern", "schedule", "eventBus", "name", "description", "enabled", "input", "inputPath",
        "inputTransformer", "retryPolicy", "deadLetterQueueArn",
    ];

    public static readonly string[] CloudFront =
        ["eventType", "origin", "pathPattern", "isDefaultOrigin", "includeBody", "behavior", "cachePolicy"];
}
