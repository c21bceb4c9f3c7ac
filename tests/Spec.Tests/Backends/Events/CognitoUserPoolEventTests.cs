using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.Events;

public sealed class CognitoUserPoolEventTests
{
    [Fact]
    public void PoolsAndPermissions_EqualTheFrameworkOutput()
    {
        var (result, bag) = SpecCompilation.Compile(CognitoUserPoolFixture.Spec);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var ours = JsonNode.Parse(result.Text!)!["Resources"]!.AsObject();
        var expected = JsonNode.Parse(CognitoUserPoolFixture.FrameworkOutput)!["Resources"]!.AsObject();
        Assert.Equal(expected.Select(p => p.Key), ours.Select(p => p.Key).Where(expected.ContainsKey));
        foreach (var (id, body) in expected)
        {
            Assert.True(JsonNode.DeepEquals(body, ours[id]), $"{id}:\nexpected {body!.ToJsonString()}\nactual   {ours[id]!.ToJsonString()}");
        }
    }

    [Fact]
    public void CustomSenderWithoutKmsKey_IsADiagnostic()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn: {handler: h.fn, events: [{cognitoUserPool: {pool: p, trigger: CustomSMSSender}}]}
            """);
        Assert.Contains(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unsupported && d.Message.Contains("kmsKeyId", StringComparison.Ordinal));
    }
}
