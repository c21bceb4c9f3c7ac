using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>provider</c> (AWS): its settings with the Framework's defaults, and the sections only the provider has.</summary>
internal sealed class ProviderBinder(BindContext ctx, CommonSettingsBinder settingsBinder, IamBinder iamBinder,
    ApiSettingsBinder apiBinder, string serviceName, string stage)
{
    private static Setting<T> FromProvider<T>(Spanned<T>? written, T defaultValue) =>
        written is null
            ? Setting<T>.Default(defaultValue)
            : new Setting<T>(written.Value, written.Node, SettingSource.Provider) { DefaultValue = defaultValue };

    public Provider BindProvider(Node? node, MappingNode root)
    {
        var stackNameDefault = Defaults.StackName(serviceName, stage);
        if (node is not MappingNode p)
        {
            // 'provider: aws' (checked by IsAwsProvider): an empty provider, so every setting takes the catalogue's default.
            var written = node ?? root;
            return BindProvider(new MappingNode(written.Span, []), root) with
            {
                Node = written,
                Name = new Spanned<string>("aws", written),
            };
        }

        const string path = "provider";
        ctx.CheckKeys(p, path, "provider");

        var environment = settingsBinder.BindEnvironment(BindContext.Get(p, "environment"), "provider.environment", SettingSource.Provider);
        var layersNode = BindContext.Get(p, "layers");
        return new Provider
        {
            Node = p,
            Name = new Spanned<string>("aws", p["name"] ?? p),
            Stage = ctx.String(p, "stage", path),
            Region = ctx.String(p, "region", path),
            Profile = ctx.String(p, "profile", path),
            Runtime = FromProvider(ctx.String(p, "runtime", path), ctx.Default<string?>("provider.runtime")),
            RuntimeManagement = settingsBinder.BindRuntimeManagement(BindContext.Get(p, "runtimeManagement"), "provider.runtimeManagement", "provider.runtimeManagement"),
            MemorySize = FromProvider(ctx.Int(p, "memorySize", path), ctx.Default<int?>("provider.memorySize")),
            Timeout = FromProvider(ctx.Int(p, "timeout", path), ctx.Default<int?>("provider.timeout")),
            Architecture = FromProvider(ctx.String(p, "architecture", path), ctx.Default<string?>("provider.architecture")),
            Environment = environment,
            EnvironmentNode = BindContext.Get(p, "environment"),
            Tags = settingsBinder.BindTags(BindContext.Get(p, "tags"), "provider.tags"),
            StackTags = settingsBinder.BindTags(BindContext.Get(p, "stackTags"), "provider.stackTags"),
            StackName = FromProvider(ctx.String(p, "stackName", path), (string?)stackNameDefault),
            StackParameters = BindContext.Get(p, "stackParameters"),
            StackPolicy = iamBinder.BindStatements(BindContext.Get(p, "stackPolicy"), "provider.stackPolicy", "provider.stackPolicy"),
            RollbackConfiguration = BindContext.Get(p, "rollbackConfiguration"),
            NotificationArns = ctx.StringList(p, "notificationArns", path),
            DisableRollback = ctx.Bool(p, "disableRollback", path),
            DeploymentMethod = FromProvider(ctx.String(p, "deploymentMethod", path), ctx.Default<string?>("provider.deploymentMethod")),
            DeploymentBucket = BindDeploymentBucket(BindContext.Get(p, "deploymentBucket")),
            DeploymentPrefix = FromProvider(ctx.String(p, "deploymentPrefix", path), ctx.Default<string?>("provider.deploymentPrefix")),
            Iam = iamBinder.BindIam(p),
            Vpc = settingsBinder.BindVpc(BindContext.Get(p, "vpc"), "provider.vpc", "provider.vpc"),
            VpcEndpointIds = BindContext.Get(p, "vpcEndpointIds"),
            KmsKeyArn = ctx.String(p, "kmsKeyArn", path),
            Layers = ctx.StringList(layersNode, "provider.layers"),
            LayersNode = layersNode,
            LogRetentionInDays = ctx.Int(p, "logRetentionInDays", path),
            LogDataProtectionPolicy = BindContext.Get(p, "logDataProtectionPolicy"),
            Logs = BindLogs(BindContext.Get(p, "logs")),
            Tracing = BindTracing(BindContext.Get(p, "tracing")),
            VersionFunctions = FromProvider(ctx.Bool(p, "versionFunctions", path), ctx.Default<bool?>("provider.versionFunctions")),
            LambdaHashingVersion = ctx.String(p, "lambdaHashingVersion", path),
            EndpointType = FromProvider(ctx.String(p, "endpointType", path), ctx.Default<string?>("provider.endpointType")),
            ApiName = ctx.String(p, "apiName", path),
            ApiGateway = apiBinder.BindApiGateway(BindContext.Get(p, "apiGateway")),
            HttpApi = apiBinder.BindHttpApi(BindContext.Get(p, "httpApi")),
            Websocket = CheckedRaw(p, "websocket", path),
            WebsocketsApiName = ctx.String(p, "websocketsApiName", path),
            WebsocketsApiRouteSelectionExpression =
                FromProvider(ctx.String(p, "websocketsApiRouteSelectionExpression", path), ctx.Default<string?>("provider.websocketsApiRouteSelectionExpression")),
            WebsocketsDescription = FromProvider(ctx.String(p, "websocketsDescription", path), ctx.Default<string?>("provider.websocketsDescription")),
            Alb = BindAlb(BindContext.Get(p, "alb")),
            CloudFront = CheckedRaw(p, "cloudFront", path),
            EventBridge = CheckedRaw(p, "eventBridge", path),
            Ecr = BindEcr(BindContext.Get(p, "ecr")),
            Kinesis = CheckedRaw(p, "kinesis", path),
            S3 = BindProviderS3(BindContext.Get(p, "s3")),
            IgnoredV2Keys = ctx.MovedEntries(p, path),
        };
    }

    /// <summary>A small object kept raw, after checking its type and keys (<paramref name="path"/> has no map
    /// segment, so it is also the object's catalogue path).</summary>
    private Node? CheckedRaw(MappingNode parent, string key, string path)
    {
        var node = BindContext.Get(parent, key);
        if (ctx.Mapping(node, BindContext.Join(path, key)) is { } map)
        {
            ctx.CheckKeys(map, BindContext.Join(path, key), BindContext.Join(path, key));
        }

        return node;
    }

    private DeploymentBucket? BindDeploymentBucket(Node? node)
    {
        const string path = "provider.deploymentBucket";
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                return new DeploymentBucket { Node = s, Name = new Spanned<string?>(s.Text, s) };
            case var n when BindContext.IsIntrinsic(n):
                return new DeploymentBucket { Node = n, Name = new Spanned<string?>(null, n) };
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.deploymentBucket");
        return new DeploymentBucket
        {
            Node = map,
            Name = ctx.String(map, "name", path),
            MaxPreviousDeploymentArtifacts = ctx.OrDefault(ctx.Int(map, "maxPreviousDeploymentArtifacts", path),
                "provider.deploymentBucket.maxPreviousDeploymentArtifacts"),
            BlockPublicAccess = ctx.Bool(map, "blockPublicAccess", path),
            SkipPolicySetup = ctx.Bool(map, "skipPolicySetup", path),
            Versioning = ctx.Bool(map, "versioning", path),
            ServerSideEncryption = ctx.String(map, "serverSideEncryption", path),
            SseKmsKeyId = ctx.String(map, "sseKMSKeyId", path),
            SseCustomerAlgorithm = ctx.String(map, "sseCustomerAlgorithim", path) ?? ctx.String(map, "sseCustomerAlgorithm", path),
            SseCustomerKey = ctx.String(map, "sseCustomerKey", path),
            SseCustomerKeyMd5 = ctx.String(map, "sseCustomerKeyMD5", path),
            Tags = settingsBinder.BindTags(BindContext.Get(map, "tags"), path + ".tags"),
        };
    }

    private LogsConfig? BindLogs(Node? node)
    {
        const string path = "provider.logs";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.logs");
        return new LogsConfig
        {
            Node = map,
            FrameworkLambda = ctx.Bool(map, "frameworkLambda", path),
            RestApi = BoolOrObject(map, "restApi", path),
            HttpApi = BoolOrObject(map, "httpApi", path),
            Websocket = BoolOrObject(map, "websocket", path),
        };
    }

    private Node? BoolOrObject(MappingNode map, string key, string path)
    {
        var node = BindContext.Get(map, key);
        return node switch
        {
            null => null,
            ScalarNode => ctx.Bool(node, BindContext.Join(path, key))?.Node,
            MappingNode => node,
            _ => settingsBinder.Reject(node, BindContext.Join(path, key), "true or a mapping"),
        };
    }

    private TracingConfig? BindTracing(Node? node)
    {
        const string path = "provider.tracing";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.tracing");
        return new TracingConfig(ctx.Bool(map, "apiGateway", path), ctx.String(map, "lambda", path), map);
    }

    private AlbConfig? BindAlb(Node? node)
    {
        const string path = "provider.alb";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.alb");
        return new AlbConfig(ctx.String(map, "targetGroupPrefix", path), ctx.Mapping(map, "authorizers", path), map);
    }

    private EcrConfig? BindEcr(Node? node)
    {
        const string path = "provider.ecr";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.ecr");
        var images = new List<EcrImage>();
        if (ctx.Mapping(map, "images", path) is { } imgs)
        {
            foreach (var entry in imgs.Entries)
            {
                var ipath = $"{path}.images.{entry.Key.Text}";
                if (entry.Value is ScalarNode { IsNull: false } s)
                {
                    images.Add(new EcrImage { Name = entry.Key.Text, KeyNode = entry.Key, Node = s, Uri = new Spanned<string?>(s.Text, s) });
                    continue;
                }

                if (ctx.Mapping(entry.Value, ipath) is not { } img)
                {
                    continue;
                }

                ctx.CheckKeys(img, ipath, "provider.ecr.images.*");
                if (BindContext.Get(img, "uri") is null && BindContext.Get(img, "path") is null)
                {
                    ctx.MissingKey(img, ipath, "path", "an image needs 'uri' or 'path'");
                }

                images.Add(new EcrImage
                {
                    Name = entry.Key.Text,
                    KeyNode = entry.Key,
                    Node = img,
                    Uri = ctx.String(img, "uri", ipath),
                    Path = ctx.String(img, "path", ipath),
                    File = ctx.String(img, "file", ipath),
                    BuildArgs = BindContext.Get(img, "buildArgs"),
                    BuildOptions = BindContext.Get(img, "buildOptions"),
                    CacheFrom = ctx.StringList(img, "cacheFrom", ipath),
                    Platform = ctx.String(img, "platform", ipath),
                });
            }
        }

        return new EcrConfig(ctx.Bool(map, "scanOnPush", path), images, map);
    }

    private IReadOnlyList<ProviderS3Bucket> BindProviderS3(Node? node)
    {
        const string path = "provider.s3";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return [];
        }

        var list = new List<ProviderS3Bucket>();
        foreach (var entry in map.Entries)
        {
            var bpath = $"{path}.{entry.Key.Text}";
            if (ctx.Mapping(entry.Value, bpath) is not { } b)
            {
                continue;
            }

            list.Add(new ProviderS3Bucket(entry.Key.Text, entry.Key, ctx.String(b, "name", bpath), b, b));
        }

        return list;
    }
}
