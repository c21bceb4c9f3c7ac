using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Model;
using static Spec.Backends.Conversion.SamJson;

namespace Spec.Backends.Conversion;

/// <summary>
/// One <c>AWS::Serverless::Function</c> per function of the spec, under the logical id the Framework gives it
/// (<see cref="Naming.Lambda"/>), with the effective values of the bound model (provider settings and the Framework's
/// defaults already applied: SAM's own defaults differ, so every value is written), and its log group, which the
/// Framework creates for every function.
/// </summary>
internal static class SamFunctions
{
    public const string SharedRole = Naming.Role;

    private const string BasicExecutionRole = "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    private const string VpcAccessRole = "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";
    private const string XRayWriteAccess = "arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess";

    /// <summary>True when the function runs under the role the Framework generates for the service.</summary>
    public static bool UsesSharedRole(Service service, Function f) =>
        f.Role is null && service.Provider.Iam.ExistingRole is null && !HasOwnStatements(service, f);

    /// <summary>Statements of the serverless-iam-roles-per-function plugin: the function gets a role of its own.</summary>
    private static bool HasOwnStatements(Service service, Function f) =>
        f.IamRoleStatements.Count > 0 && service.HasPlugin("serverless-iam-roles-per-function");

    public static void Write(SamContext ctx)
    {
        foreach (var f in ctx.Service.Functions)
        {
            var logicalId = Naming.Lambda(f.Key);
            var properties = Properties(ctx, f);
            properties["Events"] = NonEmpty(SamEvents.Write(ctx, f));
            if (properties["Events"] is null)
            {
                properties.Remove("Events");
            }

            var logs = f.DisableLogs?.Value != true;
            var logGroup = Naming.LogGroup(f.Key);
            var dependsOn = new List<JsonNode?>();
            if (logs)
            {
                dependsOn.Add(logGroup);
            }

            dependsOn.AddRange(f.DependsOn.Select(d => ctx.Json(d.Node)));
            ctx.AddResource(logicalId, Resource("AWS::Serverless::Function", properties, List(dependsOn), ctx.Json(f.Condition)));
            if (logs)
            {
                ctx.AddResource(logGroup, Resource("AWS::Logs::LogGroup", Props(
                    ("LogGroupName", LogGroupName(ctx, f)),
                    ("RetentionInDays", ctx.Json(f.LogRetentionInDays)),
                    ("DataProtectionPolicy", ctx.Json(f.LogDataProtectionPolicy)))));
            }
        }

        if (ctx.Service.Functions.Any(f => UsesSharedRole(ctx.Service, f)))
        {
            ctx.AddResource(SharedRole, Role(ctx));
        }
    }

    private static JsonNode FunctionArnByName(JsonNode name)
    {
        const string prefix = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:";
        return name switch
        {
            JsonValue text when PlanJson.AsString(text) is { } s => PlanJson.Sub(prefix + s.Replace("${", "${!", StringComparison.Ordinal)),
            JsonObject { Count: 1 } sub when sub["Fn::Sub"] is JsonValue text => PlanJson.Sub(prefix + PlanJson.AsString(text)),
            _ => PlanJson.Join(string.Empty, PlanJson.Sub(prefix), name),
        };
    }

    private static JsonNode LogGroupName(SamContext ctx, Function f) => DeployedName(ctx, f) switch
    {
        JsonValue name when PlanJson.AsString(name) is { } text => Naming.LogGroupName(text),
        JsonObject { Count: 1 } sub when sub["Fn::Sub"] is JsonValue text => PlanJson.Sub("/aws/lambda/" + PlanJson.AsString(text)),
        var name => PlanJson.Join(string.Empty, "/aws/lambda/", name),
    };

    /// <summary>The function's name: as written (a reference to the stage when it is open), else the Framework's
    /// <c>service-stage-function</c> (with the <c>Stage</c> parameter when the spec leaves the stage open).</summary>
    private static JsonNode DeployedName(SamContext ctx, Function f) =>
        f.Name.Node is not null ? ctx.Json(f.Name.Node) ?? f.DeployedName
        : f.DeployedName == $"{ctx.Service.Name.Value}-{ctx.Service.Stage}-{f.Key}" ? ctx.Staged($"{ctx.Service.Name.Value}-", $"-{f.Key}")
        : f.DeployedName;

    private static JsonObject Properties(SamContext ctx, Function f)
    {
        var p = Props(
            ("FunctionName", DeployedName(ctx, f)),
            ("Description", ctx.Json(f.Description)));
        if (f.Image is { } image)
        {
            p["PackageType"] = "Image";
            Image(ctx, image, p);
        }
        else
        {
            p["CodeUri"] = ctx.Json((f.Package?.Artifact ?? ctx.Service.Package?.Artifact)?.Node) ?? ".";
            p["Handler"] = ctx.Json(f.Handler);
            p["Runtime"] = ctx.Json(f.Runtime);
        }

        var props = Props(
            ("MemorySize", ctx.Json(f.MemorySize)),
            ("Timeout", ctx.Json(f.Timeout)),
            ("Architectures", ctx.Json(f.Architecture) is { } arch ? new JsonArray(arch) : null),
            ("Environment", f.Environment.Count == 0 ? null
                : Props(("Variables", new JsonObject(f.Environment.Select(e => KeyValuePair.Create(e.Name, ctx.Json(e.Value))))))),
            ("Layers", Layers(ctx, f)),
            ("Role", Role(ctx, f)),
            ("Policies", HasOwnStatements(ctx.Service, f) ? OwnPolicies(ctx, f) : null),
            ("VpcConfig", f.Vpc.Value is { } vpc ? Props(
                ("SecurityGroupIds", ctx.Json(vpc.SecurityGroupIdsNode)),
                ("SubnetIds", ctx.Json(vpc.SubnetIdsNode)),
                ("Ipv6AllowedForDualStack", ctx.Json(vpc.Ipv6AllowedForDualStack))) : null),
            ("KmsKeyArn", ctx.Json(f.KmsKeyArn)),
            ("Tracing", Tracing(f)),
            ("DeadLetterQueue", f.OnError is { } onError ? Props(("Type", "SNS"), ("TargetArn", ctx.Json(onError))) : null),
            ("EventInvokeConfig", EventInvokeConfig(ctx, f)),
            ("ReservedConcurrentExecutions", ctx.Json(f.ReservedConcurrency)),
            ("AutoPublishAlias", f.ProvisionedConcurrency is not null ? "provisioned" : f.SnapStart?.Value == true ? "snapstart" : null),
            ("ProvisionedConcurrencyConfig", f.ProvisionedConcurrency is { } pc
                ? Props(("ProvisionedConcurrentExecutions", ctx.Json(pc))) : null),
            ("SnapStart", f.SnapStart?.Value == true ? Props(("ApplyOn", "PublishedVersions")) : null),
            ("FunctionUrlConfig", FunctionUrl(ctx, f)),
            ("EphemeralStorage", f.EphemeralStorageSize is { } size ? Props(("Size", ctx.Json(size))) : null),
            ("FileSystemConfigs", f.FileSystemConfig is { } fs
                ? new JsonArray(Props(("Arn", ctx.Json(fs.Arn)), ("LocalMountPath", ctx.Json(fs.LocalMountPath)))) : null),
            ("RuntimeManagementConfig", RuntimeManagement(ctx, f.RuntimeManagement)),
            ("Tags", f.Tags.Count == 0 ? null : new JsonObject(f.Tags.Select(t => KeyValuePair.Create(t.Key, ctx.Json(t.Value))))));
        foreach (var (key, value) in props.ToList())
        {
            props.Remove(key);
            p[key] = value;
        }

        if (UsesSharedRole(ctx.Service, f))
        {
            if (f.Vpc.Value is not null)
            {
                ctx.RoleManagedPolicies.Add(VpcAccessRole);
            }

            if (p["Tracing"] is not null)
            {
                ctx.RoleManagedPolicies.Add(XRayWriteAccess);
            }

            if (p["DeadLetterQueue"] is not null)
            {
                ctx.AddRoleStatement(["sns:Publish"], [ctx.Json(f.OnError)]);
            }
        }

        return p;
    }

    private static void Image(SamContext ctx, FunctionImage image, JsonObject p)
    {
        var named = image.Name?.Value is { } name ? ctx.Service.Provider.Ecr?.Images.FirstOrDefault(i => i.Name == name) : null;
        if ((ctx.Json(image.Uri) ?? ctx.Json(named?.Uri)) is { } uri)
        {
            p["ImageUri"] = uri;
        }
        else if (named?.Path is { } path)
        {
            // `sam build` builds the image from the same Dockerfile the Framework builds it from.
            p["Metadata"] = Props(("DockerContext", ctx.Json(path)), ("Dockerfile", ctx.Json(named.File) ?? "Dockerfile"));
            ctx.Approximated(image.Node, $"the image '{named.Name}' is built by `sam build` from the Dockerfile the spec names");
        }

        p["ImageConfig"] = NonEmpty(Props(
            ("Command", List(image.Command.Select(c => ctx.Json(c.Node)))),
            ("EntryPoint", List(image.EntryPoint.Select(c => ctx.Json(c.Node)))),
            ("WorkingDirectory", ctx.Json(image.WorkingDirectory))));
        if (p["ImageConfig"] is null)
        {
            p.Remove("ImageConfig");
        }
    }

    private static JsonNode? Layers(SamContext ctx, Function f) =>
        f.LayersAreList ? List(f.Layers.Value.Select(l => ctx.Json(l.Node))) : f.Layers.Node is { } node ? ctx.Json(node) : null;

    private static JsonNode? Role(SamContext ctx, Function f)
    {
        if (UsesSharedRole(ctx.Service, f))
        {
            return PlanJson.GetAtt(SharedRole, "Arn");
        }

        var role = f.RoleReference ?? ctx.Service.Provider.Iam.ExistingRole;
        if (role is null)
        {
            return null;
        }

        return role.Literal is { } literal && !role.IsArn ? PlanJson.GetAtt(literal, "Arn") : ctx.Json(role.Node);
    }

    private static JsonArray OwnPolicies(SamContext ctx, Function f)
    {
        var statements = f.IamRoleStatements.Select(s => ctx.Json(s.Node)).ToList();
        return new JsonArray(Props(("Statement", new JsonArray([.. statements]))));
    }

    private static string? Tracing(Function f) => f.Tracing.Value switch
    {
        "Active" or "true" or "True" => "Active",
        "PassThrough" => "PassThrough",
        _ => null,
    };

    private static JsonObject? EventInvokeConfig(SamContext ctx, Function f)
    {
        var config = Props(
            ("MaximumEventAgeInSeconds", ctx.Json(f.MaximumEventAge)),
            ("MaximumRetryAttempts", ctx.Json(f.MaximumRetryAttempts)),
            ("DestinationConfig", f.Destinations is { } d ? NonEmpty(Props(
                ("OnSuccess", Destination(ctx, f, d.OnSuccess)),
                ("OnFailure", Destination(ctx, f, d.OnFailure)))) : null));
        return NonEmpty(config);
    }

    private static JsonObject? Destination(SamContext ctx, Function f, DestinationTarget? target)
    {
        if (target is null)
        {
            return null;
        }

        var local = target.IsFunctionName ? ctx.Service.FindFunction(target.Text!) : null;
        JsonNode? arn = local is not null ? PlanJson.GetAtt(Naming.Lambda(local.Key), "Arn") : ctx.Json(target.Arn);
        var type = (target.Type?.Value?.ToLowerInvariant(), target.Text) switch
        {
            ("sqs", _) => "SQS",
            ("sns", _) => "SNS",
            ("eventbus", _) => "EventBridge",
            ("function", _) => "Lambda",
            (_, { } t) when t.StartsWith("arn:aws:sqs:", StringComparison.Ordinal) => "SQS",
            (_, { } t) when t.StartsWith("arn:aws:sns:", StringComparison.Ordinal) => "SNS",
            (_, { } t) when t.StartsWith("arn:aws:events:", StringComparison.Ordinal) => "EventBridge",
            _ => "Lambda",
        };
        if (UsesSharedRole(ctx.Service, f))
        {
            var action = type switch
            {
                "SQS" => "sqs:SendMessage",
                "SNS" => "sns:Publish",
                "EventBridge" => "events:PutEvents",
                _ => "lambda:InvokeFunction",
            };
            // A function of the service is granted by name, as the Framework grants it: it shares the role, so its
            // Fn::GetAtt in the role's policy would be a circular dependency.
            ctx.AddRoleStatement([action], [local is null ? arn : FunctionArnByName(DeployedName(ctx, local))]);
        }

        return Props(("Type", type), ("Destination", arn));
    }

    private static JsonObject? FunctionUrl(SamContext ctx, Function f)
    {
        if (f.Url is not { } url)
        {
            return null;
        }

        var cors = url.CorsSettings is { } c
            ? Props(
                ("AllowOrigins", ctx.Json(c.AllowedOrigins) ?? new JsonArray("*")),
                ("AllowHeaders", c.ClearsAllowedHeaders ? null : ctx.Json(c.AllowedHeaders) ?? PlanJson.Strings(FunctionLowering.DefaultUrlCorsHeaders)),
                ("AllowMethods", c.ClearsAllowedMethods ? null : ctx.Json(c.AllowedMethods) ?? new JsonArray("*")),
                ("ExposeHeaders", ctx.Json(c.ExposedResponseHeaders)),
                ("MaxAge", ctx.Json(c.MaxAge)))
            : null;
        return Props(
            ("AuthType", url.Authorizer?.Value == "aws_iam" ? "AWS_IAM" : "NONE"),
            ("InvokeMode", url.InvokeMode.IsWritten ? ctx.Json(url.InvokeMode) : null),
            ("Cors", cors));
    }

    private static JsonObject? RuntimeManagement(SamContext ctx, RuntimeManagement? management)
    {
        if (management is null)
        {
            return null;
        }

        var mode = management.Mode?.Value ?? PlanJson.AsString(ctx.Json(management.Node));
        return Props(
            ("UpdateRuntimeOn", mode switch
            {
                "auto" => "Auto",
                "onFunctionUpdate" => "FunctionUpdate",
                "manual" => "Manual",
                _ => mode,
            }),
            ("RuntimeVersionArn", ctx.Json(management.Arn)));
    }

    /// <summary>The execution role the Framework generates (<c>IamRoleLambdaExecution</c>), shared by the functions that
    /// set no role: the spec's statements and managed policies, and what the event sources need.</summary>
    private static JsonObject Role(SamContext ctx)
    {
        var iam = ctx.Service.Provider.Iam;
        var statements = iam.RoleStatements.Select(s => ctx.Json(s.Node)).Concat(ctx.RoleStatements.Select(s => s.DeepClone())).ToList();
        var managed = new List<JsonNode?> { PlanJson.Sub(BasicExecutionRole) };
        managed.AddRange(ctx.RoleManagedPolicies.Select(p => (JsonNode?)PlanJson.Sub(p)));
        managed.AddRange(iam.RoleManagedPolicies.Select(p => ctx.Json(p.Node)));
        var role = iam.Role;
        return Resource("AWS::IAM::Role", Props(
            ("RoleName", ctx.Json(role?.Name)),
            ("Path", ctx.Json(role?.Path)),
            ("AssumeRolePolicyDocument", Props(
                ("Version", "2012-10-17"),
                ("Statement", new JsonArray(Props(
                    ("Effect", "Allow"),
                    ("Principal", Props(("Service", new JsonArray("lambda.amazonaws.com")))),
                    ("Action", new JsonArray("sts:AssumeRole"))))))),
            ("ManagedPolicyArns", new JsonArray([.. managed])),
            ("PermissionsBoundary", ctx.Json(role?.PermissionsBoundary)),
            ("Policies", statements.Count == 0 ? null : new JsonArray(Props(
                ("PolicyName", ctx.Staged($"{ctx.Service.Name.Value}-", "-lambda")),
                ("PolicyDocument", Props(("Version", "2012-10-17"), ("Statement", new JsonArray([.. statements]))))))),
            ("Tags", role is null || role.Tags.Count == 0 ? null
                : new JsonArray([.. role.Tags.Select(t => (JsonNode?)Props(("Key", t.Key), ("Value", ctx.Json(t.Value))))]))));
    }
}
