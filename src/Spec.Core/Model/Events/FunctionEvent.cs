using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>The 22 AWS event types of Serverless Framework v3 (reference §2).</summary>
public enum EventKind
{
    Http,
    HttpApi,
    Websocket,
    Sqs,
    Sns,
    S3,
    Schedule,
    Stream,
    Msk,
    Kafka,
    ActiveMq,
    RabbitMq,
    Alb,
    AlexaSkill,
    AlexaSmartHome,
    Iot,
    IotFleetProvisioning,
    CloudwatchEvent,
    CloudwatchLog,
    CognitoUserPool,
    EventBridge,
    CloudFront,
}

/// <summary>
/// One entry of a function's <c>events</c>. Each event type is a sealed subclass with its long-form keys; the
/// shorthand forms (<c>http: GET /path</c>, <c>sqs: arn</c>, bare <c>- alexaSkill</c>…) are normalised into them.
/// </summary>
public abstract record FunctionEvent
{
    /// <summary>The event type.</summary>
    public abstract EventKind Kind { get; }

    /// <summary>The key as written in YAML (<c>httpApi</c>, <c>cloudwatchLog</c>…).</summary>
    public string KindName => KeyName(Kind);

    /// <summary>The key of the function this event belongs to.</summary>
    public required string FunctionKey { get; init; }

    /// <summary>Position within the function's <c>events</c> list (0-based).</summary>
    public required int Index { get; init; }

    /// <summary>The list item (the one-key mapping, or the bare string).</summary>
    public required Node Node { get; init; }

    /// <summary>The event's value: the shorthand scalar or the long-form mapping.</summary>
    public required Node Value { get; init; }

    /// <summary>True when the event was written in shorthand (a scalar instead of a mapping).</summary>
    public bool IsShorthand => Value is not MappingNode;

    /// <summary>The YAML key of an event kind.</summary>
    public static string KeyName(EventKind kind) => kind switch
    {
        EventKind.Http => "http",
        EventKind.HttpApi => "httpApi",
        EventKind.Websocket => "websocket",
        EventKind.Sqs => "sqs",
        EventKind.Sns => "sns",
        EventKind.S3 => "s3",
        EventKind.Schedule => "schedule",
        EventKind.Stream => "stream",
        EventKind.Msk => "msk",
        EventKind.Kafka => "kafka",
        EventKind.ActiveMq => "activemq",
        EventKind.RabbitMq => "rabbitmq",
        EventKind.Alb => "alb",
        EventKind.AlexaSkill => "alexaSkill",
        EventKind.AlexaSmartHome => "alexaSmartHome",
        EventKind.Iot => "iot",
        EventKind.IotFleetProvisioning => "iotFleetProvisioning",
        EventKind.CloudwatchEvent => "cloudwatchEvent",
        EventKind.CloudwatchLog => "cloudwatchLog",
        EventKind.CognitoUserPool => "cognitoUserPool",
        EventKind.EventBridge => "eventBridge",
        EventKind.CloudFront => "cloudFront",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The event kind of a YAML key, or null for an unknown key.</summary>
    public static EventKind? KindOf(string key)
    {
        foreach (var k in Enum.GetValues<EventKind>())
        {
            if (KeyName(k) == key)
            {
                return k;
            }
        }

        return null;
    }
}

/// <summary>Fields shared by the Lambda event-source-mapping events (sqs, stream, msk, kafka, activemq,
/// rabbitmq).</summary>
public abstract record EventSourceMappingEvent : FunctionEvent
{
    /// <summary><c>batchSize</c>: the catalogue's default for sqs and stream; unset (AWS's default) for msk, kafka
    /// and MQ, whose template leaves it out.</summary>
    public required Setting<int?> BatchSize { get; init; }

    /// <summary><c>enabled</c>.</summary>
    public required Setting<bool?> Enabled { get; init; }

    /// <summary><c>maximumBatchingWindow</c> (seconds); <c>batchWindow</c> for streams.</summary>
    public Spanned<int?>? MaximumBatchingWindow { get; init; }

    /// <summary><c>filterPatterns</c> (raw patterns).</summary>
    public IReadOnlyList<Node> FilterPatterns { get; init; } = [];
}

/// <summary>
/// An entry of a function's <c>events</c> the binder could not bind (it reported why): not a one-key mapping
/// (<see cref="KindName"/> null), an unknown event type, or an event missing what it requires
/// (<see cref="MissingKeys"/>: required keys that are absent or could not be read). Rules do not see it; the backends
/// refuse it as the Framework would.
/// </summary>
public sealed record UnboundEvent(string FunctionKey, int Index, Node Item, string? KindName, IReadOnlyList<string> MissingKeys)
{
    /// <summary>The event type, or null when the item is malformed or names no known type.</summary>
    public EventKind? Kind => KindName is null ? null : FunctionEvent.KindOf(KindName);
}

/// <summary>
/// <c>inputTransformer</c> of an EventBridge target (<c>schedule</c>, <c>cloudwatchEvent</c>, <c>eventBridge</c>):
/// its values pass through to the template.
/// </summary>
public sealed record EventInputTransformer(Node Node)
{
    /// <summary>The entries as written, in order.</summary>
    public IReadOnlyList<CfnEntry> Entries => CfnEntry.Of(Node);

    /// <summary><c>inputPathsMap</c> when the key is written.</summary>
    public Node? InputPathsMap => RawValues.Get(Node, "inputPathsMap");

    /// <summary><c>inputTemplate</c> when the key is written.</summary>
    public Node? InputTemplate => RawValues.Get(Node, "inputTemplate");

    /// <summary>The transformer of a target, or null when it is not a mapping.</summary>
    public static EventInputTransformer? Of(Node? node) => RawValues.IsMapping(node) ? new EventInputTransformer(node!) : null;
}

