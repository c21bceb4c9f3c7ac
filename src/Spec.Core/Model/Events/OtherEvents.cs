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
}

/// <summary><c>sns.redrivePolicy</c>: one of <c>deadLetterTargetArn</c>, <c>deadLetterTargetRef</c>,
/// <c>deadLetterTargetImport{arn, url}</c>.</summary>
public sealed record SnsRedrivePolicy
{
    public required Node Node { get; init; }

    public Node? DeadLetterTargetArn { get; init; }

    public Spanned<string?>? DeadLetterTargetRef { get; init; }

    public Node? DeadLetterTargetImportArn { get; init; }

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
public sealed record S3Rule(Spanned<string?>? Prefix, Spanned<string?>? Suffix, Node Node);

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
}
