using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Tests.Bind;

public class ResourceReferenceTests
{
    private static Node Value(string yaml)
    {
        var bag = new DiagnosticBag();
        var root = (MappingNode)new YamlLoader().LoadText("r.yml", "x: " + yaml + "\n", bag).Root!;
        Assert.Empty(bag.Items);
        return root["x"]!;
    }

    [Theory]
    [InlineData("!GetAtt Queue.Arn", ReferenceKind.GetAtt, "Queue", "Arn", null)]
    [InlineData("{'Fn::GetAtt': [Table, StreamArn]}", ReferenceKind.GetAtt, "Table", "StreamArn", null)]
    [InlineData("!Ref Topic", ReferenceKind.Ref, "Topic", null, null)]
    [InlineData("!ImportValue shared-queue-arn", ReferenceKind.ImportValue, null, null, "shared-queue-arn")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:orders", ReferenceKind.Arn, null, null, "orders")]
    [InlineData("arn:aws:sns:us-east-1:123456789012:alerts", ReferenceKind.Arn, null, null, "alerts")]
    [InlineData("arn:aws:dynamodb:us-east-1:1:table/Users/stream/2020-01-01T00:00:00.000", ReferenceKind.Arn, null, null, "Users")]
    [InlineData("arn:aws:kinesis:us-east-1:1:stream/clicks", ReferenceKind.Arn, null, null, "clicks")]
    [InlineData("arn:aws:s3:::my-bucket", ReferenceKind.Arn, null, null, "my-bucket")]
    [InlineData("photos", ReferenceKind.Name, null, null, "photos")]
    [InlineData("!Sub 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:jobs'", ReferenceKind.Sub, null, null, "jobs")]
    [InlineData("!Sub '${Jobs.Arn}'", ReferenceKind.Sub, "Jobs", "Arn", null)]
    [InlineData("!Sub ['arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${Name}', {Name: !GetAtt Jobs.QueueName}]", ReferenceKind.Sub, "Jobs", "QueueName", null)]
    [InlineData("!Join [':', [arn, aws, sqs, !Ref 'AWS::Region', !Ref 'AWS::AccountId', jobs]]", ReferenceKind.Join, null, null, "jobs")]
    [InlineData("!Join ['', ['arn:aws:sqs:us-east-1:1:', !GetAtt Jobs.QueueName]]", ReferenceKind.Join, "Jobs", "QueueName", null)]
    public void Extracts_logical_ids_and_names(string yaml, ReferenceKind kind, string? logicalId, string? attribute, string? name)
    {
        var r = ResourceReference.From(Value(yaml));
        Assert.NotNull(r);
        Assert.Equal(kind, r!.Kind);
        Assert.Equal(logicalId, r.LogicalId);
        Assert.Equal(attribute, r.Attribute);
        Assert.Equal(name, r.Name);
    }

    [Fact]
    public void Services_are_read_from_arns()
    {
        Assert.Equal("sqs", ResourceReference.From(Value("arn:aws:sqs:us-east-1:1:q"))!.Service);
        Assert.Equal("sqs", ResourceReference.From(Value("!Sub 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q'"))!.Service);
    }

    [Theory]
    [InlineData("!Ref AWS::Region")]
    [InlineData("!If [C, a, b]")]
    [InlineData("null")]
    [InlineData("[a, b]")]
    public void Nothing_to_say_gives_null(string yaml) => Assert.Null(ResourceReference.From(Value(yaml)));

    [Fact]
    public void Deploy_time_values_are_recognised()
    {
        var node = new DeployTimeNode(SourceSpan.At("r.yml", 1, 1), [new DeployTimeReference("ssm", [], "/q/arn", "${ssm:/q/arn}")]);
        Assert.Equal(ReferenceKind.DeployTime, ResourceReference.From(node)!.Kind);
    }
}
