using System.Text.Json.Nodes;
using Spec.Backends.Conversion;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Tests.Resolve;

namespace Spec.Tests.Conversion;

/// <summary>
/// What the spec leaves open stays open in the SAM template: the resolver marks the parts of a string that are the
/// deploy's stage or region (<see cref="OpenPart"/>), and the SAM writer refers to the <c>Stage</c> parameter and to
/// <c>AWS::Region</c> there, with the value the spec resolves to as the parameter's default (never a sensitive one).
/// </summary>
public sealed class SamParameterTests : IDisposable
{
    private readonly ResolveFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static (JsonObject Template, DiagnosticBag Diagnostics) Convert(string yaml, params string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, diagnostics);
        var options = ResolveOptions.FromArguments(args, new Dictionary<string, string> { ["TOKEN"] = "s3cr3t", ["STAGE"] = "envstage" });
        var resolved = VariableResolver.Resolve(loaded, options, diagnostics);
        var service = PlanBuilder.Bind(resolved, diagnostics)!;
        return (SamTemplate.Write(service, diagnostics), diagnostics);
    }

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static JsonNode Properties(JsonObject template, string id) => template["Resources"]![id]!["Properties"]!;

    [Fact]
    public void The_resolver_marks_the_stage_and_region_parts_of_a_string()
    {
        var (spec, bag) = _fixture.Resolve("""
            service: svc
            provider:
              name: aws
              stage: ${opt:stage, 'dev'}
              region: eu-west-1
            custom:
              name: svc-${sls:stage}-hello
              whole: ${self:provider.stage}
              arn: arn:aws:sqs:${aws:region}:1:${self:custom.whole}-q
              fixedRegion: ${self:provider.region}
              secret: ${opt:stage, env:TOKEN}
            """, NodePath.Options().WithEnvironment(("TOKEN", "s3cr3t")));

        Assert.Empty(bag.Items);
        Assert.Equal([new OpenPart(4, 3, OpenSetting.Stage)], spec.At("custom.name").OpenParts);
        Assert.Equal([new OpenPart(0, 3, OpenSetting.Stage)], spec.At("custom.whole").OpenParts);
        Assert.Equal([new OpenPart(12, 9, OpenSetting.Region), new OpenPart(24, 3, OpenSetting.Stage)], spec.At("custom.arn").OpenParts);
        Assert.Empty(spec.At("custom.fixedRegion").OpenParts); // the spec writes the region: it is not open
        Assert.Empty(spec.At("custom.secret").OpenParts); // from env: never a parameter's default
    }

    [Fact]
    public void A_stage_the_spec_leaves_open_is_the_Stage_parameter_with_the_resolved_stage_as_default()
    {
        var (template, diagnostics) = Convert("""
            service: svc
            provider:
              name: aws
              runtime: nodejs20.x
              stage: ${opt:stage, 'dev'}
              environment:
                STAGE: ${sls:stage}
                QUEUE: arn:aws:sqs:${aws:region}:123456789012:${self:provider.stage}-q
                OTHER: ${opt:stage, 'prod'}-x
                SUBBED: { "Fn::Sub": "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${sls:stage}-q" }
            functions:
              hello:
                handler: h.hello
                name: svc-${sls:stage}-hello
                events:
                  - http: GET /hello
              world:
                handler: h.world
            """, "--stage", "test");

        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal("""{"Type":"String","Default":"test","Description":"the stage, which the spec leaves to \u0060serverless deploy --stage\u0060"}""",
            Json(template["Parameters"]!["Stage"]));
        var variables = template["Globals"]!["Function"]!["Environment"]!["Variables"]!;
        Assert.Equal("""{"Ref":"Stage"}""", Json(variables["STAGE"]));
        Assert.Equal("""{"Fn::Sub":"arn:aws:sqs:${AWS::Region}:123456789012:${Stage}-q"}""", Json(variables["QUEUE"]));
        Assert.Equal("""{"Fn::Sub":"${Stage}-x"}""", Json(variables["OTHER"])); // --stage gives it, whatever the fallback
        Assert.Equal("""{"Fn::Sub":"arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:test-q"}""", Json(variables["SUBBED"])); // no Sub in a Sub
        Assert.Equal("""{"Fn::Sub":"svc-${Stage}-hello"}""", Json(Properties(template, "HelloLambdaFunction")["FunctionName"]));
        Assert.Equal("""{"Fn::Sub":"svc-${Stage}-world"}""", Json(Properties(template, "WorldLambdaFunction")["FunctionName"]));
        Assert.Equal("""{"Fn::Sub":"/aws/lambda/svc-${Stage}-world"}""", Json(Properties(template, "WorldLogGroup")["LogGroupName"]));
        Assert.Equal("""{"Ref":"Stage"}""", Json(Properties(template, "ApiGatewayRestApi")["StageName"]));
        Assert.Equal("""{"Fn::Sub":"${Stage}-svc"}""", Json(Properties(template, "ApiGatewayRestApi")["Name"]));
        Assert.Equal("The svc service, converted from serverless.yml by Spec", template["Description"]!.GetValue<string>()); // ${aws:region} leaves the region open too
    }

    private const string UsagePlans = """
        service: shop
        provider:
          name: aws
          runtime: nodejs20.x
          stage: STAGE
          apiGateway:
            apiKeys:
              - free:
                  - freeKey-${self:provider.stage}
              - paid: [{ name: paidKey, value: abcdefghijklmnopqrstuvwxyz }]
            usagePlan:
              - free: { quota: { limit: 100, period: DAY } }
              - paid: { throttle: { burstLimit: 50, rateLimit: 10 } }
        functions:
          list:
            handler: h.list
            events:
              - http: { path: /items, method: get, private: true }
        """;

    [Fact]
    public void The_Framework_resources_the_template_keeps_name_an_open_stage_by_the_Stage_parameter()
    {
        var (template, diagnostics) = Convert(UsagePlans.Replace("STAGE", "${opt:stage, 'dev'}", StringComparison.Ordinal), "--stage", "test");

        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.NotNull(template["Parameters"]!["Stage"]);
        var free = Properties(template, "ApiGatewayUsagePlanFree");
        Assert.Equal("""{"Fn::Sub":"shop-free-${Stage}"}""", Json(free["UsagePlanName"]));
        Assert.Equal("""{"Fn::Sub":"Usage plan \u0022free\u0022 for shop ${Stage} stage"}""", Json(free["Description"]));
        Assert.Equal("""{"Fn::Sub":"shop-paid-${Stage}"}""", Json(Properties(template, "ApiGatewayUsagePlanPaid")["UsagePlanName"]));
        Assert.Equal("""{"Fn::Sub":"freeKey-${Stage}"}""", Json(Properties(template, "ApiGatewayApiKeyFree1")["Name"]));
        Assert.Equal("\"paidKey\"", Json(Properties(template, "ApiGatewayApiKeyPaid1")["Name"]));
        Assert.DoesNotContain("test", template["Resources"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("The shop service (us-east-1), converted from serverless.yml by Spec", template["Description"]!.GetValue<string>());
    }

    [Fact]
    public void The_Framework_resources_the_template_keeps_name_a_written_stage_as_text()
    {
        var (template, _) = Convert(UsagePlans.Replace("STAGE", "prod", StringComparison.Ordinal));

        Assert.Null(template["Parameters"]);
        Assert.Equal("\"shop-free-prod\"", Json(Properties(template, "ApiGatewayUsagePlanFree")["UsagePlanName"]));
        Assert.Equal("\"freeKey-prod\"", Json(Properties(template, "ApiGatewayApiKeyFree1")["Name"]));
    }

    [Fact]
    public void The_API_log_groups_are_named_after_the_Stage_parameter_when_the_stage_is_open()
    {
        var (template, _) = Convert("""
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              stage: ${opt:stage, 'dev'}
              logs:
                restApi: { roleManagedExternally: true }
                httpApi: true
            functions:
              list:
                handler: h.list
                events:
                  - http: GET /items
                  - httpApi: GET /items
            """);

        Assert.Equal("""{"Fn::Sub":"/aws/api-gateway/shop-${Stage}"}""", Json(Properties(template, "ApiGatewayLogGroup")["LogGroupName"]));
        Assert.Equal("""{"Fn::Sub":"/aws/http-api/shop-${Stage}"}""", Json(Properties(template, "HttpApiLogGroup")["LogGroupName"]));
    }

    [Fact]
    public void Routes_on_an_imported_REST_API_deploy_to_the_Stage_parameter_when_the_stage_is_open()
    {
        var (template, _) = Convert("""
            service: products
            provider:
              name: aws
              runtime: nodejs20.x
              stage: ${opt:stage, 'dev'}
              apiGateway:
                restApiId: abc123
                restApiRootResourceId: root456
            functions:
              create:
                handler: h.create
                events:
                  - http:
                      path: /products
                      method: post
                      request:
                        schemas:
                          application/json: { type: object }
            """);

        var resources = template["Resources"]!.AsObject();
        var deployment = resources.Single(r => r.Value?["Type"]?.GetValue<string>() == "AWS::ApiGateway::Deployment").Value!;
        Assert.Equal("""{"Ref":"Stage"}""", Json(deployment["Properties"]!["StageName"]));
        var validator = resources.Single(r => r.Value?["Type"]?.GetValue<string>() == "AWS::ApiGateway::RequestValidator").Value!;
        Assert.Equal("""{"Fn::Sub":"products-${Stage} | Validate request body and querystring parameters"}""",
            Json(validator["Properties"]!["Name"]));
        Assert.NotNull(template["Parameters"]!["Stage"]);
    }

    [Fact]
    public void A_stage_the_spec_writes_stays_text_and_declares_no_parameter()
    {
        var (template, _) = Convert("""
            service: svc
            provider:
              name: aws
              runtime: nodejs20.x
              stage: prod
              environment:
                STAGE: ${self:provider.stage}
            functions:
              hello:
                handler: h.hello
            """);

        Assert.Null(template["Parameters"]);
        Assert.Equal("\"prod\"", Json(Properties(template, "HelloLambdaFunction")["Environment"]!["Variables"]!["STAGE"]));
        Assert.Equal("\"svc-prod-hello\"", Json(Properties(template, "HelloLambdaFunction")["FunctionName"]));
        Assert.Equal("The svc service (prod, us-east-1), converted from serverless.yml by Spec", template["Description"]!.GetValue<string>());
    }

    [Fact]
    public void A_sensitive_value_never_becomes_a_parameter_default()
    {
        var (template, _) = Convert("""
            service: svc
            provider:
              name: aws
              runtime: nodejs20.x
              stage: ${opt:stage, env:STAGE}
              environment:
                TOKEN: ${env:TOKEN}-${sls:stage}
                STAGE: ${self:provider.stage}
            functions:
              hello:
                handler: h.hello
            """);

        Assert.Null(template["Parameters"]);
        Assert.DoesNotContain("{\"Ref\":\"Stage\"}", template.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("${Stage}", template.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_region_the_spec_leaves_open_is_the_stack_region()
    {
        var (template, _) = Convert("""
            service: svc
            provider:
              name: aws
              runtime: nodejs20.x
              region: ${opt:region, 'eu-central-1'}
              environment:
                REGION: ${aws:region}
                BUCKET: svc-${self:provider.region}
                OTHER: ${opt:stage, 'prod'}-x
            functions:
              hello:
                handler: h.hello
            """);

        var variables = Properties(template, "HelloLambdaFunction")["Environment"]!["Variables"]!;
        Assert.Equal("""{"Ref":"AWS::Region"}""", Json(variables["REGION"]));
        Assert.Equal("""{"Fn::Sub":"svc-${AWS::Region}"}""", Json(variables["BUCKET"]));
        Assert.Equal("\"prod-x\"", Json(variables["OTHER"])); // the stage is dev: 'prod' is another fallback, not the stage
        Assert.Null(template["Parameters"]);
        Assert.Equal("The svc service (dev), converted from serverless.yml by Spec", template["Description"]!.GetValue<string>());
    }

    [Fact]
    public void A_declared_Stage_parameter_is_not_taken_over()
    {
        var (template, _) = Convert("""
            service: svc
            provider:
              name: aws
              runtime: nodejs20.x
              environment:
                STAGE: ${sls:stage}
            functions:
              hello:
                handler: h.hello
            resources:
              Parameters:
                Stage: { Type: String, Default: other }
            """);

        Assert.Equal("\"dev\"", Json(Properties(template, "HelloLambdaFunction")["Environment"]!["Variables"]!["STAGE"]));
        Assert.Equal("other", template["Parameters"]!["Stage"]!["Default"]!.GetValue<string>());
    }
}
