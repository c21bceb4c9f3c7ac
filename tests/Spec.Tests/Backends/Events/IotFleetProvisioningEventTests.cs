using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.Events;

public sealed class IotFleetProvisioningEventTests
{
    [Fact]
    public void TemplatesAndPermissions_EqualTheFrameworkOutput()
    {
        var (result, bag) = SpecCompilation.Compile(IotFleetProvisioningFixture.Spec);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var ours = JsonNode.Parse(result.Text!)!["Resources"]!.AsObject();
        var expected = JsonNode.Parse(IotFleetProvisioningFixture.FrameworkOutput)!["Resources"]!.AsObject();
        Assert.Equal(expected.Select(p => p.Key), ours.Select(p => p.Key).Where(expected.ContainsKey));
        foreach (var (id, body) in expected)
        {
            Assert.True(JsonNode.DeepEquals(body, ours[id]), $"{id}:\nexpected {body!.ToJsonString()}\nactual   {ours[id]!.ToJsonString()}");
        }
    }

    [Fact]
    public void TwoHooksOnOneFunction_IsADiagnosticAtTheSecond()
    {
        var (result, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - iotFleetProvisioning: {templateBody: {}, provisioningRoleArn: 'arn:aws:iam::1:role/r'}
                  - iotFleetProvisioning: {templateBody: {}, provisioningRoleArn: 'arn:aws:iam::1:role/r'}
            """);
        var d = Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unsupported);
        Assert.Equal(8, d.Span!.Line);
        Assert.Null(result.Text);
    }
}
