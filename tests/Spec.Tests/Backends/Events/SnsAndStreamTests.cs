using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary><c>sns</c> events as <c>sns.js</c> compiles them, and stream mapping ids as <c>stream.js</c> names them.</summary>
public sealed class SnsAndStreamTests
{
    private static JsonObject Resources(string functions)
    {
        var (result, bag) = SpecCompilation.Compile(
            "service: s\nprovider: {name: aws, runtime: nodejs18.x}\nfunctions:\n" + functions + "resources:\n  Resources:\n    Dlq: {Type: AWS::SQS::Queue}\n");
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result.Template["Resources"]!.AsObject();
    }

    [Fact]
    public void A_filtered_topic_keeps_its_display_name_and_the_permission_names_the_topic_by_arn()
    {
        var resources = Resources("""
              f:
                handler: h.f
                events:
                  - sns: {topicName: orders, displayName: 'Orders', filterPolicy: {side: [left]}, redrivePolicy: {deadLetterTargetRef: Dlq}}
            """ + "\n");
        Assert.Equal("Orders", resources["SNSTopicOrders"]!["Properties"]!["DisplayName"]!.GetValue<string>());
        Assert.Equal("SNSTopicOrders", resources["FSnsSubscriptionOrders"]!["Properties"]!["TopicArn"]!["Ref"]!.GetValue<string>());
        var sourceArn = resources["FLambdaPermissionOrdersSNS"]!["Properties"]!["SourceArn"]!;
        Assert.NotNull(sourceArn["Fn::Join"]);
        var policy = resources["OrdersToFDLQPolicy"]!["Properties"]!;
        Assert.Equal("Dlq", policy["Queues"]![0]!["Ref"]!.GetValue<string>());
        Assert.Equal("sqs:SendMessage", policy["PolicyDocument"]!["Statement"]![0]!["Action"]!.GetValue<string>());
    }

    [Fact]
    public void A_topic_of_another_region_is_subscribed_with_its_region()
    {
        var resources = Resources("""
              f:
                handler: h.f
                events:
                  - sns: {arn: 'arn:aws:sns:eu-west-1:123456789012:remote'}
            """ + "\n");
        Assert.Equal("eu-west-1", resources["FSnsSubscriptionRemote"]!["Properties"]!["Region"]!.GetValue<string>());
    }

    [Fact]
    public void A_joined_kinesis_arn_names_the_mapping_by_the_stream_after_the_slash()
    {
        var resources = Resources("""
              f:
                handler: h.f
                events:
                  - stream:
                      type: kinesis
                      arn: {'Fn::Join': [':', [arn, aws, kinesis, {Ref: 'AWS::Region'}, {Ref: 'AWS::AccountId'}, stream/orders-stream]]}
            """ + "\n");
        Assert.True(resources.ContainsKey("FEventSourceMappingKinesisOrdersstream"), string.Join(", ", resources.Select(r => r.Key)));
    }
}
