using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>
/// <c>provider</c> for AWS (reference §1.2). Settings that functions inherit (runtime, memorySize, timeout…) are
/// exposed with their source. A setting not written takes the key catalogue's default (<c>provider.timeout</c>, …),
/// applied once by the binder.
/// </summary>
public sealed record Provider
{
    /// <summary>The <c>provider</c> node (a mapping, or the string <c>aws</c>).</summary>
    public required Node Node { get; init; }

    /// <summary><c>name</c>: always <c>aws</c> in a bound model.</summary>
    public required Spanned<string> Name { get; init; }

    /// <summary><c>stage</c> as written (the effective stage is <see cref="Service.Stage"/>).</summary>
    public Spanned<string?>? Stage { get; init; }

    /// <summary><c>region</c> as written (the effective region is <see cref="Service.Region"/>).</summary>
    public Spanned<string?>? Region { get; init; }

    public Spanned<string?>? Profile { get; init; }

    /// <summary><c>runtime</c>. Out-of-enum runtimes are kept (the Framework only warns).</summary>
    public Setting<string?> Runtime { get; init; } = Setting<string?>.CatalogDefault("provider.runtime");

    public RuntimeManagement? RuntimeManagement { get; init; }

    /// <summary><c>memorySize</c> in MB.</summary>
    public Setting<int?> MemorySize { get; init; } = Setting<int?>.CatalogDefault("provider.memorySize");

    /// <summary><c>timeout</c> in seconds.</summary>
    public Setting<int?> Timeout { get; init; } = Setting<int?>.CatalogDefault("provider.timeout");

    /// <summary><c>architecture</c>: <c>x86_64</c> or <c>arm64</c>.</summary>
    public Setting<string?> Architecture { get; init; } = Setting<string?>.CatalogDefault("provider.architecture");

    /// <summary><c>environment</c>, in source order.</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; init; } = [];

    /// <summary>Node of <c>environment</c> when written (a mapping, or an intrinsic/variable result).</summary>
    public Node? EnvironmentNode { get; init; }

    /// <summary><c>tags</c>: added to every function and API.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary><c>stackTags</c>: tags on the CloudFormation stack (deploy time).</summary>
    public IReadOnlyList<Tag> StackTags { get; init; } = [];

    /// <summary><c>stackName</c>; the default is <c>${service}-${stage}</c>.</summary>
    public required Setting<string?> StackName { get; init; }

    public Node? StackParameters { get; init; }

    /// <summary><c>stackPolicy</c> statements.</summary>
    public IReadOnlyList<IamStatement> StackPolicy { get; init; } = [];

    public Node? RollbackConfiguration { get; init; }

    public IReadOnlyList<Spanned<string?>> NotificationArns { get; init; } = [];

    public Spanned<bool?>? DisableRollback { get; init; }

    /// <summary><c>deploymentMethod</c>: <c>changesets</c> or <c>direct</c>.</summary>
    public Setting<string?> DeploymentMethod { get; init; } = Setting<string?>.CatalogDefault("provider.deploymentMethod");

    public DeploymentBucket? DeploymentBucket { get; init; }

    /// <summary><c>deploymentPrefix</c>: S3 key prefix of the artifacts.</summary>
    public Setting<string?> DeploymentPrefix { get; init; } = Setting<string?>.CatalogDefault("provider.deploymentPrefix");

    /// <summary><c>iam</c> plus the deprecated v2 keys (<c>iamRoleStatements</c>, <c>iamManagedPolicies</c>,
    /// <c>role</c>, <c>rolePermissionsBoundary</c>, <c>cfnRole</c>) folded in.</summary>
    public IamConfig Iam { get; init; } = IamConfig.Empty;

    public VpcConfig? Vpc { get; init; }

    public Node? VpcEndpointIds { get; init; }

    public Spanned<string?>? KmsKeyArn { get; init; }

    /// <summary><c>layers</c>: default layers for functions that do not set their own.</summary>
    public IReadOnlyList<Spanned<string?>> Layers { get; init; } = [];

    /// <summary>Node of <c>layers</c> when written.</summary>
    public Node? LayersNode { get; init; }

    public Spanned<int?>? LogRetentionInDays { get; init; }

    public Node? LogDataProtectionPolicy { get; init; }

    public LogsConfig? Logs { get; init; }

    public TracingConfig? Tracing { get; init; }

    /// <summary><c>versionFunctions</c>.</summary>
    public Setting<bool?> VersionFunctions { get; init; } = Setting<bool?>.CatalogDefault("provider.versionFunctions");

    public Spanned<string?>? LambdaHashingVersion { get; init; }

    /// <summary><c>endpointType</c> of the REST API.</summary>
    public Setting<string?> EndpointType { get; init; } = Setting<string?>.CatalogDefault("provider.endpointType");

    public Spanned<string?>? ApiName { get; init; }

    public ApiGatewayConfig? ApiGateway { get; init; }

    public HttpApiConfig? HttpApi { get; init; }

    /// <summary><c>websocket</c> (<c>{useProviderTags}</c>).</summary>
    public Node? Websocket { get; init; }

    /// <summary><c>websocket.useProviderTags</c>: the provider tags go on the websocket API too (truthy, opt-in in v3).</summary>
    public bool WebsocketUsesProviderTags => RawValues.IsTruthy(RawValues.Get(Websocket, "useProviderTags"));

    public Spanned<string?>? WebsocketsApiName { get; init; }

    /// <summary><c>websocketsApiRouteSelectionExpression</c>.</summary>
    public Setting<string?> WebsocketsApiRouteSelectionExpression { get; init; } =
        Setting<string?>.CatalogDefault("provider.websocketsApiRouteSelectionExpression");

    /// <summary><c>websocketsDescription</c>.</summary>
    public Setting<string?> WebsocketsDescription { get; init; } = Setting<string?>.CatalogDefault("provider.websocketsDescription");

    public AlbConfig? Alb { get; init; }

    /// <summary><c>cloudFront</c> (<c>{cachePolicies}</c>), raw.</summary>
    public Node? CloudFront { get; init; }

    /// <summary><c>cloudFront.cachePolicies</c>: each policy's name and CloudFormation config, as written.</summary>
    public IReadOnlyList<CfnEntry> CloudFrontCachePolicies => CfnEntry.Of(RawValues.Get(CloudFront, "cachePolicies"));

    /// <summary><c>eventBridge</c> (<c>{useCloudFormation}</c>), raw.</summary>
    public Node? EventBridge { get; init; }

    /// <summary><c>eventBridge.useCloudFormation</c>: false selects the Framework's custom resource; null when unset.</summary>
    public bool? EventBridgeUseCloudFormation => RawValues.Bool(RawValues.Get(EventBridge, "useCloudFormation"));

    public EcrConfig? Ecr { get; init; }

    /// <summary><c>kinesis</c> (<c>{consumerNamingMode}</c>), raw.</summary>
    public Node? Kinesis { get; init; }

    /// <summary><c>kinesis.consumerNamingMode</c> is set: stream consumer names include the service and stage.</summary>
    public bool KinesisServiceSpecificConsumerNames => RawValues.IsTruthy(RawValues.Get(Kinesis, "consumerNamingMode"));

    /// <summary><c>s3</c>: bucket configurations by key, used by <c>s3</c> events whose bucket equals the key.</summary>
    public IReadOnlyList<ProviderS3Bucket> S3 { get; init; } = [];

    /// <summary>v2 locations (<c>apiKeys</c>, <c>usagePlan</c>, <c>resourcePolicy</c>…) at the provider root:
    /// accepted but ignored by v3. Kept so rules can flag them.</summary>
    public IReadOnlyList<MappingEntry> IgnoredV2Keys { get; init; } = [];
}

/// <summary>One environment variable, with the level it came from (function entries override provider ones).</summary>
public sealed record EnvironmentVariable(string Name, ScalarNode Key, Node Value, SettingSource Source)
{
    /// <summary>The literal value as text, or null for intrinsics / deploy-time values / nulls.</summary>
    public string? Text => Value is ScalarNode { IsNull: false } s ? s.Text : null;
}

/// <summary>A resource tag. <see cref="Value"/> may be an intrinsic.</summary>
public sealed record Tag(string Key, ScalarNode KeyNode, Node Value)
{
    public string? Text => Value is ScalarNode { IsNull: false } s ? s.Text : null;
}

/// <summary><c>runtimeManagement</c>: <c>auto</c>, <c>onFunctionUpdate</c> or <c>{mode, arn}</c>.</summary>
public sealed record RuntimeManagement(Spanned<string?>? Mode, Spanned<string?>? Arn, Node Node);

/// <summary><c>deploymentBucket</c>: a bucket name string, or the object form.</summary>
public sealed record DeploymentBucket
{
    public required Node Node { get; init; }

    /// <summary>The bucket name (string form, or <c>name</c>); null means the Framework creates one.</summary>
    public Spanned<string?>? Name { get; init; }

    /// <summary><c>maxPreviousDeploymentArtifacts</c>.</summary>
    public Setting<int?> MaxPreviousDeploymentArtifacts { get; init; } = Setting<int?>.CatalogDefault("provider.deploymentBucket.maxPreviousDeploymentArtifacts");

    public Spanned<bool?>? BlockPublicAccess { get; init; }

    public Spanned<bool?>? SkipPolicySetup { get; init; }

    public Spanned<bool?>? Versioning { get; init; }

    /// <summary><c>AES256</c> or <c>aws:kms</c>.</summary>
    public Spanned<string?>? ServerSideEncryption { get; init; }

    public Spanned<string?>? SseKmsKeyId { get; init; }

    public Spanned<string?>? SseCustomerAlgorithm { get; init; }

    public Spanned<string?>? SseCustomerKey { get; init; }

    public Spanned<string?>? SseCustomerKeyMd5 { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

/// <summary>
/// <c>provider.iam</c> with the deprecated v2 keys folded in. <see cref="Role"/> is null when nothing about the
/// execution role is configured (the Framework generates <c>IamRoleLambdaExecution</c> with defaults).
/// </summary>
public sealed record IamConfig
{
    public static readonly IamConfig Empty = new();

    /// <summary>The <c>iam</c> node when written.</summary>
    public Node? Node { get; init; }

    public IamRole? Role { get; init; }

    /// <summary><c>iam.deploymentRole</c> or the deprecated <c>cfnRole</c>.</summary>
    public Spanned<string?>? DeploymentRole { get; init; }

    /// <summary>True when a deprecated v2 key (<c>iamRoleStatements</c>, <c>iamManagedPolicies</c>, <c>role</c>,
    /// <c>rolePermissionsBoundary</c>, <c>cfnRole</c>) was used.</summary>
    public IReadOnlyList<ScalarNode> DeprecatedKeys { get; init; } = [];

    /// <summary>The statements the generated execution role gets, picked as the Framework picks them:
    /// <c>iam.role.statements</c> when written, else the deprecated <c>iamRoleStatements</c>.</summary>
    public IReadOnlyList<IamStatement> RoleStatements { get; init; } = [];

    /// <summary>The managed policies of the generated execution role: <c>iam.role.managedPolicies</c> when written,
    /// else the deprecated <c>iamManagedPolicies</c>.</summary>
    public IReadOnlyList<Spanned<string?>> RoleManagedPolicies { get; init; } = [];

    /// <summary><see cref="IamRole.ExistingRole"/> as a reference, or null when the execution role is generated.</summary>
    public RoleReference? ExistingRole => Role?.ExistingRole is { } existing ? new RoleReference(existing) : null;
}

/// <summary>
/// <c>iam.role</c>: either an existing role (<see cref="ExistingRole"/>: an ARN, a logical id, an intrinsic) or the
/// object form that tunes the generated <c>IamRoleLambdaExecution</c>.
/// </summary>
public sealed record IamRole
{
    public required Node Node { get; init; }

    /// <summary>Set for the "existing role" forms (string, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>, <c>Fn::ImportValue</c>,
    /// deploy-time): no role is generated.</summary>
    public Node? ExistingRole { get; init; }

    public Spanned<string?>? Name { get; init; }

    public Spanned<string?>? Path { get; init; }

    public IReadOnlyList<IamStatement> Statements { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> ManagedPolicies { get; init; } = [];

    /// <summary><c>permissionsBoundary</c> (alias <c>permissionBoundary</c>).</summary>
    public Spanned<string?>? PermissionsBoundary { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public bool IsExisting => ExistingRole is not null;
}

/// <summary>An IAM policy statement. <c>Action</c>/<c>Resource</c> entries may be intrinsics (Value null).</summary>
public sealed record IamStatement
{
    public required Node Node { get; init; }

    public Spanned<string?>? Sid { get; init; }

    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    public Spanned<string?>? Effect { get; init; }

    public IReadOnlyList<Spanned<string?>> Action { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> NotAction { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> Resource { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> NotResource { get; init; } = [];

    public Node? Principal { get; init; }

    public Node? NotPrincipal { get; init; }

    public Node? Condition { get; init; }
}

/// <summary><c>vpc</c>: security groups and subnets (lists, or an intrinsic such as <c>Fn::Split</c>).</summary>
public sealed record VpcConfig
{
    public required Node Node { get; init; }

    public IReadOnlyList<Spanned<string?>> SecurityGroupIds { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> SubnetIds { get; init; } = [];

    /// <summary>The raw <c>securityGroupIds</c> node (may be an intrinsic).</summary>
    public Node? SecurityGroupIdsNode { get; init; }

    /// <summary>The raw <c>subnetIds</c> node (may be an intrinsic).</summary>
    public Node? SubnetIdsNode { get; init; }

    public Spanned<bool?>? Ipv6AllowedForDualStack { get; init; }
}

/// <summary><c>logs</c>: <c>frameworkLambda</c>, <c>restApi</c>, <c>httpApi</c>, <c>websocket</c>.</summary>
public sealed record LogsConfig
{
    public required Node Node { get; init; }

    public Spanned<bool?>? FrameworkLambda { get; init; }

    /// <summary><c>restApi</c>: <c>true</c> or <c>{accessLogging, executionLogging, format, fullExecutionData, level,
    /// role, roleManagedExternally}</c>; null when absent.</summary>
    public Node? RestApi { get; init; }

    /// <summary><c>httpApi</c>: <c>true</c> or <c>{format}</c>.</summary>
    public Node? HttpApi { get; init; }

    /// <summary><c>websocket</c>: <c>true</c> or an object.</summary>
    public Node? Websocket { get; init; }

    /// <summary><c>httpApi.format</c> when set (JavaScript-truthy): the access log format.</summary>
    public Node? HttpApiFormat => RawValues.IsTruthy(RawValues.Get(HttpApi, "format")) ? RawValues.Get(HttpApi, "format") : null;

    public bool RestApiEnabled => IsEnabled(RestApi);

    /// <summary>REST API logging that writes access logs into a log group: <c>restApi</c> set (JavaScript-truthy)
    /// with <c>accessLogging</c> absent or truthy.</summary>
    public bool RestApiAccessLogging => RawValues.IsTruthy(RestApi) && Flag(RestApi, "accessLogging", true);

    /// <summary><c>restApi</c> when written with a value (not null).</summary>
    public Node? RestApiWritten => RawValues.Present(RestApi);

    /// <summary><c>restApi.role</c>: the account CloudWatch role to set, or null to create one.</summary>
    public Node? RestApiRole => RawValues.Present(RawValues.Get(RestApi, "role"));

    /// <summary><c>restApi.roleManagedExternally</c>: the account's CloudWatch role is not the stack's business.</summary>
    public bool RestApiRoleManagedExternally => RawValues.IsTruthy(RawValues.Get(RestApi, "roleManagedExternally"));

    /// <summary><c>restApi.executionLogging</c> (default true): the stage's execution logs at <see cref="RestApiLevel"/>.</summary>
    public bool RestApiExecutionLogging => Flag(RestApi, "executionLogging", true);

    /// <summary><c>restApi.level</c> when written (<c>INFO</c> or <c>ERROR</c>; the Framework's default is INFO).</summary>
    public Node? RestApiLevel => RawValues.IsTruthy(RawValues.Get(RestApi, "level")) ? RawValues.Get(RestApi, "level") : null;

    /// <summary><c>restApi.format</c> when set (JavaScript-truthy): the access log format.</summary>
    public Node? RestApiFormat => RawValues.IsTruthy(RawValues.Get(RestApi, "format")) ? RawValues.Get(RestApi, "format") : null;

    /// <summary><c>restApi.fullExecutionData</c> (default true): the stage's data trace.</summary>
    public bool RestApiFullExecutionData => Flag(RestApi, "fullExecutionData", true);

    /// <summary><c>websocket.accessLogging</c> (default true).</summary>
    public bool WebsocketAccessLogging => Flag(Websocket, "accessLogging", true);

    /// <summary><c>websocket.executionLogging</c> (default true).</summary>
    public bool WebsocketExecutionLogging => Flag(Websocket, "executionLogging", true);

    /// <summary><c>websocket.fullExecutionData</c> (default true).</summary>
    public Node? WebsocketFullExecutionData => RawValues.Present(RawValues.Get(Websocket, "fullExecutionData"));

    /// <summary><c>websocket.format</c> when set (JavaScript-truthy).</summary>
    public Node? WebsocketFormat => RawValues.IsTruthy(RawValues.Get(Websocket, "format")) ? RawValues.Get(Websocket, "format") : null;

    /// <summary><c>websocket.level</c> when set (JavaScript-truthy).</summary>
    public Node? WebsocketLevel => RawValues.IsTruthy(RawValues.Get(Websocket, "level")) ? RawValues.Get(Websocket, "level") : null;

    /// <summary>The text of <see cref="WebsocketLevel"/> (empty when it is not a scalar).</summary>
    public string WebsocketLevelText => RawValues.Text(WebsocketLevel) ?? string.Empty;

    public bool HttpApiEnabled => IsEnabled(HttpApi);

    public bool WebsocketEnabled => IsEnabled(Websocket);

    /// <summary>A flag that is on unless written null-free and falsy (<c>x == null ? fallback : x</c>).</summary>
    private static bool Flag(Node? settings, string key, bool fallback) =>
        RawValues.Present(RawValues.Get(settings, key)) is { } value ? RawValues.IsTruthy(value) : fallback;

    private static bool IsEnabled(Node? n) => n switch
    {
        null => false,
        ScalarNode s => s.AsBool == true,
        _ => true,
    };
}

/// <summary><c>tracing</c>: <c>apiGateway</c> (bool) and <c>lambda</c> (<c>Active</c>, <c>PassThrough</c> or bool).</summary>
public sealed record TracingConfig(Spanned<bool?>? ApiGateway, Spanned<string?>? Lambda, Node Node);

/// <summary><c>provider.apiGateway</c> (REST API settings; some keys also apply to websockets).</summary>
public sealed record ApiGatewayConfig
{
    public required Node Node { get; init; }

    /// <summary><c>apiKeys</c>: names or <c>{name, value, description, customerId, enabled}</c> (raw entries).</summary>
    public IReadOnlyList<Node> ApiKeys { get; init; } = [];

    public Spanned<string?>? ApiKeySourceType { get; init; }

    public IReadOnlyList<Spanned<string?>> BinaryMediaTypes { get; init; } = [];

    public Spanned<string?>? Description { get; init; }

    public Spanned<bool?>? DisableDefaultEndpoint { get; init; }

    public Spanned<bool?>? Metrics { get; init; }

    public Spanned<int?>? MinimumCompressionSize { get; init; }

    public Node? ResourcePolicy { get; init; }

    /// <summary>Reuse an existing REST API (no <c>ApiGatewayRestApi</c> is generated).</summary>
    public Spanned<string?>? RestApiId { get; init; }

    public Node? RestApiResources { get; init; }

    public Spanned<string?>? RestApiRootResourceId { get; init; }

    /// <summary><c>request.schemas</c> (raw).</summary>
    public Node? Request { get; init; }

    /// <summary>The model <c>request.schemas</c> defines under <paramref name="key"/> (an event names it by that key), or
    /// null when there is none (a falsy value counts as none, as the Framework tests it).</summary>
    public ApiGatewayModel? RequestSchema(string key) =>
        RawValues.Get(RawValues.Get(Request, "schemas"), key) is { } model && RawValues.IsTruthy(model)
            ? new ApiGatewayModel(model)
            : null;

    public Spanned<bool?>? ShouldStartNameWithService { get; init; }

    public Spanned<string?>? Stage { get; init; }

    public Node? UsagePlan { get; init; }

    public Spanned<string?>? WebsocketApiId { get; init; }

    public Spanned<int?>? TimeoutInMillis { get; init; }

    /// <summary><c>restApiResources</c>: the existing resources by path, ids as written.</summary>
    public IReadOnlyList<CfnEntry> RestApiResourceIds => CfnEntry.Of(RestApiResources);

    /// <summary>True when <c>resourcePolicy</c> is a list of statements.</summary>
    public bool ResourcePolicyIsList => RawValues.IsList(ResourcePolicy);

    /// <summary>True when <c>apiKeys</c> or <c>usagePlan</c> is set: the REST API gets keys and usage plans.</summary>
    public bool HasApiKeysOrUsagePlan => ApiKeysValue is not null || UsagePlan is not null;

    /// <summary><c>apiKeys</c> as written, or null.</summary>
    public Node? ApiKeysValue => RawValues.Get(Node, "apiKeys") is { } keys && !RawValues.IsNullOrMissing(keys) ? keys : null;

    /// <summary>The keys of <c>apiKeys</c> (list items), in order.</summary>
    public IReadOnlyList<ApiKeyDefinition> ApiKeyDefinitions => [.. RawValues.Items(ApiKeysValue).Select(k => new ApiKeyDefinition(k))];

    /// <summary>True when <c>usagePlan</c> is a list of named plans.</summary>
    public bool UsagePlanIsList => RawValues.IsList(UsagePlan);

    /// <summary>
    /// The usage plans: one named <c>default</c> for the object form (or when only keys are set), else the named plans of
    /// the list (<c>{name: settings}</c> items), in order.
    /// </summary>
    public IReadOnlyList<UsagePlanDefinition> UsagePlans => UsagePlanIsList
        ? [.. RawValues.Items(UsagePlan).OfType<MappingNode>().Where(p => p.Entries.Count > 0)
            .Select(p => new UsagePlanDefinition(p.Entries[0].Key.Text, p.Entries[0].Value, p.Span))]
        : [new UsagePlanDefinition("default", UsagePlan, (UsagePlan ?? ApiKeysValue ?? Node).Span)];
}

/// <summary>
/// One model of <c>provider.apiGateway.request.schemas</c> (<c>request-validator.js:createProviderModel</c>):
/// <c>{schema, name, description}</c>, or the schema itself when it has no truthy <c>schema</c>.
/// </summary>
public sealed record ApiGatewayModel(Node Node)
{
    public Node Schema => RawValues.Get(Node, "schema") is { } schema && RawValues.IsTruthy(schema) ? schema : Node;

    /// <summary><c>name</c> when truthy.</summary>
    public Node? Name => Truthy("name");

    /// <summary><c>description</c> when truthy.</summary>
    public Node? Description => Truthy("description");

    private Node? Truthy(string key) => RawValues.Get(Node, key) is { } value && RawValues.IsTruthy(value) ? value : null;
}

/// <summary>One entry of <c>apiGateway.apiKeys</c>: a name, an object (<c>name</c>, <c>value</c>, <c>description</c>,
/// <c>customerId</c>, <c>enabled</c>), or a group of keys named after a usage plan (<c>{free: [keys]}</c>).</summary>
public sealed record ApiKeyDefinition(Node Node)
{
    private MappingEntry? First => (Node as MappingNode)?.Entries.FirstOrDefault();

    /// <summary>The first key of the object form: a usage plan's name when the entry is a group.</summary>
    public string? FirstKey => First?.Key.Text;

    public SourceSpan? FirstKeySpan => First?.Key.Span;

    /// <summary>True when the first key's value is a mapping or a list (a group, or a key nested by mistake).</summary>
    public bool FirstValueIsStructured => First?.Value is MappingNode or SequenceNode;

    /// <summary>The keys of a group (list items of the first key).</summary>
    public IReadOnlyList<ApiKeyDefinition> GroupMembers => [.. RawValues.Items(First?.Value).Select(k => new ApiKeyDefinition(k))];

    /// <summary>True for the object form; a name alone is a key with that name.</summary>
    public bool IsObject => RawValues.IsMapping(Node);

    public Node? Enabled => RawValues.Present(RawValues.Get(Node, "enabled"));

    public Node? Name => RawValues.Present(RawValues.Get(Node, "name"));

    /// <summary><c>value</c> when set (JavaScript-truthy).</summary>
    public Node? Value => RawValues.IsTruthy(RawValues.Get(Node, "value")) ? RawValues.Get(Node, "value") : null;

    public Node? Description => RawValues.Present(RawValues.Get(Node, "description"));

    public Node? CustomerId => RawValues.Present(RawValues.Get(Node, "customerId"));
}

/// <summary>One usage plan of <c>apiGateway.usagePlan</c> with its <c>quota</c> and <c>throttle</c> (values pass through).</summary>
public sealed record UsagePlanDefinition(string Name, Node? Settings, SourceSpan Span)
{
    private Node? Quota => RawValues.Get(Settings, "quota") is MappingNode { Entries.Count: > 0 } q ? q : null;

    private Node? Throttle => RawValues.Get(Settings, "throttle") is MappingNode { Entries.Count: > 0 } t ? t : null;

    /// <summary>True when <c>quota</c> sets at least one key.</summary>
    public bool HasQuota => Quota is not null;

    public Node? QuotaLimit => RawValues.Present(RawValues.Get(Quota, "limit"));

    public Node? QuotaOffset => RawValues.Present(RawValues.Get(Quota, "offset"));

    public Node? QuotaPeriod => RawValues.Present(RawValues.Get(Quota, "period"));

    /// <summary>True when <c>throttle</c> sets at least one key.</summary>
    public bool HasThrottle => Throttle is not null;

    public Node? ThrottleBurstLimit => RawValues.Present(RawValues.Get(Throttle, "burstLimit"));

    public Node? ThrottleRateLimit => RawValues.Present(RawValues.Get(Throttle, "rateLimit"));
}

/// <summary><c>provider.httpApi</c>.</summary>
public sealed record HttpApiConfig
{
    public required Node Node { get; init; }

    /// <summary>Attach to an existing HTTP API.</summary>
    public Spanned<string?>? Id { get; init; }

    public Spanned<string?>? Name { get; init; }

    /// <summary><c>payload</c>: <c>'1.0'</c> or <c>'2.0'</c> (the Framework default is 2.0).</summary>
    public Spanned<string?>? Payload { get; init; }

    public HttpApiCors? Cors { get; init; }

    public IReadOnlyList<HttpApiAuthorizer> Authorizers { get; init; } = [];

    public Spanned<bool?>? Metrics { get; init; }

    public Spanned<bool?>? UseProviderTags { get; init; }

    public Spanned<bool?>? DisableDefaultEndpoint { get; init; }

    public Spanned<bool?>? ShouldStartNameWithService { get; init; }

    /// <summary>The authorizer defined under this name, or null.</summary>
    public HttpApiAuthorizer? FindAuthorizer(string name) => Authorizers.FirstOrDefault(a => a.Key == name);
}

/// <summary><c>httpApi.cors</c>: <c>true</c> (the Framework's default lists) or the object form.</summary>
public sealed record HttpApiCors
{
    public required Node Node { get; init; }

    /// <summary>False for <c>cors: false</c>.</summary>
    public bool Enabled { get; init; } = true;

    public IReadOnlyList<Spanned<string?>> AllowedOrigins { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> AllowedHeaders { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> AllowedMethods { get; init; } = [];

    public Spanned<bool?>? AllowCredentials { get; init; }

    public IReadOnlyList<Spanned<string?>> ExposedResponseHeaders { get; init; } = [];

    public Spanned<int?>? MaxAge { get; init; }
}

/// <summary>One authorizer of <c>provider.httpApi.authorizers</c>: JWT (default) or Lambda <c>request</c>.</summary>
public sealed record HttpApiAuthorizer
{
    public required string Key { get; init; }

    public required ScalarNode KeyNode { get; init; }

    public required Node Node { get; init; }

    /// <summary><c>type</c>: <c>jwt</c> or <c>request</c>.</summary>
    public required Setting<string?> Type { get; init; }

    public Spanned<string?>? Name { get; init; }

    /// <summary>JWT: <c>identitySource</c>; request: may be a list.</summary>
    public IReadOnlyList<Spanned<string?>> IdentitySource { get; init; } = [];

    public Spanned<string?>? IssuerUrl { get; init; }

    public IReadOnlyList<Spanned<string?>> Audience { get; init; } = [];

    public Spanned<string?>? FunctionName { get; init; }

    public Spanned<string?>? FunctionArn { get; init; }

    public Spanned<int?>? ResultTtlInSeconds { get; init; }

    public Spanned<bool?>? EnableSimpleResponses { get; init; }

    /// <summary><c>payloadVersion</c> of a Lambda authorizer.</summary>
    public Setting<string?> PayloadVersion { get; init; } = Setting<string?>.CatalogDefault("provider.httpApi.authorizers.*.payloadVersion");

    public Spanned<bool?>? ManagedExternally { get; init; }

    /// <summary><c>identitySource</c> as written (passed through), or null.</summary>
    public Node? IdentitySourceValue => RawValues.Get(Node, "identitySource");

    /// <summary>True when <see cref="IdentitySourceValue"/> is a list.</summary>
    public bool IdentitySourceIsList => RawValues.IsList(IdentitySourceValue);

    /// <summary><c>audience</c> as written (passed through), or null.</summary>
    public Node? AudienceValue => RawValues.Get(Node, "audience");

    /// <summary>True when <see cref="AudienceValue"/> is a list.</summary>
    public bool AudienceIsList => RawValues.IsList(AudienceValue);
}

/// <summary><c>provider.alb</c>.</summary>
public sealed record AlbConfig(Spanned<string?>? TargetGroupPrefix, MappingNode? Authorizers, Node Node)
{
    /// <summary>The authorizer defined under this name when it is a mapping, else null.</summary>
    public AlbAuthorizer? FindAuthorizer(string name) =>
        Authorizers?[name] is MappingNode a ? new AlbAuthorizer(name, a) : null;

    /// <summary>The names under <c>authorizers</c>, in order.</summary>
    public IReadOnlyList<string> AuthorizerNames => [.. RawValues.Entries(Authorizers).Select(e => e.Key.Text)];
}

/// <summary>One of <c>provider.alb.authorizers</c>: a Cognito or an OIDC authenticate action; values pass through.</summary>
public sealed record AlbAuthorizer(string Name, MappingNode Node)
{
    /// <summary><c>type</c>: <c>cognito</c> or <c>oidc</c>.</summary>
    public string? Type => RawValues.Text(Node["type"]);

    /// <summary>A key's value when the key is written (even null), else null.</summary>
    public Node? Written(string key) => Node[key];

    /// <summary><c>clientSecret</c> when set (JavaScript-truthy).</summary>
    public Node? ClientSecret => RawValues.IsTruthy(Node["clientSecret"]) ? Node["clientSecret"] : null;

    /// <summary><c>onUnauthenticatedRequest</c> when set (JavaScript-truthy).</summary>
    public Node? OnUnauthenticatedRequest => RawValues.IsTruthy(Node["onUnauthenticatedRequest"]) ? Node["onUnauthenticatedRequest"] : null;
}

/// <summary><c>provider.ecr</c>.</summary>
public sealed record EcrConfig(Spanned<bool?>? ScanOnPush, IReadOnlyList<EcrImage> Images, Node Node);

/// <summary>One image of <c>provider.ecr.images</c>: a URI string, or <c>{uri | path, file, buildArgs, cacheFrom,
/// platform}</c>.</summary>
public sealed record EcrImage
{
    public required string Name { get; init; }

    public required ScalarNode KeyNode { get; init; }

    public required Node Node { get; init; }

    public Spanned<string?>? Uri { get; init; }

    public Spanned<string?>? Path { get; init; }

    public Spanned<string?>? File { get; init; }

    public Node? BuildArgs { get; init; }

    public Node? BuildOptions { get; init; }

    public IReadOnlyList<Spanned<string?>> CacheFrom { get; init; } = [];

    public Spanned<string?>? Platform { get; init; }
}

/// <summary>One entry of <c>provider.s3</c>: bucket name and CloudFormation bucket properties (raw).</summary>
public sealed record ProviderS3Bucket(string Key, ScalarNode KeyNode, Spanned<string?>? Name, MappingNode? Properties,
    Node Node)
{
    /// <summary>The bucket's settings as written, <c>name</c> included, in order.</summary>
    public IReadOnlyList<CfnEntry> Settings => CfnEntry.Of(Properties);
}
