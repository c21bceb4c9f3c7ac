using Spec.Core.Model;

namespace Spec.Core.Bind;

/// <summary>The binder of every event type, by the event's name (<c>sqs</c>, <c>httpApi</c>…).</summary>
internal static class EventBinders
{
    public static IReadOnlyList<EventBinder> All { get; } =
    [
        new HttpEventBinder(), new HttpApiEventBinder(), new WebsocketEventBinder(), new SqsEventBinder(),
        new SnsEventBinder(), new S3EventBinder(), new ScheduleEventBinder(), new StreamEventBinder(),
        new MskEventBinder(), new KafkaEventBinder(), new ActiveMqEventBinder(), new RabbitMqEventBinder(),
        new AlbEventBinder(), new AlexaSkillEventBinder(), new AlexaSmartHomeEventBinder(), new IotEventBinder(),
        new IotFleetProvisioningEventBinder(), new CloudwatchEventBinder(), new CloudwatchLogEventBinder(),
        new CognitoUserPoolEventBinder(), new EventBridgeEventBinder(), new CloudFrontEventBinder(),
    ];

    private static readonly Dictionary<string, EventBinder> ByName = All.ToDictionary(b => b.Name, StringComparer.Ordinal);

    /// <summary>The event names, for "did you mean".</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(b => b.Name)];

    /// <summary>The binder of the event named <paramref name="name"/>, or null for an unknown event.</summary>
    public static EventBinder? Find(string name) => ByName.GetValueOrDefault(name);
}
