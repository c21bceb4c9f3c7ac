using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary>
/// What the Framework does to names and values on the way to the template: <c>provider.s3</c> keys named by <c>s3</c>
/// events (<c>s3/index.js:newS3Buckets</c>), authorizer names taken from ARNs (<c>naming.js</c>), <c>ANY</c> in a
/// preflight (<c>cors.js</c>), null properties stripped (<c>strip-null-props-from-template-resources.js</c>) and Ajv's
/// coercion of the legacy <c>resources</c> list.
/// </summary>
public sealed class FrameworkNormalisationTests
{
    private static JsonObject Resources(string yaml)
    {
        var (result, bag) = SpecCompilation.Compile(yaml);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result.Template["Resources"]!.AsObject();
    }

    /// <summary>The resources of a service whose one function has one http event with these settings.</summary>
    private static JsonObject HttpResources(string http) =>
        Resources("service: s\nprovider: {name: aws}\nfunctions:\n  f:\n    handler: h.f\n    events:\n      - http: {" + http + "}\n");

    [Fact]
    public void An_s3_event_naming_a_provider_s3_key_takes_the_keys_logical_id_and_settings()
    {
        var resources = Resources("""
            service: s
            provider:
              name: aws
              s3:
                photos:
                  name: my-photos
                  versioningConfiguration: {Status: Enabled}
                  notificationConfiguration: {TopicConfigurations: [{Topic: t, Event: 's3:ObjectCreated:*'}]}
            functions:
              resize:
                handler: h.resize
                events:
                  - s3: photos
                  - s3: {bucket: my-photos, event: 's3:ObjectRemoved:*'}
              other:
                handler: h.other
                events:
                  - s3: plain-bucket
            """);
        var bucket = resources["S3BucketPhotos"]!;
        Assert.False(resources.ContainsKey("S3BucketMyphotos"));
        Assert.Equal(["BucketName", "NotificationConfiguration", "VersioningConfiguration"],
            bucket["Properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("my-photos", bucket["Properties"]!["BucketName"]!.GetValue<string>());
        // The key's notification settings are assigned over the ones the events make.
        var notifications = bucket["Properties"]!["NotificationConfiguration"]!.AsObject();
        Assert.Equal(["LambdaConfigurations", "TopicConfigurations"], notifications.Select(p => p.Key));
        Assert.Equal(2, notifications["LambdaConfigurations"]!.AsArray().Count);
        Assert.Equal("""["ResizeLambdaPermissionPhotosS3","ResizeLambdaPermissionPhotosS3"]""", bucket["DependsOn"]!.ToJsonString());
        var permission = resources["ResizeLambdaPermissionPhotosS3"]!["Properties"]!;
        Assert.Equal("""{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":s3:::my-photos"]]}""", permission["SourceArn"]!.ToJsonString());
        Assert.True(resources.ContainsKey("S3BucketPlainbucket"));
        Assert.True(resources.ContainsKey("OtherLambdaPermissionPlainbucketS3"));
    }

    [Theory]
    [InlineData("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_bzYYccoUM", "1UnderscorebzYYccoUMApiGatewayAuthorizer", "1_bzYYccoUM")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:svc-dev-auth", "AuthApiGatewayAuthorizer", "auth")]
    public void An_authorizer_named_by_its_ARN_is_called_after_the_last_dash_part(string arn, string id, string name)
    {
        foreach (var authorizer in new[] { arn, $"{{arn: '{arn}'}}" })
        {
            var resources = HttpResources($"method: get, path: x, authorizer: {authorizer}");
            Assert.Equal(name, resources[id]!["Properties"]!["Name"]!.GetValue<string>());
            Assert.Equal(id, resources["ApiGatewayMethodXGet"]!["Properties"]!["AuthorizerId"]!["Ref"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("any", "cors: true", "'OPTIONS,DELETE,GET,HEAD,PATCH,POST,PUT'")]
    [InlineData("get", "cors: {methods: [ANY]}", "'DELETE,GET,HEAD,PATCH,POST,PUT,OPTIONS,GET'")]
    [InlineData("get", "cors: true", "'OPTIONS,GET'")]
    public void ANY_in_a_preflight_stands_for_the_methods_it_covers(string method, string cors, string allowMethods)
    {
        var resources = HttpResources($"method: {method}, path: x, {cors}");
        var parameters = resources["ApiGatewayMethodXOptions"]!["Properties"]!["Integration"]!["IntegrationResponses"]![0]!["ResponseParameters"]!;
        Assert.Equal(allowMethods, parameters["method.response.header.Access-Control-Allow-Methods"]!.GetValue<string>());
    }

    [Fact]
    public void Null_properties_are_stripped_at_every_depth_and_a_null_Properties_removed()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            resources:
              Resources:
                Fn:
                  Type: AWS::Lambda::Function
                  Properties:
                    Environment: {Variables: {KEEP: x, DROP: null}}
                    Tags: [{Key: a, Value: null}, null]
                    Runtime: null
                Empty:
                  Type: AWS::SNS::Topic
                  Properties: null
            """);
        Assert.Equal("""{"Environment":{"Variables":{"KEEP":"x"}},"Tags":[{"Key":"a"},null]}""", resources["Fn"]!["Properties"]!.ToJsonString());
        Assert.False(resources["Empty"]!.AsObject().ContainsKey("Properties"));
    }

    [Fact]
    public void The_legacy_resources_list_is_coerced_as_the_Framework_coerces_the_merged_object()
    {
        var resources = Resources("""
            service: s
            provider: {name: aws}
            resources:
              - Resources:
                  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
              - Resources:
                  Subnet:
                    Type: AWS::EC2::Subnet
                    DependsOn: Vpc
                    Properties: {VpcId: {Ref: Vpc}, CidrBlock: 10.0.0.0/24}
            """);
        Assert.Equal("""["Vpc"]""", resources["Subnet"]!["DependsOn"]!.ToJsonString());
    }
}
