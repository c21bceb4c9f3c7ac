namespace Spec.Tests.Backends.Events;

/// <summary>
/// A service with two iotFleetProvisioning hooks (one disabled and named, one behind an alias) and the resources
/// Serverless Framework 3.40.0 <c>serverless package</c> made for them, in template order, in <c>Fixtures/iot-fleet-provisioning</c>.
/// </summary>
internal static class IotFleetProvisioningFixture
{
    public static string Spec => FixtureFiles.Text("Backends/Events/Fixtures/iot-fleet-provisioning/serverless.yml");

    public static string FrameworkOutput => FixtureFiles.Text("Backends/Events/Fixtures/iot-fleet-provisioning/expected.resources.json");
}
