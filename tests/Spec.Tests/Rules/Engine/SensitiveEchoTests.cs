using Spec.Backends.Plan;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
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

    [Fact]
    public void A_bucket_named_from_the_environment_is_shown_by_its_expression_and_so_are_the_ids_made_from_it()
    {
        var yaml = """
            service: demo
            provider:
              name: aws
              runtime: nodejs22.x
            functions:
              thumbs:
                handler: handler.thumbs
                events:
                  - s3: ${env:BUCKET}
            """;
        var findings = CataloguePipeline.Check("serverless.yml", yaml,
            environment: new Dictionary<string, string> { ["BUCKET"] = "My_Uploads" });
        Assert.Contains(findings, f => f.Diagnostic.Id == "SLS-S3-001" && f.Diagnostic.Message.Contains("${env:BUCKET}", StringComparison.Ordinal));
        AssertNoFindingSays(findings, "My_Uploads", "MyUploads");

        // The generated bucket and its permission: ids made from the name, and the BucketName the plan computes from it.
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.FromArguments([], new Dictionary<string, string> { ["BUCKET"] = "My_Uploads" }), bag);
        var generated = GeneratedForRules.Plan(Binder.Bind(resolved, bag)!);
        var bucket = Assert.Single(generated, r => r.Type == "AWS::S3::Bucket" && r.LogicalId != "ServerlessDeploymentBucket");
        Assert.Equal("${env:BUCKET}", bucket.IdExpression);
        Assert.Equal("${env:BUCKET}", Assert.Single(generated, r => r.Type == "AWS::Lambda::Permission").IdExpression);
        var properties = bucket.PropertiesValue!.Value;
        var name = Enumerable.Range(0, properties.Count).Single(i => properties.KeyAt(i) == "BucketName");
        Assert.Equal("${env:BUCKET}", properties.ValueAt(name).Display);
        Assert.Null(Assert.Single(generated, r => r.Type == "AWS::Lambda::Function").IdExpression);
    }

    [Fact]
    public void A_destination_type_and_a_resource_type_from_the_environment_are_shown_by_their_expression()
    {
        var yaml = """
            service: demo
            provider:
              name: aws
              runtime: nodejs22.x
            functions:
              first:
                handler: handler.first
                destinations:
                  onFailure:
                    type: ${env:KIND}
                    arn: arn:aws:sqs:us-east-1:123456789012:failed
              second:
                handler: handler.second
                destinations:
                  onFailure:
                    type: sqs
                    arn: !GetAtt Stream.Arn
            resources:
              Resources:
                Stream:
                  Type: ${env:STREAM_TYPE}
            """;
        var findings = CataloguePipeline.Check("serverless.yml", yaml,
            environment: new Dictionary<string, string> { ["KIND"] = "queue", ["STREAM_TYPE"] = "AWS::Kinesis::Stream" });
        Assert.Contains(findings, f => f.Diagnostic.Id == "SLS-LAMBDA-014" && f.Diagnostic.Message.Contains("${env:KIND}", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Diagnostic.Id == "SLS-LAMBDA-014" && f.Diagnostic.Message.Contains("${env:STREAM_TYPE}", StringComparison.Ordinal));
        AssertNoFindingSays(findings, "'queue'", "AWS::Kinesis::Stream");
    }

    private static void AssertNoFindingSays(IReadOnlyList<Finding> findings, params string[] texts) =>
        Assert.All(findings, f =>
        {
            var said = f.Diagnostic.Message + " " + string.Join(" ", f.Diagnostic.Related.Select(r => r.Message));
            Assert.All(texts, text => Assert.DoesNotContain(text, said, StringComparison.Ordinal));
        });

    /// <summary>(rule, a line of its catalogue fixture's fail.yml whose value is given through the environment, at every
    /// place the fixture writes it).</summary>
    public static TheoryData<string, string> FixtureValues() => new()
    {
        { "SLS-SQS-012", "MessageRetentionPeriod: 1209600" },
        { "SLS-SQS-012", "MessageRetentionPeriod: 345600" },
        { "SLS-EVENTS-006", "logGroup: /aws/ecs/checkout" },
        { "SLS-STREAM-007", "IndexName: byDate" },
        { "SLS-APIGW-010", "path: /reports/{report" },
        { "SLS-APIGW-012", "route: sendMessage" },
        { "SLS-COGNITO-002", "pool: users" },
        { "SLS-COGNITO-002", "trigger: PreSignUp" },
        { "SLS-COGNITO-003", "RefreshTokenValidity: 4000" },
        { "SLS-GEN-008", "deadLetterTargetRef: WorkerDlq" },
        { "SLS-S3-004", "prefix: images/raw/" },
        { "SLS-S3-004", "event: s3:ObjectCreated:Put" },
        { "SLS-LAMBDA-020", "eventType: viewer-request" },
        { "SLS-STREAM-011", "RetentionPeriodHours: 12" },
        { "SLS-S3-006", "AccessControl: PublicRead" },
        { "SLS-SFN-002", "timeout: 10" },
        { "SLS-GEN-014", "Period: 45" },
        { "SLS-EVENTS-005", "priority: 10" },
    };

    [Theory]
    [MemberData(nameof(FixtureValues))]
    public void A_fixture_value_given_through_the_environment_is_not_echoed(string rule, string line) =>
        AssertNotEchoed(rule, rule, line, hint: null);

    /// <summary>(fixture, rule, a line of the fixture's fail.yml whose value is given through the environment, text the
    /// rule's findings must not say either: what spells the value otherwise, such as a spelling hint, an id made from the
    /// value, or a number computed from it).</summary>
    public static TheoryData<string, string, string, string> FixtureValuesAndHints() => new()
    {
        { "SLS-GEN-009", "SLS-GEN-009", "State: enabled", "did you mean" },
        { "SLS-S3-005", "SLS-S3-005", "event: s3:objectRemoved:*", "case-sensitive" },
        { "SLS-SQS-002", "SLS-SQS-002", "timeout: 10", "(60 s)" },
    };

    [Theory]
    [MemberData(nameof(FixtureValuesAndHints))]
    public void A_fixture_value_given_through_the_environment_is_neither_echoed_nor_spelled_otherwise(string fixture, string rule, string line, string hint) =>
        AssertNotEchoed(fixture, rule, line, hint);

    private static void AssertNotEchoed(string fixtureRule, string rule, string line, string? hint)
    {
        var fixture = File.ReadAllText(Path.Combine(CatalogueFixtures.Root, fixtureRule, "fail.yml"));
        var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 2)..];
        Assert.Contains(line, fixture, StringComparison.Ordinal);
        // Every place the fixture writes the value takes it from the environment: shown anywhere, it came from there.
        var yaml = fixture.Replace(": " + value, ": ${env:SECRET_VALUE}", StringComparison.Ordinal);
        var findings = CataloguePipeline.Check("serverless.yml", yaml,
            environment: new Dictionary<string, string> { ["SECRET_VALUE"] = value });
        Assert.Contains(findings, f => f.Diagnostic.Id == rule && (f.Diagnostic.Message + string.Join(" ", f.Diagnostic.Related.Select(r => r.Message)))
            .Contains("${env:SECRET_VALUE}", StringComparison.Ordinal));
        Assert.All(findings.Where(f => f.Diagnostic.Id == rule), f =>
        {
            var text = f.Diagnostic.Message + " " + string.Join(" ", f.Diagnostic.Related.Select(r => r.Message)) + " " + f.Diagnostic.Fix?.Title;
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
            if (hint is not null)
            {
                Assert.DoesNotContain(hint, text, StringComparison.Ordinal);
            }
        });
    }
}
