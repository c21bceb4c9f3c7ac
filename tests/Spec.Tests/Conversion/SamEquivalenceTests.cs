using System.Text.Json.Nodes;
using Spec.Backends.Conversion;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Conversion;

/// <summary>serverless.yml → SAM where SAM and the Framework differ: the SAM template must still declare the routes,
/// buckets, permissions and role statements the Framework's template declares, under the Framework's names.</summary>
public sealed class SamEquivalenceTests
{
    private static JsonObject Resource(JsonObject template, string id) =>
        Assert.IsType<JsonObject>(template["Resources"]![id], exactMatch: false);

    private static JsonObject Properties(JsonObject template, string id) =>
        Assert.IsType<JsonObject>(Resource(template, id)["Properties"], exactMatch: false);

    private static string? Type(JsonNode? resource) => resource?["Type"]?.GetValue<string>();

    [Fact]
    public void A_REST_path_loses_its_trailing_slash_as_the_Framework_strips_it()
    {
        var (template, _) = SamTemplateTests.Convert("""
            service: api
            provider: { name: aws, runtime: nodejs20.x }
            functions:
              remove:
                handler: h.h
                events:
                  - http: { method: DELETE, path: /minimal-3/ }
                  - http: { method: GET, path: / }
            """);

        var events = Properties(template, "RemoveLambdaFunction")["Events"]!;
        Assert.Equal("/minimal-3", events["Api1"]!["Properties"]!["Path"]!.GetValue<string>());
        Assert.Equal("/", events["Api2"]!["Properties"]!["Path"]!.GetValue<string>());
    }

    [Fact]
    public void The_httpApi_shorthand_gives_its_path_without_the_method()
    {
        var (template, _) = SamTemplateTests.Convert("""
            service: api
            provider: { name: aws, runtime: nodejs20.x }
            functions:
              read:
                handler: h.h
                events:
                  - httpApi: 'GET /metrics/{deviceId}'
            """);

        var route = Properties(template, "ReadLambdaFunction")["Events"]!["HttpApi1"]!["Properties"]!;
        Assert.Equal("/metrics/{deviceId}", route["Path"]!.GetValue<string>());
        Assert.Equal("GET", route["Method"]!.GetValue<string>());
    }

    [Fact]
    public void A_provider_s3_bucket_keeps_the_Framework_logical_id_of_its_key_and_is_named_by_its_name()
    {
        var (template, _) = SamTemplateTests.Convert("""
            service: files
            provider:
              name: aws
              runtime: nodejs20.x
              s3:
                customBucket:
                  name: files-custom-bucket-dev
                  versioningConfiguration: { Status: Enabled }
            functions:
              custom:
                handler: h.h
                events:
                  - s3: { bucket: customBucket }
            """);

        var bucket = Properties(template, "S3BucketCustomBucket");
        Assert.Equal("files-custom-bucket-dev", bucket["BucketName"]!.GetValue<string>());
        Assert.Equal("Enabled", bucket["VersioningConfiguration"]!["Status"]!.GetValue<string>());
        Assert.Equal("{\"Ref\":\"S3BucketCustomBucket\"}",
            Properties(template, "CustomLambdaFunction")["Events"]!["S31"]!["Properties"]!["Bucket"]!.ToJsonString());
    }

    [Fact]
    public void Routes_on_an_imported_REST_API_are_the_Framework_resources_methods_and_permission_with_a_warning()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: products
            provider:
              name: aws
              runtime: nodejs20.x
              apiGateway:
                restApiId: abc123
                restApiRootResourceId: root456
            functions:
              list:
                handler: h.list
                events:
                  - http:
                      path: /products/{id}
                      method: get
            """);

        var resources = template["Resources"]!.AsObject();
        Assert.DoesNotContain(resources, r => Type(r.Value) == "AWS::Serverless::Api");
        Assert.Null(Properties(template, "ListLambdaFunction")["Events"]);
        var method = Properties(template, "ApiGatewayMethodProductsIdVarGet");
        Assert.Equal("abc123", method["RestApiId"]!.GetValue<string>());
        Assert.Contains("ListLambdaFunction", method["Integration"]!["Uri"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("root456", Properties(template, "ApiGatewayResourceProducts")["ParentId"]!.GetValue<string>());
        Assert.Equal("AWS::Lambda::Permission", Type(resources["ListLambdaPermissionApiGateway"]));
        Assert.Contains(resources, r => Type(r.Value) == "AWS::ApiGateway::Deployment");
        Assert.Contains(diagnostics.Items, d => d.Id == ConvertDiagnostics.PlainCloudFormation && d.Message.Contains("restApiId", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Lambda_function_override_in_resources_becomes_SAM_function_properties_and_keeps_the_events()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: streams
            provider: { name: aws, runtime: nodejs20.x }
            functions:
              handler:
                handler: h.h
                events:
                  - sqs: arn:aws:sqs:us-east-1:123456789012:q
            resources:
              Resources:
                HandlerLambdaFunction:
                  Type: AWS::Lambda::Function
                  Properties:
                    TracingConfig: { Mode: Active }
                    Tags: [{ Key: team, Value: data }]
                    Unknown: 1
            """);

        var function = Resource(template, "HandlerLambdaFunction");
        Assert.Equal("AWS::Serverless::Function", Type(function));
        var properties = function["Properties"]!;
        Assert.Equal("Active", properties["Tracing"]!.GetValue<string>());
        Assert.Equal("data", properties["Tags"]!["team"]!.GetValue<string>());
        Assert.Null(properties["TracingConfig"]);
        Assert.Null(properties["Unknown"]);
        Assert.NotNull(properties["Events"]!["SQS1"]);
        Assert.Contains(diagnostics.Items, d => d.Id == ConvertDiagnostics.LeftOut && d.Message.Contains("'Unknown'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_statement_on_the_deployment_bucket_keeps_the_Framework_bucket_in_the_template()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: sync
            provider:
              name: aws
              runtime: nodejs20.x
              iamRoleStatements:
                - Effect: Allow
                  Action: s3:ListBucket
                  Resource: { "Fn::Join": ["", ["arn:aws:s3:::", { Ref: ServerlessDeploymentBucket }]] }
            functions:
              sync:
                handler: h.h
            """);

        Assert.Equal("AWS::S3::Bucket", Type(Resource(template, "ServerlessDeploymentBucket")));
        Assert.Equal("AWS::S3::BucketPolicy", Type(Resource(template, "ServerlessDeploymentBucketPolicy")));
        Assert.Contains(diagnostics.Items, d => d.Id == ConvertDiagnostics.Approximated && d.Message.Contains("deployment bucket", StringComparison.Ordinal));

        var (without, _) = SamTemplateTests.Convert("""
            service: sync
            provider: { name: aws, runtime: nodejs20.x }
            functions:
              sync:
                handler: h.h
            """);
        Assert.Null(without["Resources"]!["ServerlessDeploymentBucket"]);
    }

    [Fact]
    public void A_dependency_on_a_Framework_REST_method_becomes_one_on_the_API()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: base
            provider: { name: aws, runtime: nodejs20.x }
            functions:
              test:
                handler: h.h
                events:
                  - http: { path: /test, method: any }
            resources:
              Resources:
                ApiGatewayDeployment:
                  Type: AWS::ApiGateway::Deployment
                  Properties:
                    RestApiId: { Ref: ApiGatewayRestApi }
                  DependsOn: [ApiGatewayMethodTestAny, TestLogGroup]
            """);

        Assert.Equal("[\"ApiGatewayRestApi\",\"TestLogGroup\"]", Resource(template, "ApiGatewayDeployment")["DependsOn"]!.ToJsonString());
        Assert.Contains(diagnostics.Items, d => d.Id == ConvertDiagnostics.Approximated && d.Message.Contains("ApiGatewayMethodTestAny", StringComparison.Ordinal));
    }

    [Fact]
    public void A_destination_function_is_granted_by_name_so_the_shared_role_does_not_depend_on_it()
    {
        var (template, _) = SamTemplateTests.Convert("""
            service: demo
            provider: { name: aws, runtime: nodejs20.x }
            functions:
              execute:
                handler: h.execute
                destinations:
                  onSuccess: delete
              delete:
                handler: h.delete
            """);

        var statements = Properties(template, "IamRoleLambdaExecution")["Policies"]![0]!["PolicyDocument"]!["Statement"]!.ToJsonString();
        Assert.Contains(":function:demo-dev-delete", statements, StringComparison.Ordinal);
        Assert.DoesNotContain("DeleteLambdaFunction", statements, StringComparison.Ordinal);
        Assert.Contains("DeleteLambdaFunction",
            Properties(template, "ExecuteLambdaFunction")["EventInvokeConfig"]!["DestinationConfig"]!["OnSuccess"]!.ToJsonString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void HTTP_API_cors_true_allows_the_methods_of_the_routes_as_the_Framework_does()
    {
        var (template, _) = SamTemplateTests.Convert("""
            service: api
            provider:
              name: aws
              runtime: nodejs20.x
              httpApi: { cors: true }
            functions:
              read:
                handler: h.h
                events:
                  - httpApi: 'GET /items'
                  - httpApi: { path: /items, method: post }
            """);

        Assert.Equal("[\"OPTIONS\",\"GET\",\"POST\"]", Properties(template, "HttpApi")["CorsConfiguration"]!["AllowMethods"]!.ToJsonString());
    }

    [Fact]
    public void An_alexaSkill_event_without_appId_gets_no_permission_as_in_the_Framework()
    {
        var (template, diagnostics) = SamTemplateTests.Convert("""
            service: skill
            provider: { name: aws, runtime: nodejs20.x }
            functions:
              lucky:
                handler: h.h
                events:
                  - alexaSkill
                  - alexaSkill: amzn1.ask.skill.1
            """);

        var events = Properties(template, "LuckyLambdaFunction")["Events"]!.AsObject();
        var skill = Assert.Single(events);
        Assert.Equal("amzn1.ask.skill.1", skill.Value!["Properties"]!["SkillId"]!.GetValue<string>());
        Assert.Contains(diagnostics.Items, d => d.Id == ConvertDiagnostics.LeftOut && d.Message.Contains("appId", StringComparison.Ordinal));
    }

    [Fact]
    public void WebSocket_logs_which_need_the_Framework_custom_resource_are_left_out_with_a_warning()
    {
        var (_, diagnostics) = SamTemplateTests.Convert("""
            service: chat
            provider:
              name: aws
              runtime: nodejs20.x
              logs:
                websocket: true
            functions:
              connect:
                handler: h.h
                events:
                  - websocket: $connect
            """);

        var warning = Assert.Single(diagnostics.Items, d => d.Id == ConvertDiagnostics.LeftOut);
        Assert.Contains("custom resource", warning.Message, StringComparison.Ordinal);
    }
}
