using System.Text.Json.Nodes;

namespace Spec.Tests.Backends;

/// <summary>
/// The comparer every conformance test relies on, on known differences: what it masks (volatile ids and the
/// deployment folder of S3 keys) must compare equal, everything else must be reported, duplicates included.
/// </summary>
public sealed class TemplateComparerTests
{
    /// <summary>A Framework-shaped template: a function with its version, a REST deployment, a layer and outputs.</summary>
    private static JsonObject Template(
        string key = "serverless/svc/dev/1795439532365-2026-11-23T13:12:12.365Z/svc.zip",
        string versionId = "HelloLambdaVersionAbC123xyz",
        string deploymentId = "ApiGatewayDeployment1795439532365",
        string layerKey = "serverless/svc/dev/1795439532365-2026-11-23T13:12:12.365Z/common.zip") =>
        JsonNode.Parse($$"""
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "HelloLambdaFunction": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Code": { "S3Bucket": { "Ref": "ServerlessDeploymentBucket" }, "S3Key": "{{key}}" },
                    "Handler": "handler.hello",
                    "Layers": [ { "Ref": "CommonLambdaLayer" } ]
                  },
                  "DependsOn": [ "HelloLogGroup" ]
                },
                "{{versionId}}": {
                  "Type": "AWS::Lambda::Version",
                  "DeletionPolicy": "Retain",
                  "Properties": { "FunctionName": { "Ref": "HelloLambdaFunction" }, "CodeSha256": "abc=" }
                },
                "CommonLambdaLayer": {
                  "Type": "AWS::Lambda::LayerVersion",
                  "Properties": { "Content": { "S3Bucket": { "Ref": "ServerlessDeploymentBucket" }, "S3Key": "{{layerKey}}" } }
                },
                "{{deploymentId}}": {
                  "Type": "AWS::ApiGateway::Deployment",
                  "Properties": { "RestApiId": { "Ref": "ApiGatewayRestApi" }, "StageName": "dev" },
                  "DependsOn": [ "ApiGatewayMethodGet" ]
                }
              },
              "Outputs": {
                "HelloLambdaFunctionQualifiedArn": { "Value": { "Ref": "{{versionId}}" } },
                "CommonLambdaLayerS3Key": { "Value": "{{layerKey}}" },
                "CommonLambdaLayerHash": { "Value": "0123456789abcdef0123456789abcdef01234567" }
              }
            }
            """)!.AsObject();

    private static JsonObject Resources(JsonObject template) => template["Resources"]!.AsObject();

    [Fact]
    public void Volatile_ids_timestamps_and_hashes_compare_equal()
    {
        var ours = Template(
            key: "serverless/svc/dev/code-0123456789abcdef/svc.zip",
            versionId: "HelloLambdaVersionZzz999",
            deploymentId: "ApiGatewayDeployment1700000000000",
            layerKey: "serverless/svc/dev/layer-fedcba9876543210/common.zip");
        Resources(ours)["HelloLambdaVersionZzz999"]!["Properties"]!["CodeSha256"] = "other=";

        Assert.Empty(TemplateComparer.Differences(Template(), ours));
    }

    [Fact]
    public void Layer_hashes_are_compared_unless_they_vary_by_construction()
    {
        var ours = Template();
        ours["Outputs"]!["CommonLambdaLayerHash"]!["Value"] = "ffffffffffffffffffffffffffffffffffffffff";

        Assert.Contains(TemplateComparer.Differences(Template(), ours), d => d.Contains("CommonLambdaLayerHash", StringComparison.Ordinal));
        Assert.Empty(TemplateComparer.Differences(Template(), ours, layerHashesVary: true));
    }

    [Fact]
    public void Missing_extra_and_changed_resources_are_reported()
    {
        var ours = Template();
        Resources(ours).Remove("CommonLambdaLayer");
        Resources(ours)["Extra"] = JsonNode.Parse("""{ "Type": "AWS::SNS::Topic" }""");
        Resources(ours)["HelloLambdaFunction"]!["Properties"]!["Handler"] = "handler.other";

        var diffs = TemplateComparer.Differences(Template(), ours);

        Assert.Contains("missing resource CommonLambdaLayer (AWS::Lambda::LayerVersion)", diffs);
        Assert.Contains("extra resource Extra (AWS::SNS::Topic)", diffs);
        Assert.Contains("Resources.HelloLambdaFunction.Properties.Handler: expected \"handler.hello\" got \"handler.other\"", diffs);
    }

    [Fact]
    public void A_second_deployment_is_reported_not_collapsed_into_the_first()
    {
        var ours = Template();
        Resources(ours)["ApiGatewayDeployment1795439599999"] = Resources(ours)["ApiGatewayDeployment1795439532365"]!.DeepClone();

        var diffs = TemplateComparer.Differences(Template(), ours);

        Assert.Contains(diffs, d => d.Contains("ApiGatewayDeployment1795439599999", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_versions_of_one_function_are_reported_in_either_template()
    {
        var two = Template();
        Resources(two)["HelloLambdaVersionSecond1"] = Resources(two)["HelloLambdaVersionAbC123xyz"]!.DeepClone();

        Assert.Contains(TemplateComparer.Differences(Template(), two), d => d.Contains("HelloLambdaVersionSecond1", StringComparison.Ordinal));
        Assert.Contains(TemplateComparer.Differences(two, Template()), d => d.Contains("HelloLambdaVersionSecond1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_volatile_resource_that_differs_is_reported_under_its_masked_id()
    {
        var ours = Template(deploymentId: "ApiGatewayDeployment1700000000000");
        Resources(ours)["ApiGatewayDeployment1700000000000"]!["Properties"]!["StageName"] = "prod";

        var diffs = TemplateComparer.Differences(Template(), ours);

        Assert.Equal(["Resources.ApiGatewayDeployment#.Properties.StageName: expected \"dev\" got \"prod\""], diffs);
    }

    [Fact]
    public void Changed_DependsOn_is_reported()
    {
        var ours = Template();
        Resources(ours)["ApiGatewayDeployment1795439532365"]!["DependsOn"] = new JsonArray("ApiGatewayMethodPost");
        Resources(ours)["HelloLambdaFunction"]!.AsObject().Remove("DependsOn");

        var diffs = TemplateComparer.Differences(Template(), ours);

        Assert.Contains(diffs, d => d.StartsWith("Resources.ApiGatewayDeployment#.DependsOn[0]: expected \"ApiGatewayMethodGet\"", StringComparison.Ordinal));
        Assert.Contains(diffs, d => d.StartsWith("Resources.HelloLambdaFunction.DependsOn: missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("serverless/other/dev/1795439532365-2026-11-23T13:12:12.365Z/svc.zip", "serverless/other/dev/#/svc.zip")]
    [InlineData("serverless/svc/prod/1795439532365-2026-11-23T13:12:12.365Z/svc.zip", "serverless/svc/prod/#/svc.zip")]
    [InlineData("serverless/svc/dev/1795439532365-2026-11-23T13:12:12.365Z/hello.zip", "serverless/svc/dev/#/hello.zip")]
    [InlineData("other/svc/dev/code-0123456789abcdef/svc.zip", "other/svc/dev/#/svc.zip")]
    [InlineData("serverless/svc/dev/somewhere/svc.zip", "serverless/svc/dev/somewhere/svc.zip")]
    [InlineData("svc.zip", "svc.zip")]
    public void Code_S3Key_is_masked_only_in_its_deployment_folder(string key, string masked)
    {
        var diffs = TemplateComparer.Differences(Template(), Template(key: key));

        Assert.Equal([$"Resources.HelloLambdaFunction.Properties.Code.S3Key: expected \"serverless/svc/dev/#/svc.zip\" got \"{masked}\""], diffs);
    }

    [Fact]
    public void Layer_S3Key_in_the_resource_and_the_output_is_masked_only_in_its_deployment_folder()
    {
        var diffs = TemplateComparer.Differences(Template(),
            Template(layerKey: "serverless/svc/dev/layer-fedcba9876543210/other.zip"));

        Assert.Equal(
            [
                "Resources.CommonLambdaLayer.Properties.Content.S3Key: expected \"serverless/svc/dev/#/common.zip\" got \"serverless/svc/dev/#/other.zip\"",
                "Outputs.CommonLambdaLayerS3Key.Value: expected \"serverless/svc/dev/#/common.zip\" got \"serverless/svc/dev/#/other.zip\"",
            ],
            diffs);
    }

    [Fact]
    public void Missing_extra_and_changed_outputs_are_reported()
    {
        var ours = Template();
        var outputs = ours["Outputs"]!.AsObject();
        outputs.Remove("CommonLambdaLayerHash");
        outputs["ServiceEndpoint"] = JsonNode.Parse("""{ "Value": "x" }""");
        outputs["HelloLambdaFunctionQualifiedArn"]!["Value"] = JsonNode.Parse("""{ "Ref": "HelloLambdaFunction" }""");

        var diffs = TemplateComparer.Differences(Template(), ours);

        Assert.Contains("missing output CommonLambdaLayerHash", diffs);
        Assert.Contains("extra output ServiceEndpoint", diffs);
        Assert.Contains("Outputs.HelloLambdaFunctionQualifiedArn.Value.Ref: expected \"HelloLambdaVersion#\" got \"HelloLambdaFunction\"", diffs);
    }
}
