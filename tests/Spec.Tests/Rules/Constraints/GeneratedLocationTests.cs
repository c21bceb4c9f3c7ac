using System.Globalization;
using Spec.Backends.Plan;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.Constraints;

/// <summary>
/// A property of a generated resource that comes from a spec key is located at that key (issue 18: findings on
/// generated resources point at the key that produced the property), for every event kind whose lowering copies spec
/// values into its resources; and one cause gives one finding when a generated property and the key it came from are
/// reported together (issue 15 §3).
/// </summary>
public sealed class GeneratedLocationTests
{
    private const string Head = """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x
        functions:
          worker:
            handler: handler.run

        """;

    /// <summary>(events of function 'worker', the generated resource type, the property path, the text on the line it must point at).</summary>
    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { Events("- sqs:", "    arn: arn:aws:sqs:us-east-1:123456789012:jobs", "    batchSize: 7", "    maximumConcurrency: 5"),
            "AWS::Lambda::EventSourceMapping", "BatchSize", "batchSize: 7" },
        { Events("- sqs:", "    arn: arn:aws:sqs:us-east-1:123456789012:jobs", "    maximumConcurrency: 5"),
            "AWS::Lambda::EventSourceMapping", "ScalingConfig.MaximumConcurrency", "maximumConcurrency: 5" },
        { Events("- stream:", "    arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks", "    batchSize: 9", "    parallelizationFactor: 2"),
            "AWS::Lambda::EventSourceMapping", "ParallelizationFactor", "parallelizationFactor: 2" },
        { Events("- sns:", "    arn: arn:aws:sns:us-east-1:123456789012:orders", "    filterPolicy:", "      kind: [refund, order]"),
            "AWS::SNS::Subscription", "FilterPolicy.kind", "kind: [refund, order]" },
        { Events("- schedule:", "    rate: rate(1 day)", "    description: nightly report"),
            "AWS::Events::Rule", "Description", "description: nightly report" },
        { Events("- schedule:", "    rate: rate(1 day)", "    name: nightly-report"),
            "AWS::Events::Rule", "Name", "name: nightly-report" },
        { Events("- eventBridge:", "    description: order events", "    pattern:", "      source: [shop.orders]"),
            "AWS::Events::Rule", "EventPattern.source", "source: [shop.orders]" },
        { Events("- cloudwatchEvent:", "    name: ec2-changes", "    event:", "      source: [aws.ec2]"),
            "AWS::Events::Rule", "Name", "name: ec2-changes" },
        { Events("- cloudwatchLog:", "    logGroup: /aws/lambda/other", "    filter: '{ $.level = \"error\" }'"),
            "AWS::Logs::SubscriptionFilter", "FilterPattern", "filter: '{" },
        { Events("- kafka:", "    accessConfigurations:", "      saslScram512Auth: arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka",
                "    bootstrapServers: [broker-1:9092]", "    topic: clicks", "    consumerGroupId: clicks-group"),
            "AWS::Lambda::EventSourceMapping", "SelfManagedKafkaEventSourceConfig.ConsumerGroupId", "consumerGroupId: clicks-group" },
        { Events("- msk:", "    arn: arn:aws:kafka:us-east-1:123456789012:cluster/main/abc", "    topic: clicks", "    consumerGroupId: msk-group"),
            "AWS::Lambda::EventSourceMapping", "AmazonManagedKafkaEventSourceConfig.ConsumerGroupId", "consumerGroupId: msk-group" },
        { Events("- activemq:", "    arn: arn:aws:mq:us-east-1:123456789012:broker:main:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
                "    basicAuthArn: arn:aws:secretsmanager:us-east-1:123456789012:secret:mq", "    queue: jobs", "    batchSize: 11"),
            "AWS::Lambda::EventSourceMapping", "BatchSize", "batchSize: 11" },
        { Events("- rabbitmq:", "    arn: arn:aws:mq:us-east-1:123456789012:broker:main:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
                "    basicAuthArn: arn:aws:secretsmanager:us-east-1:123456789012:secret:mq", "    queue: jobs", "    batchSize: 12"),
            "AWS::Lambda::EventSourceMapping", "BatchSize", "batchSize: 12" },
        { Events("- alb:", "    listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2",
                "    priority: 7", "    conditions:", "      path: /hello"),
            "AWS::ElasticLoadBalancingV2::ListenerRule", "Priority", "priority: 7" },
        { Events("- iot:", "    sql: \"SELECT * FROM 'things'\"", "    description: thing updates"),
            "AWS::IoT::TopicRule", "TopicRulePayload.Sql", "sql: \"SELECT" },
        { Events("- websocket:", "    route: sendMessage"),
            "AWS::ApiGatewayV2::Route", "RouteKey", "route: sendMessage" },
        { Events("- s3:", "    bucket: uploads-bucket-1234", "    event: s3:ObjectCreated:*", "    rules:", "      - prefix: incoming/"),
            "AWS::S3::Bucket", "NotificationConfiguration.LambdaConfigurations[0].Filter.S3Key.Rules[0].Value", "prefix: incoming/" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_generated_property_from_a_spec_key_is_located_at_that_key(string events, string type, string path, string line)
    {
        var yaml = Head + events;
        var resources = GeneratedForRules.Plan(Bind(yaml)).Where(r => r.Type == type).ToList();
        Assert.NotEmpty(resources);
        var spans = resources.Select(r => At(r.Properties(), path)).OfType<SourceSpan>().ToList();
        Assert.True(spans.Count > 0, $"no {type} has {path}");
        Assert.Contains(LineOf(yaml, line), spans.Select(s => s.Line));
    }

    [Fact]
    public void A_function_description_is_located_at_its_key_on_the_version_too()
    {
        var yaml = """
            service: demo
            provider:
              name: aws
              runtime: nodejs22.x
              versionFunctions: true
            functions:
              worker:
                handler: handler.run
                description: the worker
            """;
        var version = Assert.Single(GeneratedForRules.Plan(Bind(yaml)), r => r.Type == "AWS::Lambda::Version");
        Assert.Equal(LineOf(yaml, "description: the worker"), At(version.Properties(), "Description")!.Line);
    }

    [Fact]
    public void A_description_too_long_for_the_function_and_its_version_is_one_finding_at_the_key()
    {
        var yaml = Head.Replace("    handler: handler.run\n", "    handler: handler.run\n    description: " + new string('d', 300) + "\n",
            StringComparison.Ordinal);
        var findings = Check(yaml);
        var finding = Assert.Single(findings, d => d.Id is "SLS-GEN-009" or "SLS-GEN-010");
        Assert.Equal("SLS-GEN-009", finding.Id);
        Assert.Equal(LineOf(yaml, "description: ddd"), finding.Span!.Line);
    }

    [Fact]
    public void A_batch_size_both_schemas_refuse_is_one_finding_the_CloudFormation_one_at_the_key()
    {
        // maximumBatchingWindow keeps SLS-SQS-006 (a batch over 10 needs a window) out: it would take the place as the dedicated rule.
        var yaml = Head + Events("- sqs:", "    arn: arn:aws:sqs:us-east-1:123456789012:jobs", "    batchSize: 20000", "    maximumBatchingWindow: 1");
        var findings = Check(yaml).Where(d => d.Id is "SLS-GEN-009" or "SLS-GEN-010").ToList();
        var finding = Assert.Single(findings);
        Assert.Equal("SLS-GEN-009", finding.Id);
        Assert.Equal(LineOf(yaml, "batchSize: 20000"), finding.Span!.Line);
    }

    [Fact]
    public void A_generated_property_the_plan_makes_up_stays_at_the_event_and_does_not_absorb_other_findings()
    {
        // Two different values at one event: both findings stay (the collapse is per value, not per event).
        var yaml = Head + Events("- sqs:", "    arn: arn:aws:sqs:us-east-1:123456789012:jobs", "    batchSize: 20000", "    maximumBatchingWindow: 900");
        var findings = Check(yaml).Where(d => d.Id is "SLS-GEN-009" or "SLS-GEN-010").ToList();
        Assert.Equal(
            [LineOf(yaml, "batchSize: 20000"), LineOf(yaml, "maximumBatchingWindow: 900")],
            findings.Select(d => d.Span!.Line).Order().ToList());
    }

    private static string Events(params string[] lines) =>
        "    events:\n" + string.Concat(lines.Select(l => "      " + l + "\n"));

    private static List<Diagnostic> Check(string yaml) =>
        [.. CataloguePipeline.Check("serverless.yml", yaml).Select(f => f.Diagnostic)];

    private static Spec.Core.Model.Service Bind(string yaml)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.FromArguments([], new Dictionary<string, string>()), bag);
        return Binder.Bind(resolved, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
    }

    private static int LineOf(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in the spec");
        return index + 1;
    }

    /// <summary>The span of the node at <paramref name="path"/> (<c>A.B[0].C</c>) under <paramref name="node"/>; null when absent.</summary>
    private static SourceSpan? At(Node? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var index = -1;
            if (part.IndexOf('[', StringComparison.Ordinal) is var open and > 0)
            {
                name = part[..open];
                index = int.Parse(part[(open + 1)..^1], CultureInfo.InvariantCulture);
            }

            node = (node as MappingNode)?[name];
            if (index >= 0)
            {
                node = node is SequenceNode s && index < s.Items.Count ? s.Items[index] : null;
            }
        }

        return node?.Span;
    }
}
