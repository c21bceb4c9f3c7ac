namespace Spec.Tests.Backends.Events;

/// <summary>
/// Services with cloudFront (Lambda@Edge) events and the full templates Serverless Framework 3.40.0
/// <c>serverless package</c> made for them, in <c>Fixtures/cloudfront-*</c>.
/// </summary>
internal static class CloudFrontFixture
{
    /// <summary>Every shape by name: its spec and the Framework's template.</summary>
    public static readonly IReadOnlyDictionary<string, (string Spec, string Framework)> Shapes =
        new Dictionary<string, (string Spec, string Framework)>(StringComparer.Ordinal)
        {
            ["Simple"] = FixtureFiles.SpecAndTemplate("Backends/Events/Fixtures/cloudfront-simple"),
            ["Full"] = FixtureFiles.SpecAndTemplate("Backends/Events/Fixtures/cloudfront-full"),
            ["PathOnly"] = FixtureFiles.SpecAndTemplate("Backends/Events/Fixtures/cloudfront-path-only"),
            ["Merged"] = FixtureFiles.SpecAndTemplate("Backends/Events/Fixtures/cloudfront-merged"),
            ["ExistingRole"] = FixtureFiles.SpecAndTemplate("Backends/Events/Fixtures/cloudfront-existing-role"),
        };
}
