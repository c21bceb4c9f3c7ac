using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.Events;

public sealed class AlbEventTests
{
    /// <summary>
    /// Compiles a spec as resolved for stage dev. <c>LISTENER</c> stands for a listener ARN; a scalar <c>SSM_VALUE</c>
    /// becomes <c>${ssm:/edge/value}</c> left for deploy time, as the resolver leaves it.
    /// </summary>
    internal static (CompileResult Result, DiagnosticBag Diagnostics) Compile(string yaml, string region = "us-east-1") =>
        SpecCompilation.Compile(yaml.Replace("LISTENER", Listener, StringComparison.Ordinal), region, DeployTime);

    private static Node? DeployTime(Node? node) => node switch
    {
        ScalarNode { Text: "SSM_VALUE" } s => new DeployTimeNode(s.Span,
            [new DeployTimeReference("ssm", [], "/edge/value", "${ssm:/edge/value}")]),
        MappingNode m => m with { Entries = [.. m.Entries.Select(e => e with { Value = DeployTime(e.Value)! })] },
        SequenceNode q => q with { Items = [.. q.Items.Select(i => DeployTime(i)!)] },
        _ => node,
    };

    /// <summary>Our template for a fixture shape against the Framework's, with the corpus conformance rules.</summary>
    internal static List<string> Differences(string spec, string framework)
    {
        var (result, bag) = Compile(spec);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var ours = JsonNode.Parse(result.Text!)!.AsObject();
        var expected = JsonNode.Parse(framework)!.AsObject();
        var diffs = TemplateComparer.Differences(expected, ours);
        var expectedOrder = expected["Resources"]!.AsObject().Select(p => p.Key).ToList();
        var ourOrder = ours["Resources"]!.AsObject().Select(p => p.Key).ToList();
        if (!expectedOrder.Select(Masked).SequenceEqual(ourOrder.Select(Masked)))
        {
            diffs.Add($"resource order:\nexpected {string.Join(", ", expectedOrder)}\nactual   {string.Join(", ", ourOrder)}");
        }

        return diffs;
    }

    private static string Masked(string logicalId)
    {
        var at = logicalId.IndexOf("LambdaVersion", StringComparison.Ordinal);
        return at < 0 ? logicalId : logicalId[..at] + "LambdaVersion#";
    }

    public static TheoryData<string> Shapes() => [.. AlbFixture.Shapes.Keys];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Template_EqualsTheFrameworkOutput(string shape)
    {
        var (spec, framework) = AlbFixture.Shapes[shape];
        var diffs = Differences(spec, framework);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    private static Diagnostic SingleError(string yaml)
    {
        var (result, bag) = Compile(yaml);
        Assert.Null(result.Text);
        return Assert.Single(bag.Items, d => d.Severity == Severity.Error);
    }

    private const string Listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/50dc6c495c0c9188/f2f7dc8efc522ab2";

    [Fact]
    public void SamePriorityOnOneListener_InTwoFunctions_IsAnErrorAtTheSecondPriority()
    {
        var d = SingleError("""
            service: s
            provider: {name: aws}
            functions:
              a: {handler: h.a, events: [{alb: {listenerArn: LISTENER, priority: 7, conditions: {path: /a}}}]}
              b:
                handler: h.b
                events:
                  - alb: {listenerArn: LISTENER, priority: 7, conditions: {path: /b}}
            """);
        Assert.Equal(CloudFormationDiagnosticIds.InvalidSpec, d.Id);
        Assert.Contains("ALB_PRIORITY_ALREADY_IN_USE", d.Message, StringComparison.Ordinal);
        Assert.Contains("\"b\"", d.Message, StringComparison.Ordinal);
        Assert.Equal(8, d.Span!.Line);
    }

    [Fact]
    public void AmongManyRules_TheFirstRepeatedPriorityInSpecOrderIsTheOneReported()
    {
        var yaml = new System.Text.StringBuilder("service: s\nprovider: {name: aws}\nfunctions:\n");
        for (var i = 1; i <= 300; i++)
        {
            yaml.Append($"  f{i}: {{handler: h.f, events: [{{alb: {{listenerArn: LISTENER, priority: {i}, conditions: {{path: /p{i}}}}}}}]}}\n");
        }

        // Both repeat a priority of an earlier function on the listener; the one written first is reported.
        yaml.Append("  late: {handler: h.f, events: [{alb: {listenerArn: LISTENER, priority: 250, conditions: {path: /x}}}]}\n");
        yaml.Append("  later: {handler: h.f, events: [{alb: {listenerArn: LISTENER, priority: 3, conditions: {path: /y}}}]}\n");

        var d = SingleError(yaml.ToString());
        Assert.Contains("ALB_PRIORITY_ALREADY_IN_USE", d.Message, StringComparison.Ordinal);
        Assert.Contains("\"late\"", d.Message, StringComparison.Ordinal);
        Assert.Contains("\"250\"", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SamePriorityOnTwoListeners_InOneFunction_IsAnError()
    {
        var d = SingleError("""
            service: s
            provider: {name: aws}
            functions:
              a:
                handler: h.a
                events:
                  - alb: {listenerArn: LISTENER, priority: 7, conditions: {path: /a}}
                  - alb: {listenerArn: {Ref: Other}, priority: 7, conditions: {path: /b}}
            """);
        Assert.Contains("Events in the same function cannot use the same priority", d.Message, StringComparison.Ordinal);
        Assert.Equal(8, d.Span!.Line);
    }

    [Fact]
    public void SamePriorityOnOneListener_InOneFunction_IsOneRuleAsInTheFramework()
    {
        var (result, bag) = Compile("""
            service: s
            provider: {name: aws}
            functions:
              a:
                handler: h.a
                events:
                  - alb: {listenerArn: LISTENER, priority: 7, conditions: {path: /a}}
                  - alb: {listenerArn: LISTENER, priority: 7, conditions: {path: /b}}
            """);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var rule = JsonNode.Parse(result.Text!)!["Resources"]!["AAlbListenerRule7"]!;
        Assert.Equal("/b", rule["Properties"]!["Conditions"]![0]!["Values"]![0]!.GetValue<string>());
    }

    [Fact]
    public void UnknownAuthorizer_IsAnErrorAtTheName()
    {
        var d = SingleError("""
            service: s
            provider:
              name: aws
              alb: {authorizers: {known: {type: oidc, authorizationEndpoint: 'https://a', clientId: c, issuer: 'https://a', tokenEndpoint: 'https://a', userInfoEndpoint: 'https://a'}}}
            functions:
              a:
                handler: h.a
                events:
                  - alb:
                      listenerArn: LISTENER
                      priority: 1
                      conditions: {path: /a}
                      authorizer: [known, unknown]
            """);
        Assert.Contains("No match for \"unknown\"", d.Message, StringComparison.Ordinal);
        Assert.Contains("known", d.Help, StringComparison.Ordinal);
        Assert.Equal(13, d.Span!.Line);
    }

    [Theory]
    [InlineData("listenerArn: arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/x/1", "ALB_INVALID_LISTENER_ARN")]
    [InlineData("listenerArn: {Fn::ImportValue: x}", "ALB_INVALID_LISTENER_ARN")]
    [InlineData("conditions: {}", "ALB_NO_CONDITIONS")]
    [InlineData("targetGroupName: mine", "ALB_TARGET_GROUP_NAME_EXCLUSIVE")]
    [InlineData("priority: high", "integer 'priority'")]
    public void InvalidEvent_IsAnErrorNotACrash(string setting, string expected)
    {
        var key = setting[..setting.IndexOf(':', StringComparison.Ordinal)];
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["listenerArn"] = "listenerArn: " + Listener,
            ["priority"] = "priority: 1",
            ["conditions"] = "conditions: {path: /a}",
        };
        settings[key] = setting;
        var lines = string.Join("\n", settings.Values.Select(v => "          " + v));
        var d = SingleError($"service: s\nprovider: {{name: aws, alb: {{targetGroupPrefix: p-}}}}\nfunctions:\n  a:\n    handler: h.a\n" +
                            $"    events:\n      - alb:\n{lines}\n");
        Assert.Contains(expected, d.Message, StringComparison.Ordinal);
        Assert.True(d.Span!.Line >= 8, d.ToString());
    }

    [Fact]
    public void DeployTimeListenerArn_IsUnsupportedAtTheValue_AndDeployTimeAuthorizerSettingsAreDynamicReferences()
    {
        var (_, bag) = Compile("""
            service: s
            provider: {name: aws}
            functions:
              a:
                handler: h.a
                events:
                  - alb:
                      listenerArn: SSM_VALUE
                      priority: 1
                      conditions: {path: /a}
            """);
        var d = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.Equal(CloudFormationDiagnosticIds.Unsupported, d.Id);
        Assert.Equal(8, d.Span!.Line);
        Assert.DoesNotContain("/edge/value", d.Message, StringComparison.Ordinal);

        var (result, ok) = Compile("""
            service: s
            provider:
              name: aws
              alb: {authorizers: {c: {type: cognito, userPoolArn: SSM_VALUE, userPoolClientId: id, userPoolDomain: dom}}}
            functions:
              a: {handler: h.a, events: [{alb: {listenerArn: LISTENER, priority: 1, conditions: {path: /a}, authorizer: c}}]}
            """);
        Assert.False(ok.HasErrors, string.Join("\n", ok.Items));
        var config = JsonNode.Parse(result.Text!)!["Resources"]!["AAlbListenerRule1"]!["Properties"]!["Actions"]![0]!["AuthenticateCognitoConfig"]!;
        Assert.Equal("{{resolve:ssm:/edge/value}}", config["UserPoolArn"]!.GetValue<string>());
    }

    [Fact]
    public void ShorthandEvent_IsADiagnostic_NotDroppedSilently()
    {
        var (result, bag) = Compile("""
            service: s
            provider: {name: aws}
            functions:
              a: {handler: h.a, events: [{alb: yes}]}
            """);
        Assert.Null(result.Text);
        Assert.Equal(4, Assert.Single(bag.Items, d => d.Severity == Severity.Error).Span!.Line);
    }
}
