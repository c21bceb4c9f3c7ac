using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Conversion;
using Spec.Core.Bind;
using Spec.Core.Bind.Sam;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Tests.Cli;

namespace Spec.Tests.Conversion;

/// <summary>
/// An API stage's logs both ways: a SAM REST API's stage-wide <c>MethodSettings</c> and <c>AccessLogSetting</c> are
/// <c>provider.logs.restApi</c> (and <c>provider.apiGateway.metrics</c>), an HTTP API's <c>AccessLogSettings</c> is
/// <c>provider.logs.httpApi</c>; and the spec's logs are those SAM properties on the Framework's log groups.
/// </summary>
public sealed class SamStageLogsTests
{
    private static readonly string Fixtures = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Conversion", "SamFixtures");

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    [Fact]
    public void SAM_stage_settings_are_the_provider_logs_with_the_SAM_values_not_the_Framework_defaults()
    {
        var run = CliRunner.InProcess(Fixtures, "convert", "secured-apis.yaml", "--to", "serverless");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("""
              logs:
                restApi:
                  accessLogging: true
                  format: $context.requestId $context.httpMethod $context.status
                  executionLogging: true
                  level: ERROR
                  fullExecutionData: false
                  # a SAM stack does not set the account's API Gateway CloudWatch role
                  roleManagedExternally: true
            """.Replace("\r", string.Empty, StringComparison.Ordinal), run.Out, StringComparison.Ordinal);
        Assert.Contains("    metrics: true\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("    httpApi:\n      format: '{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}'\n", run.Out, StringComparison.Ordinal);
        // The REST API's logs went to a group of the template's own; the HTTP API's to the Framework's.
        Assert.Contains("serverless.yml cannot point them at this DestinationArn", run.Error, StringComparison.Ordinal);
        Assert.Contains("secured-apis.yaml:31", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AccessLogSettings has no serverless.yml form", run.Error, StringComparison.Ordinal);
        Assert.Contains("MethodSettings ThrottlingBurstLimit has no serverless.yml form", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SAM_HTTP_API_detailed_metrics_are_the_provider_httpApi_metrics_and_other_route_settings_are_left_out()
    {
        var notes = new DiagnosticBag();
        var loaded = new YamlLoader().LoadFile(Path.Combine(Fixtures, "secured-apis.yaml"), new DiagnosticBag());
        var service = Binder.Bind(SamReader.Read(loaded, ResolveOptions.Empty, notes).Resolved, new DiagnosticBag())!;

        Assert.True(service.Provider.HttpApi?.Metrics?.Value);
        Assert.Contains(notes.Items, d => d.Message.StartsWith("the HTTP API's DefaultRouteSettings ThrottlingBurstLimit has no serverless.yml form", StringComparison.Ordinal));
        Assert.DoesNotContain(notes.Items, d => d.Message.Contains("DetailedMetricsEnabled", StringComparison.Ordinal) ||
            d.Message.StartsWith("the HTTP API's DefaultRouteSettings has no serverless.yml form", StringComparison.Ordinal));

        // The Framework writes the setting on its $default stage.
        var stage = CloudFormationCompiler.Compile(SamReader.Read(loaded, ResolveOptions.Empty, new DiagnosticBag()).Resolved, new DiagnosticBag())
            .Template["Resources"]!["HttpApiStage"]!["Properties"]!;
        Assert.Equal("""{"DetailedMetricsEnabled":true}""", Json(stage["DefaultRouteSettings"]));
    }

    [Fact]
    public void Spec_httpApi_metrics_are_the_SAM_HTTP_API_default_route_settings()
    {
        var (template, _) = SamTemplateTests.Convert("""
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              httpApi: { metrics: true }
            functions:
              list:
                handler: h.list
                events:
                  - httpApi: GET /items
            """);

        Assert.Equal("""{"DetailedMetricsEnabled":true}""", Json(template["Resources"]!["HttpApi"]!["Properties"]!["DefaultRouteSettings"]));
    }

    [Fact]
    public void SAM_to_serverless_to_SAM_gives_the_stage_settings_back_on_the_Framework_log_groups()
    {
        var loaded = new YamlLoader().LoadFile(Path.Combine(Fixtures, "secured-apis.yaml"), new DiagnosticBag());
        var service = Binder.Bind(SamReader.Read(loaded, ResolveOptions.Empty, new DiagnosticBag()).Resolved, new DiagnosticBag())!;

        var template = SamTemplate.Write(service, new DiagnosticBag());

        var rest = template["Resources"]!["OrdersApi"]!["Properties"]!;
        Assert.Equal("""[{"ResourcePath":"/*","HttpMethod":"*","LoggingLevel":"ERROR","DataTraceEnabled":false,"MetricsEnabled":true}]""",
            Json(rest["MethodSettings"]));
        Assert.Equal("""{"DestinationArn":{"Fn::GetAtt":["ApiGatewayLogGroup","Arn"]},"Format":"$context.requestId $context.httpMethod $context.status"}""",
            Json(rest["AccessLogSetting"]));
        Assert.Equal("/aws/api-gateway/SamFixtures-prod", template["Resources"]!["ApiGatewayLogGroup"]!["Properties"]!["LogGroupName"]!.GetValue<string>());
        var http = template["Resources"]!["ReportsApi"]!["Properties"]!;
        Assert.Equal("""{"DestinationArn":{"Fn::GetAtt":["HttpApiLogGroup","Arn"]},"Format":"{\u0022requestId\u0022:\u0022$context.requestId\u0022,\u0022status\u0022:\u0022$context.status\u0022}"}""",
            Json(http["AccessLogSettings"]));
        Assert.Equal(14L, template["Resources"]!["HttpApiLogGroup"]!["Properties"]!["RetentionInDays"]!.GetValue<long>());
        Assert.Equal("""{"DetailedMetricsEnabled":true}""", Json(http["DefaultRouteSettings"]));
    }

    [Fact]
    public void Spec_logs_default_to_what_the_Framework_sets_on_the_stage()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              logs:
                restApi: true
                httpApi: true
            functions:
              list:
                handler: h.list
                events:
                  - http: GET /items
                  - httpApi: GET /items
            """);

        var rest = template["Resources"]!["ApiGatewayRestApi"]!["Properties"]!;
        Assert.Equal("""[{"ResourcePath":"/*","HttpMethod":"*","LoggingLevel":"INFO","DataTraceEnabled":true}]""", Json(rest["MethodSettings"]));
        Assert.StartsWith("requestId: $context.requestId, ip: $context.identity.sourceIp, caller:", rest["AccessLogSetting"]!["Format"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("/aws/api-gateway/shop-dev", template["Resources"]!["ApiGatewayLogGroup"]!["Properties"]!["LogGroupName"]!.GetValue<string>());
        Assert.Equal("/aws/http-api/shop-dev", template["Resources"]!["HttpApiLogGroup"]!["Properties"]!["LogGroupName"]!.GetValue<string>());
        Assert.StartsWith("{\"requestId\":\"$context.requestId\"", template["Resources"]!["HttpApi"]!["Properties"]!["AccessLogSettings"]!["Format"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Id == ConvertDiagnostics.LeftOut && d.Message.Contains("CloudWatch role", StringComparison.Ordinal));
    }

    [Fact]
    public void Spec_logs_without_execution_or_access_logging_and_with_an_external_role()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              apiGateway: { metrics: true }
              logs:
                restApi:
                  accessLogging: false
                  executionLogging: false
                  fullExecutionData: false
                  roleManagedExternally: true
            functions:
              list:
                handler: h.list
                events:
                  - http: GET /items
            """);

        var rest = template["Resources"]!["ApiGatewayRestApi"]!["Properties"]!;
        Assert.Equal("""[{"ResourcePath":"/*","HttpMethod":"*","LoggingLevel":"OFF","DataTraceEnabled":false,"MetricsEnabled":true}]""", Json(rest["MethodSettings"]));
        Assert.Null(rest["AccessLogSetting"]);
        Assert.Null(template["Resources"]!["ApiGatewayLogGroup"]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Message.Contains("CloudWatch role", StringComparison.Ordinal));
    }
}
