using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Tests.Bind.BindHelper;

namespace Spec.Tests.Bind;

public class BinderResourcesTests
{
    private const string Resources = """
        service: orders
        provider:
          name: aws
        functions:
          worker:
            handler: h.worker
            timeout: 120
            events:
              - sqs:
                  arn: !GetAtt OrdersQueue.Arn
              - stream:
                  type: dynamodb
                  arn: !GetAtt [OrdersTable, StreamArn]
        resources:
          Conditions:
            IsProd: !Equals [!Ref AWS::StackName, prod]
          Resources:
            OrdersQueue:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: orders
                RedrivePolicy:
                  deadLetterTargetArn: !GetAtt OrdersDlq.Arn
                  maxReceiveCount: 3
            OrdersDlq:
              Type: AWS::SQS::Queue
              DeletionPolicy: Retain
              Properties:
                VisibilityTimeout: 60
                FifoQueue: true
            Alerts:
              Type: AWS::SNS::Topic
              Properties:
                TopicName: alerts
            OrdersTable:
              Type: AWS::DynamoDB::Table
              DependsOn: [OrdersQueue]
              Condition: IsProd
              Properties:
                BillingMode: PAY_PER_REQUEST
                KeySchema:
                  - {AttributeName: pk, KeyType: HASH}
                AttributeDefinitions:
                  - {AttributeName: pk, AttributeType: S}
                StreamSpecification:
                  StreamViewType: NEW_IMAGE
                PointInTimeRecoverySpecification:
                  PointInTimeRecoveryEnabled: true
                GlobalSecondaryIndexes:
                  - IndexName: byDate
                    KeySchema: [{AttributeName: pk, KeyType: HASH}]
                    Projection: {ProjectionType: ALL}
            Uploads:
              Type: AWS::S3::Bucket
              Properties:
                BucketName: uploads
                VersioningConfiguration: {Status: Enabled}
                PublicAccessBlockConfiguration:
                  BlockPublicAcls: true
          Outputs:
            QueueUrl:
              Value: !Ref OrdersQueue
          extensions:
            WorkerLogGroup:
              Properties:
                RetentionInDays: 7
        """;

    [Fact]
    public void Resources_outputs_conditions_and_extensions_are_bound()
    {
        var s = BindValid(Resources);
        var r = s.Resources;
        Assert.Equal(["OrdersQueue", "OrdersDlq", "Alerts", "OrdersTable", "Uploads"], r.Resources.Select(x => x.LogicalId));
        Assert.Equal("Retain", r.Find("OrdersDlq")!.DeletionPolicy!.Value);
        var table = r.Find("OrdersTable")!;
        Assert.Equal(["OrdersQueue"], table.DependsOn.Select(d => d.Value));
        Assert.NotNull(table.Condition);
        Assert.Equal("QueueUrl", Assert.Single(r.Outputs).Key);
        Assert.Equal("WorkerLogGroup", Assert.Single(r.Extensions).LogicalId);
        Assert.NotNull(r.Conditions!["IsProd"]);
    }

    [Fact]
    public void Sqs_queue_view_with_defaults_and_redrive()
    {
        var r = BindValid(Resources).Resources;
        var q = r.FindQueue("OrdersQueue")!;
        Assert.Equal("orders", q.QueueName!.Value);
        Assert.Equal((30, SettingSource.Default), (q.VisibilityTimeout.Value!.Value, q.VisibilityTimeout.Source));
        Assert.Equal(3, q.RedrivePolicy!.MaxReceiveCount!.Value);
        Assert.Equal("OrdersDlq", q.RedrivePolicy.DeadLetterQueue!.LogicalId);
        var dlq = r.FindQueue("OrdersDlq")!;
        Assert.Equal((60, SettingSource.Explicit), (dlq.VisibilityTimeout.Value!.Value, dlq.VisibilityTimeout.Source));
        Assert.True(dlq.FifoQueue.Value);
        Assert.Equal(345600, dlq.MessageRetentionPeriod.Value);
    }

    [Fact]
    public void Table_topic_and_bucket_views()
    {
        var r = BindValid(Resources).Resources;
        var t = r.FindTable("OrdersTable")!;
        Assert.Equal("PAY_PER_REQUEST", t.BillingMode.Value);
        Assert.True(t.HasStream);
        Assert.Equal("NEW_IMAGE", t.StreamViewType!.Value);
        Assert.True(t.PointInTimeRecoveryEnabled!.Value);
        Assert.Equal(("pk", "HASH"), (t.KeySchema[0].AttributeName!.Value, t.KeySchema[0].KeyType!.Value));
        Assert.Equal("S", t.AttributeDefinitions[0].AttributeType!.Value);
        Assert.Equal("byDate", Assert.Single(t.GlobalSecondaryIndexes).IndexName!.Value);
        Assert.Equal("alerts", r.FindTopic("Alerts")!.TopicName!.Value);
        var b = r.FindBucket("Uploads")!;
        Assert.Equal("Enabled", b.VersioningStatus!.Value);
        Assert.True(b.PublicAccessBlock!.BlockPublicAcls!.Value);
    }

    [Fact]
    public void Events_resolve_to_their_resources()
    {
        var s = BindValid(Resources);
        var worker = s.FindFunction("worker")!;
        var sqs = worker.EventsOf<SqsEvent>().Single();
        Assert.Same(s.Resources.FindQueue("OrdersQueue")!.Resource, s.Resources.Resolve(sqs.Queue));
        var stream = worker.EventsOf<StreamEvent>().Single();
        Assert.Equal(("OrdersTable", "StreamArn"), (stream.Source!.LogicalId, stream.Source.Attribute));
        Assert.Equal("OrdersTable", s.Resources.Resolve(stream.Source)!.LogicalId);
        var byName = ResourceReference.From(ScalarNode.String(sqs.Node.Span, "arn:aws:sqs:us-east-1:123456789012:orders"));
        Assert.Equal("OrdersQueue", s.Resources.Resolve(byName)!.LogicalId);
    }

    [Fact]
    public void Legacy_resources_list_is_merged()
    {
        var s = BindValid("service: a\nprovider: aws\nresources:\n  - Resources:\n      A: {Type: AWS::SQS::Queue}\n  - Resources:\n      B: {Type: AWS::SNS::Topic}\n");
        Assert.Equal(["A", "B"], s.Resources.Resources.Select(r => r.LogicalId));
        Assert.Single(s.Resources.Queues);
        Assert.Single(s.Resources.Topics);
    }

    [Fact]
    public void A_resource_or_output_a_later_list_item_defines_again_takes_the_first_place()
    {
        var s = BindValid("""
            service: a
            provider: aws
            resources:
              - Resources:
                  A: {Type: AWS::SQS::Queue}
                  B: {Type: AWS::SNS::Topic}
                Outputs:
                  X: {Value: one}
                  Y: {Value: two}
              - Resources:
                  C: {Type: AWS::SQS::Queue}
                  A: {Type: AWS::S3::Bucket}
                Outputs:
                  X: {Value: three}
            """);
        Assert.Equal([("A", "AWS::S3::Bucket"), ("B", "AWS::SNS::Topic"), ("C", "AWS::SQS::Queue")],
            s.Resources.Resources.Select(r => (r.LogicalId, r.Type!.Value)));
        Assert.Equal(["X", "Y"], s.Resources.Outputs.Select(o => o.Key));
        Assert.Equal("three", ((ScalarNode)s.Resources.Outputs[0].Value!).Text);
    }

    [Fact]
    public void Wrong_property_types_in_typed_views_are_errors()
    {
        var (_, bag) = BindText("service: a\nprovider: aws\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n      Properties:\n        VisibilityTimeout: soon\n");
        Assert.Equal("'resources.Resources.Q.Properties.VisibilityTimeout' must be an integer, not the string 'soon'",
            Assert.Single(bag.Errors()).Message);
    }

    [Fact]
    public void An_output_without_a_Value_is_a_located_warning_as_the_Framework_packages_it()
    {
        var (service, bag) = BindHelper.BindText("""
            service: svc
            provider: {name: aws}
            resources:
              Outputs:
                NoValue:
                  Description: nothing
            """);
        Assert.NotNull(service);
        Assert.Empty(bag.Errors());
        var warning = Assert.Single(bag.Items, d => d.Message.Contains("'resources.Outputs.NoValue' has no 'Value'", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(6, warning.Span!.Line);
    }
}
