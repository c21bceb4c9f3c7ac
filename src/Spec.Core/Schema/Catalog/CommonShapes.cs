using static Spec.Core.Schema.Catalog.Dsl;

namespace Spec.Core.Schema.Catalog;

/// <summary>Shapes used in several places: runtimes, limits, IAM statements, tags, VPC.</summary>
internal static class CommonShapes
{
    public const string LambdaLimits = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html";

    /// <summary>Every Lambda runtime identifier, including deprecated ones (deprecation is a lint rule, not a schema error).</summary>
    public static Shape Runtime { get; } = OneOf(
        "nodejs24.x", "nodejs22.x", "nodejs20.x", "nodejs18.x", "nodejs16.x", "nodejs14.x", "nodejs12.x", "nodejs10.x",
        "nodejs8.10", "nodejs6.10", "nodejs4.3", "nodejs4.3-edge", "nodejs",
        "python3.14", "python3.13", "python3.12", "python3.11", "python3.10", "python3.9", "python3.8", "python3.7",
        "python3.6", "python2.7",
        "java25", "java21", "java17", "java11", "java8.al2", "java8",
        "dotnet10", "dotnet9", "dotnet8", "dotnet7", "dotnet6", "dotnetcore3.1", "dotnetcore2.1", "dotnetcore2.0", "dotnetcore1.0",
        "ruby4.0", "ruby3.4", "ruby3.3", "ruby3.2", "ruby2.7", "ruby2.5",
        "go1.x", "provided.al2023", "provided.al2", "provided");

    public static Shape Architecture { get; } = OneOf("x86_64", "arm64");

    public static Shape LambdaTimeout { get; } = Int(1, 900);

    public static Shape MemorySize { get; } = Int(128, 10240);

    public static Shape LogRetention { get; } = OneOf(
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    public static Shape Tags { get; } = Map(Str.Or(Num()).Or(Bool).OrIntrinsic());

    /// <summary>Lambda environment variables; values are strings in AWS, YAML numbers and booleans are stringified.</summary>
    public static Shape EnvironmentVariables { get; } = Map(Str.Or(Num()).Or(Bool).OrIntrinsic(), "[A-Za-z_][a-zA-Z0-9_]*").OrIntrinsic();

    public static Shape RuntimeManagement { get; } = OneOf("auto", "onFunctionUpdate").Or(Obj(
        P("mode", OneOf("auto", "onFunctionUpdate", "manual"), "When Lambda updates the runtime.", "auto"),
        P("arn", Arn, "Runtime version ARN, required for `mode: manual`.")));

    public static Shape Vpc { get; } = Obj(
        P("securityGroupIds", ArnList, "Security group ids the function's network interfaces use.").Req(),
        P("subnetIds", ArnList, "Subnet ids the function runs in (use private subnets with a NAT gateway for internet access).").Req(),
        P("ipv6AllowedForDualStack", Bool, "Allow IPv6 traffic for dual-stack subnets.", false)).OrIntrinsic();

    public static Shape IamStatements { get; } = List(Obj(
        P("Sid", Str, "Statement id."),
        P("Effect", OneOf("Allow", "Deny"), "Whether the statement allows or denies the actions.").Req("add 'Effect: Allow' or 'Effect: Deny'"),
        P("Action", Str.Or(List(Str)).OrIntrinsic(), "IAM actions, e.g. `dynamodb:GetItem` or `s3:*`.").Ex("sqs:SendMessage"),
        P("NotAction", Str.Or(List(Str)).OrIntrinsic(), "Every action except these."),
        P("Resource", Arn.Or(List(Arn)), "Resource ARNs (or intrinsic functions) the statement applies to.").Ex("*"),
        P("NotResource", Arn.Or(List(Arn)), "Every resource except these."),
        P("Condition", Open(), "IAM condition block."),
        P("Principal", Any, "Principal (only in resource policies)."),
        P("NotPrincipal", Any, "Every principal except these (resource policies)."))).OrIntrinsic();

    public static Shape Destination { get; } = Arn.Or(Obj(
        P("arn", Arn, "ARN of the target (or an intrinsic function).").Req(),
        P("type", OneOf("function", "sqs", "sns", "eventBus"), "Kind of target; needed when `arn` is an intrinsic function.")));

    public static Shape FilterPatterns { get; } = List(Open());

    public static Shape CloudFormationResources { get; } = Map(Open(
        P("Type", Str, "CloudFormation resource type, e.g. `AWS::SQS::Queue`.")
            .Req("every CloudFormation resource needs a 'Type' such as 'AWS::SQS::Queue'"),
        P("Properties", Open(), "Resource properties."),
        P("DependsOn", Str.Or(List(Str)), "Logical ids this resource is created after."),
        P("Condition", Str, "Name of a condition in `Conditions`."),
        P("DeletionPolicy", OneOf("Delete", "Retain", "RetainExceptOnCreate", "Snapshot"), "What happens to the resource when it is removed from the stack.", "Delete"),
        P("UpdateReplacePolicy", OneOf("Delete", "Retain", "Snapshot"), "What happens to the old resource when an update replaces it.", "Delete"),
        P("Metadata", Open(), "Resource metadata."),
        P("CreationPolicy", Open(), "Wait for signals before the resource counts as created."),
        P("UpdatePolicy", Open(), "How updates of this resource are rolled out."),
        P("Fn::Transform", Open(), "A macro that rewrites this resource.")));
}
