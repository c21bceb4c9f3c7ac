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
