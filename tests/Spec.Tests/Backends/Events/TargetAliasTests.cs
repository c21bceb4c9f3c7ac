using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary>
/// Provisioned concurrency and SnapStart publish an alias (<c>functions.js</c> sets <c>targetAlias</c>): every event
/// compiler invokes the alias and waits for it, and the version is retained only when versioning is on.
/// </summary>
public sealed class TargetAliasTests
{
    private static JsonObject Resources(string yaml)
    {
        var (result, bag) = SpecCompilation.Compile(yaml);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result.Template["Resources"]!.AsObject();
    }

    private static string[] DependsOn(JsonObject resources, string logicalId) => resources[logicalId]!["DependsOn"] switch
    {
        JsonArray list => [.. list.Select(n => n!.GetValue<string>())],
        JsonValue single => [single.GetValue<string>()],
        _ => [],
    };

    private static string AliasTarget(string function, string alias) =>
        $$"""{"Fn::Join":[":",[{"Fn::GetAtt":["{{function}}LambdaFunction","Arn"]},"{{alias}}"]]}""";

    [Fact]
    public void The_version_published_only_for_the_alias_is_not_retained()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws, versionFunctions: false}
            functions:
              pc: {handler: h.pc, provisionedConcurrency: 2}
              versioned: {handler: h.v, versionFunction: true, snapStart: true, runtime: java21}
            """);
        var pcVersion = resources.Single(r => r.Key.StartsWith("PcLambdaVersion", StringComparison.Ordinal)).Value!;
        Assert.Null(pcVersion["DeletionPolicy"]);
        var retained = resources.Single(r => r.Key.StartsWith("VersionedLambdaVersion", StringComparison.Ordinal)).Value!;
        Assert.Equal("Retain", retained["DeletionPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void A_provisioned_concurrency_of_zero_publishes_no_alias()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            functions:
              f: {handler: h.f, provisionedConcurrency: 0, events: [{sqs: 'arn:aws:sqs:us-east-1:1:q'}]}
            """);
        Assert.Null(resources["FProvConcLambdaAlias"]);
        Assert.Equal(["IamRoleLambdaExecution"], DependsOn(resources, "FEventSourceMappingSQSQ"));
    }

    [Fact]
    public void Event_source_mappings_wait_for_the_role_and_then_the_alias()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            functions:
              f:
                handler: h.f
                provisionedConcurrency: 1
                events:
                  - sqs: arn:aws:sqs:us-east-1:1:q
                  - stream: arn:aws:dynamodb:us-east-1:1:table/t/stream/1
                  - stream: {arn: {'Fn::Join': [':', [arn, aws, kinesis, {Ref: 'AWS::Region'}, {Ref: 'AWS::AccountId'}, stream/events]]}, type: kinesis}
            """);
        string[] expected = ["IamRoleLambdaExecution", "FProvConcLambdaAlias"];
        Assert.Equal(expected, DependsOn(resources, "FEventSourceMappingSQSQ"));
        Assert.Equal(expected, DependsOn(resources, "FEventSourceMappingDynamodbT"));
        // A joined Kinesis ARN is named by what follows "stream/" in its last part.
        Assert.Equal(expected, DependsOn(resources, "FEventSourceMappingKinesisEvents"));
        Assert.Equal(AliasTarget("F", "provisioned"),
            resources["FEventSourceMappingSQSQ"]!["Properties"]!["FunctionName"]!.ToJsonString());
    }

    [Fact]
    public void Buckets_rules_and_alexa_permissions_wait_for_the_alias()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            functions:
              f:
                handler: h.f
                runtime: java21
                snapStart: true
                events:
                  - s3: photos
                  - iot: {sql: "SELECT * FROM 't'"}
                  - cloudwatchEvent: {event: {source: [aws.ec2]}}
                  - alexaSkill: amzn1.ask.skill.1
                  - alexaSmartHome: amzn1.ask.skill.2
            """);
        Assert.Equal(["FLambdaPermissionPhotosS3", "FSnapStartLambdaAlias"], DependsOn(resources, "S3BucketPhotos"));
        Assert.Equal(["FSnapStartLambdaAlias"], DependsOn(resources, "FIotTopicRule1"));
        Assert.Equal(["FSnapStartLambdaAlias"], DependsOn(resources, "FEventsRuleCloudWatchEvent1"));
        Assert.Equal(["FSnapStartLambdaAlias"], DependsOn(resources, "FLambdaPermissionAlexaSkill1"));
        Assert.Equal(["FSnapStartLambdaAlias"], DependsOn(resources, "FLambdaPermissionAlexaSmartHome1"));
        Assert.Equal(AliasTarget("F", "snapstart"),
            resources["FLambdaPermissionAlexaSkill1"]!["Properties"]!["FunctionName"]!.ToJsonString());
    }

    [Fact]
    public void A_rest_method_invokes_the_alias_as_two_more_uri_parts_and_waits_for_it()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            functions:
              f: {handler: h.f, provisionedConcurrency: 1, events: [{http: {path: a, method: get}}]}
            """);
        var method = resources["ApiGatewayMethodAGet"]!;
        var parts = method["Properties"]!["Integration"]!["Uri"]!["Fn::Join"]![1]!.AsArray();
        Assert.Equal("""{"Fn::GetAtt":["FLambdaFunction","Arn"]}""", parts[5]!.ToJsonString());
        Assert.Equal(":", parts[6]!.GetValue<string>());
        Assert.Equal("provisioned", parts[7]!.GetValue<string>());
        Assert.Equal("/invocations", parts[8]!.GetValue<string>());
        Assert.Equal(["FLambdaPermissionApiGateway", "FProvConcLambdaAlias"], DependsOn(resources, "ApiGatewayMethodAGet"));
        Assert.Equal(["FProvConcLambdaAlias"], DependsOn(resources, "FLambdaPermissionApiGateway"));
    }

    [Fact]
    public void A_rest_authorizer_function_with_an_alias_is_invoked_through_it_and_its_permission_names_it()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            functions:
              auth: {handler: h.auth, provisionedConcurrency: 1}
              f: {handler: h.f, events: [{http: {path: a, method: get, authorizer: auth}}]}
            """);
        var authorizer = resources["AuthApiGatewayAuthorizer"]!;
        Assert.Equal(["AuthProvConcLambdaAlias"], DependsOn(resources, "AuthApiGatewayAuthorizer"));
        Assert.Equal(AliasTarget("Auth", "provisioned"),
            authorizer["Properties"]!["AuthorizerUri"]!["Fn::Join"]![1]![5]!.ToJsonString());
        Assert.Equal("""{"Ref":"AuthProvConcLambdaAlias"}""",
            resources["AuthLambdaPermissionApiGateway"]!["Properties"]!["FunctionName"]!.ToJsonString());
        // The method waits for the authorizer in the permission's place.
        Assert.Equal(["AuthApiGatewayAuthorizer"], DependsOn(resources, "ApiGatewayMethodAGet"));
    }

    [Fact]
    public void A_function_permission_replaces_an_authorizer_permission_of_the_same_id()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            functions:
              f: {handler: h.f, events: [{http: {path: a, method: get, authorizer: g}}]}
              g: {handler: h.g, snapStart: true, runtime: java21, events: [{http: {path: b, method: get}}]}
            """);
        var permission = resources["GLambdaPermissionApiGateway"]!;
        Assert.Equal(AliasTarget("G", "snapstart"), permission["Properties"]!["FunctionName"]!.ToJsonString());
        Assert.Equal(["GSnapStartLambdaAlias"], DependsOn(resources, "GLambdaPermissionApiGateway"));
    }

    [Fact]
    public void Websocket_integrations_authorizers_and_permissions_wait_for_the_alias()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            functions:
              auth: {handler: h.auth, provisionedConcurrency: 1}
              f:
                handler: h.f
                snapStart: true
                runtime: java21
                events: [{websocket: {route: $connect, authorizer: auth}}]
            """);
        Assert.Equal(["FSnapStartLambdaAlias"], DependsOn(resources, "FWebsocketsIntegration"));
        Assert.Equal(["AuthProvConcLambdaAlias"], DependsOn(resources, "AuthWebsocketsAuthorizer"));
        Assert.Equal(["WebsocketsApi", "FSnapStartLambdaAlias"], DependsOn(resources, "FLambdaPermissionWebsockets"));
        Assert.Equal(["WebsocketsApi", "AuthLambdaFunction", "AuthProvConcLambdaAlias"],
            DependsOn(resources, "AuthLambdaPermissionWebsockets"));
        Assert.Equal(AliasTarget("Auth", "provisioned"),
            resources["AuthLambdaPermissionWebsockets"]!["Properties"]!["FunctionName"]!.ToJsonString());
    }

    [Fact]
    public void Websocket_permissions_of_one_id_are_merged_by_index_as_lodash_does()
    {
        // f's permission is written by its own event ([api, alias]) and merged over by its use as an authorizer
        // ([api, function, alias]); the later event's function permission then overwrites index 1 again.
        var resources = Resources("""
            service: s
            provider: {name: aws}
            functions:
              f:
                handler: h.f
                provisionedConcurrency: 1
                events:
                  - websocket: {route: $connect, authorizer: f}
                  - websocket: {route: $default}
            """);
        Assert.Equal(["WebsocketsApi", "FProvConcLambdaAlias", "FProvConcLambdaAlias"],
            DependsOn(resources, "FLambdaPermissionWebsockets"));
    }

    [Fact]
    public void An_http_api_request_authorizer_and_its_permission_wait_for_the_alias()
    {
        var resources = Resources("""
            service: s
            provider:
              name: aws
              httpApi:
                authorizers:
                  custom: {type: request, functionName: auth}
            functions:
              auth: {handler: h.auth, provisionedConcurrency: 1}
              f: {handler: h.f, events: [{httpApi: {path: /a, method: get, authorizer: {name: custom}}}]}
            """);
        Assert.Equal(["AuthProvConcLambdaAlias"], DependsOn(resources, "HttpApiAuthorizerCustom"));
        Assert.Equal(["AuthProvConcLambdaAlias"], DependsOn(resources, "CustomLambdaAuthorizerPermissionHttpApi"));
        Assert.Equal(AliasTarget("Auth", "provisioned"),
            resources["CustomLambdaAuthorizerPermissionHttpApi"]!["Properties"]!["FunctionName"]!.ToJsonString());
    }
}
