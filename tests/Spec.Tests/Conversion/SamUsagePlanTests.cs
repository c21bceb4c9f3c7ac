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
/// Usage plans and API keys both ways: a SAM API's <c>Auth.UsagePlan</c> is <c>provider.apiGateway.usagePlan</c> with one
/// <c>apiKeys</c> entry (the Framework then writes the plan, the key and the plan key SAM writes), and the spec's
/// plan with its one generated key is <c>Auth.UsagePlan</c> again; any other set of plans and keys is the Framework's
/// plain CloudFormation on the SAM API's stage.
/// </summary>
public sealed class SamUsagePlanTests
{
    private static readonly string Fixtures = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Conversion", "SamFixtures");

    private static ResolvedSpec ReadSam(string path, DiagnosticBag notes) =>
        SamReader.Read(new YamlLoader().LoadFile(path, new DiagnosticBag()), ResolveOptions.Empty, notes).Resolved;

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    [Fact]
    public void A_SAM_usage_plan_is_the_provider_usage_plan_and_one_api_key()
    {
        var run = CliRunner.InProcess(Fixtures, "convert", "secured-apis.yaml", "--to", "serverless");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("""
                usagePlan:
                  quota:
                    limit: 5000
                    period: MONTH
                  throttle:
                    burstLimit: 200
                    rateLimit: 100
            """.Replace("\r", string.Empty, StringComparison.Ordinal), run.Out, StringComparison.Ordinal);
        Assert.Contains("    apiKeys:\n      - enabled: true\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("usage plan's UsagePlanName has no serverless.yml form", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Auth.UsagePlan has no serverless.yml form", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Framework_compiles_the_read_usage_plan_to_the_plan_key_and_plan_key_SAM_would_create()
    {
        var resolved = ReadSam(Path.Combine(Fixtures, "secured-apis.yaml"), new DiagnosticBag());

        var resources = CloudFormationCompiler.Compile(resolved, new DiagnosticBag()).Template["Resources"]!;

        var plan = resources["ApiGatewayUsagePlan"]!["Properties"]!;
        Assert.Equal("""{"Limit":5000,"Period":"MONTH"}""", Json(plan["Quota"]));
        Assert.Equal("""{"BurstLimit":200,"RateLimit":100}""", Json(plan["Throttle"]));
        Assert.True(resources["ApiGatewayApiKey1"]!["Properties"]!["Enabled"]!.GetValue<bool>());
        Assert.Equal("""{"Ref":"ApiGatewayApiKey1"}""", Json(resources["ApiGatewayUsagePlanKey1"]!["Properties"]!["KeyId"]));
    }

    [Fact]
    public void SAM_to_serverless_to_SAM_gives_the_usage_plan_back()
    {
        var notes = new DiagnosticBag();
        var service = Binder.Bind(ReadSam(Path.Combine(Fixtures, "secured-apis.yaml"), notes), new DiagnosticBag())!;

        var diagnostics = new DiagnosticBag();
        var template = SamTemplate.Write(service, diagnostics);

        // The API has its template id back (custom.samLogicalIds).
        var usagePlan = template["Resources"]!["OrdersApi"]!["Properties"]!["Auth"]!["UsagePlan"]!;
        Assert.Equal("PER_API", usagePlan["CreateUsagePlan"]!.GetValue<string>());
        Assert.Equal("""{"Limit":5000,"Period":"MONTH"}""", Json(usagePlan["Quota"]));
        Assert.Equal("""{"BurstLimit":200,"RateLimit":100}""", Json(usagePlan["Throttle"]));
        Assert.DoesNotContain(template["Resources"]!.AsObject(), r => r.Key.StartsWith("ApiGatewayApiKey", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Message.Contains("API key", StringComparison.Ordinal));
    }

    [Fact]
    public void One_named_key_is_SAM_s_generated_key_with_a_warning()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              apiGateway:
                apiKeys: [partner]
                usagePlan:
                  quota: { limit: 100, offset: 2, period: WEEK }
            functions:
              list:
                handler: h.list
                events:
                  - http: { path: /items, method: get, private: true }
            """);

        var usagePlan = template["Resources"]!["ApiGatewayRestApi"]!["Properties"]!["Auth"]!["UsagePlan"]!;
        Assert.Equal("""{"CreateUsagePlan":"PER_API","UsagePlanName":"shop-dev","Description":"Usage plan for shop dev stage","Quota":{"Limit":100,"Offset":2,"Period":"WEEK"}}""",
            Json(usagePlan));
        Assert.Contains(diagnostics.Items, d => d.Id == ConvertDiagnostics.Approximated && d.Message.Contains("CloudFormation names it", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_with_values_and_named_plans_are_the_Framework_resources_on_the_SAM_stage()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              apiGateway:
                apiKeys:
                  - free: [freeKey]
                  - paid: [{ name: paidKey, value: abcdefghijklmnopqrstuvwxyz }]
                usagePlan:
                  - free: { quota: { limit: 100, period: DAY } }
                  - paid: { throttle: { burstLimit: 50, rateLimit: 10 } }
            functions:
              list:
                handler: h.list
                events:
                  - http: { path: /items, method: get, private: true }
            """);

        var resources = template["Resources"]!;
        Assert.Null(resources["ApiGatewayRestApi"]!["Properties"]!["Auth"]?["UsagePlan"]);
        var free = resources["ApiGatewayUsagePlanFree"]!;
        Assert.Equal("""{"Limit":100,"Period":"DAY"}""", Json(free["Properties"]!["Quota"]));
        Assert.Equal("""[{"ApiId":{"Ref":"ApiGatewayRestApi"},"Stage":{"Ref":"ApiGatewayRestApi.Stage"}}]""", Json(free["Properties"]!["ApiStages"]));
        Assert.Null(free["DependsOn"]);
        var paidKey = resources["ApiGatewayApiKeyPaid1"]!["Properties"]!;
        Assert.Equal("abcdefghijklmnopqrstuvwxyz", paidKey["Value"]!.GetValue<string>());
        Assert.Equal("""[{"RestApiId":{"Ref":"ApiGatewayRestApi"},"StageName":{"Ref":"ApiGatewayRestApi.Stage"}}]""", Json(paidKey["StageKeys"]));
        Assert.Equal("""{"Ref":"ApiGatewayUsagePlanPaid"}""", Json(resources["ApiGatewayUsagePlanKeyPaid1"]!["Properties"]!["UsagePlanId"]));
        Assert.Contains(diagnostics.Items, d => d.Id == ConvertDiagnostics.PlainCloudFormation && d.Message.Contains("ApiGatewayUsagePlanFree", StringComparison.Ordinal));
    }
}
