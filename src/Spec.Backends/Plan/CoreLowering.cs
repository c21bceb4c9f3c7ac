using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>The core template (deployment bucket), the function log groups and the shared execution role.</summary>
internal static class CoreLowering
{
    private const string LogsArnPrefix = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:";

    public static void DeploymentBucket(PlanContext ctx)
    {
        var setting = ctx.Provider["deploymentBucket"];
        var name = setting is ScalarNode ? Text(setting) : Text(Get(setting, "name"));
        if (name is not null)
        {
            ctx.Plan.DeploymentBucketName = name;
            ctx.Plan.Outputs[Naming.DeploymentBucketOutput] = Object(("Value", name));
            return;
        }

        var props = Object(("BucketEncryption", Object(("ServerSideEncryptionConfiguration", Array(Object(
            ("ServerSideEncryptionByDefault", Object(("SSEAlgorithm", "AES256")))))))));
        if (Bool(Get(setting, "blockPublicAccess")) == true)
        {
            props["PublicAccessBlockConfiguration"] = Object(("BlockPublicAcls", true), ("BlockPublicPolicy", true),
                ("IgnorePublicAcls", true), ("RestrictPublicBuckets", true));
        }

        if (Bool(Get(setting, "versioning")) == true)
        {
            props["VersioningConfiguration"] = Object(("Status", "Enabled"));
        }

        if (Get(setting, "tags") is MappingNode tags)
        {
            props["Tags"] = TagList(ctx, tags.Entries);
        }

        ctx.Add(Naming.DeploymentBucket, Object(("Type", "AWS::S3::Bucket"), ("Properties", props)),
            PlanResourceKind.DeploymentBucket, setting?.Span);
        if (Bool(Get(setting, "skipPolicySetup")) != true)
        {
            JsonObject BucketArn(string suffix) => Join(string.Empty, "arn:", Partition(), ":s3:::",
                Ref(Naming.DeploymentBucket), suffix);
            var resources = Array(BucketArn("/*"));
            resources.Insert(1, Join(string.Empty, "arn:", Partition(), ":s3:::", Ref(Naming.DeploymentBucket)));
            ctx.Add(Naming.DeploymentBucketPolicy, Object(("Type", "AWS::S3::BucketPolicy"), ("Properties", Object(
                ("Bucket", Ref(Naming.DeploymentBucket)),
                ("PolicyDocument", Object(("Statement", Array(Object(
                    ("Action", "s3:*"), ("Effect", "Deny"), ("Principal", "*"), ("Resource", resources),
                    ("Condition", Object(("Bool", Object(("aws:SecureTransport", false))))))))))))),
                PlanResourceKind.DeploymentBucket, setting?.Span);
        }

        ctx.Plan.Outputs[Naming.DeploymentBucketOutput] = Object(("Value", Ref(Naming.DeploymentBucket)));
    }

    public static JsonArray TagList(PlanContext ctx, IEnumerable<MappingEntry> entries) =>
        new([.. entries.Select(e => (JsonNode?)Object(("Key", e.Key.Text), ("Value", TagValue(ctx, e.Value))))]);

    private static JsonNode? TagValue(PlanContext ctx, Node value) =>
        ctx.Json(value);

    /// <summary>The <c>provider.iam.role</c> setting when it names an existing role (string, ARN or intrinsic).</summary>
    public static Node? ExistingProviderRole(PlanContext ctx)
    {
        var role = Path(ctx.Provider, "iam", "role");
        if (role is ScalarNode { IsNull: false })
        {
            return role;
        }

        if (role is MappingNode m && (m["Fn::GetAtt"] is not null || m["Fn::Sub"] is not null ||
                                      m["Fn::ImportValue"] is not null || m["Fn::Join"] is not null || m["Ref"] is not null))
        {
            return role;
        }

        return IsNullOrMissing(ctx.Provider["role"]) ? null : ctx.Provider["role"];
    }

    public static bool RoleNeeded(PlanContext ctx) =>
        ctx.Functions.Count > 0 && ExistingProviderRole(ctx) is null &&
        !ctx.Functions.TrueForAll(f => !IsNullOrMissing(f.Node["role"]));

    public static void LogGroupsAndRole(PlanContext ctx)
    {
        if (ctx.Functions.Count == 0)
        {
            return;
        }

        foreach (var fn in ctx.Functions)
        {
            if (Bool(fn.Node["disableLogs"]) == true)
            {
                continue;
            }

            var logProps = Object(("LogGroupName", Naming.LogGroupName(fn.DeployedName)));
            var retention = PlanContext.FunctionOrProvider(fn, ctx.Provider, "logRetentionInDays");
            if (!IsNullOrMissing(retention))
            {
                logProps["RetentionInDays"] = ctx.Json(retention);
            }

            var protection = PlanContext.FunctionOrProvider(fn, ctx.Provider, "logDataProtectionPolicy");
            if (!IsNullOrMissing(protection))
            {
                logProps["DataProtectionPolicy"] = ctx.Json(protection);
            }

            ctx.Add(Naming.LogGroup(fn.Key), Object(("Type", "AWS::Logs::LogGroup"), ("Properties", logProps)),
                PlanResourceKind.LogGroup, fn.Span, fn.Key);
        }

        if (!RoleNeeded(ctx))
        {
            return;
        }

        var iamRole = Path(ctx.Provider, "iam", "role") as MappingNode;
        var statements = new JsonArray();
        var createResources = new JsonArray();
        var putResources = new JsonArray();
        statements.AddNode(Object(("Effect", "Allow"),
            ("Action", Strings(["logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"])),
            ("Resource", createResources)));
        statements.AddNode(Object(("Effect", "Allow"), ("Action", Strings(["logs:PutLogEvents"])), ("Resource", putResources)));
        var canonicalPrefix = $"{ctx.Service}-{ctx.Stage}";
        var hasCanonical = false;
        foreach (var fn in ctx.Functions)
        {
            if (fn.DeployedName.StartsWith(canonicalPrefix, StringComparison.Ordinal))
            {
                hasCanonical = true;
                continue;
            }

            createResources.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(fn.DeployedName) + ":*"));
            putResources.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(fn.DeployedName) + ":*:*"));
        }

        if (hasCanonical)
        {
            createResources.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(canonicalPrefix) + "*:*"));
            putResources.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(canonicalPrefix) + "*:*:*"));
        }

        var userStatements = iamRole?["statements"] ?? ctx.Provider["iamRoleStatements"];
        foreach (var s in Items(userStatements))
        {
            statements.Add(ctx.Json(s));
        }

        var props = Object(
            ("AssumeRolePolicyDocument", Object(("Version", "2012-10-17"), ("Statement", Array(Object(
                ("Effect", "Allow"), ("Principal", Object(("Service", Strings(["lambda.amazonaws.com"])))),
                ("Action", Strings(["sts:AssumeRole"]))))))),
            ("Policies", Array(Object(
                ("PolicyName", Join("-", ctx.Service, ctx.Stage, "lambda")),
                ("PolicyDocument", Object(("Version", "2012-10-17"), ("Statement", statements)))))),
            ("Path", Text(iamRole?["path"]) ?? "/"),
            ("RoleName", iamRole?["name"] is { } roleName && !IsNullOrMissing(roleName)
                ? ctx.Json(roleName)
                : Join("-", ctx.Service, ctx.Stage, Region(), "lambdaRole")));

        var managed = new JsonArray();
        foreach (var m in Items(iamRole?["managedPolicies"] ?? ctx.Provider["iamManagedPolicies"]))
        {
            managed.Add(ctx.Json(m));
        }

        if (!IsNullOrMissing(ctx.Provider["vpc"]) || ctx.Functions.Exists(f => f.Node["vpc"] is MappingNode))
        {
            managed.AddNode(Join(string.Empty, "arn:", Partition(),
                ":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"));
        }

        if (managed.Count > 0)
        {
            props["ManagedPolicyArns"] = managed;
        }

        var boundary = iamRole?["permissionsBoundary"] ?? iamRole?["permissionBoundary"] ?? ctx.Provider["rolePermissionsBoundary"];
        if (!IsNullOrMissing(boundary))
        {
            props["PermissionsBoundary"] = ctx.Json(boundary);
        }

        if (iamRole?["tags"] is MappingNode roleTags)
        {
            props["Tags"] = TagList(ctx, roleTags.Entries);
        }

        ctx.Add(Naming.Role, Object(("Type", "AWS::IAM::Role"), ("Properties", props)), PlanResourceKind.Role,
            iamRole?.Span ?? ctx.Provider.Span);
    }

    /// <summary>Appends the statements events asked for and the extra trusted services to the execution role.</summary>
    public static void FinishRole(PlanContext ctx)
    {
        if (ctx.Plan[Naming.Role] is not { } role)
        {
            return;
        }

        var statements = role.Properties["Policies"]?[0]?["PolicyDocument"]?["Statement"] as JsonArray;
        foreach (var s in ctx.EventStatements)
        {
            statements?.Add(s);
        }

        var services = role.Properties["AssumeRolePolicyDocument"]?["Statement"]?[0]?["Principal"]?["Service"] as JsonArray;
        foreach (var service in ctx.ExtraTrustedServices)
        {
            services?.AddNode(service);
        }
    }
}
