using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

internal sealed partial class ServiceBinder
{
    private static Setting<T> FromProvider<T>(Spanned<T>? written, T defaultValue) =>
        written is null ? Setting<T>.Default(defaultValue) : new Setting<T>(written.Value, written.Node, SettingSource.Provider);

    private Provider BindProvider(Node? node, MappingNode root)
    {
        var stackNameDefault = $"{_serviceName}-{_stage}";
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

        var environment = BindEnvironment(BindContext.Get(p, "environment"), "provider.environment", SettingSource.Provider);
        var layersNode = BindContext.Get(p, "layers");
        return new Provider
        {
            Node = p,
            Name = new Spanned<string>("aws", p["name"] ?? p),
            Stage = ctx.String(p, "stage", path),
            Region = ctx.String(p, "region", path),
            Profile = ctx.String(p, "profile", path),
            Runtime = FromProvider(ctx.String(p, "runtime", path), ctx.Default<string?>("provider.runtime")),
            RuntimeManagement = BindRuntimeManagement(BindContext.Get(p, "runtimeManagement"), "provider.runtimeManagement", "provider.runtimeManagement"),
            MemorySize = FromProvider(ctx.Int(p, "memorySize", path), ctx.Default<int?>("provider.memorySize")),
            Timeout = FromProvider(ctx.Int(p, "timeout", path), ctx.Default<int?>("provider.timeout")),
            Architecture = FromProvider(ctx.String(p, "architecture", path), ctx.Default<string?>("provider.architecture")),
            Environment = environment,
            EnvironmentNode = BindContext.Get(p, "environment"),
            Tags = BindTags(BindContext.Get(p, "tags"), "provider.tags"),
            StackTags = BindTags(BindContext.Get(p, "stackTags"), "provider.stackTags"),
            StackName = FromProvider(ctx.String(p, "stackName", path), (string?)stackNameDefault),
            StackParameters = BindContext.Get(p, "stackParameters"),
            StackPolicy = BindStatements(BindContext.Get(p, "stackPolicy"), "provider.stackPolicy", "provider.stackPolicy"),
            RollbackConfiguration = BindContext.Get(p, "rollbackConfiguration"),
            NotificationArns = ctx.StringList(p, "notificationArns", path),
            DisableRollback = ctx.Bool(p, "disableRollback", path),
            DeploymentMethod = FromProvider(ctx.String(p, "deploymentMethod", path), ctx.Default<string?>("provider.deploymentMethod")),
            DeploymentBucket = BindDeploymentBucket(BindContext.Get(p, "deploymentBucket")),
            DeploymentPrefix = FromProvider(ctx.String(p, "deploymentPrefix", path), ctx.Default<string?>("provider.deploymentPrefix")),
            Iam = BindIam(p),
            Vpc = BindVpc(BindContext.Get(p, "vpc"), "provider.vpc", "provider.vpc"),
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
            ApiGateway = BindApiGateway(BindContext.Get(p, "apiGateway")),
            HttpApi = BindHttpApi(BindContext.Get(p, "httpApi")),
            Websocket = CheckedRaw(p, "websocket", path),
            WebsocketsApiName = ctx.String(p, "websocketsApiName", path),
            WebsocketsApiRouteSelectionExpression =
                FromProvider(ctx.String(p, "websocketsApiRouteSelectionExpression", path),
                    ctx.Default<string?>("provider.websocketsApiRouteSelectionExpression")),
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

    internal IReadOnlyList<EnvironmentVariable> BindEnvironment(Node? node, string path, SettingSource source)
    {
        if (node is null || BindContext.IsIntrinsic(node) || ctx.Mapping(node, path) is not { } map)
        {
            return [];
        }

        var list = new List<EnvironmentVariable>(map.Entries.Count);
        foreach (var entry in map.Entries)
        {
            var value = entry.Value;
            if (value is SequenceNode || (value is MappingNode m && !BindContext.IsIntrinsic(m)))
            {
                ctx.WrongType(value, $"{path}.{entry.Key.Text}", "a string, a number or a CloudFormation function");
                continue;
            }

            list.Add(new EnvironmentVariable(entry.Key.Text, entry.Key, value, source));
        }

        return list;
    }

    internal IReadOnlyList<Tag> BindTags(Node? node, string path)
    {
        if (ctx.Mapping(node, path) is not { } map)
        {
            return [];
        }

        var list = new List<Tag>(map.Entries.Count);
        foreach (var entry in map.Entries)
        {
            if (entry.Value is SequenceNode || (entry.Value is MappingNode m && !BindContext.IsIntrinsic(m)))
            {
                ctx.WrongType(entry.Value, $"{path}.{entry.Key.Text}", "a string");
                continue;
            }

            list.Add(new Tag(entry.Key.Text, entry.Key, entry.Value));
        }

        return list;
    }

    private RuntimeManagement? BindRuntimeManagement(Node? node, string path, string catalogPath)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                return new RuntimeManagement(new Spanned<string?>(s.Text, s), null, s);
            default:
                if (ctx.Mapping(node, path) is not { } map)
                {
                    return null;
                }

                ctx.CheckKeys(map, path, catalogPath);
                return new RuntimeManagement(ctx.String(map, "mode", path), ctx.String(map, "arn", path), map);
        }
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
            Tags = BindTags(BindContext.Get(map, "tags"), path + ".tags"),
        };
    }

    private IamConfig BindIam(MappingNode p)
    {
        var deprecated = new List<ScalarNode>();
        foreach (var key in new[] { "iamRoleStatements", "iamManagedPolicies", "role", "rolePermissionsBoundary", "cfnRole" })
        {
            if (p.Entry(key) is { } e && e.Value is not ScalarNode { IsNull: true })
            {
                deprecated.Add(e.Key);
            }
        }

        var iamNode = BindContext.Get(p, "iam");
        var iam = ctx.Mapping(iamNode, "provider.iam");
        if (iam is not null)
        {
            ctx.CheckKeys(iam, "provider.iam", "provider.iam");
        }

        var role = iam is null ? null : BindIamRole(BindContext.Get(iam, "role"), "provider.iam.role");

        // Deprecated v2 keys fold into the same shape.
        var legacyStatements = BindStatements(BindContext.Get(p, "iamRoleStatements"), "provider.iamRoleStatements", "provider.iamRoleStatements");
        var legacyPolicies = ctx.StringList(p, "iamManagedPolicies", "provider");
        var legacyBoundary = ctx.String(p, "rolePermissionsBoundary", "provider");
        var legacyRole = BindContext.Get(p, "role");
        if (legacyRole is not null && role?.ExistingRole is null)
        {
            if (legacyRole is ScalarNode || BindContext.IsIntrinsic(legacyRole))
            {
                role = (role ?? new IamRole { Node = legacyRole }) with { ExistingRole = legacyRole };
            }
            else
            {
                ctx.WrongType(legacyRole, "provider.role", "a role ARN, a logical id or a CloudFormation function");
            }
        }

        if (legacyStatements.Count > 0 || legacyPolicies.Count > 0 || legacyBoundary is not null)
        {
            role ??= new IamRole { Node = BindContext.Get(p, "iamRoleStatements") ?? BindContext.Get(p, "iamManagedPolicies") ?? p };
            role = role with
            {
                Statements = [.. role.Statements, .. legacyStatements],
                ManagedPolicies = [.. role.ManagedPolicies, .. legacyPolicies],
                PermissionsBoundary = role.PermissionsBoundary ?? legacyBoundary,
            };
        }

        var deploymentRole = (iam is null ? null : ctx.String(iam, "deploymentRole", "provider.iam"))
            ?? ctx.String(p, "cfnRole", "provider");
        if (iamNode is null && role is null && deploymentRole is null && deprecated.Count == 0)
        {
            return IamConfig.Empty;
        }

        return new IamConfig { Node = iamNode, Role = role, DeploymentRole = deploymentRole, DeprecatedKeys = deprecated };
    }

    private IamRole? BindIamRole(Node? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                return new IamRole { Node = s, ExistingRole = s };
            case var n when BindContext.IsIntrinsic(n):
                return new IamRole { Node = n, ExistingRole = n };
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.iam.role");
        return new IamRole
        {
            Node = map,
            Name = ctx.String(map, "name", path),
            Path = ctx.String(map, "path", path),
            Statements = BindStatements(BindContext.Get(map, "statements"), path + ".statements", "provider.iam.role.statements"),
            ManagedPolicies = ctx.StringList(map, "managedPolicies", path),
            PermissionsBoundary = ctx.String(map, "permissionsBoundary", path) ?? ctx.String(map, "permissionBoundary", path),
            Tags = BindTags(BindContext.Get(map, "tags"), path + ".tags"),
        };
    }

    internal IReadOnlyList<IamStatement> BindStatements(Node? node, string path, string catalogPath)
    {
        switch (node)
        {
            case null:
                return [];
            case SequenceNode seq:
                {
                    var list = new List<IamStatement>(seq.Items.Count);
                    for (var i = 0; i < seq.Items.Count; i++)
                    {
                        if (BindStatement(seq.Items[i], $"{path}[{i}]", catalogPath) is { } st)
                        {
                            list.Add(st);
                        }
                    }

                    return list;
                }

            default:
                ctx.WrongType(node, path, "a list of IAM statements");
                return [];
        }
    }

    private IamStatement? BindStatement(Node node, string path, string catalogPath)
    {
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, catalogPath);
        ctx.RequireKeys(map, path, catalogPath);

        if (BindContext.Get(map, "Action") is null && BindContext.Get(map, "NotAction") is null)
        {
            ctx.MissingKey(map, path, "Action", "a statement needs 'Action' (or 'NotAction')");
        }

        if (BindContext.Get(map, "Resource") is null && BindContext.Get(map, "NotResource") is null
            && BindContext.Get(map, "Principal") is null && BindContext.Get(map, "NotPrincipal") is null)
        {
            ctx.MissingKey(map, path, "Resource", "a statement needs 'Resource' (or 'NotResource')");
        }

        return new IamStatement
        {
            Node = map,
            Sid = ctx.String(map, "Sid", path),
            Effect = ctx.String(map, "Effect", path),
            Action = ActionList(map, "Action", path),
            NotAction = ActionList(map, "NotAction", path),
            Resource = ActionList(map, "Resource", path),
            NotResource = ActionList(map, "NotResource", path),
            Principal = BindContext.Get(map, "Principal"),
            NotPrincipal = BindContext.Get(map, "NotPrincipal"),
            Condition = BindContext.Get(map, "Condition"),
        };
    }

    /// <summary>Action/Resource: a string, a list of strings and intrinsics, or one intrinsic (kept as an unknown
    /// item so rules see that something is there).</summary>
    private IReadOnlyList<Spanned<string?>> ActionList(MappingNode map, string key, string path)
    {
        var node = BindContext.Get(map, key);
        return node is not null && BindContext.IsIntrinsic(node)
            ? [new Spanned<string?>(null, node)]
            : ctx.StringList(node, BindContext.Join(path, key));
    }

    internal VpcConfig? BindVpc(Node? node, string path, string catalogPath)
    {
        if (node is null || ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, catalogPath);
        ctx.RequireKeys(map, path, catalogPath);
        var sg = BindContext.Get(map, "securityGroupIds");
        var subnets = BindContext.Get(map, "subnetIds");

        return new VpcConfig
        {
            Node = map,
            SecurityGroupIds = sg is not null && BindContext.IsIntrinsic(sg) ? [] : ctx.StringList(sg, path + ".securityGroupIds"),
            SubnetIds = subnets is not null && BindContext.IsIntrinsic(subnets) ? [] : ctx.StringList(subnets, path + ".subnetIds"),
            SecurityGroupIdsNode = sg,
            SubnetIdsNode = subnets,
            Ipv6AllowedForDualStack = ctx.Bool(map, "ipv6AllowedForDualStack", path),
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
            _ => Reject(node, BindContext.Join(path, key), "true or a mapping"),
        };
    }

    private Node? Reject(Node node, string path, string expected)
    {
        ctx.WrongType(node, path, expected);
        return null;
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

    private ApiGatewayConfig? BindApiGateway(Node? node)
    {
        const string path = "provider.apiGateway";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.apiGateway");
        return new ApiGatewayConfig
        {
            Node = map,
            ApiKeys = ctx.List(BindContext.Get(map, "apiKeys"), path + ".apiKeys"),
            ApiKeySourceType = ctx.String(map, "apiKeySourceType", path),
            BinaryMediaTypes = ctx.StringList(map, "binaryMediaTypes", path),
            Description = ctx.String(map, "description", path),
            DisableDefaultEndpoint = ctx.Bool(map, "disableDefaultEndpoint", path),
            Metrics = ctx.Bool(map, "metrics", path),
            MinimumCompressionSize = ctx.Int(map, "minimumCompressionSize", path),
            ResourcePolicy = BindContext.Get(map, "resourcePolicy"),
            RestApiId = ctx.String(map, "restApiId", path),
            RestApiResources = BindContext.Get(map, "restApiResources"),
            RestApiRootResourceId = ctx.String(map, "restApiRootResourceId", path),
            Request = BindContext.Get(map, "request"),
            ShouldStartNameWithService = ctx.Bool(map, "shouldStartNameWithService", path),
            Stage = ctx.String(map, "stage", path),
            UsagePlan = BindContext.Get(map, "usagePlan"),
            WebsocketApiId = ctx.String(map, "websocketApiId", path),
            TimeoutInMillis = ctx.Int(map, "timeoutInMillis", path),
        };
    }

    private HttpApiConfig? BindHttpApi(Node? node)
    {
        const string path = "provider.httpApi";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.httpApi");
        var authorizers = new List<HttpApiAuthorizer>();
        if (ctx.Mapping(map, "authorizers", path) is { } auth)
        {
            foreach (var entry in auth.Entries)
            {
                var apath = $"{path}.authorizers.{entry.Key.Text}";
                if (ctx.Mapping(entry.Value, apath) is not { } a)
                {
                    continue;
                }

                ctx.CheckKeys(a, apath, "provider.httpApi.authorizers.*");
                var type = ctx.OrDefault(ctx.String(a, "type", apath), "provider.httpApi.authorizers.*.type");
                if (type.Value == "request")
                {
                    if (BindContext.Get(a, "functionName") is null && BindContext.Get(a, "functionArn") is null)
                    {
                        ctx.MissingKey(a, apath, "functionName", "a request authorizer needs 'functionName' or 'functionArn'");
                    }
                }
                else if (type.Value is "jwt" or null)
                {
                    foreach (var required in new[] { "identitySource", "issuerUrl", "audience" })
                    {
                        if (BindContext.Get(a, required) is null)
                        {
                            ctx.MissingKey(a, apath, required);
                        }
                    }
                }

                authorizers.Add(new HttpApiAuthorizer
                {
                    Key = entry.Key.Text,
                    KeyNode = entry.Key,
                    Node = a,
                    Type = type,
                    Name = ctx.String(a, "name", apath),
                    IdentitySource = ctx.StringList(a, "identitySource", apath),
                    IssuerUrl = ctx.String(a, "issuerUrl", apath),
                    Audience = ctx.StringList(a, "audience", apath),
                    FunctionName = ctx.String(a, "functionName", apath),
                    FunctionArn = ctx.String(a, "functionArn", apath),
                    ResultTtlInSeconds = ctx.Int(a, "resultTtlInSeconds", apath),
                    EnableSimpleResponses = ctx.Bool(a, "enableSimpleResponses", apath),
                    PayloadVersion = ctx.String(a, "payloadVersion", apath),
                    ManagedExternally = ctx.Bool(a, "managedExternally", apath),
                });
            }
        }

        return new HttpApiConfig
        {
            Node = map,
            Id = ctx.String(map, "id", path),
            Name = ctx.String(map, "name", path),
            Payload = ctx.String(map, "payload", path),
            Cors = BindHttpApiCors(BindContext.Get(map, "cors"), path + ".cors"),
            Authorizers = authorizers,
            Metrics = ctx.Bool(map, "metrics", path),
            UseProviderTags = ctx.Bool(map, "useProviderTags", path),
            DisableDefaultEndpoint = ctx.Bool(map, "disableDefaultEndpoint", path),
            ShouldStartNameWithService = ctx.Bool(map, "shouldStartNameWithService", path),
        };
    }

    private HttpApiCors? BindHttpApiCors(Node? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode:
                return ctx.Bool(node, path) is { } b ? new HttpApiCors { Node = node, Enabled = b.Value != false } : null;
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.httpApi.cors");
        return new HttpApiCors
        {
            Node = map,
            AllowedOrigins = ctx.StringList(map, "allowedOrigins", path),
            AllowedHeaders = ctx.StringList(map, "allowedHeaders", path),
            AllowedMethods = ctx.StringList(map, "allowedMethods", path),
            AllowCredentials = ctx.Bool(map, "allowCredentials", path),
            ExposedResponseHeaders = ctx.StringList(map, "exposedResponseHeaders", path),
            MaxAge = ctx.Int(map, "maxAge", path),
        };
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
