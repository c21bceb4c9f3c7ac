using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary>
/// The <c>stream</c> event as <c>stream.js:compileStreamEvents</c> compiles it: Kinesis consumers, the statements each
/// function's streams grant the execution role, and failure destinations.
/// </summary>
public sealed class StreamEventTests
{
    private static (JsonObject Resources, JsonArray Statements) Compile(string provider, string functions)
    {
        var (result, bag) = SpecCompilation.Compile(
            "service: svc\nprovider:\n  name: aws\n" + provider + "functions:\n" + functions);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var resources = result.Template["Resources"]!.AsObject();
        var statements = resources["IamRoleLambdaExecution"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        return (resources, statements);
    }

    /// <summary>The statements after the two log statements, as "action, …: resource, …" lines.</summary>
    private static string[] EventStatements(JsonArray statements) =>
    [
        .. statements.Skip(2).Select(s =>
            string.Join(",", s!["Action"]!.AsArray().Select(a => a!.GetValue<string>())) + ": " +
            string.Join(",", s["Resource"]!.AsArray().Select(r => r!.ToJsonString()))),
    ];

    [Fact]
    public void A_kinesis_consumer_is_registered_and_read_through()
    {
        var (resources, statements) = Compile("  kinesis: {consumerNamingMode: serviceSpecific}\n", """
              f:
                handler: h.f
                events:
                  - stream: {arn: 'arn:aws:kinesis:us-east-1:1:stream/my-stream', consumer: true, startingPosition: AT_TIMESTAMP, startingPositionTimestamp: 1700000000}
            """ + "\n");
        const string consumerId = "FmyDashstreamsvcdevConsumerStreamConsumer";
        var consumer = resources[consumerId]!;
        Assert.Equal("AWS::Kinesis::StreamConsumer", consumer["Type"]!.GetValue<string>());
        Assert.Equal("fmy-streamsvcdevConsumer", consumer["Properties"]!["ConsumerName"]!.GetValue<string>());
        Assert.Equal("arn:aws:kinesis:us-east-1:1:stream/my-stream", consumer["Properties"]!["StreamARN"]!.GetValue<string>());
        var mapping = resources["FEventSourceMappingKinesisMystream"]!;
        Assert.Equal($$"""{"Ref":"{{consumerId}}"}""", mapping["Properties"]!["EventSourceArn"]!.ToJsonString());
        Assert.Equal($"""["IamRoleLambdaExecution","{consumerId}"]""", mapping["DependsOn"]!.ToJsonString());
        Assert.Equal(1700000000, mapping["Properties"]!["StartingPositionTimestamp"]!.GetValue<long>());
        Assert.Equal(
        [
            "kinesis:GetRecords,kinesis:GetShardIterator,kinesis:DescribeStreamSummary,kinesis:ListShards: \"arn:aws:kinesis:us-east-1:1:stream/my-stream\"",
            $$"""kinesis:SubscribeToShard: {"Ref":"{{consumerId}}"}""",
        ], EventStatements(statements));
    }

    [Fact]
    public void Without_the_naming_mode_the_consumer_is_named_by_function_and_stream_only()
    {
        var (resources, _) = Compile(string.Empty, """
              f:
                handler: h.f
                events:
                  - stream: {arn: 'arn:aws:kinesis:us-east-1:1:stream/s', consumer: true}
            """ + "\n");
        Assert.Equal("fsConsumer", resources["FsConsumerStreamConsumer"]!["Properties"]!["ConsumerName"]!.GetValue<string>());
    }

    [Fact]
    public void A_consumer_arn_is_read_as_is_and_a_timestamp_without_a_consumer_is_not_passed_on()
    {
        var (resources, statements) = Compile(string.Empty, """
              f:
                handler: h.f
                events:
                  - stream: {arn: {'Fn::ImportValue': Foreign}, type: kinesis, consumer: 'arn:aws:kinesis:us-east-1:1:stream/x/consumer/c:1'}
                  - stream: {arn: 'arn:aws:kinesis:us-east-1:1:stream/plain', startingPosition: AT_TIMESTAMP, startingPositionTimestamp: 1700000000}
            """ + "\n");
        Assert.Equal("arn:aws:kinesis:us-east-1:1:stream/x/consumer/c:1",
            resources["FEventSourceMappingKinesisForeign"]!["Properties"]!["EventSourceArn"]!.GetValue<string>());
        Assert.Null(resources["FEventSourceMappingKinesisPlain"]!["Properties"]!["StartingPositionTimestamp"]);
        Assert.Equal(
        [
            "kinesis:GetRecords,kinesis:GetShardIterator,kinesis:DescribeStream,kinesis:ListStreams: \"arn:aws:kinesis:us-east-1:1:stream/plain\"",
            """kinesis:GetRecords,kinesis:GetShardIterator,kinesis:DescribeStreamSummary,kinesis:ListShards: {"Fn::ImportValue":"Foreign"}""",
            "kinesis:SubscribeToShard: \"arn:aws:kinesis:us-east-1:1:stream/x/consumer/c:1\"",
        ], EventStatements(statements));
    }

    [Fact]
    public void A_consumer_starting_at_a_timestamp_needs_the_timestamp()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: svc
            provider: {name: aws}
            functions:
              f:
                handler: h.f
                events:
                  - stream: {arn: 'arn:aws:kinesis:us-east-1:1:stream/s', consumer: true, startingPosition: AT_TIMESTAMP}
            """);
        Assert.Contains(bag.Items, d => d.Message.Contains("startingPositionTimestamp", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_function_grants_its_own_streams_and_failure_destinations()
    {
        var (_, statements) = Compile(string.Empty, """
              a:
                handler: h.a
                events:
                  - stream: {arn: 'arn:aws:dynamodb:us-east-1:1:table/t/stream/1', destinations: {onFailure: 'arn:aws:sns:us-east-1:1:topic'}}
              b:
                handler: h.b
                events:
                  - stream: {arn: 'arn:aws:dynamodb:us-east-1:1:table/t/stream/1', destinations: {onFailure: {arn: {'Fn::GetAtt': [Q, Arn]}, type: sqs}}}
                  - stream: {arn: 'arn:aws:dynamodb:us-east-1:1:table/u/stream/1', destinations: {onFailure: {arn: {Ref: Topic}, type: sns}}}
            """ + "\n");
        const string dynamo = "dynamodb:GetRecords,dynamodb:GetShardIterator,dynamodb:DescribeStream,dynamodb:ListStreams";
        Assert.Equal(
        [
            dynamo + ": \"arn:aws:dynamodb:us-east-1:1:table/t/stream/1\"",
            "sns:Publish: \"arn:aws:sns:us-east-1:1:topic\"",
            dynamo + ": \"arn:aws:dynamodb:us-east-1:1:table/t/stream/1\",\"arn:aws:dynamodb:us-east-1:1:table/u/stream/1\"",
            """sns:Publish: {"Ref":"Topic"}""",
            """sqs:ListQueues,sqs:SendMessage: {"Fn::GetAtt":["Q","Arn"]}""",
        ], EventStatements(statements));
    }

    [Fact]
    public void Two_events_on_one_stream_merge_into_one_mapping_as_lodash_does()
    {
        var (resources, _) = Compile(string.Empty, """
              f:
                handler: h.f
                events:
                  - stream: {arn: 'arn:aws:dynamodb:us-east-1:1:table/t/stream/1', destinations: {onFailure: {arn: {'Fn::GetAtt': [T, Arn]}, type: sns}}}
                  - stream: {arn: 'arn:aws:dynamodb:us-east-1:1:table/t/stream/1', batchSize: 5, destinations: {onFailure: {arn: {Ref: Q}, type: sqs}}}
            """ + "\n");
        var props = resources["FEventSourceMappingDynamodbT"]!["Properties"]!;
        Assert.Equal("5", props["BatchSize"]!.ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["T","Arn"],"Ref":"Q"}""", props["DestinationConfig"]!["OnFailure"]!["Destination"]!.ToJsonString());
    }
}
