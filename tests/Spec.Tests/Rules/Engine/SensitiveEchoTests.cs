using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.Engine;

/// <summary>
/// A value that came from <c>${env:}</c> or <c>${file()}</c> is never echoed in a finding (pull requests run Spec on
/// strangers' specs, and CI logs are public): rules that quote a value they judge show its expression instead.
/// </summary>
public sealed class SensitiveEchoTests
{
    [Fact]
    public void Findings_on_values_from_the_environment_show_the_expression_never_the_value()
    {
        var yaml = """
            service: demo
            provider:
              name: aws
              runtime: nodejs22.x
            functions:
              worker:
                handler: handler.run
                events:
                  - sqs:
                      arn: arn:aws:sqs:us-east-1:123456789012:jobs
                      batchSize: ${env:BATCH}
                      maximumBatchingWindow: 5
                  - schedule:
                      rate: rate(1 day)
                      name: ${env:RULE_NAME}
            """;
        var findings = CataloguePipeline.Check("serverless.yml", yaml,
            environment: new Dictionary<string, string> { ["BATCH"] = "7777", ["RULE_NAME"] = "hush hush!" });
        Assert.Contains(findings, f => f.Diagnostic.Id == "SLS-SQS-010" && f.Diagnostic.Message.Contains("${env:BATCH}", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Diagnostic.Id == "SLS-GEN-009" && f.Diagnostic.Message.Contains("${env:RULE_NAME}", StringComparison.Ordinal));
        Assert.All(findings, f =>
        {
            var text = f.Diagnostic.Message + " " + string.Join(" ", f.Diagnostic.Related.Select(r => r.Message));
            Assert.DoesNotContain("7777", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hush", text, StringComparison.Ordinal);
        });
    }

    /// <summary>(rule, a line of its catalogue fixture's fail.yml whose value is given through the environment, at every
    /// place the fixture writes it).</summary>
    public static TheoryData<string, string> FixtureValues() => new()
    {
        { "SLS-SQS-012", "MessageRetentionPeriod: 1209600" },
        { "SLS-SQS-012", "MessageRetentionPeriod: 345600" },
        { "SLS-EVENTS-006", "logGroup: /aws/ecs/checkout" },
        { "SLS-STREAM-007", "IndexName: byDate" },
    };

    [Theory]
    [MemberData(nameof(FixtureValues))]
    public void A_fixture_value_given_through_the_environment_is_not_echoed(string rule, string line)
    {
        var fixture = File.ReadAllText(Path.Combine(CatalogueFixtures.Root, rule, "fail.yml"));
        var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 2)..];
        Assert.Contains(line, fixture, StringComparison.Ordinal);
        // Every place the fixture writes the value takes it from the environment: shown anywhere, it came from there.
        var yaml = fixture.Replace(": " + value, ": ${env:SECRET_VALUE}", StringComparison.Ordinal);
        var findings = CataloguePipeline.Check("serverless.yml", yaml,
            environment: new Dictionary<string, string> { ["SECRET_VALUE"] = value });
        Assert.Contains(findings, f => f.Diagnostic.Id == rule && (f.Diagnostic.Message + string.Join(" ", f.Diagnostic.Related.Select(r => r.Message)))
            .Contains("${env:SECRET_VALUE}", StringComparison.Ordinal));
        Assert.All(findings.Where(f => f.Diagnostic.Id == rule), f =>
            Assert.DoesNotContain(value, f.Diagnostic.Message + " " + string.Join(" ", f.Diagnostic.Related.Select(r => r.Message)), StringComparison.Ordinal));
    }
}
