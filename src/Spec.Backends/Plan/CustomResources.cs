using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>One of the Lambda functions that back the Framework's custom resources, and the handler it runs.</summary>
public sealed record CustomResourceFunction(string Name, string Handler)
{
    /// <summary><c>getCustomResource…HandlerFunctionLogicalId</c>: the normalized name + <c>LambdaFunction</c>.</summary>
    public string LogicalId => Naming.Lambda(Name);

    /// <summary>The file the handler names inside <c>custom-resources.zip</c> (<c>s3/handler.handler</c> → <c>s3/handler.js</c>).</summary>
    public string HandlerFile => Handler[..Handler.LastIndexOf('.')] + ".js";
}

/// <summary>
/// The Lambda-backed custom resources of the Framework (<c>custom-resources/index.js</c>,
/// <c>addCustomResourceToService</c>): the shared role <c>IamRoleCustomResourcesLambdaExecution</c> whose policy
/// collects every statement the events ask for, one function per kind whose code is <c>custom-resources.zip</c>,
/// and, with <c>provider.logs.frameworkLambda</c>, its log group.
/// </summary>
public static class CustomResources
{
    public const string RoleLogicalId = "IamRoleCustomResourcesLambdaExecution";

    public const string ArtifactName = "custom-resources.zip";

    public static CustomResourceFunction S3 { get; } = new("custom-resource-existing-s3", "s3/handler.handler");

    public static CustomResourceFunction CognitoUserPool { get; } =
        new("custom-resource-existing-cup", "cognito-user-pool/handler.handler");

    public static CustomResourceFunction EventBridge { get; } =
        new("custom-resource-event-bridge", "event-bridge/handler.handler");

    public static CustomResourceFunction ApiGatewayCloudWatchRole { get; } =
        new("custom-resource-apigw-cw-role", "api-gateway-cloud-watch-role/handler.handler");

    public static IReadOnlyList<CustomResourceFunction> All { get; } = [S3, CognitoUserPool, EventBridge, ApiGatewayCloudWatchRole];

    /// <summary>The custom-resource functions the plan contains, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<CustomResourceFunction> UsedBy(ServicePlan plan) =>
        [.. All.Where(f => plan[f.LogicalId] is { Type: "AWS::Lambda::Function" })];

    /// <summary>Whether <paramref name="artifact"/> is the custom-resources zip rather than a service or function zip.</summary>
    public static bool IsCustomResourcesArtifact(PlanArtifact artifact) =>
        artifact is { FunctionKey: null, ExistingArtifactPath: null, ArtifactName: ArtifactName } &&
        artifact.S3Key.EndsWith("/" + ArtifactName, StringComparison.Ordinal);

    /// <summary>
    /// <c>forceDeploy: true</c> on an existing bucket or user pool: the Framework writes <c>Date.now()</c> as the custom
    /// resource's <c>ForceDeploy</c> so that every deploy runs it again. Spec's output is deterministic, so the stamp
    /// (a 48-bit number, as a millisecond clock would be) is derived from what a deploy changes instead: the code
    /// artifacts' keys (named after their hashes once packaged) and the resource's own properties. A deploy that
    /// changes neither leaves the stamp as it was, which the warning says.
    /// </summary>
    internal static void StampForceDeploy(PlanContext ctx, JsonObject resource, SourceSpan span, string owner)
    {
        var props = (JsonObject)resource["Properties"]!;
        var input = string.Join("\n", ctx.Plan.Artifacts.Select(a => a.S3Key)) + "\n" + props.ToJsonString();
        var hash = Convert.FromBase64String(Sha256.Base64OfUtf8(input));
        props["ForceDeploy"] = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) >> 16);
        ctx.Diagnostics.Warning(CloudFormationDiagnosticIds.Unsupported,
            $"'forceDeploy' of {owner}: the Framework stamps the current time, Spec a value derived from the service's " +
            "code and this resource's settings (templates are deterministic), so a deploy that changes neither does not " +
            "run the custom resource again", span,
            "change the event or the code to have the configuration rewritten");
    }

    /// <summary>
    /// Adds the statements to the shared role (creating it on first use, unless a deployment role is configured) and
    /// the function of <paramref name="function"/>. A statement whose <c>Resource</c> is a string already present is
    /// skipped; statements with intrinsic resources are always added, as the Framework compares them by reference.
    /// </summary>
    internal static void Add(PlanContext ctx, CustomResourceFunction function, IEnumerable<JsonObject> statements,
        SourceSpan? origin)
    {
        var prefix = $"{ctx.Service}-{ctx.Stage}";
        var provider = ctx.Model.Provider;
        var writeLogs = provider.Logs?.FrameworkLambda?.Value == true;
        var deploymentRole = provider.Iam.DeploymentRole;
        if (deploymentRole is null)
        {
            var role = ctx.Plan[RoleLogicalId] ?? AddRole(ctx, prefix, writeLogs, origin);
            var existing = role.Properties["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
            foreach (var statement in statements)
            {
                var resource = AsString(statement["Resource"]);
                if (resource is null || !existing.Any(s => AsString(s?["Resource"]) == resource))
                {
                    existing.AddNode(statement);
                }
            }
        }

        var absoluteName = DeployedName(prefix, function.Name);
        var dependsOn = new JsonArray();
        var props = Object(
            ("Code", Object(("S3Bucket", ctx.DeploymentBucketRef()), ("S3Key", ArtifactKey(ctx)))),
            ("FunctionName", absoluteName), ("Handler", function.Handler), ("MemorySize", 1024),
            ("Runtime", "nodejs18.x"), ("Timeout", 180));
        if (deploymentRole is not null)
        {
            props["Role"] = ctx.Json(deploymentRole);
        }
        else
        {
            props["Role"] = GetAtt(RoleLogicalId, "Arn");
            dependsOn.AddNode(RoleLogicalId);
        }

        var logGroupId = Naming.LogGroup(function.Name);
        if (writeLogs)
        {
            dependsOn.AddNode(logGroupId);
        }

        ctx.Add(function.LogicalId, Object(("Type", "AWS::Lambda::Function"), ("Properties", props), ("DependsOn", dependsOn)),
            PlanResourceKind.Function, origin);
        if (writeLogs)
        {
            var logProps = Object(("LogGroupName", Naming.LogGroupName(absoluteName)));
            if (provider.LogRetentionInDays is { } retention)
            {
                logProps["RetentionInDays"] = ctx.Json(retention);
            }

            if (provider.LogDataProtectionPolicy is { } protection)
            {
                logProps["DataProtectionPolicy"] = ctx.Json(protection);
            }

            ctx.Add(logGroupId, Object(("Type", "AWS::Logs::LogGroup"), ("Properties", logProps)), PlanResourceKind.LogGroup, origin);
        }

        if (!ctx.Plan.Artifacts.Exists(IsCustomResourcesArtifact))
        {
            if (ctx.Plan.Artifacts.Named(ArtifactName) is not null)
            {
                ctx.Unsupported($"an artifact of this service is already named '{ArtifactName}', the name of the " +
                                "custom-resources package", origin, "rename the service or the function packaged individually");
                return;
            }

            ctx.Plan.Artifacts.Add(new PlanArtifact(null, ArtifactName, ArtifactKey(ctx), null));
        }
    }

    /// <summary>A statement in the Framework's key order: Effect, Resource, Action.</summary>
    internal static JsonObject Statement(JsonNode? resource, params string[] actions) =>
        Object(("Effect", "Allow"), ("Resource", resource), ("Action", Strings(actions)));

    /// <summary>
    /// Beside the function code: the folder of the first code artifact (<c>code</c>, or <c>code-&lt;hash&gt;</c> once
    /// packaged, so new handler code gives a new key), as the Framework uses its artifact directory.
    /// </summary>
    private static string ArtifactKey(PlanContext ctx)
    {
        var first = ctx.Plan.Artifacts.Find(a => !IsCustomResourcesArtifact(a));
        var folder = first is null
            ? $"{ctx.Plan.DeploymentPrefix}/{ctx.Service}/{ctx.Stage}/code"
            : first.S3Key[..first.S3Key.LastIndexOf('/')];
        return folder + "/" + ArtifactName;
    }

    private static PlanResource AddRole(PlanContext ctx, string prefix, bool writeLogs, SourceSpan? origin)
    {
        var statements = new JsonArray();
        if (writeLogs)
        {
            var logGroups = $"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:{Naming.LogGroupName(prefix)}*";
            statements.AddNode(Object(("Effect", "Allow"),
                ("Action", Strings(["logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"])),
                ("Resource", Array(Sub(logGroups + ":*")))));
            statements.AddNode(Object(("Effect", "Allow"), ("Action", Strings(["logs:PutLogEvents"])),
                ("Resource", Array(Sub(logGroups + ":*:*")))));
        }

        return ctx.Add(RoleLogicalId, Object(("Type", "AWS::IAM::Role"), ("Properties", Object(
            ("AssumeRolePolicyDocument", Object(("Version", "2012-10-17"), ("Statement", Array(Object(("Effect", "Allow"),
                ("Principal", Object(("Service", Strings(["lambda.amazonaws.com"])))), ("Action", Strings(["sts:AssumeRole"]))))))),
            ("Policies", Array(Object(("PolicyName", Join("-", ctx.Stage, ctx.Service, "custom-resources-lambda")),
                ("PolicyDocument", Object(("Version", "2012-10-17"), ("Statement", statements))))))))),
            PlanResourceKind.Role, origin);
    }

    /// <summary>Function names are at most 64 characters: longer ones keep 32 and add the md5 of the whole name.</summary>
    private static string DeployedName(string prefix, string name)
    {
        var full = $"{prefix}-{name}";
        if (full.Length <= 64)
        {
            return full;
        }

#pragma warning disable CA5351 // md5 names the function exactly as the Framework does; it protects nothing
        return full[..32] + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(full)));
#pragma warning restore CA5351
    }
}
