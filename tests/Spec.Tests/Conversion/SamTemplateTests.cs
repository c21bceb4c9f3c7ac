using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Conversion;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Conversion;

/// <summary>serverless.yml → SAM from the bound model: logical ids, Globals, events, the shared role, layers,
/// <c>resources:</c>, and a warning for everything SAM expresses differently.</summary>
public sealed class SamTemplateTests
{
    internal static (JsonObject Template, DiagnosticBag Diagnostics) Convert(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, diagnostics);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.FromArguments([], new Dictionary<string, string>()), diagnostics);
        var service = PlanBuilder.Bind(resolved, diagnostics)!;
        return (SamTemplate.Write(service, diagnostics), diagnostics);
    }

    private static JsonObject Resource(JsonObject template, string id) =>
        Assert.IsType<JsonObject>(template["Resources"]![id], exactMatch: false);

    private static JsonObject Events(JsonObject template, string id) =>
        Assert.IsType<JsonObject>(Resource(template, id)["Properties"]!["Events"], exactMatch: false);

    private const string Service = """
        service: orders
        provider:
          name: aws
          runtime: nodejs20.x
          memorySize: 512
          environment:
            TABLE: orders-table
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: dynamodb:GetItem
                  Resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders
        functions:
          create-order:
            handler: src/create.handler
            timeout: 10
            environment:
              STAGE: dev
            events:
              - http: POST /orders
              - sqs: arn:aws:sqs:us-east-1:123456789012:orders
          nightly_report:
            handler: src/report.handler
            events:
              - schedule: rate(1 day)
              - httpApi: 'GET /reports/{id}'
        """;

    [Fact]
    public void Functions_keep_the_Framework_logical_ids_and_names_with_shared_settings_in_Globals()
    {
        var (template, diagnostics) = Convert(Service);

        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal("AWS::Serverless-2016-10-31", template["Transform"]!.GetValue<string>());
        var create = Resource(template, "CreateDashorderLambdaFunction");
        Assert.Equal("AWS::Serverless::Function", create["Type"]!.GetValue<string>());
        Assert.Equal("orders-dev-create-order", create["Properties"]!["FunctionName"]!.GetValue<string>());
        Assert.Equal("src/create.handler", create["Properties"]!["Handler"]!.GetValue<string>());
        Assert.Equal(10, create["Properties"]!["Timeout"]!.GetValue<int>());
        Assert.Equal("dev", create["Properties"]!["Environment"]!["Variables"]!["STAGE"]!.GetValue<string>());
        Assert.NotNull(Resource(template, "NightlyUnderscorereportLambdaFunction"));

        var globals = template["Globals"]!["Function"]!;
        Assert.Equal("nodejs20.x", globals["Runtime"]!.GetValue<string>());
        Assert.Equal(512, globals["MemorySize"]!.GetValue<int>());
        Assert.Equal("orders-table", globals["Environment"]!["Variables"]!["TABLE"]!.GetValue<string>());
        Assert.Null(create["Properties"]!["Runtime"]);
        Assert.Null(create["Properties"]!["Environment"]!["Variables"]!["TABLE"]);

        // Different timeouts stay on the functions (the Framework's default 6, not SAM's 3).
        Assert.Null(globals["Timeout"]);
        Assert.Equal(6, Resource(template, "NightlyUnderscorereportLambdaFunction")["Properties"]!["Timeout"]!.GetValue<int>());
    }

    [Fact]
    public void Events_become_SAM_events_and_the_one_generated_role_is_shared_with_the_sources_permissions()
    {
        var (template, _) = Convert(Service);
        var create = Events(template, "CreateDashorderLambdaFunction");
        Assert.Equal("Api", create["Api1"]!["Type"]!.GetValue<string>());
        Assert.Equal("/orders", create["Api1"]!["Properties"]!["Path"]!.GetValue<string>());
        Assert.Equal("post", create["Api1"]!["Properties"]!["Method"]!.GetValue<string>());
        Assert.Equal("SQS", create["SQS1"]!["Type"]!.GetValue<string>());
        Assert.Equal(10, create["SQS1"]!["Properties"]!["BatchSize"]!.GetValue<int>());
        var report = Events(template, "NightlyUnderscorereportLambdaFunction");
        Assert.Equal("rate(1 day)", report["Schedule1"]!["Properties"]!["Schedule"]!.GetValue<string>());
        Assert.Equal("HttpApi", report["HttpApi1"]!["Type"]!.GetValue<string>());

        var api = Resource(template, "ApiGatewayRestApi");
        Assert.Equal("AWS::Serverless::Api", api["Type"]!.GetValue<string>());
        Assert.Equal("dev", api["Properties"]!["StageName"]!.GetValue<string>());
        Assert.Equal("AWS::Serverless::HttpApi", Resource(template, "HttpApi")["Type"]!.GetValue<string>());

        var role = Resource(template, "IamRoleLambdaExecution");
        var statements = role["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(statements, s => s!["Action"]!.ToJsonString().Contains("dynamodb:GetItem", StringComparison.Ordinal));
        Assert.Contains(statements, s => s!["Action"]!.ToJsonString().Contains("sqs:ReceiveMessage", StringComparison.Ordinal));
        Assert.Equal("{\"Fn::GetAtt\":[\"IamRoleLambdaExecution\",\"Arn\"]}",
            Resource(template, "CreateDashorderLambdaFunction")["Properties"]!["Role"]!.ToJsonString());
        Assert.Null(Resource(template, "CreateDashorderLambdaFunction")["Properties"]!["Policies"]);
    }

    [Fact]
    public void Every_event_type_SAM_has_is_converted()
    {
        var (template, diagnostics) = Convert("""
            service: all
            provider:
              name: aws
              runtime: python3.12
            functions:
              f:
                handler: h.h
                events:
                  - sns: alerts
                  - s3: { bucket: uploads, event: 's3:ObjectCreated:*', rules: [{ prefix: in/ }] }
                  - stream: { type: dynamodb, arn: 'arn:aws:dynamodb:us-east-1:1:table/t/stream/x' }
                  - stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                  - eventBridge: { pattern: { source: [orders] }, eventBus: shop }
                  - cloudwatchEvent: { event: { source: [aws.ec2] } }
                  - cognitoUserPool: { pool: members, trigger: PreSignUp }
                  - iot: { sql: "SELECT * FROM 'topic'" }
                  - cloudwatchLog: /aws/lambda/other
                  - alexaSkill: amzn1.ask.skill.1
                  - msk: { arn: 'arn:aws:kafka:us-east-1:1:cluster/c/x', topic: t }
                  - kafka: { bootstrapServers: [b:9092], topic: t, accessConfigurations: { saslScram512Auth: ['arn:aws:secretsmanager:us-east-1:1:secret:s'] } }
                  - activemq: { arn: 'arn:aws:mq:us-east-1:1:broker:b:b-1', basicAuthArn: 'arn:aws:secretsmanager:us-east-1:1:secret:s', queue: q }
                  - schedule: { rate: [cron(0 1 * * ? *)], method: scheduler, timezone: Europe/Paris }
            """);

        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        var types = Events(template, "FLambdaFunction").Select(e => e.Value!["Type"]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["SNS", "S3", "DynamoDB", "Kinesis", "EventBridgeRule", "CloudWatchEvent", "Cognito", "IoTRule", "CloudWatchLogs",
             "AlexaSkill", "MSK", "SelfManagedKafka", "MQ", "ScheduleV2"], types);
        Assert.Equal("AWS::SNS::Topic", Resource(template, "SNSTopicAlerts")["Type"]!.GetValue<string>());
        Assert.Equal("uploads", Resource(template, "S3BucketUploads")["Properties"]!["BucketName"]!.GetValue<string>());
        Assert.Equal("AWS::Cognito::UserPool", Resource(template, "CognitoUserPoolMembers")["Type"]!.GetValue<string>());
        Assert.Equal("{\"Ref\":\"ShopEventBridgeEventBus\"}",
            Events(template, "FLambdaFunction")["EventBridgeRule1"]!["Properties"]!["EventBusName"]!.ToJsonString());
    }

    [Fact]
    public void What_SAM_has_no_event_for_is_plain_CloudFormation_with_a_warning_and_approximations_are_warned()
    {
        var (template, diagnostics) = Convert("""
            service: chat
            provider:
              name: aws
              runtime: nodejs20.x
            functions:
              connect:
                handler: h.connect
                events:
                  - websocket: $connect
                  - alexaSmartHome: amzn1.ask.skill.2
                  - http: { path: legacy, method: get, integration: lambda }
                  - s3: { bucket: shared, existing: true }
            """);

        Assert.Equal("AWS::ApiGatewayV2::Api", Resource(template, "WebsocketsApi")["Type"]!.GetValue<string>());
        Assert.Equal("$connect", Resource(template, "SconnectWebsocketsRoute")["Properties"]!["RouteKey"]!.GetValue<string>());
        Assert.Equal("AWS::Lambda::Permission", Resource(template, "ConnectLambdaPermissionAlexaSmartHome1")["Type"]!.GetValue<string>());
        var warnings = diagnostics.Items.Where(d => d.Severity == Severity.Warning).ToList();
        Assert.Equal(2, warnings.Count(d => d.Id == ConvertDiagnostics.PlainCloudFormation));
        Assert.Contains(warnings, d => d.Id == ConvertDiagnostics.Approximated && d.Message.Contains("proxy", StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.Id == ConvertDiagnostics.LeftOut && d.Message.Contains("shared", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.NotNull(w.Span));
    }

    [Fact]
    public void Layers_resources_outputs_and_references_are_carried_over()
    {
        var (template, diagnostics) = Convert("""
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
            layers:
              shared:
                path: layer
                compatibleRuntimes: [nodejs20.x]
            functions:
              api:
                handler: h.h
                layers:
                  - { Ref: SharedLambdaLayer }
            resources:
              Resources:
                Queue:
                  Type: AWS::SQS::Queue
                ApiLogGroup:
                  Properties:
                    RetentionInDays: 3
              Outputs:
                QueueUrl:
                  Value: { Ref: Queue }
                Bucket:
                  Value: { Ref: ServerlessDeploymentBucket }
            """);

        Assert.Equal("AWS::Serverless::LayerVersion", Resource(template, "SharedLambdaLayer")["Type"]!.GetValue<string>());
        Assert.Equal("layer", Resource(template, "SharedLambdaLayer")["Properties"]!["ContentUri"]!.GetValue<string>());
        Assert.Equal("AWS::SQS::Queue", Resource(template, "Queue")["Type"]!.GetValue<string>());
        Assert.Equal("3", Resource(template, "ApiLogGroup")["Properties"]!["RetentionInDays"]!.ToJsonString());
        Assert.Equal("{\"Ref\":\"Queue\"}", template["Outputs"]!["QueueUrl"]!["Value"]!.ToJsonString());
        var dangling = Assert.Single(diagnostics.Items, d => d.Id == ConvertDiagnostics.DanglingReference);
        Assert.Contains("ServerlessDeploymentBucket", dangling.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_uses_short_tags_reads_back_as_the_same_template_and_is_deterministic()
    {
        var (template, _) = Convert(Service);
        var yaml = SamTemplate.Render(template, TemplateFormat.Yaml);
        Assert.Contains("Role: !GetAtt IamRoleLambdaExecution.Arn", yaml, StringComparison.Ordinal);
        Assert.Contains("RestApiId: !Ref ApiGatewayRestApi", yaml, StringComparison.Ordinal);
        Assert.Equal(yaml, SamTemplate.Render(Convert(Service).Template, TemplateFormat.Yaml));

        var diagnostics = new DiagnosticBag();
        var readBack = new YamlLoader().LoadText("template.yaml", yaml, diagnostics);
        Assert.Empty(diagnostics.Items);
        var json = JsonNode.Parse(SamTemplate.Render(template, TemplateFormat.Json))!;
        Assert.True(JsonNode.DeepEquals(json, new SpecValues(diagnostics).ToJson(readBack.Root)),
            "the YAML does not read back as the JSON template");
    }
}
