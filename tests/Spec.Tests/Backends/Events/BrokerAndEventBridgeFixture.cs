namespace Spec.Tests.Backends.Events;

/// <summary>
/// A service with eventBridge, msk, kafka, activemq and rabbitmq events, and what Serverless Framework 3.40.0
/// <c>serverless package</c> made of it (its event resources, in template order, and the role's statements), in <c>Fixtures/broker-and-eventbridge</c>.
/// </summary>
internal static class BrokerAndEventBridgeFixture
{
    public static string Spec => FixtureFiles.Text("Backends/Events/Fixtures/broker-and-eventbridge/serverless.yml");

    public static string FrameworkOutput => FixtureFiles.Text("Backends/Events/Fixtures/broker-and-eventbridge/expected.resources.json");
}
