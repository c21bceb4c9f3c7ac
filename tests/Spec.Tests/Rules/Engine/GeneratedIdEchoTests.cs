using Spec.Backends.Plan;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.Engine;

/// <summary>
/// The Framework makes some logical ids from a spec value (a topic name, a queue ARN, a path, a route): an id made from
/// a value of <c>${env:}</c> or <c>${file()}</c> spells it, so the plan records where the value was written and rules
/// name such a resource by its expression (<see cref="GeneratedResource.IdExpression"/>).
/// </summary>
public sealed class GeneratedIdEchoTests
{
    /// <summary>What the environment gives: every value spells <see cref="Marker"/>, which the ids keep.</summary>
    private const string Marker = "zqxsecret";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["VALUE"] = Marker,
        ["TOPIC_ARN"] = $"arn:aws:sns:us-east-1:123456789012:{Marker}",
        ["QUEUE_ARN"] = $"arn:aws:sqs:us-east-1:123456789012:{Marker}",
        ["STREAM_ARN"] = $"arn:aws:kinesis:us-east-1:123456789012:stream/{Marker}",
        ["TABLE_STREAM_ARN"] = $"arn:aws:dynamodb:us-east-1:123456789012:table/{Marker}/stream/2024-01-01T00:00:00.000",
        ["FUNCTION_ARN"] = $"arn:aws:lambda:us-east-1:123456789012:function:{Marker}",
        ["REST_PATH"] = $"{Marker}/items",
        ["HTTP_PATH"] = $"/{Marker}",
        ["FUNCTION_NAME"] = $"{Marker}-fn",
        ["PRIORITY"] = "4242",
        ["LISTENER_ARN"] = $"arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-alb/{Marker}/f2f7dc8efc522ab2",
    };

    /// <summary>(what the id is made from, the events of function 'worker' giving it through the environment, the
    /// expression the ids must be named by).</summary>
    public static TheoryData<string, string, string> IdKinds() => new()
    {
        { "sns topic name", "- sns: ${env:VALUE}", "${env:VALUE}" },
        { "sns topicName with a filter", "- sns:\n    topicName: ${env:VALUE}\n    filterPolicy: {kind: [a]}", "${env:VALUE}" },
        { "sns topic arn", "- sns:\n    arn: ${env:TOPIC_ARN}", "${env:TOPIC_ARN}" },
        { "sqs queue arn", "- sqs: ${env:QUEUE_ARN}", "${env:QUEUE_ARN}" },
        { "kinesis stream arn", "- stream: ${env:STREAM_ARN}", "${env:STREAM_ARN}" },
        { "kinesis consumer", "- stream:\n    arn: ${env:STREAM_ARN}\n    consumer: true", "${env:STREAM_ARN}" },
        { "dynamodb stream arn", "- stream: ${env:TABLE_STREAM_ARN}", "${env:TABLE_STREAM_ARN}" },
        { "cognito pool", "- cognitoUserPool:\n    pool: ${env:VALUE}\n    trigger: PreSignUp", "${env:VALUE}" },
        { "eventbridge bus", "- eventBridge:\n    eventBus: ${env:VALUE}\n    pattern: {source: [a]}", "${env:VALUE}" },
        { "websocket route", "- websocket: ${env:VALUE}", "${env:VALUE}" },
        { "websocket authorizer arn", "- websocket:\n    route: $connect\n    authorizer:\n      arn: ${env:FUNCTION_ARN}", "${env:FUNCTION_ARN}" },
        { "http api route", "- httpApi:\n    method: GET\n    path: ${env:HTTP_PATH}", "${env:HTTP_PATH}" },
        { "rest api path", "- http:\n    method: get\n    path: ${env:REST_PATH}\n    cors: true", "${env:REST_PATH}" },
        { "rest api method", "- http:\n    method: get\n    path: items\n- http:\n    method: post\n    path: ${env:REST_PATH}\n    request:\n      schemas:\n        application/json: {type: object}", "${env:REST_PATH}" },
        { "alb target group (the load balancer id in the listener arn)", "- alb:\n    listenerArn: ${env:LISTENER_ARN}\n    priority: 7\n    conditions:\n      path: /x", "${env:LISTENER_ARN}" },
        { "rest authorizer arn", "- http:\n    method: get\n    path: items\n    authorizer: ${env:FUNCTION_ARN}", "${env:FUNCTION_ARN}" },
    };

    [Theory]
    [MemberData(nameof(IdKinds))]
    public void Every_generated_id_that_spells_a_value_from_the_environment_is_named_by_its_expression(string kind, string events, string expression)
    {
        var generated = Generate(Spec(events));
        var spelling = generated.Where(r => r.LogicalId.Contains(Marker, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(spelling.Count > 0, $"{kind}: no generated id spells the value");
        Assert.All(spelling, r => Assert.True(r.IdExpression == expression, $"{kind}: {r.LogicalId} is named by '{r.IdExpression}'"));
        // Ids made from keys and constants are named by themselves.
        Assert.All(generated.Except(spelling), r => Assert.Null(r.IdExpression));
    }

    [Fact]
    public void Written_values_leave_ids_named_by_themselves()
    {
        var generated = Generate(Spec("- sns: plain-topic\n- sqs: arn:aws:sqs:us-east-1:123456789012:jobs\n- httpApi: GET /items\n- http: get items/{id}"));
        Assert.Contains(generated, r => r.LogicalId == "SNSTopicPlaintopic");
        Assert.All(generated, r => Assert.Null(r.IdExpression));
    }

    [Fact]
    public void A_function_name_from_the_environment_names_its_eventbridge_rule_by_the_expression()
    {
        var yaml = Spec("- eventBridge:\n    pattern: {source: [a]}").Replace("    handler: handler.run", "    handler: handler.run\n    name: ${env:FUNCTION_NAME}", StringComparison.Ordinal);
        var rule = Assert.Single(Generate(yaml), r => r.Type == "AWS::Events::Rule");
        Assert.Contains(Marker, rule.LogicalId, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("${env:FUNCTION_NAME}", rule.IdExpression);
    }

    [Fact]
    public void An_alb_priority_from_the_environment_names_its_listener_rule_by_the_expression()
    {
        var generated = Generate(Spec("- alb:\n    listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2\n    priority: ${env:PRIORITY}\n    conditions:\n      path: /x"));
        var rule = Assert.Single(generated, r => r.Type == "AWS::ElasticLoadBalancingV2::ListenerRule");
        Assert.Contains("4242", rule.LogicalId, StringComparison.Ordinal);
        Assert.Equal("${env:PRIORITY}", rule.IdExpression);
        Assert.All(generated.Where(r => r != rule), r => Assert.DoesNotContain("4242", r.LogicalId, StringComparison.Ordinal));
    }

    [Fact]
    public void A_priority_from_the_environment_already_in_use_is_refused_by_its_expression()
    {
        const string Listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";
        var yaml = Spec($"- alb:\n    listenerArn: {Listener}\n    priority: ${{env:PRIORITY}}\n    conditions:\n      path: /x")
            + $"\n  other:\n    handler: handler.other\n    events:\n      - alb:\n          listenerArn: {Listener}\n          priority: ${{env:PRIORITY}}\n          conditions:\n            path: /y";
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.FromArguments([], Environment), bag);
        PlanBuilder.Build(Binder.Bind(resolved, bag)!, bag);
        var refusal = Assert.Single(bag.Items, d => d.Message.Contains("ALB_PRIORITY_ALREADY_IN_USE", StringComparison.Ordinal));
        Assert.Contains("${env:PRIORITY}", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_on_a_stream_consumer_named_from_the_environment_shows_the_expression_never_the_name()
    {
        // The consumer's name (function key, stream name, "Consumer") is over 128 characters: SLS-GEN-009 on the
        // generated AWS::Kinesis::StreamConsumer, whose id spells the stream's name too.
        var findings = CataloguePipeline.Check("serverless.yml", Spec("- stream:\n    arn: ${env:LONG_STREAM}\n    consumer: true"),
            environment: new Dictionary<string, string> { ["LONG_STREAM"] = $"arn:aws:kinesis:us-east-1:123456789012:stream/{Marker}" + new string('n', 115) });
        var finding = Assert.Single(findings, f => f.Diagnostic.Id == "SLS-GEN-009" && f.Diagnostic.Message.Contains("AWS::Kinesis::StreamConsumer", StringComparison.Ordinal));
        Assert.Contains("named after ${env:LONG_STREAM}", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.All(findings, f =>
        {
            var said = f.Diagnostic.Message + " " + string.Join(" ", f.Diagnostic.Related.Select(r => r.Message));
            Assert.DoesNotContain(Marker, said, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [InlineData("Fn::GetAtt: [Store, '${env:ATTRIBUTE}']", "Arnn", "${env:ATTRIBUTE}")]
    [InlineData("Fn::GetAtt: ${env:TARGET}", "Store.Arnn", "${env:TARGET}")]
    [InlineData("Fn::Sub: ${env:TARGET}", "${Store.Arnn}", "${env:TARGET}")]
    public void An_unknown_attribute_from_the_environment_is_shown_by_its_expression(string reference, string value, string expression)
    {
        var variable = expression[6..^1];
        var yaml = Spec("- sqs: arn:aws:sqs:us-east-1:123456789012:jobs") + $"""

            resources:
              Resources:
                Store:
                  Type: AWS::S3::Bucket
              Outputs:
                StoreArn:
                  Value:
                    {reference}
            """;
        var findings = CataloguePipeline.Check("serverless.yml", yaml, environment: new Dictionary<string, string> { [variable] = value });
        var finding = Assert.Single(findings, f => f.Diagnostic.Id == "SLS-GEN-012");
        Assert.Contains(expression, finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Arnn", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_arn_from_the_environment_does_not_say_what_it_points_at()
    {
        var yaml = Spec("- sqs: arn:aws:sqs:us-east-1:123456789012:jobs")
            .Replace("    handler: handler.run", "    handler: handler.run\n    destinations:\n      onFailure: ${env:DESTINATION}", StringComparison.Ordinal);
        var findings = CataloguePipeline.Check("serverless.yml", yaml,
            environment: new Dictionary<string, string> { ["DESTINATION"] = "arn:aws:s3:::zqxsecret" });
        var finding = Assert.Single(findings, f => f.Diagnostic.Id == "SLS-LAMBDA-014");
        Assert.Contains("${env:DESTINATION}", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3", finding.Diagnostic.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Marker, finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    private static string Spec(string events) =>
        """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x
        functions:
          worker:
            handler: handler.run
            events:

        """ + string.Join('\n', events.Split('\n').Select(line => "      " + line));

    private static IReadOnlyList<GeneratedResource> Generate(string yaml)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.FromArguments([], Environment), bag);
        return GeneratedForRules.Plan(Binder.Bind(resolved, bag)!);
    }
}
