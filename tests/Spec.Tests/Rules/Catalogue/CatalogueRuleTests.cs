using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.Fixes;

namespace Spec.Tests.Rules.Catalogue;

/// <summary>Targeted tests: effective values, reference following, locations through variables, fixes, --as-of.</summary>
public sealed class CatalogueRuleTests
{
    private const string Head = """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x

        """;

    private static List<Diagnostic> Run(string yaml, string? id = null, DateOnly? asOf = null) =>
        [.. CataloguePipeline.Check("serverless.yml", yaml, asOf).Select(f => f.Diagnostic).Where(d => id is null || d.Id == id)];

    private static string Consumer(string timeout, string arn, string queue) => Head + $$"""
        custom:
          queueName: jobs-queue
        functions:
          worker:
            handler: handler.worker
        {{timeout}}    events:
              - sqs: {{arn}}
        resources:
          Resources:
        {{queue}}
        """;

    [Theory]
    [InlineData("!GetAtt Jobs.Arn")]
    [InlineData("{ 'Fn::GetAtt': [Jobs, Arn] }")]
    [InlineData("!Ref Jobs")]
    [InlineData("!Join [':', ['arn:aws:sqs', !Ref 'AWS::Region', !Ref 'AWS::AccountId', 'jobs-queue']]")]
    [InlineData("!Sub 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:jobs-queue'")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:jobs-queue")]
    [InlineData("arn:aws:sqs:${aws:region}:${aws:accountId}:${self:custom.queueName}")]
    public void Sqs_visibility_follows_every_reference_form_to_the_queue(string arn)
    {
        var yaml = Consumer("    timeout: 60\n", arn, """
                Jobs:
                  Type: AWS::SQS::Queue
                  Properties:
                    QueueName: jobs-queue
                    VisibilityTimeout: 30
            """);
        var finding = Assert.Single(Run(yaml, "SLS-SQS-001"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("VisibilityTimeout: 30", Line(yaml, finding.Span!.Line).Trim());
        Assert.Contains(finding.Related, r => Line(yaml, r.Span.Line).Contains("timeout: 60", StringComparison.Ordinal));
    }

    [Fact]
    public void Sqs_visibility_uses_the_framework_default_timeout_and_sqs_default_visibility()
    {
        // Default function timeout 6 and default visibility 30: 30 >= 6 (no error) but 30 < 36 (warning).
        var yaml = Consumer("", "!GetAtt Jobs.Arn", """
                Jobs:
                  Type: AWS::SQS::Queue
            """);
        Assert.Empty(Run(yaml, "SLS-SQS-001"));
        var warning = Assert.Single(Run(yaml, "SLS-SQS-002"));
        Assert.Equal("Jobs:", Line(yaml, warning.Span!.Line).Trim());
        Assert.Contains("(SQS default)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqs_visibility_fix_sets_six_times_the_timeout_and_rechecking_is_clean()
    {
        var yaml = Consumer("    timeout: 60\n", "!GetAtt Jobs.Arn", """
                Jobs:
                  Type: AWS::SQS::Queue
                  Properties:
                    VisibilityTimeout: 30 # keep this comment
            """);
        var fixedText = ApplyAll(yaml, "SLS-SQS-001");
        Assert.Contains("VisibilityTimeout: 360 # keep this comment", fixedText, StringComparison.Ordinal);
        Assert.Empty(Run(fixedText, "SLS-SQS-001"));
        Assert.Empty(Run(fixedText, "SLS-SQS-002"));
    }

    [Theory]
    [InlineData("""
            Jobs:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: jobs
        """, "        QueueName: jobs\n        VisibilityTimeout: 360")]
    [InlineData("""
            Jobs:
              Type: AWS::SQS::Queue
        """, "      Type: AWS::SQS::Queue\n      Properties:\n        VisibilityTimeout: 360")]
    public void Sqs_visibility_fix_adds_the_property_when_it_is_missing(string queue, string expected)
    {
        var yaml = Consumer("    timeout: 60\n", "!GetAtt Jobs.Arn", queue);
        var fixedText = ApplyAll(yaml, "SLS-SQS-001");
        Assert.Contains(expected, fixedText, StringComparison.Ordinal);
        Assert.Empty(Run(fixedText, "SLS-SQS-001"));
        Assert.Empty(Run(fixedText, "SLS-SQS-002"));
    }

    [Fact]
    public void Value_through_a_variable_points_where_it_was_written_and_relates_the_use()
    {
        var yaml = """
            service: demo
            custom:
              timeout: 1000
            provider:
              name: aws
              runtime: nodejs22.x
            functions:
              hello:
                handler: handler.hello
                timeout: ${self:custom.timeout}
            """;
        var finding = Assert.Single(Run(yaml, "SLS-LAMBDA-001"));
        Assert.Equal((3, 12), (finding.Span!.Line, finding.Span.Column));
        Assert.Contains(finding.Related, r => r.Span.Line == 10);
    }

    [Fact]
    public void Provider_value_shared_by_several_functions_is_reported_once_where_it_is_written()
    {
        var yaml = """
            service: demo
            provider:
              name: aws
              runtime: nodejs22.x
              timeout: 1000
            functions:
              a:
                handler: a.main
              b:
                handler: b.main
            """;
        var finding = Assert.Single(Run(yaml, "SLS-LAMBDA-001"));
        Assert.Equal((5, 12), (finding.Span!.Line, finding.Span.Column));
        Assert.Contains("inherited from provider", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-23", null)]
    [InlineData("2027-05-01", "SLS-LAMBDA-007")]
    [InlineData("2027-06-01", "SLS-LAMBDA-006")]
    public void Lifecycle_findings_follow_the_as_of_date(string asOf, string? expected)
    {
        var yaml = Head + "functions:\n  hello:\n    handler: handler.hello\n";
        var date = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var ids = Run(yaml, asOf: date).Select(d => d.Id).Where(id => id is "SLS-LAMBDA-006" or "SLS-LAMBDA-007").ToList();
        Assert.Equal(expected is null ? [] : [expected], ids);
    }

    [Fact]
    public void Deprecated_runtime_fix_moves_to_the_nearest_supported_successor_and_rechecking_is_clean()
    {
        var yaml = Head.Replace("nodejs22.x", "'nodejs20.x'", StringComparison.Ordinal) + "functions:\n  hello:\n    handler: handler.hello\n";
        var fixedText = ApplyAll(yaml, "SLS-LAMBDA-007");
        Assert.Contains("runtime: 'nodejs22.x'", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain(Run(fixedText), d => d.Id is "SLS-LAMBDA-006" or "SLS-LAMBDA-007");
    }

    [Fact]
    public void Default_runtime_is_judged_and_the_fix_adds_a_runtime_to_the_provider()
    {
        var yaml = "service: demo\nprovider:\n  name: aws\nfunctions:\n  hello:\n    handler: handler.hello\n";
        var finding = Assert.Single(Run(yaml), d => d.Id is "SLS-LAMBDA-006" or "SLS-LAMBDA-007");
        Assert.Contains("Framework default", finding.Message, StringComparison.Ordinal);
        var fixedText = ApplyAll(yaml, finding.Id);
        Assert.Contains("  name: aws\n  runtime: nodejs22.x", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain(Run(fixedText), d => d.Id is "SLS-LAMBDA-006" or "SLS-LAMBDA-007");
    }

    [Fact]
    public void Rate_fix_writes_the_singular_unit()
    {
        var yaml = Head + "functions:\n  tick:\n    handler: h.tick\n    events:\n      - schedule: rate(1 minutes)\n";
        var fixedText = ApplyAll(yaml, "SLS-EVENTS-001");
        Assert.Contains("- schedule: rate(1 minute)\n", fixedText, StringComparison.Ordinal);
        Assert.Empty(Run(fixedText, "SLS-EVENTS-001"));
    }

    [Fact]
    public void Rest_timeout_uses_the_effective_provider_timeout()
    {
        var yaml = Head + "  timeout: 40\nfunctions:\n  api:\n    handler: h.api\n    events:\n      - http: GET /a\n      - http:\n          path: /b\n          method: get\n          async: true\n";
        var finding = Assert.Single(Run(yaml, "SLS-APIGW-001"));
        Assert.Equal(5, finding.Span!.Line);
    }

    [Fact]
    public void Values_from_environment_variables_are_never_echoed_nor_overwritten_by_fixes()
    {
        var yaml = """
            service: demo
            provider:
              name: aws
              runtime: ${env:RUNTIME}
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: s3:PutObject
                      Resource: '*'
            functions:
              thumbs:
                handler: h.thumbs
                onError: arn:aws:sns:us-east-1:123456789012:failures
                events:
                  - s3: ${env:BUCKET}
            """;
        var environment = new Dictionary<string, string> { ["RUNTIME"] = "nodejs20.x", ["BUCKET"] = "hidden-bucket-name" };
        var findings = CataloguePipeline.Check("serverless.yml", yaml, environment: environment).Select(f => f.Diagnostic).ToList();

        var runtime = Assert.Single(findings, d => d.Id == "SLS-LAMBDA-007");
        Assert.Null(runtime.Fix);
        Assert.Contains("${env:RUNTIME}", runtime.Message, StringComparison.Ordinal);
        Assert.Contains(findings, d => d.Id == "SLS-S3-003");
        Assert.DoesNotContain(findings, d => d.Message.Contains("hidden-bucket-name", StringComparison.Ordinal)
                                             || d.Message.Contains("nodejs20.x", StringComparison.Ordinal));
    }

    private static string ApplyAll(string yaml, string id)
    {
        var fixes = Run(yaml, id).Where(d => d.Fix is not null).Select(d => d.Fix!).ToList();
        Assert.NotEmpty(fixes);
        return FixApplier.Apply("serverless.yml", yaml, fixes).Text;
    }

    private static string Line(string text, int line) => text.Split('\n')[line - 1];
}
