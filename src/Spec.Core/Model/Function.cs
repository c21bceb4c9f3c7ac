using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>
/// One entry of <c>functions</c> (reference §1.3) with effective values: function &gt; provider &gt; default.
/// </summary>
public sealed record Function
{
    /// <summary>The key under <c>functions</c> (e.g. <c>hello-world</c>).</summary>
    public required string Key { get; init; }

    public required ScalarNode KeyNode { get; init; }

    /// <summary>The function mapping.</summary>
    public required MappingNode Node { get; init; }

    /// <summary>Deployed name: <c>name</c>, default <c>${service}-${stage}-${key}</c>.</summary>
    public required Setting<string?> Name { get; init; }

    /// <summary>The deployed name as text: <see cref="Name"/>, or the default when <c>name</c> is not a literal.</summary>
    public string DeployedName => Name.LiteralOrDefault ?? string.Empty;

    /// <summary><c>handler</c> (zip package). Exactly one of handler/image is expected (rules check it).</summary>
    public Spanned<string?>? Handler { get; init; }

    /// <summary><c>image</c> (container image package).</summary>
    public FunctionImage? Image { get; init; }

    public Spanned<string?>? Description { get; init; }

    /// <summary>Effective runtime (null value for image functions without a runtime).</summary>
    public required Setting<string?> Runtime { get; init; }

    public RuntimeManagement? RuntimeManagement { get; init; }

    /// <summary>Effective memory: function &gt; provider &gt; the catalogue's default (Lambda@Edge functions: function
    /// &gt; <see cref="Defaults.EdgeMemorySize"/>).</summary>
    public required Setting<int?> MemorySize { get; init; }

    /// <summary>Effective timeout: function &gt; provider &gt; the catalogue's default (Lambda@Edge functions: function
    /// &gt; <see cref="Defaults.EdgeTimeout"/>).</summary>
    public required Setting<int?> Timeout { get; init; }

    public required Setting<string?> Architecture { get; init; }

    /// <summary>Provider environment merged under the function's (function entries win), each with its node.</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; init; } = [];

    /// <summary>Provider tags merged under the function's.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary><c>role</c>: an ARN, a logical id, an intrinsic or an object.</summary>
    public Node? Role { get; init; }

    /// <summary><see cref="Role"/> as a reference to an existing role, or null when the function sets none.</summary>
    public RoleReference? RoleReference => Role is null ? null : new RoleReference(Role);

    /// <summary>Effective VPC: the function's, the provider's, or null when the function opts out
    /// (<c>vpc: null</c>/<c>false</c>) or none is set.</summary>
    public Setting<VpcConfig?> Vpc { get; init; } = Setting<VpcConfig?>.Default(null);

    /// <summary>Effective layers: the function's list replaces the provider's entirely.</summary>
    public Setting<IReadOnlyList<Spanned<string?>>> Layers { get; init; } =
        Setting<IReadOnlyList<Spanned<string?>>>.Default([]);

    /// <summary>True when the effective <see cref="Layers"/> are written as a list (not a CloudFormation function).</summary>
    public bool LayersAreList => Layers.Node is SequenceNode;

    /// <summary>Effective <c>kmsKeyArn</c> (or <c>awsKmsKeyArn</c>).</summary>
    public Setting<string?> KmsKeyArn { get; init; } = Setting<string?>.Default(null);

    /// <summary>Effective <c>tracing</c> mode for Lambda (<c>Active</c>, <c>PassThrough</c>, or a bool as text).</summary>
    public Setting<string?> Tracing { get; init; } = Setting<string?>.Default(null);

    /// <summary><c>onError</c>: an SNS ARN or an intrinsic.</summary>
    public Node? OnError { get; init; }

    /// <summary>The literal ARN of <see cref="OnError"/>, or null for an intrinsic.</summary>
    public string? OnErrorArn => OnError is ScalarNode { IsNull: false } s ? s.Text : null;

    public Destinations? Destinations { get; init; }

    public Spanned<int?>? MaximumRetryAttempts { get; init; }

    public Spanned<int?>? MaximumEventAge { get; init; }

    /// <summary><c>reservedConcurrency</c>: an int ≥ 0 (0 honoured) or an intrinsic.</summary>
    public Spanned<int?>? ReservedConcurrency { get; init; }

    public Spanned<int?>? ProvisionedConcurrency { get; init; }

    public Spanned<bool?>? SnapStart { get; init; }

    /// <summary>Effective versioning: <c>versionFunction</c> &gt; <c>provider.versionFunctions</c> &gt; true.</summary>
    public required Setting<bool?> VersionFunction { get; init; }

    public FunctionUrl? Url { get; init; }

    public Spanned<int?>? EphemeralStorageSize { get; init; }

    public FileSystemConfig? FileSystemConfig { get; init; }

    /// <summary>Effective log retention: function &gt; provider.</summary>
    public Setting<int?> LogRetentionInDays { get; init; } = Setting<int?>.Default(null);

    public Node? LogDataProtectionPolicy { get; init; }

    public Spanned<bool?>? DisableLogs { get; init; }

    /// <summary><c>condition</c>: a CloudFormation condition name.</summary>
    public Spanned<string?>? Condition { get; init; }

    /// <summary><c>dependsOn</c>: logical ids.</summary>
    public IReadOnlyList<Spanned<string?>> DependsOn { get; init; } = [];

    public PackageConfig? Package { get; init; }

    /// <summary><c>httpApi.payload</c> for this function.</summary>
    public Spanned<string?>? HttpApiPayload { get; init; }

    /// <summary>Effective payload format of the function's HTTP API integration: function &gt; provider &gt; 2.0.</summary>
    public Setting<string?> HttpApiPayloadVersion { get; init; } = Setting<string?>.CatalogDefault("provider.httpApi.payload");

    /// <summary><c>iamRoleStatements</c> of the serverless-iam-roles-per-function plugin.</summary>
    public IReadOnlyList<IamStatement> IamRoleStatements { get; init; } = [];

    /// <summary><c>iamRoleStatementsName</c> / <c>iamRoleStatementsInherit</c> of that plugin (raw).</summary>
    public Node? IamRoleStatementsOptions { get; init; }

    /// <summary><c>events</c>, in source order.</summary>
    public IReadOnlyList<FunctionEvent> Events { get; init; } = [];

    /// <summary>Entries of <c>events</c> that could not be bound (reported by the binder), in source order.</summary>
    public IReadOnlyList<UnboundEvent> UnboundEvents { get; init; } = [];

    /// <summary>True for container-image functions.</summary>
    public bool IsImage => Image is not null;

    /// <summary>The events of one kind.</summary>
    public EventsOfKind<T> EventsOf<T>() where T : FunctionEvent => new(Events);

    /// <summary>The environment variable of this name (function entry if both define it), or null.</summary>
    public EnvironmentVariable? FindEnvironment(string name) => Environment.FirstOrDefault(e => e.Name == name);
}

/// <summary><c>image</c>: a URI or an <c>provider.ecr.images</c> name, or <c>{name | uri, workingDirectory, command,
/// entryPoint}</c>.</summary>
public sealed record FunctionImage
{
    public required Node Node { get; init; }

    /// <summary>A name of <c>provider.ecr.images</c>.</summary>
    public Spanned<string?>? Name { get; init; }

    /// <summary>An ECR URI (with <c>@sha256:</c> digest).</summary>
    public Spanned<string?>? Uri { get; init; }

    public Spanned<string?>? WorkingDirectory { get; init; }

    public IReadOnlyList<Spanned<string?>> Command { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> EntryPoint { get; init; } = [];
}

/// <summary>
/// A reference to an existing IAM role (a function's <c>role</c>, <c>provider.iam.role</c> as a string or function):
/// an ARN, the logical id of a role in <c>resources</c>, or a CloudFormation function (kept raw).
/// </summary>
public sealed record RoleReference(Node Node)
{
    /// <summary>The literal text (an ARN or a logical id), or null for a CloudFormation function.</summary>
    public string? Literal => Node is ScalarNode { IsNull: false } s ? s.Text : null;

    /// <summary>True when <see cref="Literal"/> is an ARN (the Framework tests for <c>arn:aws</c>).</summary>
    public bool IsArn => Literal?.StartsWith("arn:aws", StringComparison.Ordinal) == true;

    /// <summary>The logical id of <c>{Fn::GetAtt: [Id, Arn]}</c> (the list form the Framework reads), or null.</summary>
    public string? GetAttLogicalId =>
        Node is MappingNode m && m["Fn::GetAtt"] is SequenceNode { Items.Count: > 0 } getAtt
            && getAtt.Items[0] is ScalarNode { IsNull: false } id
            ? id.Text
            : null;
}

/// <summary><c>destinations</c>: <c>onSuccess</c> and <c>onFailure</c>.</summary>
public sealed record Destinations(DestinationTarget? OnSuccess, DestinationTarget? OnFailure, Node Node);

/// <summary>
/// A destination: an ARN, a local function name, or <c>{arn, type: sns | sqs | eventBus | function}</c>.
/// <see cref="Arn"/> is the raw target node (string or intrinsic).
/// </summary>
public sealed record DestinationTarget
{
    public required Node Node { get; init; }

    /// <summary>The ARN / function name / intrinsic.</summary>
    public required Node Arn { get; init; }

    /// <summary><c>type</c> when the object form sets it.</summary>
    public Spanned<string?>? Type { get; init; }

    /// <summary>The literal target text, or null for intrinsics.</summary>
    public string? Text => Arn is ScalarNode { IsNull: false } s ? s.Text : null;

    /// <summary>True for the string form (<c>onSuccess: name-or-arn</c>), false for the object form (<c>{arn, type}</c>).</summary>
    public bool IsStringForm => Node is ScalarNode;

    /// <summary>True when the target is a literal that is not an ARN: a local function name.</summary>
    public bool IsFunctionName => Text is { } t && !t.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>What the reference points at (logical id for intrinsics, last ARN segment for literals).</summary>
    public ResourceReference? Reference => ResourceReference.From(Arn);
}

/// <summary><c>url</c>: <c>true</c> or <c>{authorizer: aws_iam, cors, invokeMode}</c>.</summary>
public sealed record FunctionUrl
{
    public required Node Node { get; init; }

    /// <summary><c>aws_iam</c>, or null (AuthType NONE: public).</summary>
    public Spanned<string?>? Authorizer { get; init; }

    /// <summary><c>cors</c>: <c>true</c> or an object (raw).</summary>
    public Node? Cors { get; init; }

    /// <summary><see cref="Cors"/> read as settings; null when CORS is off (absent, null or <c>false</c>).</summary>
    public FunctionUrlCors? CorsSettings =>
        RawValues.IsNullOrMissing(Cors) || RawValues.Bool(Cors) == false ? null : new FunctionUrlCors(Cors!);

    /// <summary><c>BUFFERED</c> or <c>RESPONSE_STREAM</c>.</summary>
    public Setting<string?> InvokeMode { get; init; } = Setting<string?>.CatalogDefault("functions.*.url.invokeMode");

    public bool IsPublic => Authorizer?.Value is not "aws_iam";
}

/// <summary>
/// <c>url.cors</c> as the Framework reads it: each setting that is written replaces the Function URL default. The values
/// stay raw (they pass through to the template).
/// </summary>
public sealed record FunctionUrlCors(Node Node)
{
    public Node? AllowedHeaders => RawValues.Present(RawValues.Get(Node, "allowedHeaders"));

    public Node? AllowedMethods => RawValues.Present(RawValues.Get(Node, "allowedMethods"));

    public Node? AllowedOrigins => RawValues.Present(RawValues.Get(Node, "allowedOrigins"));

    public Node? ExposedResponseHeaders => RawValues.Present(RawValues.Get(Node, "exposedResponseHeaders"));

    public Node? MaxAge => RawValues.Present(RawValues.Get(Node, "maxAge"));

    /// <summary><c>allowedHeaders: null</c>: the default headers are dropped, not replaced.</summary>
    public bool ClearsAllowedHeaders => IsWrittenNull("allowedHeaders");

    /// <summary><c>allowedMethods: null</c>: the default methods are dropped, not replaced.</summary>
    public bool ClearsAllowedMethods => IsWrittenNull("allowedMethods");

    /// <summary><c>allowedOrigins: null</c>: the default origins are dropped, not replaced.</summary>
    public bool ClearsAllowedOrigins => IsWrittenNull("allowedOrigins");

    /// <summary><c>allowCredentials</c> counts only when truthy (then it is <c>true</c>).</summary>
    public bool AllowsCredentials => RawValues.IsTruthy(RawValues.Get(Node, "allowCredentials"));

    private bool IsWrittenNull(string key) => RawValues.Get(Node, key) is ScalarNode { IsNull: true };
}

/// <summary><c>fileSystemConfig</c>: an EFS access point ARN and a mount path under <c>/mnt/</c>.</summary>
public sealed record FileSystemConfig(Spanned<string?>? Arn, Spanned<string?>? LocalMountPath, Node Node);
