namespace Spec.Tests.Backends.Events;

/// <summary>
/// A service with cognitoUserPool triggers (two pools, a custom sender with KMS, an alias) and the resources Serverless
/// Framework 3.40.0 <c>serverless package</c> made for them, in template order, in <c>Fixtures/cognito-user-pool</c>.
/// </summary>
internal static class CognitoUserPoolFixture
{
    public static string Spec => FixtureFiles.Text("Backends/Events/Fixtures/cognito-user-pool/serverless.yml");

    public static string FrameworkOutput => FixtureFiles.Text("Backends/Events/Fixtures/cognito-user-pool/expected.resources.json");
}
