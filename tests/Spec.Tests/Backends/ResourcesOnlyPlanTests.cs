using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

/// <summary>The plan the rules read (<see cref="PlanOptions.ResourcesOnly"/>) leaves out what only the outputs hold, and
/// has exactly the resources of the plan the backends compile.</summary>
public sealed class ResourcesOnlyPlanTests
{
    private const string Yaml = """
        service: svc
        provider:
          name: aws
          runtime: nodejs20.x
        layers:
          shared:
            path: layer
        functions:
          f:
            handler: f.handler
            url: true
            layers:
              - !Ref SharedLambdaLayer
            events:
              - httpApi: GET /f
          g:
            handler: g.handler
            versionFunction: false
            provisionedConcurrency: 1
        resources:
          Outputs:
            Extra:
              Value: x
        """;

    [Fact]
    public void The_rules_plan_has_the_same_resources_without_the_functions_outputs()
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", Yaml, bag);
        var service = PlanBuilder.Bind(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag)!;
        var full = PlanBuilder.Build(service, bag, new PlanOptions { RecordValueSources = true });
        var rules = PlanBuilder.Build(service, new DiagnosticBag(), new PlanOptions { RecordValueSources = true, ResourcesOnly = true });
        Assert.DoesNotContain(bag.Items, d => d.Severity == Severity.Error);

        Assert.Equal(full.Resources.Select(r => (r.LogicalId, r.Kind, r.Body.ToJsonString())),
            rules.Resources.Select(r => (r.LogicalId, r.Kind, r.Body.ToJsonString())));
        Assert.Contains(full.Resources, r => r.LogicalId.StartsWith("FLambdaVersion", StringComparison.Ordinal));
        Assert.Contains(full.Resources, r => r.LogicalId == "GProvConcLambdaAlias");

        Assert.True(full.Outputs.ContainsKey("FLambdaFunctionQualifiedArn"));
        Assert.True(full.Outputs.ContainsKey("FLambdaFunctionUrl"));
        Assert.True(full.Outputs.ContainsKey("GLambdaFunctionQualifiedArn"));
        Assert.False(rules.Outputs.ContainsKey("FLambdaFunctionQualifiedArn"));
        Assert.False(rules.Outputs.ContainsKey("FLambdaFunctionUrl"));
        Assert.False(rules.Outputs.ContainsKey("GLambdaFunctionQualifiedArn"));
    }
}
