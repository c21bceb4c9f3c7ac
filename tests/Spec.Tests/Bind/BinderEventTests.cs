using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Tests.Bind.BindHelper;

namespace Spec.Tests.Bind;

public class BinderEventTests
{
    private static T One<T>(string eventYaml, string extra = "") where T : FunctionEvent
    {
        var s = BindValid(SpecWith("  f:\n    handler: h.f\n    events:\n      - " + eventYaml.Replace("\n", "\n        ", StringComparison.Ordinal) + "\n", extra: extra));
        var e = Assert.Single(s.Functions[0].Events);
        Assert.Equal("f", e.FunctionKey);
        Assert.Equal(0, e.Index);
        return Assert.IsType<T>(e);
    }

    [Fact]
    public void Http_shorthand_and_long_form()
    {
        var a = One<HttpEvent>("http: GET /users/{id}");
        Assert.True(a.IsShorthand);
        Assert.Equal(("GET", "/users/{id}"), (a.Method.Value, a.Path.Value));
        Assert.Equal("lambda-proxy", a.Integration.Value);

        var b = One<HttpEvent>("http:\n  path: users\n  method: any\n  cors: true\n  private: true\n  authorizer:\n    name: auth\n    type: request");
        Assert.False(b.IsShorthand);
        Assert.Equal("ANY", b.NormalizedMethod);
        Assert.Equal("/users", b.NormalizedPath);
        Assert.True(b.Cors!.Enabled);
        Assert.True(b.Private!.Value);
        Assert.Equal("auth", b.Authorizer!.Name!.Value);
        Assert.Equal(300, b.Authorizer.ResultTtlInSeconds.Value);
        Assert.Equal("method.request.header.Authorization", b.Authorizer.IdentitySource.Value);
    }

    [Fact]
    public void Http_shorthand_must_be_method_and_path()
    {
        var (_, bag) = BindText(SpecWith("  f:\n    handler: h\n    events:\n      - http: GET\n"));
        Assert.Contains("must be 'METHOD /path'", Assert.Single(bag.Errors()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpApi_shorthand_catch_all_and_long_form()
    {
        var a = One<HttpApiEvent>("httpApi: 'POST /orders'");
        Assert.Equal(("POST", "/orders"), (a.Method.Value, a.Path.Value));
        var b = One<HttpApiEvent>("httpApi: '*'");
        Assert.True(b.IsDefaultRoute);
        var c = One<HttpApiEvent>("httpApi:\n  path: /x\n  method: get\n  authorizer:\n    name: jwt\n    scopes: [read]");
        Assert.Equal("jwt", c.Authorizer!.Name!.Value);
        Assert.Equal(["read"], c.Authorizer.Scopes.Select(x => x.Value));
        var d = One<HttpApiEvent>("httpApi:\n  path: '*'");
        Assert.Equal(("*", SettingSource.Default), (d.Method.Value, d.Method.Source));
    }

    [Fact]
    public void Websocket_shorthand_and_long_form()
    {
        Assert.Equal("$connect", One<WebsocketEvent>("websocket: $connect").Route.Value);
        var b = One<WebsocketEvent>("websocket:\n  route: $connect\n  authorizer:\n    name: auth\n    identitySource: [route.request.header.Auth]");
        Assert.Equal("auth", b.Authorizer!.Name!.Value);
        Assert.Single(b.Authorizer.IdentitySource);
    }

    [Fact]
    public void Sqs_shorthand_long_form_and_defaults()
    {
        var a = One<SqsEvent>("sqs: arn:aws:sqs:us-east-1:123456789012:orders");
        Assert.Equal((10, SettingSource.Default), (a.BatchSize.Value!.Value, a.BatchSize.Source));
        Assert.True(a.Enabled.Value);
        Assert.Equal("orders", a.Queue!.Name);

        var b = One<SqsEvent>("sqs:\n  arn: !GetAtt OrdersQueue.Arn\n  batchSize: 5\n  enabled: false\n  functionResponseType: ReportBatchItemFailures\n  maximumConcurrency: 3");
        Assert.Equal((5, SettingSource.Explicit), (b.BatchSize.Value!.Value, b.BatchSize.Source));
        Assert.False(b.Enabled.Value);
        Assert.Equal(("OrdersQueue", "Arn"), (b.Queue!.LogicalId, b.Queue.Attribute));
        Assert.Equal(3, b.MaximumConcurrency!.Value);

        var c = One<SqsEvent>("sqs: !GetAtt Q.Arn");
        Assert.Equal("Q", c.Queue!.LogicalId);
    }

    [Fact]
    public void Sns_name_arn_and_long_forms()
    {
        var a = One<SnsEvent>("sns: my-topic");
        Assert.True(a.CreatesTopic);
        Assert.Equal("my-topic", a.TopicName!.Value);
        var b = One<SnsEvent>("sns: arn:aws:sns:us-east-1:123456789012:alerts");
        Assert.Equal("alerts", b.Topic!.Name);
        var c = One<SnsEvent>("sns:\n  arn: !Ref AlertsTopic\n  filterPolicy: {kind: [a]}\n  redrivePolicy:\n    deadLetterTargetArn: !GetAtt Dlq.Arn");
        Assert.Equal("AlertsTopic", c.Topic!.LogicalId);
        Assert.Equal("Dlq", ResourceReference.From(c.RedrivePolicy!.DeadLetterTargetArn)!.LogicalId);
        Assert.NotNull(c.FilterPolicy);
    }

    [Fact]
    public void S3_shorthand_long_form_and_default_event()
    {
        var a = One<S3Event>("s3: photos");
        Assert.Equal("photos", a.Bucket.Value);
        Assert.Equal(("s3:ObjectCreated:*", SettingSource.Default), (a.Event.Value, a.Event.Source));
        var b = One<S3Event>("s3:\n  bucket: photos\n  event: s3:ObjectRemoved:*\n  rules:\n    - prefix: uploads/\n    - suffix: .jpg\n  existing: true");
        Assert.Equal("s3:ObjectRemoved:*", b.Event.Value);
        Assert.Equal(["uploads/", null], b.Rules.Select(r => r.Prefix?.Value));
        Assert.True(b.IsExisting);
    }

    [Fact]
    public void Schedule_shorthand_and_long_form_with_rate_list()
    {
        var a = One<ScheduleEvent>("schedule: rate(5 minutes)");
        Assert.Equal(["rate(5 minutes)"], a.Rate.Select(r => r.Value));
        Assert.Equal("eventBus", a.Method.Value);
        var b = One<ScheduleEvent>("schedule:\n  rate: [cron(0 12 * * ? *), rate(1 hour)]\n  enabled: false\n  input: {a: 1}\n  method: scheduler\n  timezone: Europe/Paris");
        Assert.Equal(2, b.Rate.Count);
        Assert.False(b.Enabled.Value);
        Assert.Equal("scheduler", b.Method.Value);
        Assert.IsType<MappingNode>(b.Input);
    }

    [Fact]
    public void Stream_shorthand_long_form_defaults_and_type()
    {
        var a = One<StreamEvent>("stream: arn:aws:dynamodb:us-east-1:123456789012:table/Users/stream/2020-01-01T00:00:00.000");
        Assert.Equal("dynamodb", a.Type.Value);
        Assert.Equal(("TRIM_HORIZON", SettingSource.Default), (a.StartingPosition.Value, a.StartingPosition.Source));
        Assert.Equal(10, a.BatchSize.Value);
        Assert.Equal("Users", a.Source!.Name);

        var b = One<StreamEvent>("stream:\n  type: kinesis\n  arn: !GetAtt Stream.Arn\n  startingPosition: LATEST\n  batchWindow: 5\n  destinations:\n    onFailure: arn:aws:sqs:us-east-1:1:dlq\n  bisectBatchOnFunctionError: true");
        Assert.Equal(("kinesis", SettingSource.Explicit), (b.Type.Value, b.Type.Source));
        Assert.Equal("LATEST", b.StartingPosition.Value);
        Assert.Equal(5, b.MaximumBatchingWindow!.Value);
        Assert.Equal("dlq", b.OnFailure!.Reference!.Name);
        Assert.True(b.BisectBatchOnFunctionError!.Value);
    }

    [Fact]
    public void Stream_with_an_intrinsic_arn_needs_a_type()
    {
        var (_, bag) = BindText(SpecWith("  f:\n    handler: h\n    events:\n      - stream:\n          arn: !GetAtt T.StreamArn\n"));
        Assert.Contains("'type'", Assert.Single(bag.Errors()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Msk_kafka_activemq_and_rabbitmq()
    {
        var msk = One<MskEvent>("msk:\n  arn: arn:aws:kafka:us-east-1:1:cluster/c/1\n  topic: orders");
        Assert.Equal(("orders", "TRIM_HORIZON"), (msk.Topic.Value, msk.StartingPosition.Value));
        Assert.Null(msk.BatchSize.Value);

        var kafka = One<KafkaEvent>("kafka:\n  accessConfigurations:\n    saslScram512Auth: arn:aws:secretsmanager:us-east-1:1:secret:x\n    vpcSubnet: [subnet-1, subnet-2]\n  bootstrapServers: [b1:9092]\n  topic: t");
        Assert.Equal(["saslScram512Auth", "vpcSubnet"], kafka.AccessConfigurations.Select(a => a.Type));
        Assert.Equal(2, kafka.AccessConfigurations[1].Values.Count);

        var mq = One<ActiveMqEvent>("activemq:\n  arn: arn:aws:mq:us-east-1:1:broker:b\n  basicAuthArn: arn:aws:secretsmanager:us-east-1:1:secret:s\n  queue: q");
        Assert.Equal("q", mq.Queue.Value);
        var rabbit = One<RabbitMqEvent>("rabbitmq:\n  arn: arn:aws:mq:us-east-1:1:broker:b\n  basicAuthArn: arn:s\n  queue: q\n  virtualHost: /v");
        Assert.Equal("/v", rabbit.VirtualHost!.Value);

        var (_, bag) = BindText(SpecWith("  f:\n    handler: h\n    events:\n      - kafka:\n          topic: t\n"));
        Assert.Equal(2, bag.Errors().Count());
    }

    [Fact]
    public void Alb_event()
    {
        var e = One<AlbEvent>("alb:\n  listenerArn: arn:aws:elasticloadbalancing:us-east-1:1:listener/app/my/abc/def\n  priority: 1\n  conditions:\n    path: /hello\n    method: [GET, POST]");
        Assert.Equal(1, e.Priority.Value);
        Assert.Equal(["/hello"], e.Conditions.Path.Select(p => p.Value));
        Assert.Equal(2, e.Conditions.Method.Count);
    }

    [Fact]
    public void Alexa_events_including_the_bare_form()
    {
        var s = BindValid(SpecWith("  f:\n    handler: h\n    events:\n      - alexaSkill\n      - alexaSkill: amzn1.ask.skill.x\n      - alexaSmartHome:\n          appId: amzn1.ask.skill.y\n          enabled: false\n"));
        var events = s.Functions[0].Events;
        Assert.Null(Assert.IsType<AlexaSkillEvent>(events[0]).AppId);
        Assert.Equal("amzn1.ask.skill.x", Assert.IsType<AlexaSkillEvent>(events[1]).AppId!.Value);
        var home = Assert.IsType<AlexaSmartHomeEvent>(events[2]);
        Assert.False(home.Enabled.Value);
        Assert.Equal([0, 1, 2], events.Select(e => e.Index));
    }

    [Fact]
    public void Iot_and_fleet_provisioning()
    {
        var iot = One<IotEvent>("iot:\n  sql: SELECT * FROM 'topic'\n  sqlVersion: '2016-03-23'");
        Assert.Equal("SELECT * FROM 'topic'", iot.Sql.Value);
        var fleet = One<IotFleetProvisioningEvent>("iotFleetProvisioning:\n  templateBody: {Parameters: {}}\n  provisioningRoleArn: arn:aws:iam::1:role/r");
        Assert.IsType<MappingNode>(fleet.TemplateBody);
    }

    [Fact]
    public void Cloudwatch_event_and_log()
    {
        var ev = One<CloudwatchEvent>("cloudwatchEvent:\n  event:\n    source: [aws.ec2]");
        Assert.NotNull(ev.Event);
        var log = One<CloudwatchLogEvent>("cloudwatchLog: /aws/lambda/x");
        Assert.Equal(("/aws/lambda/x", ""), (log.LogGroup.Value, log.Filter.Value));
        var log2 = One<CloudwatchLogEvent>("cloudwatchLog:\n  logGroup: g\n  filter: ERROR");
        Assert.Equal("ERROR", log2.Filter.Value);
    }

    [Fact]
    public void Cognito_event_bridge_and_cloudfront()
    {
        var cognito = One<CognitoUserPoolEvent>("cognitoUserPool:\n  pool: MyPool\n  trigger: PreSignUp\n  existing: true");
        Assert.Equal(("MyPool", "PreSignUp"), (cognito.Pool.Value, cognito.Trigger.Value));
        var bridge = One<EventBridgeEvent>("eventBridge:\n  eventBus: custom\n  pattern:\n    source: [my.app]\n  retryPolicy:\n    maximumRetryAttempts: 2");
        Assert.Equal(2, bridge.RetryPolicyMaximumRetryAttempts!.Value);
        Assert.NotNull(bridge.Pattern);
        var cf = One<CloudFrontEvent>("cloudFront:\n  eventType: viewer-request\n  origin: s3://b.s3.amazonaws.com/x\n  cachePolicy:\n    name: p");
        Assert.Equal(("viewer-request", "p"), (cf.EventType!.Value, cf.CachePolicyName!.Value));
    }

    [Fact]
    public void Event_bridge_needs_a_pattern_or_schedule()
    {
        var (_, bag) = BindText(SpecWith("  f:\n    handler: h\n    events:\n      - eventBridge:\n          eventBus: b\n"));
        Assert.Single(bag.Errors());
    }

    [Fact]
    public void Unknown_event_types_and_event_keys_warn_with_suggestions()
    {
        var (s, bag) = BindText(SpecWith("  f:\n    handler: h\n    events:\n      - htpApi: GET /x\n      - sqs:\n          arn: arn:aws:sqs:us-east-1:1:q\n          batchSise: 2\n"));
        var helps = bag.Warnings().Select(w => w.Help).ToList();
        Assert.Equal(["did you mean 'httpApi'?", "did you mean 'batchSize'?"], helps);
        Assert.Single(s!.Functions[0].Events);
    }

    [Fact]
    public void Every_event_kind_has_a_key_name_that_round_trips()
    {
        var kinds = Enum.GetValues<EventKind>();
        Assert.Equal(22, kinds.Length);
        Assert.All(kinds, k => Assert.Equal(k, FunctionEvent.KindOf(FunctionEvent.KeyName(k))));
    }
}
