using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.Events;

public sealed class BrokerAndEventBridgeEventTests
{
    private static JsonObject Template(string yaml)
    {
        var (result, bag) = SpecCompilation.Compile(yaml);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return JsonNode.Parse(result.Text!)!.AsObject();
    }

    private static JsonObject Resource(JsonObject template, string logicalId) =>
        template["Resources"]![logicalId]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no resource {logicalId}");

    [Fact]
    public void EventResourcesAndRoleStatements_EqualTheFrameworkOutput()
    {
        var expected = JsonNode.Parse(BrokerAndEventBridgeFixture.FrameworkOutput)!.AsObject();
        var template = Template(BrokerAndEventBridgeFixture.Spec);
        var ours = template["Resources"]!.AsObject();
        var expectedResources = expected["Resources"]!.AsObject();

        var ourEventIds = ours.Select(p => p.Key).Where(expectedResources.ContainsKey).ToList();
        Assert.Equal(expectedResources.Select(p => p.Key), ourEventIds);
        foreach (var (id, body) in expectedResources)
        {
            Assert.True(JsonNode.DeepEquals(body, ours[id]), $"{id}:\nexpected {body!.ToJsonString()}\nactual   {ours[id]!.ToJsonString()}");
        }

        var statements = Resource(template, "IamRoleLambdaExecution")["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"];
        Assert.True(JsonNode.DeepEquals(expected["RoleStatements"], statements), statements!.ToJsonString());
    }

    [Fact]
    public void EventBridge_DefaultBusRule_IsNamedAfterTheDeployedFunctionAndTheEventPosition()
    {
        var template = Template("""
            service: my-svc
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - sqs: arn:aws:sqs:us-east-1:1:q
                  - eventBridge: {pattern: {source: [a]}}
            """);
        var rule = Resource(template, "Mysvcdevfnrule2EventBridgeRule");
        Assert.Equal("AWS::Events::Rule", rule["Type"]!.GetValue<string>());
        Assert.Null(rule["DependsOn"]);
        var props = rule["Properties"]!.AsObject();
        Assert.Null(props["EventBusName"]);
        Assert.Equal("my-svc-dev-fn-rule-2", props["Name"]!.GetValue<string>());
        Assert.Equal("ENABLED", props["State"]!.GetValue<string>());
        Assert.Equal("my-svc-dev-fn-rule-2-target", props["Targets"]![0]!["Id"]!.GetValue<string>());
        var permission = Resource(template, "FnEventBridgeLambdaPermission2");
        Assert.Equal("events.amazonaws.com", permission["Properties"]!["Principal"]!.GetValue<string>());
        Assert.Equal("""{"Fn::Join":["/",["rule","my-svc-dev-fn-rule-2"]]}""",
            permission["Properties"]!["SourceArn"]!["Fn::Join"]![1]![5]!.ToJsonString());
    }

    [Fact]
    public void EventBridge_WithProvisionedConcurrency_TargetsTheAliasAndDependsOnIt()
    {
        var template = Template("""
            service: s
            provider: {name: aws}
            functions:
              fn: {handler: h.fn, provisionedConcurrency: 1, events: [{eventBridge: {schedule: rate(1 hour)}}]}
            """);
        var rule = Resource(template, "Sdevfnrule1EventBridgeRule");
        Assert.Equal("FnProvConcLambdaAlias", rule["DependsOn"]!.GetValue<string>());
        Assert.Equal("""{"Fn::Join":[":",[{"Fn::GetAtt":["FnLambdaFunction","Arn"]},"provisioned"]]}""", rule["Properties"]!["Targets"]![0]!["Arn"]!.ToJsonString());
        Assert.Equal("FnProvConcLambdaAlias", Resource(template, "FnEventBridgeLambdaPermission1")["DependsOn"]!.GetValue<string>());
    }

    [Fact]
    public void EventBridge_BusNameWithUnderscore_IsNormalisedLikeAResourceName()
    {
        var template = Template("""
            service: s
            provider: {name: aws}
            functions:
              fn: {handler: h.fn, events: [{eventBridge: {eventBus: my_bus, pattern: {source: [a]}}}]}
            """);
        Assert.Equal("AWS::Events::EventBus", Resource(template, "MyUnderscorebusEventBridgeEventBus")["Type"]!.GetValue<string>());
        Assert.Equal("MyUnderscorebusEventBridgeEventBus", Resource(template, "Sdevfnrule1EventBridgeRule")["DependsOn"]!.GetValue<string>());
    }

    [Fact]
    public void EventBridge_LegacyCustomResource_IsACustomEventBridgeResourceWithoutNativeRules()
    {
        var template = Template("""
            service: s
            provider: {name: aws, eventBridge: {useCloudFormation: false}}
            functions:
              fn: {handler: h.fn, events: [{eventBridge: {pattern: {source: [a]}}}]}
            """);
        Assert.Equal("Custom::EventBridge", Resource(template, "FnCustomEventBridge1")["Type"]!.GetValue<string>());
        Assert.DoesNotContain(template["Resources"]!.AsObject(), p => p.Value!["Type"]!.GetValue<string>() == "AWS::Events::Rule");
    }

    [Fact]
    public void EventBridge_TwoInputKinds_IsADiagnostic()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn: {handler: h.fn, events: [{eventBridge: {pattern: {source: [a]}, input: {a: 1}, inputPath: $.x}}]}
            """);
        Assert.Contains(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unsupported && d.Message.Contains("inputPath", StringComparison.Ordinal));
    }

    [Fact]
    public void Msk_DefaultsToTrimHorizon_AndDependsOnTheRole()
    {
        var template = Template("""
            service: s
            provider: {name: aws}
            functions:
              fn: {handler: h.fn, events: [{msk: {arn: 'arn:aws:kafka:us-east-1:1:cluster/Orders-Cluster/x', topic: in}}]}
            """);
        var mapping = Resource(template, "FnEventSourceMappingMSKOrdersClusterIn");
        Assert.Equal("""["IamRoleLambdaExecution"]""", mapping["DependsOn"]!.ToJsonString());
        Assert.Equal("TRIM_HORIZON", mapping["Properties"]!["StartingPosition"]!.GetValue<string>());
        Assert.Null(mapping["Properties"]!["BatchSize"]);
        Assert.Null(mapping["Properties"]!["Enabled"]);
    }

    [Fact]
    public void Msk_AtTimestampWithoutTimestamp_IsADiagnostic()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn: {handler: h.fn, events: [{msk: {arn: 'arn:aws:kafka:us-east-1:1:cluster/c/x', topic: in, startingPosition: AT_TIMESTAMP}}]}
            """);
        Assert.Contains(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unsupported && d.Span!.Line == 4);
    }

    [Fact]
    public void Kafka_SubnetWithoutSecurityGroup_IsADiagnostic()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - kafka: {topic: t, bootstrapServers: [b:9092], accessConfigurations: {vpcSubnet: [subnet-1]}}
            """);
        Assert.Contains(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unsupported && d.Message.Contains("vpcSecurityGroup", StringComparison.Ordinal));
    }

    [Fact]
    public void Kafka_PlainAuthWithoutVpc_AddsOnlyTheSecretStatement()
    {
        var template = Template("""
            service: s
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - kafka: {topic: t, bootstrapServers: [b:9092], accessConfigurations: {saslPlainAuth: [arn:aws:secretsmanager:us-east-1:1:secret:p]}}
            """);
        var mapping = Resource(template, "FnEventSourceMappingKafkaT");
        Assert.Equal("""[{"Type":"BASIC_AUTH","URI":"arn:aws:secretsmanager:us-east-1:1:secret:p"}]""",
            mapping["Properties"]!["SourceAccessConfigurations"]!.ToJsonString());
        var statements = Resource(template, "IamRoleLambdaExecution")["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Equal("""["secretsmanager:GetSecretValue"]""", statements[^1]!["Action"]!.ToJsonString());
        Assert.DoesNotContain(statements, s => s!["Action"]!.ToJsonString().Contains("ec2:", StringComparison.Ordinal));
    }

    [Fact]
    public void RabbitMq_WithoutQueue_IsADiagnostic()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn: {handler: h.fn, events: [{rabbitmq: {arn: 'arn:aws:mq:us-east-1:1:broker:b:b-1', basicAuthArn: 'arn:aws:secretsmanager:us-east-1:1:secret:x'}}]}
            """);
        Assert.Contains(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unsupported && d.Message.Contains("rabbitmq", StringComparison.Ordinal));
    }
}
