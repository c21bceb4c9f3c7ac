using static Spec.Core.Schema.Catalog.CommonShapes;
using static Spec.Core.Schema.Catalog.Dsl;

namespace Spec.Core.Schema.Catalog;

/// <summary><c>functions.&lt;name&gt;</c> (Framework v3 <c>provider.js</c> function schema, <c>additionalProperties:false</c>).</summary>
internal static class FunctionCatalog
{
    private const string Functions = Guide + "functions";

    public static Shape Shape { get; } = Obj(Docs(Functions,
        P("handler", Str, "Entry point, `file.export` relative to the service (e.g. `src/handler.main`). Exactly one of `handler` and `image` is required.").Ex("handler.hello"),
        P("image", Str.Or(Obj(
                P("name", Str, "Name of an image in `provider.ecr.images`."),
                P("uri", Str, "ECR image URI (with a `@sha256:` digest)."),
                P("workingDirectory", Str, "Overrides the image's working directory."),
                P("command", StrList, "Overrides the image's `CMD`."),
                P("entryPoint", StrList, "Overrides the image's `ENTRYPOINT`."))),
            "Container image to run instead of a zip package: an ECR URI, a `provider.ecr.images` name, or an object.")
            .Doc(Functions + "#referencing-container-image-as-a-target"),
        P("name", MaxLen(64).OrIntrinsic(), "Deployed function name (at most 64 characters).", "<service>-<stage>-<function key>"),
        P("description", MaxLen(256).OrIntrinsic(), "Description of the function (at most 256 characters)."),
        P("runtime", Runtime, "Runtime of this function (overrides `provider.runtime`).").Doc("https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html").Ex("nodejs20.x", "python3.12"),
        P("runtimeManagement", RuntimeManagement, "When Lambda applies runtime updates (overrides the provider setting)."),
        P("memorySize", MemorySize, "Memory in MB (128-10240); CPU scales with it. Overrides `provider.memorySize`.", 1024L).Doc(LambdaLimits).Ex(1024, 512),
        P("timeout", LambdaTimeout, "Timeout in seconds (1-900). Overrides `provider.timeout`. Behind API Gateway requests still end at 29-30 s.", 6L).Doc(LambdaLimits).Ex(6, 30),
        P("ephemeralStorageSize", Int(512, 10240), "Size of `/tmp` in MB (512-10240).", 512L).Doc(LambdaLimits),
        P("architecture", Architecture, "Instruction set (overrides `provider.architecture`).", "x86_64"),
        P("environment", EnvironmentVariables, "Environment variables, merged over `provider.environment`. 4 KB in total.").Doc(Functions + "#environment-variables"),
        P("tags", Tags, "Tags of the function, merged over `provider.tags`."),
        P("role", Arn, "Existing execution role: an ARN, the logical id of a role in `resources`, or an intrinsic function. Replaces the generated role for this function.")
            .Doc(Guide + "iam#custom-iam-roles"),
        P("vpc", Vpc.Or(Bool), "VPC of this function; `false` opts out of `provider.vpc`.").Doc(Functions + "#vpc-configuration"),
        P("layers", ArnList, "Layer ARNs (at most 5); replaces `provider.layers`. Reference a layer of this service with `!Ref <Name>LambdaLayer`.").Doc(Guide + "layers"),
        P("kmsKeyArn", Arn, "KMS key that encrypts the environment variables."),
        P("awsKmsKeyArn", Arn, "Alias of `kmsKeyArn`."),
        P("tracing", OneOf("Active", "PassThrough").Or(Bool), "X-Ray tracing mode (`true` = `Active`)."),
        P("onError", Arn, "Dead-letter target of failed asynchronous invocations: an SNS topic ARN or an intrinsic function.").Doc(Functions + "#dead-letter-queue-dlq"),
        P("destinations", Obj(
                P("onSuccess", Destination, "Target of successful asynchronous invocations: a function name, an ARN, or `{arn, type}`."),
                P("onFailure", Destination, "Target of failed asynchronous invocations.")),
            "Asynchronous invocation destinations (`AWS::Lambda::EventInvokeConfig`).").Doc(Functions + "#destinations"),
        P("maximumRetryAttempts", Int(0, 2), "Retries of a failed asynchronous invocation (0-2).", 2L).Doc(Functions + "#asynchronous-invocation"),
        P("maximumEventAge", Int(60, 21600), "Seconds an asynchronous event may wait before it is dropped (60-21600).", 21600L).Doc(Functions + "#asynchronous-invocation"),
        P("reservedConcurrency", Int(0).OrIntrinsic(), "Reserved concurrent executions (0 stops the function). At least 100 of the account's concurrency must stay unreserved.")
            .Doc("https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html"),
        P("provisionedConcurrency", Int(0).OrIntrinsic(), "Pre-initialised instances (creates a version and the alias `provisioned`).")
            .Doc("https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html"),
        P("snapStart", Bool, "Enable SnapStart for published versions (Java); not together with `provisionedConcurrency`.", false),
        P("versionFunction", Bool, "Publish a version on deploy (overrides `provider.versionFunctions`).", true),
        P("url", Bool.Or(Obj(
                P("authorizer", OneOf("aws_iam"), "`aws_iam` requires SigV4-signed requests; without it the URL is public."),
                P("cors", Bool.Or(Obj(
                    P("allowCredentials", Bool, "Allow credentials."),
                    P("allowedHeaders", StrList, "Allowed headers."),
                    P("allowedMethods", StrList, "Allowed methods."),
                    P("allowedOrigins", StrList, "Allowed origins."),
                    P("exposedResponseHeaders", StrList, "Exposed headers."),
                    P("maxAge", Int(0, 86400), "Preflight cache seconds."))), "CORS of the function URL."),
                P("invokeMode", OneOf("BUFFERED", "RESPONSE_STREAM"), "Buffered or streamed responses.", "BUFFERED"))),
            "Lambda function URL (`AWS::Lambda::Url`).").Doc(Functions + "#lambda-function-urls"),
        P("fileSystemConfig", Obj(
                P("arn", Arn, "EFS access point ARN.").Req(),
                P("localMountPath", Pattern("/mnt/[a-zA-Z0-9-_.]+", "`/mnt/<name>`"), "Mount path, under `/mnt/`.").Req()),
            "Mount an EFS file system (requires `vpc`).").Doc(Functions + "#efs-configuration"),
        P("logRetentionInDays", LogRetention, "Retention of this function's log group (overrides the provider setting)."),
        P("logDataProtectionPolicy", Open(), "CloudWatch Logs data protection policy of this function's log group."),
        P("disableLogs", Bool, "Create no log group and deny `logs:PutLogEvents`.", false),
        P("condition", Str, "CloudFormation `Condition` of the function resource."),
        P("dependsOn", Str.Or(StrList), "Extra CloudFormation `DependsOn` of the function resource."),
        P("package", PackageCatalog.Shape, "Packaging of this function (with `package.individually`).").Doc(Guide + "packaging"),
        P("httpApi", Obj(P("payload", OneOf("1.0", "2.0"), "Lambda event payload format of this function's HTTP API routes (overrides `provider.httpApi.payload`).")),
            "HTTP API settings of this function.").Doc(Events + "http-api"),
        P("iamRoleStatements", CommonShapes.IamStatements, "Statements of a role for this function alone (the `serverless-iam-roles-per-function` plugin; core Serverless ignores it).")
            .Doc("https://github.com/functionalone/serverless-iam-roles-per-function").FromPlugin("serverless-iam-roles-per-function"),
        P("iamRoleStatementsName", MaxLen(64), "Name of the per-function role (`serverless-iam-roles-per-function`).")
            .Doc("https://github.com/functionalone/serverless-iam-roles-per-function").FromPlugin("serverless-iam-roles-per-function"),
        P("warmup", Bool.Or(Open()), "Settings of the `serverless-plugin-warmup` plugin for this function (`true`, or per-warmer options).")
            .Doc("https://github.com/juanjoDiaz/serverless-plugin-warmup").FromPlugin("serverless-plugin-warmup"),
        P("iamRoleStatementsInherit", Bool, "Also give the per-function role the provider statements (`serverless-iam-roles-per-function`).", false)
            .Doc("https://github.com/functionalone/serverless-iam-roles-per-function").FromPlugin("serverless-iam-roles-per-function"),
        P("events", List(EventCatalog.Item).OrIntrinsic(), "What invokes the function: a list of one-key objects, one per event (`http`, `sqs`, `schedule`, …).").Doc(Guide + "events")));
}

/// <summary><c>layers.&lt;name&gt;</c> (Framework v3 <c>provider.js</c> layer schema).</summary>
internal static class LayerCatalog
{
    public static Shape Shape { get; } = Obj(Docs(Guide + "layers",
        P("path", Str, "Directory with the layer content.").Req(),
        P("name", Str, "Deployed layer name (not prefixed with the service or stage).", "<layer key>"),
        P("description", MaxLen(256), "Description."),
        P("compatibleRuntimes", List(Runtime), "Runtimes the layer works with (at most 15)."),
        P("compatibleArchitectures", List(Architecture), "Architectures the layer works with (at most 2)."),
        P("licenseInfo", MaxLen(512), "License of the layer."),
        P("allowedAccounts", StrList, "Account ids (or root ARNs) allowed to use the layer; `*` makes it public (`AWS::Lambda::LayerVersionPermission`)."),
        P("retain", Bool, "Keep old layer versions when a new one is deployed.", false),
        P("package", PackageCatalog.Shape, "Packaging of the layer.")));
}

/// <summary><c>package</c> at the service, function and layer level (the binder reads one key set for all three).</summary>
internal static class PackageCatalog
{
    public static Shape Shape { get; } = Obj(Docs(Guide + "packaging",
        P("patterns", StrList, "Glob patterns of files to include; a leading `!` excludes.").Ex(new object[] { "!node_modules/**", "src/**" }),
        P("individually", Bool, "Build one artifact per function.", false),
        P("artifact", Str, "Prebuilt zip to deploy instead of packaging."),
        P("excludeDevDependencies", Bool, "Leave out Node.js devDependencies.", true),
        P("path", Str, "Directory to package."),
        P("include", StrList, "Files to include.").Dep("use `patterns`"),
        P("exclude", StrList, "Files to exclude.").Dep("use `patterns` with a leading `!`"),
        P("artifactsS3KeyDirname", Str, "S3 key folder of the uploaded artifacts; written by the Framework itself (it appears in `serverless print`).")));
}

/// <summary><c>resources</c>: raw CloudFormation merged into the template.</summary>
internal static class ResourcesCatalog
{
    private const string Cfn = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/";

    public static Shape Shape { get; } = Obj(Docs(Guide + "resources",
        P("AWSTemplateFormatVersion", Str, "Template format version.", "2010-09-09"),
        P("Description", Str, "Stack description."),
        P("Resources", CommonShapes.CloudFormationResources, "CloudFormation resources by logical id; merged over the generated ones.").Doc(Cfn + "resources-section-structure.html"),
        P("Outputs", Map(Open(
            P("Value", Any, "Output value.").Req(),
            P("Description", Str, "Description."),
            P("Export", Open(P("Name", Arn, "Export name.")), "Cross-stack export."),
            P("Condition", Str, "Condition name."))), "Stack outputs by name.").Doc(Cfn + "outputs-section-structure.html"),
        P("Conditions", Map(Any), "Conditions by name.").Doc(Cfn + "conditions-section-structure.html"),
        P("Parameters", Map(Open(P("Type", Str, "Parameter type.").Req())), "Template parameters.").Doc(Cfn + "parameters-section-structure.html"),
        P("Mappings", Map(Any), "Lookup tables for `Fn::FindInMap`."),
        P("Metadata", Open(), "Template metadata."),
        P("Transform", Str.Or(StrList), "Macros, e.g. `AWS::Serverless-2016-10-31`."),
        P("extensions", Map(Open(
            P("Properties", Open(), "Properties assigned over the generated resource's."),
            P("Metadata", Open(), "Metadata."),
            P("DependsOn", Str.Or(StrList), "Appended to `DependsOn`."),
            P("Condition", Str, "Condition."),
            P("CreationPolicy", Open(), "Creation policy."),
            P("DeletionPolicy", Str, "Deletion policy."),
            P("UpdatePolicy", Open(), "Update policy."),
            P("UpdateReplacePolicy", Str, "Update-replace policy."))), "Changes to generated resources by logical id (a missing target is an error).")))
        .Or(List(Any));
}
