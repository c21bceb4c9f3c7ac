using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary><c>sns</c>: a subscription to a topic. Shorthand: a topic name (the Framework creates the topic) or an
/// ARN.</summary>
public sealed record SnsEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.Sns;

    /// <summary><c>arn</c> (or the shorthand when it is an ARN/intrinsic); null when the topic is created by name.</summary>
    public Node? Arn { get; init; }

    /// <summary><c>topicName</c> (or the shorthand name).</summary>
    public Spanned<string?>? TopicName { get; init; }

    public Spanned<string?>? DisplayName { get; init; }

    public Node? FilterPolicy { get; init; }

    /// <summary><c>MessageAttributes</c> or <c>MessageBody</c>.</summary>
    public Spanned<string?>? FilterPolicyScope { get; init; }

    public SnsRedrivePolicy? RedrivePolicy { get; init; }

    /// <summary>True when the Framework creates the topic (no ARN given).</summary>
    public bool CreatesTopic => Arn is null;

    /// <summary>The topic the ARN points at.</summary>
    public ResourceReference? Topic => Arn is null ? null : ResourceReference.From(Arn);

    /// <summary>The literal text of <see cref="Arn"/>, or null for an intrinsic.</summary>
    public string? ArnLiteral => RawValues.Text(Arn);
}

/// <summary><c>sns.redrivePolicy</c>: one of <c>deadLetterTargetArn</c>, <c>deadLetterTargetRef</c>,
/// <c>deadLetterTargetImport{arn, url}</c>.</summary>
public sealed record SnsRedrivePolicy
{
    public required Node Node { get; init; }

    public Node? DeadLetterTargetArn { get; init; }

    public Spanned<string?>? DeadLetterTargetRef { get; init; }

    public Node? DeadLetterTargetImportArn { get; init; }

    /// <summary><see cref="DeadLetterTargetArn"/> as text, when it is a literal.</summary>
    public string? DeadLetterTargetArnText => RawValues.Text(DeadLetterTargetArn);

    public Node? DeadLetterTargetImportUrl { get; init; }
}

/// <summary><c>s3</c>: a bucket notification. Shorthand: the bucket name.</summary>
public sealed record S3Event : FunctionEvent
{
    public override EventKind Kind => EventKind.S3;

    /// <summary><c>bucket</c>: a name (the Framework creates the bucket unless <c>existing</c>) or an intrinsic.</summary>
    public required Spanned<string?> Bucket { get; init; }

    /// <summary><c>event</c>, e.g. <c>s3:ObjectRemoved:*</c>.</summary>
    public Setting<string?> Event { get; init; } = Setting<string?>.CatalogDefault("functions.*.events.s3.event");

    public IReadOnlyList<S3Rule> Rules { get; init; } = [];

    public Spanned<bool?>? Existing { get; init; }

    public Spanned<bool?>? ForceDeploy { get; init; }

    public bool IsExisting => Existing?.Value == true;
}

/// <summary>One <c>s3.rules</c> entry: <c>{prefix}</c> or <c>{suffix}</c>.</summary>
public sealed record S3Rule(Spanned<string?>? Prefix, Spanned<string?>? Suffix, Node Node)
{
    /// <summary>The filter rules as written, in order (name and raw value).</summary>
    public IReadOnlyList<CfnEntry> Filters => CfnEntry.Of(Node);
}

/// <summary><c>schedule</c>: an EventBridge rule or an EventBridge Scheduler schedule. Shorthand: <c>rate(…)</c> or
/// <c>cron(…)</c>.</summary>
public sealed record ScheduleEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.Schedule;

    /// <summary><c>rate</c>: one or more <c>rate(…)</c>/<c>cron(…)</c> expressions (one rule each).</summary>
    public required IReadOnlyList<Spanned<string?>> Rate { get; init; }

    public Setting<bool?> Enabled { get; init; } = Setting<bool?>.CatalogDefault("functions.*.events.schedule.enabled");

    public Spanned<string?>? Name { get; init; }

    public Spanned<string?>? Description { get; init; }

    /// <summary><c>input</c> (object or string), raw.</summary>
    public Node? Input { get; init; }

    public Spanned<string?>? InputPath { get; init; }

    public Node? InputTransformer { get; init; }

    /// <summary><c>method</c>: <c>eventBus</c> or <c>scheduler</c>.</summary>
    public Setting<string?> Method { get; init; } = Setting<string?>.CatalogDefault("functions.*.events.schedule.method");

    public Spanned<string?>? Timezone { get; init; }

    /// <summary><see cref="Input"/> when written as a scalar (passed as is), else null (an object is serialised).</summary>
    public string? InputText => RawValues.Text(Input);

    /// <summary><see cref="InputTransformer"/> when it is a mapping.</summary>
    public EventInputTransformer? InputTransformerSettings => EventInputTransformer.Of(InputTransformer);
}

/// <summary><c>alexaSkill</c>. Shorthand: the skill id, or a bare <c>- alexaSkill</c> (deprecated, no app id).</summary>
public sealed record AlexaSkillEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.AlexaSkill;

    public Spanned<string?>? AppId { get; init; }

    public Setting<bool?> Enabled { get; init; } = Setting<bool?>.CatalogDefault("functions.*.events.alexaSkill.enabled");
}

/// <summary><c>alexaSmartHome</c>. Shorthand: the skill id.</summary>
public sealed record AlexaSmartHomeEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.AlexaSmartHome;

    public required Spanned<string?> AppId { get; init; }

    public Setting<bool?> Enabled { get; init; } = Setting<bool?>.CatalogDefault("functions.*.events.alexaSmartHome.enabled");
}

/// <summary><c>iot</c>: an IoT topic rule.</summary>
public sealed record IotEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.Iot;

    public required Spanned<string?> Sql { get; init; }

    public Spanned<string?>? SqlVersion { get; init; }

    public Spanned<string?>? Name { get; init; }

    public Setting<bool?> Enabled { get; init; } = Setting<bool?>.CatalogDefault("functions.*.events.iot.enabled");

    public Spanned<string?>? Description { get; init; }
}

/// <summary><c>iotFleetProvisioning</c>: a provisioning template with this function as pre-provisioning hook.</summary>
public sealed record IotFleetProvisioningEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.IotFleetProvisioning;

    public required Node TemplateBody { get; init; }

    public required Node ProvisioningRoleArn { get; init; }

    public Spanned<string?>? TemplateName { get; init; }

    public Setting<bool?> Enabled { get; init; } = Setting<bool?>.CatalogDefault("functions.*.events.iotFleetProvisioning.enabled");

    /// <summary>True when <see cref="TemplateBody"/> is a mapping (the provisioning template document).</summary>
    public bool TemplateBodyIsMapping => RawValues.IsMapping(TemplateBody);
}

/// <summary><c>cloudwatchEvent</c> (legacy): an EventBridge rule on the default bus.</summary>
public sealed record CloudwatchEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.CloudwatchEvent;

    /// <summary><c>event</c>: the event pattern, raw.</summary>
    public Node? Event { get; init; }

    public Node? Input { get; init; }

    public Spanned<string?>? InputPath { get; init; }

    public Node? InputTransformer { get; init; }

    public Spanned<string?>? Description { get; init; }

    public Spanned<string?>? Name { get; init; }

    public Setting<bool?> Enabled { get; init; } = Setting<bool?>.CatalogDefault("functions.*.events.cloudwatchEvent.enabled");

    /// <summary><see cref="Input"/> when written as a scalar (passed as is), else null (an object is serialised).</summary>
    public string? InputText => RawValues.Text(Input);

    /// <summary><see cref="InputTransformer"/> when it is a mapping.</summary>
    public EventInputTransformer? InputTransformerSettings => EventInputTransformer.Of(InputTransformer);
}

/// <summary><c>cloudwatchLog</c>: a log subscription filter. Shorthand: the log group name.</summary>
public sealed record CloudwatchLogEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.CloudwatchLog;

    public required Spanned<string?> LogGroup { get; init; }

    /// <summary><c>filter</c>; empty means all events.</summary>
    public Setting<string?> Filter { get; init; } = Setting<string?>.CatalogDefault("functions.*.events.cloudwatchLog.filter");
}

/// <summary><c>cognitoUserPool</c>: a user pool trigger.</summary>
public sealed record CognitoUserPoolEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.CognitoUserPool;

    /// <summary><c>pool</c>: the pool name (the Framework creates it unless <c>existing</c>).</summary>
    public required Spanned<string?> Pool { get; init; }

    /// <summary><c>trigger</c>: <c>PreSignUp</c>, <c>PostConfirmation</c>, …</summary>
    public required Spanned<string?> Trigger { get; init; }

    public Spanned<bool?>? Existing { get; init; }

    public Spanned<bool?>? ForceDeploy { get; init; }

    public Node? KmsKeyId { get; init; }

    /// <summary>True when <see cref="KmsKeyId"/> is set (JavaScript-truthy).</summary>
    public bool HasKmsKeyId => RawValues.IsTruthy(KmsKeyId);

    /// <summary>True when <c>existing</c> is set (JavaScript-truthy): the pool exists outside the stack.</summary>
    public bool IsExistingPool => RawValues.IsTruthy(RawValues.Get(Value, "existing"));

    /// <summary><c>lambdaVersion</c> of a custom sender trigger on an existing pool, or its default.</summary>
    public string LambdaVersion => RawValues.Text(RawValues.Get(Value, "lambdaVersion")) ?? Defaults.CognitoCustomSenderLambdaVersion;
}

/// <summary><c>eventBridge</c>: a rule with a <c>pattern</c> or a <c>schedule</c>.</summary>
public sealed record EventBridgeEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.EventBridge;

    public Node? Pattern { get; init; }

    public Spanned<string?>? Schedule { get; init; }

    /// <summary><c>eventBus</c>: a name (created unless <c>default</c>), an ARN, or an intrinsic; null for the
    /// default bus.</summary>
    public Node? EventBus { get; init; }

    public Spanned<string?>? Name { get; init; }

    public Spanned<string?>? Description { get; init; }

    public Setting<bool?> Enabled { get; init; } = Setting<bool?>.CatalogDefault("functions.*.events.eventBridge.enabled");

    public Node? Input { get; init; }

    public Spanned<string?>? InputPath { get; init; }

    public Node? InputTransformer { get; init; }

    public Spanned<int?>? RetryPolicyMaximumEventAge { get; init; }

    public Spanned<int?>? RetryPolicyMaximumRetryAttempts { get; init; }

    /// <summary><c>retryPolicy</c>, raw.</summary>
    public Node? RetryPolicy { get; init; }

    public Node? DeadLetterQueueArn { get; init; }

    /// <summary>The literal text of <see cref="EventBus"/> (a bus name or ARN), or null.</summary>
    public string? EventBusLiteral => RawValues.Text(EventBus);

    /// <summary>True when <see cref="EventBus"/> is a CloudFormation function (a bus defined elsewhere).</summary>
    public bool EventBusIsIntrinsic => RawValues.IsMapping(EventBus);

    /// <summary><see cref="InputTransformer"/> when it is a mapping.</summary>
    public EventInputTransformer? InputTransformerSettings => EventInputTransformer.Of(InputTransformer);
}

/// <summary><c>cloudFront</c>: a Lambda@Edge association (us-east-1 only).</summary>
public sealed record CloudFrontEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.CloudFront;

    /// <summary><c>viewer-request</c>, <c>origin-request</c>, <c>origin-response</c>, <c>viewer-response</c>.</summary>
    public Spanned<string?>? EventType { get; init; }

    /// <summary><c>origin</c>: a URI or an origin object, raw.</summary>
    public Node? Origin { get; init; }

    public Spanned<string?>? PathPattern { get; init; }

    public Spanned<bool?>? IsDefaultOrigin { get; init; }

    public Spanned<bool?>? IncludeBody { get; init; }

    public Node? Behavior { get; init; }

    public Spanned<string?>? CachePolicyName { get; init; }

    public Spanned<string?>? CachePolicyId { get; init; }

    /// <summary><see cref="Origin"/> when it is a URI string (<c>s3://…</c> or a custom origin), else null.</summary>
    public string? OriginUri => Origin is ScalarNode { Kind: ScalarKind.String } s ? s.Text : null;

    /// <summary>True when <see cref="Origin"/> is an origin object.</summary>
    public bool OriginIsObject => RawValues.IsMapping(Origin);

    /// <summary>True when <see cref="Origin"/> is only known at deploy time.</summary>
    public bool OriginIsDeployTime => RawValues.IsDeployTime(Origin);

    /// <summary><see cref="PathPattern"/> when it is a non-empty string.</summary>
    public string? PathPatternText =>
        RawValues.Get(Value, "pathPattern") is ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 } p ? p.Text : null;

    /// <summary><c>isDefaultOrigin</c> when it is set (JavaScript-truthy).</summary>
    public Node? DefaultOriginFlag => RawValues.IsTruthy(RawValues.Get(Value, "isDefaultOrigin")) ? RawValues.Get(Value, "isDefaultOrigin") : null;

    /// <summary><see cref="Behavior"/> when it is a mapping.</summary>
    public Node? BehaviorObject => RawValues.IsMapping(Behavior) ? Behavior : null;

    /// <summary>True when <see cref="Behavior"/> picks its own caching (<c>CachePolicyId</c>, <c>ForwardedValues</c> or a
    /// TTL), so the Framework assigns no default cache policy.</summary>
    public bool BehaviorSetsCaching => BehaviorObject is { } b &&
        (RawValues.IsTruthy(RawValues.Get(b, "CachePolicyId")) || RawValues.Get(b, "ForwardedValues") is not null ||
         !RawValues.IsNullOrMissing(RawValues.Get(b, "MaxTTL")) || !RawValues.IsNullOrMissing(RawValues.Get(b, "MinTTL")) ||
         !RawValues.IsNullOrMissing(RawValues.Get(b, "DefaultTTL")));

    /// <summary><c>cachePolicy</c> when the key is written (whatever its value).</summary>
    public CloudFrontCachePolicy? CachePolicy => RawValues.Get(Value, "cachePolicy") is { } node ? new CloudFrontCachePolicy(node) : null;
}

/// <summary><c>cloudFront.cachePolicy</c>: a policy <c>id</c>, or the <c>name</c> of one of
/// <c>provider.cloudFront.cachePolicies</c>.</summary>
public sealed record CloudFrontCachePolicy(Node Node)
{
    /// <summary><c>id</c> when set (JavaScript-truthy).</summary>
    public Node? Id => RawValues.IsTruthy(RawValues.Get(Node, "id")) ? RawValues.Get(Node, "id") : null;

    public string? Name => RawValues.Text(RawValues.Get(Node, "name"));
}
