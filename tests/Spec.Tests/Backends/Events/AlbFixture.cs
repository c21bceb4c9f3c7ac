namespace Spec.Tests.Backends.Events;

/// <summary>
/// Services with alb events (conditions of every kind, cognito and oidc authorizers, health checks, a Ref'd listener,
/// an alias, provider.alb.targetGroupPrefix) and the full templates Serverless Framework 3.40.0
/// <c>serverless package</c> made for them, in <c>Fixtures/alb-*</c>.
/// </summary>
internal static class AlbFixture
{
    /// <summary>Every shape by name: its spec and the Framework's template.</summary>
    public static readonly IReadOnlyDictionary<string, (string Spec, string Framework)> Shapes =
        new Dictionary<string, (string Spec, string Framework)>(StringComparer.Ordinal)
        {
            ["Full"] = FixtureFiles.SpecAndTemplate("Backends/Events/Fixtures/alb-full"),
            ["Prefix"] = FixtureFiles.SpecAndTemplate("Backends/Events/Fixtures/alb-prefix"),
            ["SnapStartAndRefListener"] = FixtureFiles.SpecAndTemplate("Backends/Events/Fixtures/alb-snapstart-and-ref-listener"),
        };
}
