using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The core template (deployment bucket), the function log groups and the shared execution role.</summary>
internal static class CoreLowering
{
    private const string LogsArnPrefix = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:";

    public static void DeploymentBucket(PlanContext ctx)
    {
        var setting = ctx.Model.Provider.DeploymentBucket;
        if (setting?.Name?.Value is { } name)
        {
            ctx.Plan.DeploymentBucketName = name;
            ctx.Plan.Outputs[Naming.DeploymentBucketOutput] = Object(("Value", name));
            return;
        }

        var props = Object(("BucketEncryption", Object(("ServerSideEncryptionConfiguration", Array(Object(
            ("ServerSideEncryptionByDefault", Object(("SSEAlgorithm", "AES256")))))))));
        if (setting?.BlockPublicAccess?.Value == true)
        {
            props["PublicAccessBlockConfiguration"] = Object(("BlockPublicAcls", true), ("BlockPublicPolicy", true),
                ("IgnorePublicAcls", true), ("RestrictPublicBuckets", true));
        }

        if (setting?.Versioning?.Value == true)
        {
            props["VersioningConfiguration"] = Object(("Status", "Enabled"));
        }

        if (setting?.Tags is { Count: > 0 } tags)
        {
            props["Tags"] = TagList(ctx, tags);
        }

        ctx.Add(Naming.DeploymentBucket, Object(("Type", "AWS::S3::Bucket"), ("Properties", props)),
            PlanResourceKind.DeploymentBucket, setting?.Node.Span);
        if (setting?.SkipPolicySetup?.Value != true)
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
                PlanResourceKind.DeploymentBucket, setting?.Node.Span);
        }

        ctx.Plan.Outputs[Naming.DeploymentBucketOutput] = Object(("Value", Ref(Naming.DeploymentBucket)));
    }

    /// <summary>Tags as CloudFormation's <c>[{Key, Value}]</c> list, values as written.</summary>
    public static JsonArray TagList(PlanContext ctx, IEnumerable<Tag> tags) =>
        new([.. tags.Select(t => (JsonNode?)Object(("Key", t.Key), ("Value", ctx.Json(t.Value))))]);

    /// <summary>Tags as a <c>{key: value}</c> map, values as written.</summary>
    public static JsonObject TagMap(PlanContext ctx, IEnumerable<Tag> tags)
    {
        var result = new JsonObject();
        foreach (var t in tags)
        {
            result[t.Key] = ctx.Json(t.Value);
        }

        return result;
    }

    /// <summary>The generated execution role is needed when a function has no role of its own and the provider names
    /// no existing role.</summary>
    public static bool RoleNeeded(PlanContext ctx) =>
        ctx.Functions.Count > 0 && ctx.Model.Provider.Iam.ExistingRole is null &&
        ctx.Functions.Exists(f => f.Model.Role is null);

    public static void LogGroupsAndRole(PlanContext ctx)
    {
        if (ctx.Functions.Count == 0)
        {
            return;
        }

        foreach (var fn in ctx.Functions)
        {
            var function = fn.Model;
            if (function.DisableLogs?.Value == true)
            {
                continue;
            }

            var logProps = Object(("LogGroupName", Naming.LogGroupName(fn.DeployedName)));
            if (function.LogRetentionInDays.IsWritten)
            {
                logProps["RetentionInDays"] = ctx.Json(function.LogRetentionInDays);
            }

            if (function.LogDataProtectionPolicy is { } protection)
            {
                logProps["DataProtectionPolicy"] = ctx.Json(protection);
            }

            ctx.Add(fn.LogGroupLogicalId, Object(("Type", "AWS::Logs::LogGroup"), ("Properties", logProps)),
                PlanResourceKind.LogGroup, fn.Span, fn.Key);
        }

        if (!RoleNeeded(ctx))
        {
            return;
        }

        var iam = ctx.Model.Provider.Iam;
        var role = iam.Role;
        var statements = new JsonArray();
        var createResources = new JsonArray();
        var putResources = new JsonArray();
        statements.AddNode(Object(("Effect", "Allow"),
            ("Action", Strings(["logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"])),
            ("Resource", createResources)));
        statements.AddNode(Object(("Effect", "Allow"), ("Action", Strings(["logs:PutLogEvents"])), ("Resource", putResources)));
        var canonicalPrefix = $"{ctx.Service}-{ctx.Stage}";
        var hasCanonical = false;
        var silencedCanonical = new JsonArray();
        foreach (var fn in ctx.Functions)
        {
            var logsDisabled = fn.Model.DisableLogs?.Value == true;
            if (fn.DeployedName.StartsWith(canonicalPrefix, StringComparison.Ordinal))
            {
                // The wildcard below covers these log groups, so a function without logs is denied its own.
                if (logsDisabled)
                {
                    silencedCanonical.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(fn.DeployedName) + ":*"));
                }
                else
                {
                    hasCanonical = true;
                }

                continue;
            }

            if (!logsDisabled)
            {
                createResources.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(fn.DeployedName) + ":*"));
                putResources.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(fn.DeployedName) + ":*:*"));
            }
        }

        if (hasCanonical)
        {
            createResources.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(canonicalPrefix) + "*:*"));
            putResources.AddNode(Sub(LogsArnPrefix + Naming.LogGroupName(canonicalPrefix) + "*:*:*"));
            if (silencedCanonical.Count > 0)
            {
                statements.AddNode(Object(("Effect", "Deny"), ("Action", "logs:PutLogEvents"), ("Resource", silencedCanonical)));
            }
        }

        foreach (var s in iam.RoleStatements)
        {
            statements.Add(ctx.Json(s.Node));
        }

        var props = Object(
            ("AssumeRolePolicyDocument", Object(("Version", "2012-10-17"), ("Statement", Array(Object(
                ("Effect", "Allow"), ("Principal", Object(("Service", Strings(["lambda.amazonaws.com"])))),
                ("Action", Strings(["sts:AssumeRole"]))))))),
            ("Policies", Array(Object(
                ("PolicyName", Join("-", ctx.Service, ctx.Stage, "lambda")),
                ("PolicyDocument", Object(("Version", "2012-10-17"), ("Statement", statements)))))),
            ("Path", role?.Path?.Value ?? "/"),
            ("RoleName", role?.Name is { } roleName
                ? ctx.Json(roleName)
                : Join("-", ctx.Service, ctx.Stage, Region(), "lambdaRole")));

        var managed = ctx.Json(iam.RoleManagedPolicies);
        if (ctx.Model.Provider.Vpc is not null || ctx.Functions.Exists(f => f.Model.Vpc is { Source: SettingSource.Function, Value: not null }))
        {
            managed.AddNode(Join(string.Empty, "arn:", Partition(),
                ":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"));
        }

        if (managed.Count > 0)
        {
            props["ManagedPolicyArns"] = managed;
        }

        if (role?.PermissionsBoundary is { } boundary)
        {
            props["PermissionsBoundary"] = ctx.Json(boundary);
        }

        if (role?.Tags is { Count: > 0 } roleTags)
        {
            props["Tags"] = TagList(ctx, roleTags);
        }

        ctx.Add(Naming.Role, Object(("Type", "AWS::IAM::Role"), ("Properties", props)), PlanResourceKind.Role,
            role?.Node.Span ?? ctx.Model.Provider.Node.Span);
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
