using System.Text.Json.Nodes;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>
/// Plan nodes that used to need the leftover CloudFormation stack: S3 bucket settings and notifications, the
/// Framework's <c>Custom::S3</c>, IoT topic rules, a <c>MemorySize</c> with a unit, a REST API stage description.
/// </summary>
public sealed class PulumiMappingTests
{
    private static (PulumiProgram Program, DiagnosticBag Diagnostics) Build(string resources)
    {
        var diagnostics = new DiagnosticBag();
        var template = JsonNode.Parse($$"""{ "Resources": {{{resources}}} }""")!.AsObject();
        return (PulumiProgramBuilder.Build(PulumiSource.FromTemplate(template, "svc", "dev", "us-east-1"), diagnostics), diagnostics);
    }

    private static PulumiValue Input(PulumiResource r, string name) => r.Properties.Single(p => p.Key == name).Value;

    private static PulumiObject Only(PulumiValue list) => Assert.IsType<PulumiObject>(Assert.Single(Assert.IsType<PulumiList>(list).Items));

    private static PulumiValue Entry(PulumiObject o, string key) => o.Entries.Single(e => e.Key == key).Value;

    private const string Function = """
        "FnLambdaFunction": { "Type": "AWS::Lambda::Function", "Properties": { "Code": { "S3Bucket": "b", "S3Key": "k/svc.zip" },
          "FunctionName": "svc-dev-fn", "Handler": "h.main", "Runtime": "nodejs20.x", "Role": "arn:aws:iam::1:role/r" } },
        "FnPermission": { "Type": "AWS::Lambda::Permission", "Properties": { "FunctionName": { "Fn::GetAtt": ["FnLambdaFunction", "Arn"] },
          "Action": "lambda:InvokeFunction", "Principal": "s3.amazonaws.com", "SourceArn": "arn:aws:s3:::photos" } },
        "Jobs": { "Type": "AWS::SQS::Queue", "Properties": {} },
        "Alerts": { "Type": "AWS::SNS::Topic", "Properties": {} }
        """;

    [Fact]
    public void Bucket_notifications_become_a_bucket_notification_that_waits_for_the_permissions()
    {
        var (program, diagnostics) = Build(Function + """
            , "Photos": { "Type": "AWS::S3::Bucket", "DependsOn": ["FnPermission"], "Properties": { "BucketName": "photos",
                "NotificationConfiguration": {
                  "LambdaConfigurations": [{ "Event": "s3:ObjectCreated:*", "Function": { "Fn::GetAtt": ["FnLambdaFunction", "Arn"] },
                    "Filter": { "S3Key": { "Rules": [{ "Name": "prefix", "Value": "uploads/" }, { "Name": "Suffix", "Value": ".jpg" }] } } }],
                  "QueueConfigurations": [{ "Event": "s3:ObjectRemoved:*", "Queue": { "Fn::GetAtt": ["Jobs", "Arn"] } }],
                  "TopicConfigurations": [{ "Event": "s3:ObjectRestore:*", "Topic": { "Ref": "Alerts" } }],
                  "EventBridgeConfiguration": { "EventBridgeEnabled": true } } } }
            """);

        Assert.Empty(program.Leftovers);
        Assert.Empty(diagnostics.Items);
        var byName = program.Resources.ToDictionary(r => r.Name);
        Assert.DoesNotContain(byName["Photos"].Properties, p => p.Key.Contains("otification", StringComparison.Ordinal));
        var notification = byName["PhotosNotification"];
        Assert.Equal("aws:s3/bucketNotification:BucketNotification", notification.Type.Token);
        Assert.Equal(new PulumiAttribute("Photos", "bucket"), Input(notification, "bucket"));
        Assert.Contains("FnPermission", notification.DependsOn);
        var lambda = Only(Input(notification, "lambdaFunctions"));
        Assert.Equal("s3.BucketNotificationLambdaFunction", lambda.ArgsType);
        Assert.Equal(new PulumiList([PulumiLiteral.String("s3:ObjectCreated:*")]).Items, Assert.IsType<PulumiList>(Entry(lambda, "events")).Items);
        Assert.Equal(new PulumiAttribute("FnLambdaFunction", "arn"), Entry(lambda, "lambdaFunctionArn"));
        Assert.Equal(PulumiLiteral.String("uploads/"), Entry(lambda, "filterPrefix"));
        Assert.Equal(PulumiLiteral.String(".jpg"), Entry(lambda, "filterSuffix"));
        Assert.Equal(new PulumiAttribute("Jobs", "arn"), Entry(Only(Input(notification, "queues")), "queueArn"));
        Assert.Equal(new PulumiAttribute("Alerts", "arn"), Entry(Only(Input(notification, "topics")), "topicArn"));
        Assert.Equal(PulumiLiteral.Bool(true), Input(notification, "eventbridge"));
    }

    [Fact]
    public void A_notification_filter_with_two_prefixes_cannot_be_expressed_and_goes_to_the_stack()
    {
        var (program, diagnostics) = Build(Function + """
            , "Photos": { "Type": "AWS::S3::Bucket", "Properties": { "NotificationConfiguration": { "LambdaConfigurations": [{
                "Event": "s3:ObjectCreated:*", "Function": { "Fn::GetAtt": ["FnLambdaFunction", "Arn"] },
                "Filter": { "S3Key": { "Rules": [{ "Name": "prefix", "Value": "a" }, { "Name": "prefix", "Value": "b" }] } } }] } } }
            """);

        Assert.Equal(["Photos"], program.Leftovers);
        Assert.Contains(diagnostics.Items, d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId && d.Message.Contains("NotificationConfiguration", StringComparison.Ordinal));
    }

    [Fact]
    public void Bucket_settings_become_their_classic_resources_and_readers_of_the_bucket_wait_for_them()
    {
        var (program, diagnostics) = Build("""
            "Site": { "Type": "AWS::S3::Bucket", "Properties": { "BucketName": "site",
              "CorsConfiguration": { "CorsRules": [{ "AllowedMethods": ["GET"], "AllowedOrigins": ["*"], "ExposedHeaders": ["ETag"], "MaxAge": 300 }] },
              "WebsiteConfiguration": { "IndexDocument": "index.html", "ErrorDocument": "error.html",
                "RoutingRules": [{ "RedirectRule": { "ReplaceKeyPrefixWith": "docs/" }, "RoutingRuleCondition": { "KeyPrefixEquals": "doc/" } }] },
              "OwnershipControls": { "Rules": [{ "ObjectOwnership": "BucketOwnerEnforced" }] },
              "PublicAccessBlockConfiguration": { "BlockPublicAcls": false, "BlockPublicPolicy": false } } },
            "SitePolicy": { "Type": "AWS::S3::BucketPolicy", "Properties": { "Bucket": { "Ref": "Site" }, "PolicyDocument": { "Statement": [] } } }
            """);

        Assert.Empty(program.Leftovers);
        Assert.Empty(diagnostics.Items);
        var byName = program.Resources.ToDictionary(r => r.Name);
        Assert.Equal(["bucket"], byName["Site"].Properties.Select(p => p.Key));

        var cors = byName["SiteCorsConfiguration"];
        Assert.Equal("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", cors.Type.Token);
        var rule = Only(Input(cors, "corsRules"));
        Assert.Equal(["allowedMethods", "allowedOrigins", "exposeHeaders", "maxAgeSeconds"], rule.Entries.Select(e => e.Key));
        Assert.Equal(PulumiLiteral.Number("300"), Entry(rule, "maxAgeSeconds"));

        var website = byName["SiteWebsiteConfiguration"];
        Assert.Equal("aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", website.Type.Token);
        Assert.Equal(PulumiLiteral.String("index.html"), Entry(Assert.IsType<PulumiObject>(Input(website, "indexDocument")), "suffix"));
        Assert.Equal(PulumiLiteral.String("error.html"), Entry(Assert.IsType<PulumiObject>(Input(website, "errorDocument")), "key"));
        var routing = Only(Input(website, "routingRules"));
        Assert.Equal(PulumiLiteral.String("docs/"), Entry(Assert.IsType<PulumiObject>(Entry(routing, "redirect")), "replaceKeyPrefixWith"));
        Assert.Equal(PulumiLiteral.String("doc/"), Entry(Assert.IsType<PulumiObject>(Entry(routing, "condition")), "keyPrefixEquals"));

        var ownership = byName["SiteOwnershipControls"];
        Assert.Equal("aws:s3/bucketOwnershipControls:BucketOwnershipControls", ownership.Type.Token);
        Assert.Equal(PulumiLiteral.String("BucketOwnerEnforced"), Entry(Assert.IsType<PulumiObject>(Input(ownership, "rule")), "objectOwnership"));

        var block = byName["SitePublicAccessBlock"];
        Assert.Equal("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", block.Type.Token);
        Assert.Equal(PulumiLiteral.Bool(false), Input(block, "blockPublicPolicy"));
        Assert.All(new[] { cors, website, ownership, block }, r => Assert.Equal(new PulumiAttribute("Site", "bucket"), Input(r, "bucket")));

        // CloudFormation applies the policy after the whole bucket, public access block included: so does Pulumi
        Assert.Equal(["SiteCorsConfiguration", "SiteOwnershipControls", "SitePublicAccessBlock", "SiteWebsiteConfiguration"], byName["SitePolicy"].DependsOn);
        var order = program.Resources.Select(r => r.Name).ToList();
        Assert.True(order.IndexOf("SitePublicAccessBlock") < order.IndexOf("SitePolicy"));
    }

    private const string ExistingBucket = """
        "ReplicateCustomS31": { "Type": "Custom::S3", "Version": 1, "DependsOn": ["FnLambdaFunction"], "Properties": {
          "ServiceToken": "arn:aws:lambda:us-east-1:1:function:custom", "FunctionName": "svc-dev-fn", "BucketName": "existing",
          "BucketConfigs": [{ "Event": "s3:ObjectCreated:*", "Rules": [{ "Prefix": "in/" }, { "Suffix": ".csv" }] }, { "Event": "s3:ObjectRemoved:*", "Rules": [] }] } }
        """;

    [Fact]
    public void Custom_s3_on_an_existing_bucket_becomes_a_bucket_notification_and_a_permission_with_a_warning()
    {
        var (program, diagnostics) = Build(Function + ", " + ExistingBucket);

        Assert.Empty(program.Leftovers);
        var byName = program.Resources.ToDictionary(r => r.Name);
        var notification = byName["ReplicateCustomS31"];
        Assert.Equal("aws:s3/bucketNotification:BucketNotification", notification.Type.Token);
        Assert.Equal(PulumiLiteral.String("existing"), Input(notification, "bucket"));
        var entries = Assert.IsType<PulumiList>(Input(notification, "lambdaFunctions")).Items.Cast<PulumiObject>().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(PulumiLiteral.String("in/"), Entry(entries[0], "filterPrefix"));
        Assert.Equal(PulumiLiteral.String(".csv"), Entry(entries[0], "filterSuffix"));
        Assert.DoesNotContain(entries[1].Entries, e => e.Key.StartsWith("filter", StringComparison.Ordinal));
        var arn = Assert.IsType<PulumiInterpolation>(Entry(entries[0], "lambdaFunctionArn"));
        Assert.Equal(PulumiLiteral.String(":function:svc-dev-fn"), arn.Parts[^1]);

        var permission = byName["ReplicateCustomS31Permission"];
        Assert.Equal("aws:lambda/permission:Permission", permission.Type.Token);
        Assert.Equal(PulumiLiteral.String("svc-dev-fn"), Input(permission, "function"));
        Assert.Equal(PulumiLiteral.String("s3.amazonaws.com"), Input(permission, "principal"));
        Assert.Contains("FnLambdaFunction", permission.DependsOn);
        Assert.Equal(["FnLambdaFunction", "ReplicateCustomS31Permission"], notification.DependsOn);

        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(PulumiProgramBuilder.MappingNoteDiagnosticId, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("WHOLE notification configuration", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_custom_s3_on_one_existing_bucket_stay_in_the_stack_since_one_notification_would_overwrite_the_other()
    {
        var (program, diagnostics) = Build(Function + ", " + ExistingBucket + ", " + ExistingBucket.Replace("ReplicateCustomS31", "OtherCustomS31", StringComparison.Ordinal));

        Assert.Equal(["OtherCustomS31", "ReplicateCustomS31"], program.Leftovers);
        Assert.Contains(diagnostics.Items, d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId && d.Message.Contains("same existing bucket", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == PulumiProgramBuilder.MappingNoteDiagnosticId);
    }

    [Fact]
    public void Iot_topic_rules_become_classic_topic_rules_with_actions_grouped_by_kind()
    {
        var (program, diagnostics) = Build(Function + """
            , "LogIotTopicRule1": { "Type": "AWS::IoT::TopicRule", "Properties": { "RuleName": "log_rule", "TopicRulePayload": {
                "RuleDisabled": true, "Sql": "SELECT * FROM 'button'", "Description": "d",
                "Actions": [{ "Lambda": { "FunctionArn": { "Fn::GetAtt": ["FnLambdaFunction", "Arn"] } } },
                            { "Sqs": { "QueueUrl": { "Ref": "Jobs" }, "RoleArn": "arn:aws:iam::1:role/iot" } }],
                "ErrorAction": { "Sns": { "TargetArn": { "Ref": "Alerts" }, "RoleArn": "arn:aws:iam::1:role/iot" } } } } }
            """);

        Assert.Empty(program.Leftovers);
        Assert.Empty(diagnostics.Items);
        var rule = program.Resources.Single(r => r.Name == "LogIotTopicRule1");
        Assert.Equal("aws:iot/topicRule:TopicRule", rule.Type.Token);
        Assert.Equal(PulumiLiteral.String("log_rule"), Input(rule, "name"));
        Assert.Equal(PulumiLiteral.String("SELECT * FROM 'button'"), Input(rule, "sql"));
        Assert.Equal(PulumiLiteral.String("2015-10-08"), Input(rule, "sqlVersion"));
        Assert.Equal(PulumiLiteral.Bool(false), Input(rule, "enabled"));
        Assert.Equal(new PulumiAttribute("FnLambdaFunction", "arn"), Entry(Only(Input(rule, "lambdas")), "functionArn"));
        var sqs = Only(Input(rule, "sqs"));
        Assert.Equal("iot.TopicRuleSqs", sqs.ArgsType);
        Assert.Equal(PulumiLiteral.Bool(false), Entry(sqs, "useBase64"));
        var error = Assert.IsType<PulumiObject>(Input(rule, "errorAction"));
        var sns = Assert.IsType<PulumiObject>(Entry(error, "sns"));
        Assert.Equal("iot.TopicRuleErrorActionSns", sns.ArgsType);
        Assert.Equal(new PulumiAttribute("Alerts", "arn"), Entry(sns, "targetArn"));
    }

    [Fact]
    public void A_memory_size_with_an_mb_unit_is_read_as_its_number_with_a_warning_and_other_strings_go_to_the_stack()
    {
        var (program, diagnostics) = Build(Function.Replace("\"Handler\"", "\"MemorySize\": \"1536MB\", \"Handler\"", StringComparison.Ordinal));

        Assert.Empty(program.Leftovers);
        Assert.Equal(PulumiLiteral.Number("1536"), Input(program.Resources.Single(r => r.Name == "FnLambdaFunction"), "memorySize"));
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(PulumiProgramBuilder.MappingNoteDiagnosticId, d.Id);
        Assert.Contains("CloudFormation rejects it", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1536", d.Message, StringComparison.Ordinal);

        var (other, _) = Build(Function.Replace("\"Handler\"", "\"MemorySize\": \"large\", \"Handler\"", StringComparison.Ordinal));
        Assert.Contains("FnLambdaFunction", other.Leftovers);
    }

    [Fact]
    public void A_deployment_stage_description_becomes_stage_inputs_and_method_settings()
    {
        var (program, diagnostics) = Build("""
            "Api": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "api" } },
            "Deployment": { "Type": "AWS::ApiGateway::Deployment", "Properties": { "RestApiId": { "Ref": "Api" }, "StageName": "prod",
              "StageDescription": { "Description": "production", "TracingEnabled": true, "Variables": { "mode": "live" },
                "CacheClusterEnabled": true, "CacheClusterSize": "0.5", "LoggingLevel": "INFO", "MetricsEnabled": true, "ThrottlingRateLimit": 100.5,
                "AccessLogSetting": { "DestinationArn": "arn:aws:logs:us-east-1:1:log-group:api", "Format": "$context.requestId" },
                "MethodSettings": [{ "ResourcePath": "/~1items", "HttpMethod": "GET", "CachingEnabled": true, "CacheTtlInSeconds": 60 },
                                   { "ResourcePath": "/*", "HttpMethod": "*", "DataTraceEnabled": false }] } } }
            """);

        Assert.Empty(program.Leftovers);
        Assert.Empty(diagnostics.Items);
        var byName = program.Resources.ToDictionary(r => r.Name);
        Assert.Equal(["restApi"], byName["Deployment"].Properties.Select(p => p.Key));
        var stage = byName["DeploymentStage"];
        Assert.Equal(PulumiLiteral.String("production"), Input(stage, "description"));
        Assert.Equal(PulumiLiteral.Bool(true), Input(stage, "xrayTracingEnabled"));
        Assert.Equal(PulumiLiteral.String("0.5"), Input(stage, "cacheClusterSize"));
        Assert.Equal("apigateway.StageAccessLogSettings", Assert.IsType<PulumiObject>(Input(stage, "accessLogSettings")).ArgsType);

        var all = byName["DeploymentStageMethodSettings"];
        Assert.Equal("aws:apigateway/methodSettings:MethodSettings", all.Type.Token);
        Assert.Equal(PulumiLiteral.String("*/*"), Input(all, "methodPath"));
        Assert.Equal(new PulumiAttribute("DeploymentStage", "stageName"), Input(all, "stageName"));
        var settings = Assert.IsType<PulumiObject>(Input(all, "settings"));
        Assert.Equal(["loggingLevel", "metricsEnabled", "throttlingRateLimit"], settings.Entries.Select(e => e.Key));
        Assert.Equal(PulumiLiteral.Number("100.5"), Entry(settings, "throttlingRateLimit"));

        Assert.Equal(PulumiLiteral.String("~1items/GET"), Input(byName["DeploymentStageMethodSettings1"], "methodPath"));
        Assert.Equal(PulumiLiteral.String("*/*"), Input(byName["DeploymentStageMethodSettings2"], "methodPath"));
    }

    [Fact]
    public void A_stage_description_with_a_canary_is_not_mapped_and_the_deployment_goes_to_the_stack()
    {
        var (program, _) = Build("""
            "Api": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "api" } },
            "Deployment": { "Type": "AWS::ApiGateway::Deployment", "Properties": { "RestApiId": { "Ref": "Api" }, "StageName": "prod",
              "StageDescription": { "CanarySetting": { "PercentTraffic": 10 } } } }
            """);

        Assert.Equal(["Deployment"], program.Leftovers);
    }

    [Fact]
    public void Vpc_basics_become_ec2_resources_and_a_security_group_keeps_the_default_egress_rule()
    {
        var (program, diagnostics) = Build("""
            "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16", "EnableDnsHostnames": true } },
            "Igw": { "Type": "AWS::EC2::InternetGateway", "Properties": {} },
            "Attach": { "Type": "AWS::EC2::VPCGatewayAttachment", "Properties": { "VpcId": { "Ref": "Vpc" }, "InternetGatewayId": { "Ref": "Igw" } } },
            "SubnetA": { "Type": "AWS::EC2::Subnet", "Properties": { "VpcId": { "Ref": "Vpc" }, "CidrBlock": "10.0.0.0/24", "AvailabilityZone": "us-east-1a" } },
            "Open": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "GroupDescription": "open", "VpcId": { "Ref": "Vpc" },
              "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": "0", "ToPort": "65535", "CidrIp": "0.0.0.0/0" }] } },
            "Closed": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "GroupDescription": "closed", "VpcId": { "Ref": "Vpc" },
              "SecurityGroupEgress": [{ "IpProtocol": -1, "DestinationSecurityGroupId": { "Ref": "Open" } }] } },
            "Routes": { "Type": "AWS::EC2::RouteTable", "Properties": { "VpcId": { "Ref": "Vpc" } } },
            "Default": { "Type": "AWS::EC2::Route", "Properties": { "RouteTableId": { "Ref": "Routes" }, "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": { "Ref": "Igw" } } },
            "AssocA": { "Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": { "RouteTableId": { "Ref": "Routes" }, "SubnetId": { "Ref": "SubnetA" } } }
            """);

        Assert.Empty(program.Leftovers);
        Assert.Empty(diagnostics.Items);
        var byName = program.Resources.ToDictionary(r => r.Name);
        Assert.Equal("aws:ec2/vpc:Vpc", byName["Vpc"].Type.Token);
        Assert.Equal("aws:ec2/internetGatewayAttachment:InternetGatewayAttachment", byName["Attach"].Type.Token);
        Assert.Equal(new PulumiAttribute("Igw", "id"), Input(byName["Attach"], "internetGatewayId"));
        Assert.Equal("aws:ec2/routeTableAssociation:RouteTableAssociation", byName["AssocA"].Type.Token);

        var ingress = Only(Input(byName["Open"], "ingress"));
        Assert.Equal("ec2.SecurityGroupIngress", ingress.ArgsType);
        Assert.Equal(PulumiLiteral.Number("65535"), Entry(ingress, "toPort"));
        Assert.Equal([PulumiLiteral.String("0.0.0.0/0")], Assert.IsType<PulumiList>(Entry(ingress, "cidrBlocks")).Items);
        // CloudFormation keeps AWS's allow-all egress when none is declared; the classic resource would remove it
        var egress = Only(Input(byName["Open"], "egress"));
        Assert.Equal(PulumiLiteral.String("-1"), Entry(egress, "protocol"));
        Assert.Equal([PulumiLiteral.String("0.0.0.0/0")], Assert.IsType<PulumiList>(Entry(egress, "cidrBlocks")).Items);

        var closed = Only(Input(byName["Closed"], "egress"));
        Assert.Equal(PulumiLiteral.Number("0"), Entry(closed, "fromPort"));
        Assert.Equal([new PulumiAttribute("Open", "id")], Assert.IsType<PulumiList>(Entry(closed, "securityGroups")).Items);
    }

    [Fact]
    public void The_custom_resource_function_and_its_role_are_left_out_only_while_every_custom_resource_it_serves_is_mapped()
    {
        const string provider = """
            , "IamRoleCustomResourcesLambdaExecution": { "Type": "AWS::IAM::Role", "Properties": { "AssumeRolePolicyDocument": {} } },
            "CustomDashresourceDashexistingDashs3LambdaFunction": { "Type": "AWS::Lambda::Function", "DependsOn": ["IamRoleCustomResourcesLambdaExecution"],
              "Properties": { "Code": { "S3Bucket": "b", "S3Key": "k/custom-resources.zip" }, "Handler": "s3/handler.handler", "Runtime": "nodejs20.x",
                "Role": { "Fn::GetAtt": ["IamRoleCustomResourcesLambdaExecution", "Arn"] } } }
            """;
        var serviced = ExistingBucket
            .Replace("\"arn:aws:lambda:us-east-1:1:function:custom\"", "{ \"Fn::GetAtt\": [\"CustomDashresourceDashexistingDashs3LambdaFunction\", \"Arn\"] }", StringComparison.Ordinal)
            .Replace("[\"FnLambdaFunction\"]", "[\"FnLambdaFunction\", \"CustomDashresourceDashexistingDashs3LambdaFunction\"]", StringComparison.Ordinal);

        var (program, _) = Build(Function + ", " + serviced + provider);
        Assert.Equal(["CustomDashresourceDashexistingDashs3LambdaFunction", "IamRoleCustomResourcesLambdaExecution"], program.Omitted.Keys);
        Assert.DoesNotContain(program.Resources, r => program.Omitted.ContainsKey(r.Name));
        Assert.Equal(["FnLambdaFunction", "ReplicateCustomS31Permission"], program.Resources.Single(r => r.Name == "ReplicateCustomS31").DependsOn);

        // in the leftover stack the custom resource needs its function again
        var (shared, _) = Build(Function + ", " + serviced + ", " + serviced.Replace("ReplicateCustomS31", "OtherCustomS31", StringComparison.Ordinal) + provider);
        Assert.Empty(shared.Omitted);
        Assert.Contains(shared.Resources, r => r.Name == "CustomDashresourceDashexistingDashs3LambdaFunction");
    }
}
