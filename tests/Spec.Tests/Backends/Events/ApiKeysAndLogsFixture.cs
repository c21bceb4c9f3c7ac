namespace Spec.Tests.Backends.Events;

/// <summary>
/// <c>provider.apiGateway.apiKeys</c>/<c>usagePlan</c>, asynchronous <c>http</c> events and <c>provider.logs.httpApi</c>,
/// with the templates Serverless Framework 3.40.0 <c>serverless package</c> made for them, in <c>Fixtures/</c>.
/// </summary>
internal static class ApiKeysAndLogsFixture
{
    private const string Folder = "Backends/Events/Fixtures/";

    public static string DefaultPlanSpec => FixtureFiles.Text(Folder + "api-keys-default-plan/serverless.yml");

    public static string DefaultPlanTemplate => FixtureFiles.Text(Folder + "api-keys-default-plan/expected.cloudformation.json");

    public static string NamedPlansSpec => FixtureFiles.Text(Folder + "api-keys-named-plans/serverless.yml");

    public static string NamedPlansTemplate => FixtureFiles.Text(Folder + "api-keys-named-plans/expected.cloudformation.json");

    public static string AsyncAndDefaultLogsSpec => FixtureFiles.Text(Folder + "http-async-and-default-logs/serverless.yml");

    public static string AsyncAndDefaultLogsTemplate =>
        FixtureFiles.Text(Folder + "http-async-and-default-logs/expected.cloudformation.json");

    public static string CustomLogFormatSpec => FixtureFiles.Text(Folder + "http-api-custom-log-format/serverless.yml");

    public static string CustomLogFormatTemplate =>
        FixtureFiles.Text(Folder + "http-api-custom-log-format/expected.cloudformation.json");
}
