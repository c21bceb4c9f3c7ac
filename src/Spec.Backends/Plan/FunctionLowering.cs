using System.Text.Json.Nodes;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>Lambda functions, their versions, aliases, async invoke configs and URLs (<c>compile/functions.js</c>).</summary>
internal static class FunctionLowering
{
    public static void Functions(PlanContext ctx, PlanOptions options)
    {
        var versions = new List<PendingVersion>(ctx.Functions.Count);
        var images = new List<(PlanFunction Fn, JsonObject Body, string CodeHash)>();
        var s3Keys = new S3Keys(ctx, ArtifactFolder(options));
        foreach (var fn in ctx.Functions)
        {
            var body = Function(ctx, fn, options, s3Keys, out var codeHash);
            if (body is null)
            {
                continue;
            }

            // An image function first waits for its image's digest (provider.resolveImageUriAndSha), so it adds
            // nothing in this pass; it is compiled whole once the others have added their functions.
            if (fn.Model.Image is not null)
            {
                images.Add((fn, body, codeHash));
                continue;
            }

            // A versioned zip function waits again to hash its artifact: its version comes after every function.
            // Without a version, compileFunction runs to its end: the URL and the invoke config follow the function.
            if (Compile(ctx, fn, body, codeHash) is { } pending)
            {
                versions.Add(pending);
            }
            else
            {
                UrlAndInvokeConfig(ctx, fn);
            }
        }

        foreach (var (fn, body, codeHash) in images)
        {
            if (Compile(ctx, fn, body, codeHash) is { } pending)
            {
                Version(ctx, options, pending);
            }
            else
            {
                UrlAndInvokeConfig(ctx, fn);
            }
        }

        foreach (var pending in versions)
        {
            Version(ctx, options, pending);
        }
    }

    /// <summary>A function whose version is still to be added, with the hash of its code and configuration.</summary>
    private sealed record PendingVersion(PlanFunction Fn, JsonObject Body, string Hash, bool Versioned);

    /// <summary>Adds the function; returns its version to add when it is versioned or needs an alias.</summary>
    private static PendingVersion? Compile(PlanContext ctx, PlanFunction fn, JsonObject body, string codeHash)
    {
        ctx.Add(fn.LogicalId, body, PlanResourceKind.Function, fn.Span, fn.Key);
        var versioned = fn.Model.VersionFunction.LiteralOrDefault == true || CloudFrontLowering.IsLambdaAtEdge(fn);
        if (!versioned && !NeedsAlias(fn.Model))
        {
            return null;
        }

        var configHash = Sha256.Base64OfPrefixedJson(codeHash + "\n" + LayerHashes(ctx, body), body);
        return new PendingVersion(fn, body, configHash, versioned);
    }

    /// <summary>The version, its output and alias, then the function's URL and invoke config.</summary>
    private static void Version(PlanContext ctx, PlanOptions options, PendingVersion pending)
    {
        var (fn, body, hash, versioned) = pending;
        var versionId = Naming.LambdaVersion(fn, hash);
        var props = Object(("FunctionName", Ref(fn.LogicalId)), ("CodeSha256", CodeSha(ctx, fn, options, body)));
        if (fn.Model.Description is { } description)
        {
            props["Description"] = ctx.Json(description);
        }

        // A version published only for the alias (versioning off) is not retained: the next one replaces it.
        var version = versioned
            ? Object(("Type", "AWS::Lambda::Version"), ("DeletionPolicy", "Retain"), ("Properties", props))
            : Object(("Type", "AWS::Lambda::Version"), ("Properties", props));
        ctx.Add(versionId, version, PlanResourceKind.FunctionVersion, fn.Span, fn.Key);
        if (!ctx.ResourcesOnly)
        {
            ctx.Plan.Outputs[Naming.LambdaQualifiedArnOutput(fn)] = Object(
                ("Description", "Current Lambda function version"), ("Value", Ref(versionId)));
        }

        Alias(ctx, fn, versionId);
        UrlAndInvokeConfig(ctx, fn);
    }

    /// <summary>The function's URL and its async invoke config, in that order (functions.js:compileFunction's end).</summary>
    private static void UrlAndInvokeConfig(PlanContext ctx, PlanFunction fn)
    {
        Url(ctx, fn);
        InvokeConfig(ctx, fn);
    }

    /// <summary>The hashes of the layers of this stack the function uses, sorted, each on its own line.</summary>
    private static string LayerHashes(PlanContext ctx, JsonObject body)
    {
        if (body["Properties"]?["Layers"] is not JsonArray { Count: > 0 } layers)
        {
            return string.Empty;
        }

        return string.Concat(layers.Select(l => LayerLowering.ReferencedLayerHash(ctx, l)).OfType<string>()
            .Order(StringComparer.Ordinal).Select(h => h + "\n"));
    }

    /// <summary>Provisioned concurrency and SnapStart publish through an alias.</summary>
    private static bool NeedsAlias(Function function) =>
        EventResources.IsTruthy(function.ProvisionedConcurrency) || function.SnapStart?.Value == true;

    private static JsonNode CodeSha(PlanContext ctx, PlanFunction fn, PlanOptions options, JsonObject body)
    {
        var artifact = ctx.Plan.Artifacts.OfFunction(fn.Key, ArtifactOf(ctx, fn));
        if (artifact is not null && options.ArtifactHashes.TryGetValue(artifact.ArtifactName, out var real))
        {
            return JsonValue.Create(real)!;
        }

        return JsonValue.Create(body["Properties"]?["Code"] is { } code
            ? Sha256.Base64OfPrefixedJson("code:", code)
            : PlanBuilder.Sha256Base64("code:" + fn.Key))!;
    }

    /// <summary>The artifact file name a function's code ships in: the service zip or, packaged individually, its own.</summary>
    public static string ArtifactOf(PlanContext ctx, PlanFunction fn)
    {
        if (fn.Model.Package?.Artifact?.Value is { } fnArtifact)
        {
            return System.IO.Path.GetFileName(fnArtifact);
        }

        if (fn.Model.Package?.Individually?.Value ?? ctx.Model.Package?.Individually?.Value ?? false)
        {
            return fn.Key + ".zip";
        }

        return ctx.Model.Package?.Artifact?.Value is { } serviceArtifact
            ? System.IO.Path.GetFileName(serviceArtifact)
            : ctx.ServiceZip;
    }

    /// <summary>
    /// The S3 key of an artifact of this deployment. Functions that share the service's artifact come one after the
    /// other, and the last key is kept for them.
    /// </summary>
    private sealed class S3Keys(PlanContext ctx, string folder)
    {
        private string? _lastArtifact;
        private string _lastKey = string.Empty;

        public string Of(string artifactName)
        {
            if (artifactName != _lastArtifact)
            {
                _lastKey = $"{ctx.Plan.DeploymentPrefix}/{ctx.Service}/{ctx.Stage}/{folder}/{artifactName}";
                _lastArtifact = artifactName;
            }

            return _lastKey;
        }
    }

    /// <summary>The settings <c>compileFunction</c> refuses together: a handler and an image, a file system without a
    /// VPC to reach it through, SnapStart with provisioned concurrency (Lambda supports only one of the two).</summary>
    private static (string Message, Node At, string Help)? Conflict(PlanFunction fn)
    {
        var function = fn.Model;
        return function switch
        {
            { Handler: { } handler, Image: not null } => ("sets both 'handler' and 'image'", handler.Node,
                "keep 'handler' for a zip package or 'image' for a container image"),
            { FileSystemConfig: { } fs, Vpc.Value: null } => ("mounts a file system (fileSystemConfig) but has no VPC", fs.Node,
                "set 'vpc' on the function or the provider: Lambda reaches EFS through the VPC"),
            { SnapStart.Value: true, ProvisionedConcurrency: { Value: not 0 } provisioned } =>
                ("enables SnapStart, which does not support provisioned concurrency", provisioned.Node,
                    "remove 'provisionedConcurrency' or 'snapStart'"),
            _ => null,
        };
    }

    private static JsonObject? Function(PlanContext ctx, PlanFunction fn, PlanOptions options, S3Keys s3Keys, out string codeHash)
    {
        var function = fn.Model;
        codeHash = string.Empty;
        if (Conflict(fn) is { } conflict)
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, $"function '{fn.Key}' {conflict.Message}", conflict.At.Span,
                conflict.Help);
            return null;
        }

        if (function.Image is { } image)
        {
            if (image.Uri?.Value is not { } uri || !uri.Contains('/', StringComparison.Ordinal))
            {
                ctx.Unsupported($"function '{fn.Key}' uses an image that must be built from provider.ecr.images; " +
                                "Spec does not build container images", image.Node.Span,
                    "push the image yourself and set 'image' to its URI with an @sha256 digest");
                return null;
            }

            // An image without a digest is looked up in ECR in the provider's region, so it must live there
            // (provider.js:resolveImageUriAndShaFromUri).
            if (!uri.Contains('@', StringComparison.Ordinal) && uri.Split('.') is { Length: > 3 } parts && parts[3] != ctx.Model.Region)
            {
                ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec,
                    $"function '{fn.Key}' uses an ECR image in region '{parts[3]}', not in the provider's region '{ctx.Model.Region}'",
                    image.Node.Span, "push the image to an ECR repository in the service's region, or pin it by digest (@sha256:…)");
                return null;
            }

            codeHash = uri;
        }

        // The properties are collected first and made once, at their size: a function has a dozen or more.
        var props = PlanMembers.Rent();
        if (function.Image is not null)
        {
            props.Add("Code", Object(("ImageUri", codeHash)));
            props.Add("PackageType", "Image");
        }
        else
        {
            var artifactName = ArtifactOf(ctx, fn);
            var s3Key = s3Keys.Of(artifactName);
            if (ctx.Plan.Artifacts.Named(artifactName) is null)
            {
                var individually = artifactName == fn.Key + ".zip";
                var ownArtifact = function.Package?.Artifact?.Value;
                var existing = ownArtifact ?? ctx.Model.Package?.Artifact?.Value;
                ctx.Plan.Artifacts.Add(new PlanArtifact(individually || ownArtifact is not null ? fn.Key : null, artifactName,
                    s3Key, existing));
            }

            codeHash = options.ArtifactHashes.GetValueOrDefault(artifactName) ?? string.Empty;
            props.Add("Code", Object(("S3Bucket", ctx.DeploymentBucketRef()), ("S3Key", s3Key)));
            props.Add("Handler", ctx.Json(function.Handler));
            props.Add("Runtime", ctx.Json(function.Runtime));
        }

        props.Add("FunctionName", fn.DeployedName);
        props.Add("MemorySize", ctx.Json(function.MemorySize));
        props.Add("Timeout", ctx.Json(function.Timeout));
        if (function.Architecture.IsWritten)
        {
            props.Add("Architectures", Array(ctx.Json(function.Architecture)));
        }

        if (function.Description is { } description)
        {
            props.Add("Description", ctx.Json(description));
        }

        if (function.Tags.Count > 0)
        {
            props.Add("Tags", CoreLowering.TagList(ctx, function.Tags));
        }

        if (function.OnError is { } onError)
        {
            props.Add("DeadLetterConfig", Object(("TargetArn", ctx.Json(onError))));
            if (function.OnErrorArn is { } topicArn)
            {
                ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["sns:Publish"])),
                    ("Resource", Strings([topicArn]))));
            }
        }

        if (function.KmsKeyArn.IsWritten)
        {
            props.Add("KmsKeyArn", ctx.Json(function.KmsKeyArn));
            if (function.KmsKeyArn.Value is { Length: > 0 } keyArn)
            {
                // Only a key given as a string is granted on the default role (compileFunction).
                AddRoleStatementOnce(ctx, Object(("Effect", "Allow"), ("Action", Strings(["kms:Decrypt"])),
                    ("Resource", Strings([keyArn]))));
            }
        }

        if (function.Tracing is { IsWritten: true } tracing && !"false".Equals(tracing.Value, StringComparison.OrdinalIgnoreCase))
        {
            var tracingMode = "true".Equals(tracing.Value, StringComparison.OrdinalIgnoreCase) ? "Active" : tracing.Value;
            props.Add("TracingConfig", Object(("Mode", tracingMode)));
            AddRoleStatementOnce(ctx, Object(("Effect", "Allow"),
                ("Action", Strings(["xray:PutTraceSegments", "xray:PutTelemetryRecords"])), ("Resource", Strings(["*"]))));
        }

        if (function.Environment.Count > 0)
        {
            var variables = PlanMembers.Rent();
            foreach (var e in function.Environment)
            {
                variables.Add(e.Name, ctx.Json(e.Value));
            }

            props.Add("Environment", Object(("Variables", variables.ToObject())));
        }

        if (function.FileSystemConfig is { } fs)
        {
            props.Add("FileSystemConfigs", Array(Object(("Arn", ctx.Json(fs.Arn)), ("LocalMountPath", ctx.Json(fs.LocalMountPath)))));
            ctx.EventStatements.Add(Object(("Effect", "Allow"),
                ("Action", Strings(["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"])),
                ("Resource", Array(ctx.Json(fs.Arn)))));
        }

        if (function.ReservedConcurrency is { } reserved)
        {
            props.Add("ReservedConcurrentExecutions", ctx.Json(reserved));
        }

        var dependsOn = new JsonArray();
        if (function.DisableLogs?.Value != true)
        {
            dependsOn.AddNode(fn.LogGroupLogicalId);
        }

        props.Add("Role", Role(ctx, fn, dependsOn));
        if (function.Vpc.Value is { } vpc)
        {
            var config = Object(("SecurityGroupIds", ctx.Json(vpc.SecurityGroupIdsNode)), ("SubnetIds", ctx.Json(vpc.SubnetIdsNode)));
            if (vpc.Ipv6AllowedForDualStack is { } ipv6)
            {
                config["Ipv6AllowedForDualStack"] = ctx.Json(ipv6);
            }

            props.Add("VpcConfig", config);
        }

        if (function.LayersAreList)
        {
            props.Add("Layers", ctx.Json(function.Layers));
        }

        if (function.EphemeralStorageSize is { } ephemeral)
        {
            props.Add("EphemeralStorage", Object(("Size", ctx.Json(ephemeral))));
        }

        if (function.Image is { } imageConfig)
        {
            var config = new JsonObject();
            if (imageConfig.Command.Count > 0)
            {
                config["Command"] = ctx.Json(imageConfig.Command);
            }

            if (imageConfig.EntryPoint.Count > 0)
            {
                config["EntryPoint"] = ctx.Json(imageConfig.EntryPoint);
            }

            if (imageConfig.WorkingDirectory is { } workingDirectory)
            {
                config["WorkingDirectory"] = ctx.Json(workingDirectory);
            }

            if (config.Count > 0)
            {
                props.Add("ImageConfig", config);
            }
        }

        if (function.SnapStart?.Value == true)
        {
            props.Add("SnapStart", Object(("ApplyOn", "PublishedVersions")));
        }

        // Runtime management applies to zip functions only; the version ARN only to the manual mode.
        if (function.Image is null && function.RuntimeManagement is { Mode.Value: { } mode } runtimeManagement && mode != "auto")
        {
            var config = Object(("UpdateRuntimeOn", mode == "onFunctionUpdate" ? "FunctionUpdate" : "Manual"));
            if (mode == "manual" && runtimeManagement.Arn is { } arn)
            {
                config["RuntimeVersionArn"] = ctx.Json(arn);
            }

            props.Add("RuntimeManagementConfig", config);
        }

        for (var i = 0; i < function.DependsOn.Count; i++)
        {
            if (function.DependsOn[i].Value is { } d)
            {
                dependsOn.AddNode(d);
            }
        }

        var body = Object(("Type", "AWS::Lambda::Function"), ("Properties", props.ToObject()));
        if (dependsOn.Count > 0)
        {
            body["DependsOn"] = dependsOn;
        }

        if (function.Condition is { } condition)
        {
            body["Condition"] = ctx.Json(condition);
        }

        return body;
    }

    /// <summary>The artifact folder of this deployment: <c>code</c>, or named after the hashes of all packaged artifacts.</summary>
    public static string ArtifactFolder(PlanOptions options)
    {
        if (options.ArtifactHashes.Count == 0)
        {
            return "code";
        }

        var combined = string.Join("\n", options.ArtifactHashes.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
        return "code-" + Convert.ToHexStringLower(Convert.FromBase64String(PlanBuilder.Sha256Base64(combined)))[..16];
    }

    /// <summary>The function's role (<c>compile/functions.js</c>): its own, the provider's existing one, or the generated one.</summary>
    private static JsonNode? Role(PlanContext ctx, PlanFunction fn, JsonArray dependsOn)
    {
        var role = fn.Model.RoleReference ?? ctx.Model.Provider.Iam.ExistingRole;
        switch (role)
        {
            case null:
                return GetAtt(Naming.Role, "Arn");
            case { IsArn: true, Literal: { } arn }:
                return arn;
            case { Literal: Naming.Role }:
                return GetAtt(Naming.Role, "Arn");
            case { Literal: { } logicalId }:
                dependsOn.AddNode(logicalId);
                return GetAtt(logicalId, "Arn");
            case { GetAttLogicalId: { } getAttId }:
                dependsOn.AddNode(getAttId);
                return ctx.Json(role.Node);
            default:
                return ctx.Json(role.Node);
        }
    }

    private static void Alias(PlanContext ctx, PlanFunction fn, string versionId)
    {
        var provisioned = EventResources.IsTruthy(fn.Model.ProvisionedConcurrency) ? fn.Model.ProvisionedConcurrency : null;
        var snapStart = fn.Model.SnapStart?.Value == true;
        if (provisioned is null && !snapStart)
        {
            return;
        }

        var (id, name) = snapStart && provisioned is null
            ? (Naming.SnapStartAlias(fn.Key), "snapstart")
            : (Naming.ProvisionedConcurrencyAlias(fn.Key), "provisioned");
        var props = Object(("FunctionName", Ref(fn.LogicalId)), ("FunctionVersion", GetAtt(versionId, "Version")),
            ("Name", name));
        if (provisioned is not null)
        {
            props["ProvisionedConcurrencyConfig"] = Object(("ProvisionedConcurrentExecutions", ctx.Json(provisioned)));
        }

        ctx.Add(id, Object(("Type", "AWS::Lambda::Alias"), ("Properties", props), ("DependsOn", fn.LogicalId)),
            PlanResourceKind.FunctionAlias, provisioned?.Node.Span ?? fn.Span, fn.Key);
        fn.AliasLogicalId = id;
        fn.AliasName = name;
    }

    private static void InvokeConfig(PlanContext ctx, PlanFunction fn)
    {
        var destinations = fn.Model.Destinations;
        var retries = fn.Model.MaximumRetryAttempts;
        var age = fn.Model.MaximumEventAge;
        if (destinations is null && retries is null && age is null)
        {
            return;
        }

        // DestinationConfig is always there, empty when only the retry settings are given.
        var config = new JsonObject();
        var props = Object(("FunctionName", Ref(fn.LogicalId)), ("DestinationConfig", config));
        if (destinations is not null)
        {
            // A custom execution role handles its own access: only the default role is granted the targets.
            var grants = (fn.Model.RoleReference ?? ctx.Model.Provider.Iam.ExistingRole) is null;
            if (destinations.OnSuccess is { } onSuccess)
            {
                config["OnSuccess"] = Object(("Destination", Destination(ctx, fn, "onSuccess", onSuccess, grants)));
            }

            if (destinations.OnFailure is { } onFailure)
            {
                config["OnFailure"] = Object(("Destination", Destination(ctx, fn, "onFailure", onFailure, grants)));
            }
        }

        props["Qualifier"] = fn.AliasName ?? "$LATEST";
        if (age is not null)
        {
            props["MaximumEventAgeInSeconds"] = ctx.Json(age);
        }

        if (retries is not null)
        {
            props["MaximumRetryAttempts"] = ctx.Json(retries);
        }

        var body = Object(("Type", "AWS::Lambda::EventInvokeConfig"), ("Properties", props));
        if (fn.AliasLogicalId is not null)
        {
            body["DependsOn"] = fn.AliasLogicalId;
        }

        ctx.Add(Naming.EventInvokeConfig(fn.Key), body, PlanResourceKind.Other, destinations?.Node.Span ?? fn.Span, fn.Key);
    }

    private static JsonNode? Destination(PlanContext ctx, PlanFunction fn, string kind, DestinationTarget target, bool grants)
    {
        // A name that is not an ARN is looked up as a function of the service (provider.resolveFunctionArn), which
        // fails for any other; the object form's arn is taken as written.
        // Only the string form names a function: the object form's arn is written as it is (getDestinationsArn).
        var named = target.IsStringForm && target.IsFunctionName;
        if (named && ctx.FunctionByKey(target.Text!) is null)
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec,
                $"Function \"{target.Text}\" doesn't exist in this Service (destinations.{kind} of function '{fn.Key}')",
                target.Node.Span, "name a function defined under 'functions:', or give the destination's ARN");
        }

        var type = target.Type?.Value;
        JsonNode? value;
        JsonNode? grantedArn;
        if (named && ctx.FunctionByKey(target.Text!) is { } local)
        {
            value = GetAtt(local.LogicalId, "Arn");

            // By name, not Fn::GetAtt: the target shares this role, so GetAtt would be a circular dependency.
            grantedArn = Sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + local.DeployedName);
            type ??= "function";
        }
        else
        {
            value = ctx.Json(target.Arn);
            grantedArn = value?.DeepClone();
            if (type is null && target.Text is { } text)
            {
                var service = text.Split(':') is { Length: > 2 } parts ? parts[2] : string.Empty;
                type = service switch { "sqs" => "sqs", "sns" => "sns", "events" => "eventBus", _ => "function" };
            }
        }

        var action = type switch
        {
            "sqs" => "sqs:SendMessage",
            "sns" => "sns:Publish",
            "eventBus" => "events:PutEvents",
            _ => "lambda:InvokeFunction",
        };
        if (grants)
        {
            // ensureTargetExecutionPermission is memoized by its argument: a target named twice by the same string is
            // granted once, while each object (the object form, an intrinsic) is a new argument.
            var statement = Object(("Effect", "Allow"), ("Action", action), ("Resource", grantedArn));
            if (!target.IsStringForm || target.Text is null)
            {
                ctx.EventStatements.Add(statement);
            }
            else
            {
                AddRoleStatementOnce(ctx, statement);
            }
        }

        return value;
    }

    /// <summary>A statement the default role gains once however many functions ask for it (<c>_.unionWith</c>, <c>_.isEqual</c>).</summary>
    private static void AddRoleStatementOnce(PlanContext ctx, JsonObject statement)
    {
        if (!ctx.EventStatements.Exists(s => JsonNode.DeepEquals(s, statement)))
        {
            ctx.EventStatements.Add(statement);
        }
    }

    /// <summary>The Function URL CORS defaults (<c>compileFunctionUrl</c>'s <c>defaultCors</c>; also read by the SAM
    /// writer).</summary>
    internal static readonly string[] DefaultUrlCorsHeaders =
        ["Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amzn-Trace-Id"];

    private static void Url(PlanContext ctx, PlanFunction fn)
    {
        if (fn.Model.Url is not { } url)
        {
            return;
        }

        // An alias is targeted through resolveLambdaTarget (the qualified ARN); the resources then wait for it.
        var iam = !url.IsPublic;
        var props = Object(("AuthType", iam ? "AWS_IAM" : "NONE"), ("TargetFunctionArn", fn.Target()));
        if (url.CorsSettings is { } cors)
        {
            props["Cors"] = UrlCors(ctx, cors);
        }

        if (url.InvokeMode is { IsWritten: true, Value: { } invokeMode })
        {
            props["InvokeMode"] = invokeMode;
        }

        var body = Object(("Type", "AWS::Lambda::Url"), ("Properties", props));
        if (fn.AliasLogicalId is not null)
        {
            body["DependsOn"] = fn.AliasLogicalId;
        }

        ctx.Add(Naming.FunctionUrl(fn.Key), body, PlanResourceKind.FunctionUrl, url.Node.Span, fn.Key);
        if (!iam)
        {
            var permission = Object(("FunctionName", fn.PermissionTarget()), ("Action", "lambda:InvokeFunctionUrl"),
                ("Principal", "*"), ("FunctionUrlAuthType", "NONE"));
            var permissionBody = Object(("Type", "AWS::Lambda::Permission"), ("Properties", permission));
            if (fn.AliasLogicalId is not null)
            {
                permissionBody["DependsOn"] = fn.AliasLogicalId;
            }

            ctx.Add(Naming.FunctionUrlPermission(fn.Key), permissionBody, PlanResourceKind.Permission, url.Node.Span, fn.Key);
        }

        if (!ctx.ResourcesOnly)
        {
            ctx.Plan.Outputs[Naming.FunctionUrl(fn.Key)] = Object(("Description", "Lambda Function URL"),
                ("Value", GetAtt(Naming.FunctionUrl(fn.Key), "FunctionUrl")));
        }
    }

    /// <summary>
    /// <c>url.cors</c> over the defaults: a written list replaces a default (duplicates dropped), null drops it;
    /// credentials only when truthy; exposed headers and max age only when given.
    /// </summary>
    private static JsonObject UrlCors(PlanContext ctx, FunctionUrlCors cors)
    {
        var config = new JsonObject();
        if (cors.AllowsCredentials)
        {
            config["AllowCredentials"] = true;
        }

        AddCorsList(ctx, config, "AllowHeaders", cors.AllowedHeaders, cors.ClearsAllowedHeaders, DefaultUrlCorsHeaders);
        AddCorsList(ctx, config, "AllowMethods", cors.AllowedMethods, cors.ClearsAllowedMethods, ["*"]);
        AddCorsList(ctx, config, "AllowOrigins", cors.AllowedOrigins, cors.ClearsAllowedOrigins, ["*"]);
        AddCorsList(ctx, config, "ExposeHeaders", cors.ExposedResponseHeaders, clears: true, []);
        if (cors.MaxAge is not null)
        {
            config["MaxAge"] = ctx.Json(cors.MaxAge);
        }

        return config;
    }

    private static void AddCorsList(PlanContext ctx, JsonObject config, string property, Node? written, bool clears,
        string[] defaults)
    {
        if (written is not null)
        {
            config[property] = Distinct(ctx.Json(written));
        }
        else if (!clears)
        {
            config[property] = Strings(defaults);
        }
    }

    /// <summary>lodash <c>uniq</c> over a list (by value); anything else passes through.</summary>
    private static JsonNode? Distinct(JsonNode? value)
    {
        if (value is not JsonArray items)
        {
            return value;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var item in items)
        {
            if (seen.Add(item?.ToJsonString() ?? "null"))
            {
                result.Add(item?.DeepClone());
            }
        }

        return result;
    }
}
