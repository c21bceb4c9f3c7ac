using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.Events;

public sealed class ApiKeysAndLogsTests
{
    internal static readonly string[] CaseNames = ["DefaultPlan", "NamedPlans", "AsyncAndDefaultLogs", "CustomLogFormat"];

    public static TheoryData<string> Cases() => [.. CaseNames];

    internal static (string Spec, string Template) Case(string name) => name switch
    {
        "DefaultPlan" => (ApiKeysAndLogsFixture.DefaultPlanSpec, ApiKeysAndLogsFixture.DefaultPlanTemplate),
        "NamedPlans" => (ApiKeysAndLogsFixture.NamedPlansSpec, ApiKeysAndLogsFixture.NamedPlansTemplate),
        "AsyncAndDefaultLogs" => (ApiKeysAndLogsFixture.AsyncAndDefaultLogsSpec, ApiKeysAndLogsFixture.AsyncAndDefaultLogsTemplate),
        _ => (ApiKeysAndLogsFixture.CustomLogFormatSpec, ApiKeysAndLogsFixture.CustomLogFormatTemplate),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Template_EqualsTheFrameworkTemplate(string name)
    {
        var (spec, template) = Case(name);
        var (result, bag) = SpecCompilation.Compile(spec);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var expected = JsonNode.Parse(template)!.AsObject();
        var ours = JsonNode.Parse(result.Text!)!.AsObject();
        var differences = TemplateComparer.Differences(expected, ours);
        Assert.True(differences.Count == 0, string.Join("\n", differences));

        // Resource order too, with the volatile deployment and version ids left out.
        static IEnumerable<string> Order(JsonObject t) => t["Resources"]!.AsObject().Select(p => p.Key)
            .Where(k => !k.StartsWith("ApiGatewayDeployment", StringComparison.Ordinal) && !k.Contains("LambdaVersion", StringComparison.Ordinal));
        Assert.Equal(Order(expected), Order(ours));
    }

    [Fact]
    public void KeysAndPlans_DependOnTheDeployment()
    {
        var (result, _) = SpecCompilation.Compile(ApiKeysAndLogsFixture.NamedPlansSpec);
        var deployment = result.Plan.Resources.Single(r => r.Type == "AWS::ApiGateway::Deployment").LogicalId;
        var dependents = result.Plan.Resources.Where(r => r.Type is "AWS::ApiGateway::ApiKey" or "AWS::ApiGateway::UsagePlan").ToList();
        Assert.Equal(5, dependents.Count);
        Assert.All(dependents, r => Assert.Equal(deployment, r.Body["DependsOn"]!.GetValue<string>()));
    }

    [Fact]
    public void GroupedKeysWithoutTheirPlan_IsADiagnosticAtTheGroup()
    {
        var (result, bag) = SpecCompilation.Compile("""
            service: s
            provider:
              name: aws
              apiGateway:
                apiKeys:
                  - gold: [k1]
                usagePlan:
                  - silver: {throttle: {rateLimit: 1}}
            functions:
              fn: {handler: h.fn, events: [{http: {path: a, method: get, private: true}}]}
            """);
        var d = Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.InvalidSpec);
        Assert.Equal(6, d.Span!.Line);
        Assert.Contains("\"gold\"", d.Message, StringComparison.Ordinal);
        Assert.Null(result.Text);
    }

    [Fact]
    public void ApiKeysWithoutHttpEvents_MakeNothing()
    {
        // The Framework compiles API Gateway resources, keys included, only when some function has an http event.
        var (result, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws, apiGateway: {apiKeys: [k], usagePlan: {quota: {limit: 1, period: DAY}}}}
            functions:
              fn: {handler: h.fn}
            """);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.DoesNotContain(result.Plan.Resources, r => r.Type.StartsWith("AWS::ApiGateway::", StringComparison.Ordinal));
    }

    [Fact]
    public void AccessLogsOnAnExternalHttpApi_IsADiagnostic()
    {
        var (result, bag) = SpecCompilation.Compile("""
            service: s
            provider:
              name: aws
              httpApi: {id: abc123}
              logs: {httpApi: true}
            functions:
              fn: {handler: h.fn, events: [{httpApi: 'GET /a'}]}
            """);
        var d = Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.InvalidSpec);
        Assert.Equal(5, d.Span!.Line);
        Assert.Null(result.Text);
    }

    [Fact]
    public void AccessLogsOff_MakeNoLogGroup()
    {
        var (result, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws, logs: {httpApi: false}}
            functions:
              fn: {handler: h.fn, events: [{httpApi: 'GET /a'}]}
            """);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.False(result.Plan.Contains("HttpApiLogGroup"));
        Assert.Null(result.Plan["HttpApiStage"]!.Properties["AccessLogSettings"]);
    }
}
