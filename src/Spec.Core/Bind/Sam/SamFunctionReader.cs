using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// One <c>AWS::Serverless::Function</c> (with <c>Globals.Function</c> applied as SAM applies it) as a serverless.yml
/// function: the settings the Framework has a key for, the events (<see cref="SamEventReader"/>), the policies on the
/// service's one role.
/// </summary>
internal static class SamFunctionReader
{
    /// <summary><c>Globals.Function</c> properties the provider holds for every function (the binder applies them as
    /// SAM does: a function's own value wins, environment variables and tags merge).</summary>
    public static readonly IReadOnlyDictionary<string, string> ProviderGlobals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Runtime"] = "runtime",
        ["MemorySize"] = "memorySize",
        ["Timeout"] = "timeout",
        ["Architectures"] = "architecture",
        ["Environment"] = "environment",
        ["Tags"] = "tags",
        ["KmsKeyArn"] = "kmsKeyArn",
        ["VpcConfig"] = "vpc",
        ["Tracing"] = "tracing",
        ["Layers"] = "layers",
    };

    /// <summary>The serverless.yml function key for a SAM logical id: the Framework's own ids (<c>HelloLambdaFunction</c>)
    /// give their key back (the deployed name, when written, picks the spelling); others drop a <c>Function</c> suffix.</summary>
    public static string Key(string logicalId, string? deployedName)
    {
        const string Framework = "LambdaFunction";
        if (logicalId.EndsWith(Framework, StringComparison.Ordinal) && logicalId.Length > Framework.Length)
        {
            var stem = logicalId[..^Framework.Length];
            var parts = deployedName?.Split('-') ?? [];
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                var candidate = string.Join('-', parts[i..]);
                if (SamNaming.FunctionName(candidate) == stem)
                {
                    return candidate;
                }
            }

            return LowerFirst(stem);
        }

        var key = logicalId.EndsWith("Function", StringComparison.Ordinal) && logicalId.Length > "Function".Length
            ? logicalId[..^"Function".Length]
            : logicalId;
        return LowerFirst(key);
    }

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    public static MappingNode Read(SamReadContext ctx, string logicalId, string key, MappingNode resource, MappingNode? globals,
        bool layersInProvider)
    {
        var properties = SamReadContext.Properties(resource) ?? new MappingNode(resource.Span, []);
        var f = new SamMapping(resource.Span);
        f.Copy("name", properties, "FunctionName");
        f.Copy("description", properties, "Description");
        Code(ctx, f, properties, globals);
        foreach (var (sam, sls) in ProviderGlobals)
        {
            if (sam == "Layers" && !layersInProvider)
            {
                Layers(f, properties, globals);
                continue;
            }

            if (properties.Entry(sam) is { } entry)
            {
                f.Add(sls, entry.Key.Span, Setting(sam, entry.Value));
            }
        }

        foreach (var entry in globals?.Entries.Where(e => !ProviderGlobals.ContainsKey(e.Key.Text) && properties.Entry(e.Key.Text) is null) ?? [])
        {
            ctx.Comment(entry.Key, $"from Globals.Function.{entry.Key.Text}");
        }

        var merged = Merged(properties, globals);
        Role(ctx, f, merged, logicalId);
        OnError(ctx, f, merged);
        InvokeConfig(f, merged);
        f.Copy("reservedConcurrency", merged, "ReservedConcurrentExecutions");
        if (merged["ProvisionedConcurrencyConfig"] is MappingNode pc)
        {
            f.Copy("provisionedConcurrency", pc, "ProvisionedConcurrentExecutions");
        }

        if (merged.Entry("AutoPublishAlias") is { } alias && merged["ProvisionedConcurrencyConfig"] is null)
        {
            f.Add("versionFunction", alias.Key.Span, SamNodes.Bool(true, alias.Value.Span));
            ctx.Approximated(alias.Key, "the Framework publishes a version of every function but makes an alias only for " +
                "provisioned concurrency: AutoPublishAlias becomes 'versionFunction: true'");
        }

        if (merged["SnapStart"] is MappingNode snap && SamNodes.Literal(snap["ApplyOn"]) == "PublishedVersions")
        {
            f.Add("snapStart", merged.Entry("SnapStart")!.Key.Span, SamNodes.Bool(true, snap.Span));
        }

        if (merged["EphemeralStorage"] is MappingNode storage)
        {
            f.Copy("ephemeralStorageSize", storage, "Size");
        }

        if (merged["FileSystemConfigs"] is SequenceNode { Items: [MappingNode fs, ..] })
        {
            f.Add("fileSystemConfig", merged.Entry("FileSystemConfigs")!.Key.Span,
                new SamMapping(fs.Span).Copy("arn", fs, "Arn").Copy("localMountPath", fs, "LocalMountPath").Build());
        }

        Url(f, merged);
        if (merged["RuntimeManagementConfig"] is MappingNode rm)
        {
            f.Add("runtimeManagement", merged.Entry("RuntimeManagementConfig")!.Key.Span, new SamMapping(rm.Span)
                .Copy("mode", rm, "UpdateRuntimeOn", v => SamNodes.Literal(v) is { } mode
                    ? SamNodes.Text(mode switch { "Auto" => "auto", "FunctionUpdate" => "onFunctionUpdate", "Manual" => "manual", _ => mode }, v.Span)
                    : v)
                .Copy("arn", rm, "RuntimeVersionArn").Build());
        }

        if (resource.Entry("Condition") is { } condition)
        {
            f.Add("condition", condition.Key.Span, condition.Value);
        }

        var logGroup = SamNaming.FunctionName(key) + "LogGroup";
        if (resource.Entry("DependsOn") is { } dependsOn)
        {
            var others = SamNodes.Items(dependsOn.Value).Where(d => SamNodes.Literal(d) != logGroup).ToList();
            if (others.Count > 0)
            {
                f.Add("dependsOn", dependsOn.Key.Span, SamNodes.List(dependsOn.Value.Span, others));
            }
        }

        LogGroup(ctx, f, logGroup);
        var events = SamEventReader.Read(ctx, key, merged);
        if (events.Count > 0)
        {
            f.Add("events", properties.Entry("Events")!.Key.Span, SamNodes.List(properties["Events"]!.Span, events));
        }

        return f.Build();
    }

    /// <summary>The function's properties over <c>Globals.Function</c>'s (the function wins), for the settings read once.</summary>
    private static MappingNode Merged(MappingNode properties, MappingNode? globals)
    {
        if (globals is null)
        {
            return properties;
        }

        var entries = properties.Entries.ToList();
        entries.AddRange(globals.Entries.Where(g => !ProviderGlobals.ContainsKey(g.Key.Text) && properties.Entry(g.Key.Text) is null));
        return new MappingNode(properties.Span, entries);
    }

    /// <summary>A SAM setting as the Framework's: the first architecture, the environment's variables, tracing mode.</summary>
    public static Node? Setting(string samKey, Node value) => samKey switch
    {
        "Architectures" => value is SequenceNode { Items: [var first, ..] } ? first : value,
        "Environment" => (value as MappingNode)?["Variables"],
        "VpcConfig" when value is MappingNode vpc => new SamMapping(vpc.Span)
            .Copy("securityGroupIds", vpc, "SecurityGroupIds")
            .Copy("subnetIds", vpc, "SubnetIds")
            .Copy("ipv6AllowedForDualStack", vpc, "Ipv6AllowedForDualStack").Build(),
        _ => value,
    };

    /// <summary><c>Layers</c>: SAM appends a function's list to <c>Globals.Function.Layers</c>; the Framework's function
    /// list replaces the provider's, so the function gets both.</summary>
    private static void Layers(SamMapping f, MappingNode properties, MappingNode? globals)
    {
        var global = globals?.Entry("Layers");
        var own = properties.Entry("Layers");
        if (global is null && own is null)
        {
            return;
        }

        var items = SamNodes.Items(global?.Value).Concat(SamNodes.Items(own?.Value)).ToList();
        var at = (own ?? global)!;
        f.Add("layers", at.Key.Span, SamNodes.List(at.Value.Span, items));
    }

    /// <summary><c>CodeUri</c> and <c>Handler</c>: the Framework packages the service directory, so a code folder goes in
    /// front of the handler; an S3 URI or a zip is the package artifact. Image functions take <c>ImageUri</c>/<c>ImageConfig</c>.</summary>
    private static void Code(SamReadContext ctx, SamMapping f, MappingNode properties, MappingNode? globals)
    {
        var merged = Merged(properties, globals);
        if (SamNodes.Literal(merged["PackageType"]) == "Image")
        {
            var image = new SamMapping(merged.Entry("ImageUri")?.Value.Span ?? properties.Span);
            image.Copy("uri", merged, "ImageUri");
            if (merged["ImageConfig"] is MappingNode config)
            {
                image.Copy("command", config, "Command").Copy("entryPoint", config, "EntryPoint")
                    .Copy("workingDirectory", config, "WorkingDirectory");
            }

            if (image["uri"] is null)
            {
                ctx.LeftOut(properties, "an image function without ImageUri is built by `sam build`: set image.uri or provider.ecr.images");
            }

            f.Add("image", merged.Entry("ImageUri")?.Key.Span ?? properties.Span, image.Build());
            return;
        }

        var code = merged.Entry("CodeUri");
        var folder = code?.Value is ScalarNode { IsNull: false } uri && !IsArtifact(uri.Text) ? uri.Text.Trim().TrimEnd('/') : null;
        if (folder is "." or "./")
        {
            folder = null;
        }

        if (merged.Entry("Handler") is { } handler)
        {
            var value = folder is not null && handler.Value is ScalarNode { IsNull: false } h
                ? SamNodes.Text(folder.TrimStart('.', '/') + "/" + h.Text, h.Span)
                : handler.Value;
            f.Add("handler", handler.Key.Span, value);
            if (folder is not null)
            {
                ctx.Comment(handler.Key, $"CodeUri {folder}/ joined to the handler: the Framework packages the service directory");
            }
        }

        f.Copy("runtime", properties, "Runtime");
        if (code?.Value is ScalarNode { IsNull: false } artifact && IsArtifact(artifact.Text))
        {
            f.Add("package", code.Key.Span, new SamMapping(code.Value.Span).Add("artifact", code.Key.Span, artifact).Build());
        }
        else if (code?.Value is MappingNode location && SamNodes.Literal(location["Bucket"]) is { } bucket && SamNodes.Literal(location["Key"]) is { } objectKey)
        {
            f.Add("package", code.Key.Span, new SamMapping(code.Value.Span)
                .Add("artifact", code.Key.Span, SamNodes.Text($"s3://{bucket}/{objectKey}", location.Span)).Build());
        }
    }

    private static bool IsArtifact(string uri) =>
        uri.StartsWith("s3://", StringComparison.Ordinal) || uri.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ||
        uri.EndsWith(".jar", StringComparison.OrdinalIgnoreCase);

    private static void Role(SamReadContext ctx, SamMapping f, MappingNode merged, string logicalId)
    {
        if (merged.Entry("Role") is { } role)
        {
            if (SamNodes.ReferencedId(role.Value) == SamReadContext.FrameworkRole)
            {
                ctx.Renames[logicalId + "Role"] = SamReadContext.FrameworkRole;
            }
            else
            {
                f.Add("role", role.Key.Span, role.Value);
            }

            if (merged.Entry("Policies") is { } ignored)
            {
                ctx.Approximated(ignored.Key, "SAM ignores Policies when a function sets Role: they are left out");
            }

            return;
        }

        ctx.Renames[logicalId + "Role"] = SamReadContext.FrameworkRole;
        if (merged.Entry("Policies") is { } policies)
        {
            SamPolicies.Read(ctx, policies);
        }

        if (merged.Entry("PermissionsBoundary") is { } boundary)
        {
            ctx.Approximated(boundary.Key, "the permissions boundary applies to the service's one role");
        }
    }

    private static void OnError(SamReadContext ctx, SamMapping f, MappingNode merged)
    {
        if (merged.Entry("DeadLetterQueue") is not { Value: MappingNode dlq } entry)
        {
            return;
        }

        if (SamNodes.Literal(dlq["Type"]) == "SNS")
        {
            f.Copy("onError", dlq, "TargetArn");
            return;
        }

        ctx.LeftOut(entry.Key, "the Framework's 'onError' takes only an SNS topic: the SQS dead-letter queue is left out " +
            "(use 'destinations.onFailure' for failed asynchronous invocations)");
    }

    private static void InvokeConfig(SamMapping f, MappingNode merged)
    {
        if (merged["EventInvokeConfig"] is not MappingNode config)
        {
            return;
        }

        f.Copy("maximumEventAge", config, "MaximumEventAgeInSeconds");
        f.Copy("maximumRetryAttempts", config, "MaximumRetryAttempts");
        if (config["DestinationConfig"] is MappingNode destinations)
        {
            var d = new SamMapping(destinations.Span);
            foreach (var (sam, sls) in new[] { ("OnSuccess", "onSuccess"), ("OnFailure", "onFailure") })
            {
                if (destinations.Entry(sam) is { Value: MappingNode target } entry)
                {
                    var type = SamNodes.Literal(target["Type"]) switch
                    {
                        "SQS" => "sqs",
                        "SNS" => "sns",
                        "EventBridge" => "eventBus",
                        _ => "function",
                    };
                    d.Add(sls, entry.Key.Span, new SamMapping(target.Span)
                        .Copy("arn", target, "Destination")
                        .Add("type", target.Entry("Type")?.Key.Span ?? target.Span, SamNodes.Text(type, target.Span)).Build());
                }
            }

            f.Add("destinations", config.Entry("DestinationConfig")!.Key.Span, d.Build());
        }
    }

    private static void Url(SamMapping f, MappingNode merged)
    {
        if (merged.Entry("FunctionUrlConfig") is not { Value: MappingNode config } entry)
        {
            return;
        }

        var url = new SamMapping(config.Span);
        if (SamNodes.Literal(config["AuthType"]) == "AWS_IAM")
        {
            url.Add("authorizer", config.Entry("AuthType")!.Key.Span, SamNodes.Text("aws_iam", config["AuthType"]!.Span));
        }

        url.Copy("invokeMode", config, "InvokeMode");
        if (config["Cors"] is MappingNode cors)
        {
            url.Add("cors", config.Entry("Cors")!.Key.Span, new SamMapping(cors.Span)
                .Copy("allowedOrigins", cors, "AllowOrigins")
                .Copy("allowedHeaders", cors, "AllowHeaders")
                .Copy("allowedMethods", cors, "AllowMethods")
                .Copy("allowCredentials", cors, "AllowCredentials")
                .Copy("exposedResponseHeaders", cors, "ExposeHeaders")
                .Copy("maxAge", cors, "MaxAge").Build());
        }

        f.Add("url", entry.Key.Span, url.Count == 0 ? SamNodes.Bool(true, config.Span) : url.Build());
    }

    /// <summary>The log group the Framework creates for the function (and <c>spec convert --to sam</c> writes): its
    /// retention becomes the function's, the resource is the Framework's again.</summary>
    private static void LogGroup(SamReadContext ctx, SamMapping f, string logGroupId)
    {
        if (ctx.TypeOf(logGroupId) != "AWS::Logs::LogGroup")
        {
            return;
        }

        var properties = SamReadContext.Properties(ctx.Resource(logGroupId));
        ctx.Consumed.Add(logGroupId);
        f.Copy("logRetentionInDays", properties, "RetentionInDays");
        f.Copy("logDataProtectionPolicy", properties, "DataProtectionPolicy");
    }
}

/// <summary>The Framework's logical-id spelling (<c>getNormalizedFunctionName</c>, <c>normalizeNameToAlphaNumericOnly</c>).</summary>
internal static class SamNaming
{
    public static string FunctionName(string key) =>
        UpperFirst(key.Replace("-", "Dash", StringComparison.Ordinal).Replace("_", "Underscore", StringComparison.Ordinal));

    public static string AlphaNumeric(string name) => UpperFirst(new string([.. name.Where(char.IsAsciiLetterOrDigit)]));

    private static string UpperFirst(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
