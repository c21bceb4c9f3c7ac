using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>Lambda functions, their versions, aliases, async invoke configs and URLs (<c>compile/functions.js</c>).</summary>
internal static class FunctionLowering
{
    public static void Functions(PlanContext ctx, PlanOptions options)
    {
        var versions = new List<(PlanFunction Fn, JsonObject Body, string Hash)>();
        foreach (var fn in ctx.Functions)
        {
            var body = Function(ctx, fn, options, out var codeHash);
            if (body is null)
            {
                continue;
            }

            ctx.Add(fn.LogicalId, body, PlanResourceKind.Function, fn.Span, fn.Key);
            var versioned = Bool(fn.Node["versionFunction"]) ?? Bool(ctx.Provider["versionFunctions"]) ?? true;
            versioned |= CloudFrontLowering.IsLambdaAtEdge(fn);
            var needsAlias = !IsNullOrMissing(fn.Node["provisionedConcurrency"]) || Bool(fn.Node["snapStart"]) == true;
            if (versioned || needsAlias)
            {
                var layerHashes = string.Concat((body["Properties"]?["Layers"] as JsonArray ?? [])
                    .Select(l => LayerLowering.ReferencedLayerHash(ctx, l)).OfType<string>().Order(StringComparer.Ordinal)
                    .Select(h => h + "\n"));
                var configHash = Sha256.Base64OfPrefixedJson(codeHash + "\n" + layerHashes, body);
                versions.Add((fn, body, configHash));
            }
        }

        foreach (var (fn, body, hash) in versions)
        {
            var versionId = Naming.LambdaVersion(fn.Key, hash);
            var props = Object(("FunctionName", Ref(fn.LogicalId)), ("CodeSha256", CodeSha(ctx, fn, options, body)));
            if (!IsNullOrMissing(fn.Node["description"]))
            {
                props["Description"] = ctx.Json(fn.Node["description"]);
            }

            ctx.Add(versionId, Object(("Type", "AWS::Lambda::Version"), ("DeletionPolicy", "Retain"), ("Properties", props)),
                PlanResourceKind.FunctionVersion, fn.Span, fn.Key);
            ctx.Plan.Outputs[Naming.LambdaQualifiedArnOutput(fn.Key)] = Object(
                ("Description", "Current Lambda function version"), ("Value", Ref(versionId)));
            Alias(ctx, fn, versionId);
        }

        foreach (var fn in ctx.Functions.Where(f => ctx.Plan.Contains(f.LogicalId)))
        {
            InvokeConfig(ctx, fn);
            Url(ctx, fn);
        }
    }

    private static JsonNode CodeSha(PlanContext ctx, PlanFunction fn, PlanOptions options, JsonObject body)
    {
        var artifact = ctx.Plan.Artifacts.Find(a => a.FunctionKey == fn.Key || a.FunctionKey is null && ArtifactOf(ctx, fn) == a.ArtifactName);
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
        var fnArtifact = Text(Path(fn.Node, "package", "artifact"));
        if (fnArtifact is not null)
        {
            return System.IO.Path.GetFileName(fnArtifact);
        }

        var individually = Bool(Path(fn.Node, "package", "individually")) ?? Bool(Path(ctx.Root, "package", "individually")) ?? false;
        if (individually)
        {
            return fn.Key + ".zip";
        }

        var serviceArtifact = Text(Path(ctx.Root, "package", "artifact"));
        return serviceArtifact is not null ? System.IO.Path.GetFileName(serviceArtifact) : ctx.Service + ".zip";
    }

    private static JsonObject? Function(PlanContext ctx, PlanFunction fn, PlanOptions options, out string codeHash)
    {
        var props = new JsonObject();
        codeHash = string.Empty;
        var image = fn.Node["image"];
        if (!IsNullOrMissing(image))
        {
            var uri = image is ScalarNode ? Text(image) : Text(Get(image, "uri"));
            if (uri is null || !uri.Contains('/', StringComparison.Ordinal))
            {
                ctx.Unsupported($"function '{fn.Key}' uses an image that must be built from provider.ecr.images; " +
                                "Spec does not build container images", image!.Span,
                    "push the image yourself and set 'image' to its URI with an @sha256 digest");
                return null;
            }

            props["Code"] = Object(("ImageUri", uri));
            props["PackageType"] = "Image";
            codeHash = uri;
        }
        else
        {
            var artifactName = ArtifactOf(ctx, fn);
            var folder = ArtifactFolder(options);
            var s3Key = $"{ctx.Plan.DeploymentPrefix}/{ctx.Service}/{ctx.Stage}/{folder}/{artifactName}";
            if (!ctx.Plan.Artifacts.Exists(a => a.ArtifactName == artifactName))
            {
                var individually = artifactName == fn.Key + ".zip";
                var existing = Text(Path(fn.Node, "package", "artifact")) ?? Text(Path(ctx.Root, "package", "artifact"));
                ctx.Plan.Artifacts.Add(new PlanArtifact(individually || Text(Path(fn.Node, "package", "artifact")) is not null
                    ? fn.Key : null, artifactName, s3Key, existing));
            }

            codeHash = options.ArtifactHashes.GetValueOrDefault(artifactName) ?? string.Empty;
            props["Code"] = Object(("S3Bucket", ctx.DeploymentBucketRef()), ("S3Key", s3Key));
            props["Handler"] = ctx.Json(fn.Node["handler"]);
            props["Runtime"] = ctx.Json(PlanContext.FunctionOrProvider(fn, ctx.Provider, "runtime")) ?? "nodejs16.x";
        }

        props["FunctionName"] = fn.DeployedName;
        // Lambda@Edge functions get the edge limits (128 MB, 5 s) unless the function itself says otherwise.
        var edge = CloudFrontLowering.IsLambdaAtEdge(fn);
        props["MemorySize"] = edge && !IsTruthy(fn.Node["memorySize"])
            ? 128
            : ctx.Json(PlanContext.FunctionOrProvider(fn, ctx.Provider, "memorySize")) ?? 1024;
        props["Timeout"] = edge && !IsTruthy(fn.Node["timeout"])
            ? 5
            : ctx.Json(PlanContext.FunctionOrProvider(fn, ctx.Provider, "timeout")) ?? 6;
        var architecture = PlanContext.FunctionOrProvider(fn, ctx.Provider, "architecture");
        if (!IsNullOrMissing(architecture))
        {
            props["Architectures"] = Array(ctx.Json(architecture));
        }

        if (!IsNullOrMissing(fn.Node["description"]))
        {
            props["Description"] = ctx.Json(fn.Node["description"]);
        }

        var tags = Entries(ctx.Provider["tags"]).Concat(Entries(fn.Node["tags"]))
            .GroupBy(e => e.Key.Text).Select(g => g.Last()).ToList();
        if (tags.Count > 0)
        {
            props["Tags"] = CoreLowering.TagList(ctx, OrderLikeAssign(Entries(ctx.Provider["tags"]), Entries(fn.Node["tags"])));
        }

        var onError = fn.Node["onError"];
        if (!IsNullOrMissing(onError))
        {
            props["DeadLetterConfig"] = Object(("TargetArn", ctx.Json(onError)));
            if (onError is ScalarNode)
            {
                ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["sns:Publish"])),
                    ("Resource", Strings([Text(onError)!]))));
            }
        }

        var kms = fn.Node["kmsKeyArn"] ?? fn.Node["awsKmsKeyArn"] ?? ctx.Provider["kmsKeyArn"];
        if (!IsNullOrMissing(kms))
        {
            props["KmsKeyArn"] = ctx.Json(kms);
        }

        var tracing = IsNullOrMissing(fn.Node["tracing"]) ? Path(ctx.Provider, "tracing", "lambda") : fn.Node["tracing"];
        if (!IsNullOrMissing(tracing) && Bool(tracing) != false)
        {
            var mode = Bool(tracing) == true ? "Active" : Text(tracing);
            props["TracingConfig"] = Object(("Mode", mode));
        }

        var environment = OrderLikeAssign(Entries(ctx.Provider["environment"]), Entries(fn.Node["environment"]));
        if (environment.Count > 0)
        {
            var variables = new JsonObject();
            foreach (var e in environment)
            {
                variables[e.Key.Text] = ctx.Json(e.Value);
            }

            props["Environment"] = Object(("Variables", variables));
        }

        if (fn.Node["fileSystemConfig"] is MappingNode fs)
        {
            props["FileSystemConfigs"] = Array(Object(("Arn", ctx.Json(fs["arn"])), ("LocalMountPath", ctx.Json(fs["localMountPath"]))));
        }

        var reserved = fn.Node["reservedConcurrency"];
        if (!IsNullOrMissing(reserved))
        {
            props["ReservedConcurrentExecutions"] = ctx.Json(reserved);
        }

        var dependsOn = new JsonArray();
        if (Bool(fn.Node["disableLogs"]) != true)
        {
            dependsOn.AddNode(Naming.LogGroup(fn.Key));
        }

        props["Role"] = Role(ctx, fn, dependsOn);
        var vpc = fn.Node["vpc"] is MappingNode fnVpc ? fnVpc : fn.Node["vpc"] is null ? ctx.Provider["vpc"] as MappingNode : null;
        if (vpc is not null)
        {
            var config = Object(("SecurityGroupIds", ctx.Json(vpc["securityGroupIds"])), ("SubnetIds", ctx.Json(vpc["subnetIds"])));
            if (!IsNullOrMissing(vpc["ipv6AllowedForDualStack"]))
            {
                config["Ipv6AllowedForDualStack"] = ctx.Json(vpc["ipv6AllowedForDualStack"]);
            }

            props["VpcConfig"] = config;
        }

        var layers = fn.Node["layers"] ?? ctx.Provider["layers"];
        if (layers is SequenceNode)
        {
            props["Layers"] = ctx.Json(layers);
        }

        var ephemeral = fn.Node["ephemeralStorageSize"];
        if (!IsNullOrMissing(ephemeral))
        {
            props["EphemeralStorage"] = Object(("Size", ctx.Json(ephemeral)));
        }

        if (image is MappingNode imageConfig)
        {
            var config = new JsonObject();
            foreach (var (key, prop) in new[] { ("command", "Command"), ("entryPoint", "EntryPoint"), ("workingDirectory", "WorkingDirectory") })
            {
                if (!IsNullOrMissing(imageConfig[key]))
                {
                    config[prop] = ctx.Json(imageConfig[key]);
                }
            }

            if (config.Count > 0)
            {
                props["ImageConfig"] = config;
            }
        }

        if (Bool(fn.Node["snapStart"]) == true)
        {
            props["SnapStart"] = Object(("ApplyOn", "PublishedVersions"));
        }

        var runtimeManagement = PlanContext.FunctionOrProvider(fn, ctx.Provider, "runtimeManagement");
        if (!IsNullOrMissing(runtimeManagement))
        {
            var mode = runtimeManagement is MappingNode rm ? Text(rm["mode"]) : Text(runtimeManagement);
            if (mode is not null && mode != "auto")
            {
                var config = Object(("UpdateRuntimeOn", mode == "onFunctionUpdate" ? "FunctionUpdate" : "Manual"));
                if (Get(runtimeManagement, "arn") is { } arn)
                {
                    config["RuntimeVersionArn"] = ctx.Json(arn);
                }

                props["RuntimeManagementConfig"] = config;
            }
        }

        foreach (var d in Items(fn.Node["dependsOn"]).Select(Text).OfType<string>())
        {
            dependsOn.AddNode(d);
        }

        var body = Object(("Type", "AWS::Lambda::Function"), ("Properties", props));
        if (dependsOn.Count > 0)
        {
            body["DependsOn"] = dependsOn;
        }

        if (!IsNullOrMissing(fn.Node["condition"]))
        {
            body["Condition"] = ctx.Json(fn.Node["condition"]);
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

    /// <summary><c>Object.assign({}, a, b)</c> key order: a's keys first, overridden values keep their first position.</summary>
    private static List<MappingEntry> OrderLikeAssign(IEnumerable<MappingEntry> first, IEnumerable<MappingEntry> second)
    {
        var result = new List<MappingEntry>();
        foreach (var e in first.Concat(second))
        {
            var index = result.FindIndex(r => r.Key.Text == e.Key.Text);
            if (index >= 0)
            {
                result[index] = e;
            }
            else
            {
                result.Add(e);
            }
        }

        return result;
    }

    private static JsonNode? Role(PlanContext ctx, PlanFunction fn, JsonArray dependsOn)
    {
        var role = IsNullOrMissing(fn.Node["role"]) ? CoreLowering.ExistingProviderRole(ctx) : fn.Node["role"];
        switch (role)
        {
            case null:
                return GetAtt(Naming.Role, "Arn");
            case ScalarNode s when s.Text.StartsWith("arn:aws", StringComparison.Ordinal):
                return s.Text;
            case ScalarNode { Text: Naming.Role }:
                return GetAtt(Naming.Role, "Arn");
            case ScalarNode s:
                dependsOn.AddNode(s.Text);
                return GetAtt(s.Text, "Arn");
            case MappingNode m when m["Fn::GetAtt"] is SequenceNode getAtt && getAtt.Items.Count > 0:
                dependsOn.AddNode(Text(getAtt.Items[0]));
                return ctx.Json(m);
            default:
                return ctx.Json(role);
        }
    }

    private static void Alias(PlanContext ctx, PlanFunction fn, string versionId)
    {
        var provisioned = fn.Node["provisionedConcurrency"];
        var snapStart = Bool(fn.Node["snapStart"]) == true;
        if (IsNullOrMissing(provisioned) && !snapStart)
        {
            return;
        }

        var (id, name) = snapStart && IsNullOrMissing(provisioned)
            ? (Naming.SnapStartAlias(fn.Key), "snapstart")
            : (Naming.ProvisionedConcurrencyAlias(fn.Key), "provisioned");
        var props = Object(("FunctionName", Ref(fn.LogicalId)), ("FunctionVersion", GetAtt(versionId, "Version")),
            ("Name", name));
        if (!IsNullOrMissing(provisioned))
        {
            props["ProvisionedConcurrencyConfig"] = Object(("ProvisionedConcurrentExecutions", ctx.Json(provisioned)));
        }

        ctx.Add(id, Object(("Type", "AWS::Lambda::Alias"), ("Properties", props), ("DependsOn", fn.LogicalId)),
            PlanResourceKind.FunctionAlias, provisioned?.Span ?? fn.Span, fn.Key);
        fn.AliasLogicalId = id;
        fn.AliasName = name;
    }

    private static void InvokeConfig(PlanContext ctx, PlanFunction fn)
    {
        var destinations = fn.Node["destinations"] as MappingNode;
        var retries = fn.Node["maximumRetryAttempts"];
        var age = fn.Node["maximumEventAge"];
        if (destinations is null && IsNullOrMissing(retries) && IsNullOrMissing(age))
        {
            return;
        }

        var props = Object(("FunctionName", Ref(fn.LogicalId)));
        if (destinations is not null)
        {
            var config = new JsonObject();
            foreach (var (key, prop) in new[] { ("onSuccess", "OnSuccess"), ("onFailure", "OnFailure") })
            {
                if (destinations[key] is { } target && !IsNullOrMissing(target))
                {
                    config[prop] = Object(("Destination", Destination(ctx, target)));
                }
            }

            props["DestinationConfig"] = config;
        }

        props["Qualifier"] = fn.AliasName ?? "$LATEST";
        if (!IsNullOrMissing(age))
        {
            props["MaximumEventAgeInSeconds"] = ctx.Json(age);
        }

        if (!IsNullOrMissing(retries))
        {
            props["MaximumRetryAttempts"] = ctx.Json(retries);
        }

        var body = Object(("Type", "AWS::Lambda::EventInvokeConfig"), ("Properties", props));
        if (fn.AliasLogicalId is not null)
        {
            body["DependsOn"] = fn.AliasLogicalId;
        }

        ctx.Add(Naming.EventInvokeConfig(fn.Key), body, PlanResourceKind.Other, destinations?.Span ?? fn.Span, fn.Key);
    }

    private static JsonNode? Destination(PlanContext ctx, Node target)
    {
        var arn = target is MappingNode m && m["arn"] is { } a ? a : target;
        var type = Text(Get(target, "type"));
        JsonNode? value;
        if (arn is ScalarNode s && !s.Text.StartsWith("arn:", StringComparison.Ordinal) && ctx.FunctionByKey(s.Text) is { } local)
        {
            value = GetAtt(local.LogicalId, "Arn");
            type ??= "function";
        }
        else
        {
            value = ctx.Json(arn);
            if (type is null && Text(arn) is { } text)
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
        ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", action), ("Resource", value?.DeepClone())));
        return value;
    }

    private static void Url(PlanContext ctx, PlanFunction fn)
    {
        var url = fn.Node["url"];
        if (IsNullOrMissing(url) || Bool(url) == false)
        {
            return;
        }

        var iam = Text(Get(url, "authorizer")) == "aws_iam";
        var props = Object(("AuthType", iam ? "AWS_IAM" : "NONE"), ("TargetFunctionArn", GetAtt(fn.LogicalId, "Arn")));
        if (fn.AliasName is not null)
        {
            props["Qualifier"] = fn.AliasName;
        }

        var cors = Get(url, "cors");
        if (!IsNullOrMissing(cors) && Bool(cors) != false)
        {
            var config = Object(("AllowCredentials", (JsonNode?)null), ("AllowHeaders", Strings(["Content-Type", "X-Amz-Date",
                    "Authorization", "X-Api-Key", "X-Amz-Security-Token"])),
                ("AllowMethods", Strings(["*"])), ("AllowOrigins", Strings(["*"])), ("ExposeHeaders", null), ("MaxAge", null));
            foreach (var (key, prop) in new[] { ("allowCredentials", "AllowCredentials"), ("allowedHeaders", "AllowHeaders"),
                         ("allowedMethods", "AllowMethods"), ("allowedOrigins", "AllowOrigins"),
                         ("exposedResponseHeaders", "ExposeHeaders"), ("maxAge", "MaxAge") })
            {
                if (Get(cors, key) is { } v && !IsNullOrMissing(v))
                {
                    config[prop] = ctx.Json(v);
                }
            }

            foreach (var key in config.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                config.Remove(key);
            }

            props["Cors"] = config;
        }

        if (Text(Get(url, "invokeMode")) is { } invokeMode)
        {
            props["InvokeMode"] = invokeMode;
        }

        var body = Object(("Type", "AWS::Lambda::Url"), ("Properties", props));
        if (fn.AliasLogicalId is not null)
        {
            body["DependsOn"] = fn.AliasLogicalId;
        }

        ctx.Add(Naming.FunctionUrl(fn.Key), body, PlanResourceKind.FunctionUrl, url!.Span, fn.Key);
        if (!iam)
        {
            var permission = Object(("FunctionName", GetAtt(fn.LogicalId, "Arn")), ("Action", "lambda:InvokeFunctionUrl"),
                ("Principal", "*"), ("FunctionUrlAuthType", "NONE"));
            if (fn.AliasName is not null)
            {
                permission["Qualifier"] = fn.AliasName;
            }

            var permissionBody = Object(("Type", "AWS::Lambda::Permission"), ("Properties", permission));
            if (fn.AliasLogicalId is not null)
            {
                permissionBody["DependsOn"] = fn.AliasLogicalId;
            }

            ctx.Add(Naming.FunctionUrlPermission(fn.Key), permissionBody, PlanResourceKind.Permission, url.Span, fn.Key);
        }

        ctx.Plan.Outputs[Naming.FunctionUrl(fn.Key)] = Object(("Description", "Lambda Function URL"),
            ("Value", GetAtt(Naming.FunctionUrl(fn.Key), "FunctionUrl")));
    }
}
