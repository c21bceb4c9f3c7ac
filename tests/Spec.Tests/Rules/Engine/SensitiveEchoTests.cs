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
}
