using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// <c>functions</c>: each function with its effective settings (function &gt; provider &gt; default) and its
/// events.
/// </summary>
internal sealed class FunctionBinder(BindContext ctx, CommonSettingsBinder settingsBinder, IamBinder iamBinder,
    string serviceName, string stage)
{
    private static Setting<T> Effective<T>(Spanned<T>? onFunction, Setting<T> inherited) =>
        onFunction is null
            ? inherited
            : new Setting<T>(onFunction.Value, onFunction.Node, SettingSource.Function) { DefaultValue = inherited.DefaultValue };

    public (IReadOnlyList<Function> Functions, IReadOnlyList<UnboundEntry> Unbound) BindFunctions(Node? node, Provider provider)
    {
        var entries = FunctionEntries(node);
        var list = new List<Function>(entries.Count);
        var unbound = new List<UnboundEntry>();
        InheritedSettings? inherited = null;
        foreach (var entry in entries)
        {
            if (entry.Value is ScalarNode { IsNull: true })
            {
                continue; // The Framework drops null functions.
            }

            var path = $"functions.{entry.Key.Text}";
            if (ctx.Mapping(entry.Value, path) is not { } map)
            {
                unbound.Add(new UnboundEntry(entry.Key.Text, entry.Key, entry.Value));
                continue;
            }

            list.Add(BindFunction(entry.Key, map, path, provider, inherited ??= Inherited(provider)));
        }

        return (list, unbound);
    }

    /// <summary>The function entries: a mapping, or the legacy list of one-key mappings merged in order.</summary>
    private List<MappingEntry> FunctionEntries(Node? node)
    {
        switch (node)
        {
            case null:
                return [];
            case MappingNode m when !BindContext.IsIntrinsic(m):
                return [.. m.Entries];
            case SequenceNode seq:
                {
                    var merged = new List<MappingEntry>();
                    for (var i = 0; i < seq.Items.Count; i++)
                    {
                        if (ctx.Mapping(seq.Items[i], $"functions[{i}]") is not { } item)
                        {
                            continue;
                        }

                        foreach (var e in item.Entries)
                        {
                            var existing = merged.FindIndex(x => x.Key.Text == e.Key.Text);
                            if (existing < 0)
                            {
                                merged.Add(e);
                            }
                            else
                            {
                                merged[existing] = new MappingEntry(merged[existing].Key, MergeShallow(merged[existing].Value, e.Value));
                            }
                        }
                    }

                    return merged;
                }

            default:
                ctx.WrongType(node, "functions", "a mapping of function names to functions");
                return [];
        }
    }

    /// <summary>Merges two function mappings key by key (later keys win), as the Framework's array merge does.</summary>
    private static Node MergeShallow(Node earlier, Node later)
    {
        if (earlier is not MappingNode a || later is not MappingNode b)
        {
            return later;
        }

        var entries = new List<MappingEntry>(a.Entries);
        foreach (var e in b.Entries)
        {
            var i = entries.FindIndex(x => x.Key.Text == e.Key.Text);
            if (i < 0)
            {
                entries.Add(e);
            }
            else
            {
                entries[i] = e;
            }
        }

        return new MappingNode(b.Span, entries);
    }

    /// <summary>The settings a function inherits from the provider when it does not set them: the same for every
    /// function, so made once (a setting is immutable) instead of once per function.</summary>
    private sealed record InheritedSettings(Setting<string?> KmsKeyArn, Setting<string?> Tracing, Setting<int?> LogRetentionInDays,
        Setting<string?> HttpApiPayload, Setting<VpcConfig?> Vpc, Setting<IReadOnlyList<Spanned<string?>>> Layers);

    private InheritedSettings Inherited(Provider provider) => new(
        provider.KmsKeyArn is { } pk
            ? new Setting<string?>(pk.Value, pk.Node, SettingSource.Provider)
            : Setting<string?>.Default(null),
        provider.Tracing?.Lambda is { } pt
            ? new Setting<string?>(pt.Value, pt.Node, SettingSource.Provider)
            : Setting<string?>.Default(null),
        provider.LogRetentionInDays is { } pr
            ? new Setting<int?>(pr.Value, pr.Node, SettingSource.Provider)
            : Setting<int?>.Default(null),
        provider.HttpApi?.Payload is { } written
            ? new Setting<string?>(written.Value, written.Node, SettingSource.Provider) { DefaultValue = ctx.Default<string?>("provider.httpApi.payload") }
            : Setting<string?>.Default(ctx.Default<string?>("provider.httpApi.payload")),
        provider.Vpc is null
            ? Setting<VpcConfig?>.Default(null)
            : new Setting<VpcConfig?>(provider.Vpc, provider.Vpc.Node, SettingSource.Provider),
        provider.LayersNode is null
            ? Setting<IReadOnlyList<Spanned<string?>>>.Default([])
            : new Setting<IReadOnlyList<Spanned<string?>>>(provider.Layers, provider.LayersNode, SettingSource.Provider));

    private Function BindFunction(ScalarNode key, MappingNode f, SpecPath path, Provider provider, InheritedSettings inherited)
    {
        ctx.CheckKeys(f, path, "functions.*");
        var handler = ctx.String(f, "handler", path);
        var image = BindImage(BindContext.Get(f, "image"), path.Key("image"));
        if (handler is null && image is null)
        {
            ctx.MissingKey(f, path, "handler", "a function needs 'handler' (or 'image' for a container image)");
        }

        var (events, unboundEvents) = FunctionEventsBinder.Bind(ctx, key.Text, BindContext.Get(f, "events"), path.Key("events"));
        var isEdge = events.Any(e => e is CloudFrontEvent);

        var runtime = Effective(ctx.String(f, "runtime", path),
            image is not null && !provider.Runtime.IsWritten ? Setting<string?>.Default(null) : provider.Runtime);
        // Lambda@Edge functions get 128 MB / 5 s unless the function itself sets them (the provider's are ignored).
        var memory = Effective(ctx.Int(f, "memorySize", path),
            isEdge ? Setting<int?>.Default(Defaults.EdgeMemorySize) : provider.MemorySize);
        var timeout = Effective(ctx.Int(f, "timeout", path),
            isEdge ? Setting<int?>.Default(Defaults.EdgeTimeout) : provider.Timeout);

        var name = ctx.String(f, "name", path);
        var defaultName = $"{serviceName}-{stage}-{key.Text}";
        var environment = MergeByName(provider.Environment,
            settingsBinder.BindEnvironment(BindContext.Get(f, "environment"), path.Key("environment"), SettingSource.Function), e => e.Name);
        var tags = MergeByName(provider.Tags, settingsBinder.BindTags(BindContext.Get(f, "tags"), path.Key("tags")), t => t.Key);

        var providerVersioning = provider.VersionFunctions;
        var kms = ctx.String(f, "kmsKeyArn", path) ?? ctx.String(f, "awsKmsKeyArn", path);
        var (providerKms, providerTracing, providerRetention, providerPayload, providerVpc, providerLayers) = inherited;
        Spanned<string?>? payload = null; // bound in the initializer's order (its diagnostics stay in place), read after
        return new Function
        {
            Key = key.Text,
            KeyNode = key,
            Node = f,
            Name = name is null
                ? Setting<string?>.Default(defaultName)
                : new Setting<string?>(name.Value, name.Node, SettingSource.Function) { DefaultValue = defaultName },
            Handler = handler,
            Image = image,
            Description = ctx.String(f, "description", path),
            Runtime = runtime,
            RuntimeManagement = settingsBinder.BindRuntimeManagement(BindContext.Get(f, "runtimeManagement"), path.Key("runtimeManagement"), "functions.*.runtimeManagement")
                ?? provider.RuntimeManagement,
            MemorySize = memory,
            Timeout = timeout,
            Architecture = Effective(ctx.String(f, "architecture", path), provider.Architecture),
            Environment = environment,
            Tags = tags,
            Role = BindFunctionRole(BindContext.Get(f, "role"), path.Key("role")),
            Vpc = BindFunctionVpc(f, path, providerVpc),
            Layers = BindFunctionLayers(f, path, providerLayers),
            KmsKeyArn = Effective(kms, providerKms),
            Tracing = Effective(ctx.String(f, "tracing", path), providerTracing),
            OnError = ctx.ScalarOrIntrinsic(BindContext.Get(f, "onError"), path.Key("onError")),
            Destinations = BindDestinations(BindContext.Get(f, "destinations"), path.Key("destinations")),
            MaximumRetryAttempts = ctx.Int(f, "maximumRetryAttempts", path),
            MaximumEventAge = ctx.Int(f, "maximumEventAge", path),
            ReservedConcurrency = ctx.Int(f, "reservedConcurrency", path),
            ProvisionedConcurrency = ctx.Int(f, "provisionedConcurrency", path),
            SnapStart = ctx.Bool(f, "snapStart", path),
            VersionFunction = Effective(ctx.Bool(f, "versionFunction", path), providerVersioning),
            Url = BindUrl(BindContext.Get(f, "url"), path.Key("url")),
            EphemeralStorageSize = ctx.Int(f, "ephemeralStorageSize", path),
            FileSystemConfig = BindFileSystem(BindContext.Get(f, "fileSystemConfig"), path.Key("fileSystemConfig")),
            LogRetentionInDays = Effective(ctx.Int(f, "logRetentionInDays", path), providerRetention),
            LogDataProtectionPolicy = BindContext.Get(f, "logDataProtectionPolicy") ?? provider.LogDataProtectionPolicy,
            DisableLogs = ctx.Bool(f, "disableLogs", path),
            Condition = ctx.String(f, "condition", path),
            DependsOn = ctx.StringList(f, "dependsOn", path),
            Package = settingsBinder.BindPackage(BindContext.Get(f, "package"), path.Key("package"), "functions.*.package"),
            HttpApiPayload = payload = BindFunctionHttpApi(BindContext.Get(f, "httpApi"), path.Key("httpApi")),
            IamRoleStatements = iamBinder.BindStatements(BindContext.Get(f, "iamRoleStatements"), path.Key("iamRoleStatements"), "functions.*.iamRoleStatements"),
            IamRoleStatementsOptions = BindContext.Get(f, "iamRoleStatementsName") ?? BindContext.Get(f, "iamRoleStatementsInherit"),
            Events = events,
            UnboundEvents = unboundEvents,
            HttpApiPayloadVersion = Effective(payload, providerPayload),
        };
    }

    /// <summary>Object.assign(provider, function): provider entries first, function entries override in place or
    /// are appended.</summary>
    private static List<T> MergeByName<T>(IReadOnlyList<T> inherited, IReadOnlyList<T> own, Func<T, string> name)
    {
        var merged = new List<T>(inherited);
        foreach (var item in own)
        {
            var i = IndexOfName(merged, name(item), name);
            if (i < 0)
            {
                merged.Add(item);
            }
            else
            {
                merged[i] = item;
            }
        }

        return merged;
    }

    private static int IndexOfName<T>(List<T> items, string wanted, Func<T, string> name)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (name(items[i]) == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private Node? BindFunctionRole(Node? node, SpecPath path)
    {
        // A role is an ARN, a logical id, an intrinsic, or a raw role object.
        return node switch
        {
            null => null,
            ScalarNode or MappingNode => node,
            _ => settingsBinder.Reject(node, path, "a role ARN, a logical id or a CloudFormation function"),
        };
    }

    private Setting<VpcConfig?> BindFunctionVpc(MappingNode f, SpecPath path, Setting<VpcConfig?> inherited)
    {
        var entry = f.Entry("vpc");
        if (entry is null)
        {
            return inherited;
        }

        // 'vpc: null' / 'vpc: false' opt the function out of the provider VPC.
        if (entry.Value is ScalarNode { IsNull: true } or ScalarNode { Kind: ScalarKind.Bool })
        {
            return new Setting<VpcConfig?>(null, entry.Value, SettingSource.Function);
        }

        return new Setting<VpcConfig?>(settingsBinder.BindVpc(entry.Value, path.Key("vpc"), "functions.*.vpc"), entry.Value, SettingSource.Function);
    }

    private Setting<IReadOnlyList<Spanned<string?>>> BindFunctionLayers(MappingNode f, SpecPath path,
        Setting<IReadOnlyList<Spanned<string?>>> inherited)
    {
        if (BindContext.Get(f, "layers") is { } own)
        {
            return new Setting<IReadOnlyList<Spanned<string?>>>(ctx.StringList(own, path.Key("layers")), own, SettingSource.Function);
        }

        return inherited;
    }

    private FunctionImage? BindImage(Node? node, SpecPath path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                var isUri = s.Text.Contains('/', StringComparison.Ordinal) || s.Text.Contains('@', StringComparison.Ordinal);
                return new FunctionImage
                {
                    Node = s,
                    Uri = isUri ? new Spanned<string?>(s.Text, s) : null,
                    Name = isUri ? null : new Spanned<string?>(s.Text, s),
                };
            case var n when BindContext.IsIntrinsic(n):
                return new FunctionImage { Node = n, Uri = new Spanned<string?>(null, n) };
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.image");
        if (BindContext.Get(map, "name") is null && BindContext.Get(map, "uri") is null)
        {
            ctx.MissingKey(map, path, "name", "an image object needs 'name' (of provider.ecr.images) or 'uri'");
        }

        return new FunctionImage
        {
            Node = map,
            Name = ctx.String(map, "name", path),
            Uri = ctx.String(map, "uri", path),
            WorkingDirectory = ctx.String(map, "workingDirectory", path),
            Command = ctx.StringList(map, "command", path),
            EntryPoint = ctx.StringList(map, "entryPoint", path),
        };
    }

    private Destinations? BindDestinations(Node? node, SpecPath path)
    {
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.destinations");
        return new Destinations(
            DestinationTargets.Bind(ctx, BindContext.Get(map, "onSuccess"), path.Key("onSuccess"), "functions.*.destinations.onSuccess"),
            DestinationTargets.Bind(ctx, BindContext.Get(map, "onFailure"), path.Key("onFailure"), "functions.*.destinations.onFailure"),
            map);
    }

    private FunctionUrl? BindUrl(Node? node, SpecPath path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode:
                var enabled = ctx.Bool(node, path);
                return enabled?.Value == true ? new FunctionUrl { Node = node } : null;
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.url");
        return new FunctionUrl
        {
            Node = map,
            Authorizer = ctx.String(map, "authorizer", path),
            Cors = BindContext.Get(map, "cors"),
            InvokeMode = ctx.OrDefault(ctx.String(map, "invokeMode", path), "functions.*.url.invokeMode"),
        };
    }

    private FileSystemConfig? BindFileSystem(Node? node, SpecPath path)
    {
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.fileSystemConfig");
        ctx.RequireKeys(map, path, "functions.*.fileSystemConfig");
        return new FileSystemConfig(ctx.String(map, "arn", path), ctx.String(map, "localMountPath", path), map);
    }

    private Spanned<string?>? BindFunctionHttpApi(Node? node, SpecPath path)
    {
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.httpApi");
        return ctx.String(map, "payload", path);
    }
}
