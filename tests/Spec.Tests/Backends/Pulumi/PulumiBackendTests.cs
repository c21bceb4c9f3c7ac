using System.Text.Json.Nodes;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>The Pulumi backend on small hand-written plans: mapping, the leftover stack, project files, deploy.</summary>
public sealed class PulumiBackendTests
{
    private const string Template = """
        {
          "Resources": {
            "WorkerLogGroup": { "Type": "AWS::Logs::LogGroup", "Properties": { "LogGroupName": "/aws/lambda/svc-dev-worker", "RetentionInDays": 14 } },
            "WorkerLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": { "S3Bucket": { "Ref": "ServerlessDeploymentBucket" }, "S3Key": "serverless/svc/dev/1-x/svc.zip" },
                "FunctionName": "svc-dev-worker", "Handler": "h.main", "Runtime": "nodejs20.x", "MemorySize": 512, "Timeout": "30",
                "Role": { "Fn::GetAtt": ["Role", "Arn"] },
                "Environment": { "Variables": { "PARAM": "{{resolve:ssm:/svc/param}}", "VPC": { "Ref": "Vpc" } } }
              },
              "DependsOn": ["WorkerLogGroup"]
            },
            "WorkerLambdaVersionAbc": { "Type": "AWS::Lambda::Version", "DeletionPolicy": "Retain",
              "Properties": { "FunctionName": { "Ref": "WorkerLambdaFunction" }, "CodeSha256": "x" } },
            "Role": { "Type": "AWS::IAM::Role", "Properties": { "AssumeRolePolicyDocument": { "Version": "2012-10-17" },
              "ManagedPolicyArns": [{ "Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/p" }] } },
            "Jobs": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": "jobs", "VisibilityTimeout": 180 } },
            "Vpc": { "Type": "AWS::EC2::TransitGateway", "Properties": { "Description": "10.0.0.0/16", "Tags": [{ "Key": "q", "Value": { "Fn::GetAtt": ["Jobs", "Arn"] } }] } },
            "Rule": { "Type": "AWS::Events::Rule", "Properties": { "ScheduleExpression": "rate(5 minutes)",
              "Targets": [{ "Arn": { "Fn::GetAtt": ["WorkerLambdaFunction", "Arn"] }, "Id": "t1" }] } }
          },
          "Outputs": {
            "WorkerArn": { "Value": { "Ref": "WorkerLambdaVersionAbc" } },
            "VpcId": { "Value": { "Ref": "Vpc" } },
            "Azs": { "Value": { "Fn::Join": [",", { "Fn::GetAZs": "" }] } }
          }
        }
        """;

    private static (PulumiProgram Program, DiagnosticBag Diagnostics) Build()
    {
        var diagnostics = new DiagnosticBag();
        var source = PulumiSource.FromTemplate(JsonNode.Parse(Template)!.AsObject(), "svc", "dev", "eu-west-1");
        return (PulumiProgramBuilder.Build(source, diagnostics), diagnostics);
    }

    [Fact]
    public void Maps_types_folds_versions_and_keeps_logical_ids()
    {
        var (program, _) = Build();
        var names = program.Resources.Select(r => (r.Name, r.Type.Token)).ToList();
        Assert.Contains(("WorkerLambdaFunction", "aws:lambda/function:Function"), names);
        Assert.Contains(("Jobs", "aws:sqs/queue:Queue"), names);
        Assert.Contains(("RuleTarget1", "aws:cloudwatch/eventTarget:EventTarget"), names);
        Assert.Equal("WorkerLambdaFunction", program.Folded["WorkerLambdaVersionAbc"]);
        var fn = program.Resources.Single(r => r.Name == "WorkerLambdaFunction");
        Assert.Contains(new KeyValuePair<string, PulumiValue>("timeout", PulumiLiteral.Number("30")), fn.Properties);
        Assert.Contains(new KeyValuePair<string, PulumiValue>("publish", PulumiLiteral.Bool(true)), fn.Properties);
        Assert.Equal(new PulumiArchive("./.spec/svc.zip"), fn.Properties.Single(p => p.Key == "code").Value);
        Assert.Contains("WorkerLogGroup", fn.DependsOn);
        Assert.Equal(new PulumiAttribute("WorkerLambdaFunction", "qualifiedArn"), program.Outputs.Single(o => o.Key == "WorkerArn").Value);
    }

    private const string RestApiTemplate = """
        {
          "Resources": {
            "ApiGatewayRestApi": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "dev-svc", "Policy": "",
              "EndpointConfiguration": { "Types": ["EDGE"] } } },
            "ApiGatewayResourceItems": { "Type": "AWS::ApiGateway::Resource", "Properties": { "PathPart": "items",
              "ParentId": { "Fn::GetAtt": ["ApiGatewayRestApi", "RootResourceId"] }, "RestApiId": { "Ref": "ApiGatewayRestApi" } } },
            "ApiGatewayMethodItemsOptions": { "Type": "AWS::ApiGateway::Method", "Properties": {
              "AuthorizationType": "NONE", "HttpMethod": "OPTIONS", "RequestParameters": {},
              "ResourceId": { "Ref": "ApiGatewayResourceItems" }, "RestApiId": { "Ref": "ApiGatewayRestApi" },
              "MethodResponses": [{ "StatusCode": "200", "ResponseParameters": { "method.response.header.Access-Control-Allow-Origin": true }, "ResponseModels": {} }],
              "Integration": { "Type": "MOCK", "RequestTemplates": { "application/json": "{statusCode:200}" },
                "IntegrationResponses": [{ "StatusCode": "200", "ResponseParameters": { "method.response.header.Access-Control-Allow-Origin": "'*'" } }] } } },
            "ApiGatewayDeploymentAbc": { "Type": "AWS::ApiGateway::Deployment", "DependsOn": ["ApiGatewayMethodItemsOptions"],
              "Properties": { "RestApiId": { "Ref": "ApiGatewayRestApi" }, "StageName": "dev" } }
          },
          "Outputs": { "Deployment": { "Value": { "Ref": "ApiGatewayDeploymentAbc" } } }
        }
        """;

    [Fact]
    public void Rest_api_methods_become_classic_method_integration_and_responses_and_the_deployment_gets_a_stage()
    {
        var diagnostics = new DiagnosticBag();
        var source = PulumiSource.FromTemplate(JsonNode.Parse(RestApiTemplate)!.AsObject(), "svc", "dev", "eu-west-1");
        var program = PulumiProgramBuilder.Build(source, diagnostics);

        Assert.Empty(program.Leftovers);
        Assert.DoesNotContain(diagnostics.Items, d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId);
        var byName = program.Resources.ToDictionary(r => r.Name);
        Assert.Equal("aws:apigateway/restApi:RestApi", byName["ApiGatewayRestApi"].Type.Token);
        Assert.DoesNotContain(byName["ApiGatewayRestApi"].Properties, p => p.Key == "policy");
        Assert.Equal(new PulumiAttribute("ApiGatewayRestApi", "rootResourceId"), Value(byName["ApiGatewayResourceItems"], "parentId"));
        Assert.Equal(new PulumiAttribute("ApiGatewayRestApi", "id"), Value(byName["ApiGatewayResourceItems"], "restApi"));

        var method = byName["ApiGatewayMethodItemsOptions"];
        Assert.Equal(PulumiLiteral.String("NONE"), Value(method, "authorization"));
        var integration = byName["ApiGatewayMethodItemsOptionsIntegration"];
        Assert.Equal("aws:apigateway/integration:Integration", integration.Type.Token);
        Assert.Equal(PulumiLiteral.String("MOCK"), Value(integration, "type"));
        Assert.Equal(PulumiLiteral.String("OPTIONS"), Value(integration, "httpMethod"));
        Assert.Equal(new PulumiAttribute("ApiGatewayResourceItems", "id"), Value(integration, "resourceId"));
        Assert.Contains("ApiGatewayMethodItemsOptions", integration.DependsOn);
        var methodResponse = byName["ApiGatewayMethodItemsOptionsResponse200"];
        Assert.Equal("aws:apigateway/methodResponse:MethodResponse", methodResponse.Type.Token);
        var parameters = Assert.IsType<PulumiObject>(Value(methodResponse, "responseParameters"));
        Assert.Equal(PulumiLiteral.Bool(true), parameters.Entries.Single().Value);
        var integrationResponse = byName["ApiGatewayMethodItemsOptionsIntegrationResponse200"];
        Assert.Equal(["ApiGatewayMethodItemsOptionsIntegration", "ApiGatewayMethodItemsOptionsResponse200"], integrationResponse.DependsOn);

        var deployment = byName["ApiGatewayDeploymentAbc"];
        Assert.Equal("aws:apigateway/deployment:Deployment", deployment.Type.Token);
        Assert.Contains("ApiGatewayMethodItemsOptionsIntegrationResponse200", deployment.DependsOn);
        var stage = byName["ApiGatewayDeploymentAbcStage"];
        Assert.Equal("aws:apigateway/stage:Stage", stage.Type.Token);
        Assert.Equal(new PulumiAttribute("ApiGatewayDeploymentAbc", "id"), Value(stage, "deployment"));
        Assert.Equal(PulumiLiteral.String("dev"), Value(stage, "stageName"));
        Assert.Equal(new PulumiAttribute("ApiGatewayDeploymentAbc", "id"), program.Outputs.Single().Value);

        static PulumiValue Value(PulumiResource r, string input) => r.Properties.Single(p => p.Key == input).Value;
    }

    [Fact]
    public void Unmapped_resources_go_to_one_reported_cloudformation_stack_wired_both_ways()
    {
        var (program, diagnostics) = Build();
        Assert.Equal(["Vpc"], program.Leftovers);
        var stack = program.Resources.Single(r => r.Name == PulumiProgramBuilder.LeftoverStackName);
        Assert.Equal("aws:cloudformation/stack:Stack", stack.Type.Token);
        var parameters = (PulumiObject)stack.Properties.Single(p => p.Key == "parameters").Value;
        Assert.Equal(new PulumiAttribute("Jobs", "arn"), parameters.Entries.Single(e => e.Key == "PulumiJobsArn").Value);
        var fn = program.Resources.Single(r => r.Name == "WorkerLambdaFunction");
        var env = (PulumiObject)((PulumiObject)fn.Properties.Single(p => p.Key == "environment").Value).Entries[0].Value;
        Assert.Equal(new PulumiStackOutput(PulumiProgramBuilder.LeftoverStackName, "OutVpcRef"), env.Entries.Single(e => e.Key == "VPC").Value);
        Assert.IsType<PulumiInvoke>(env.Entries.Single(e => e.Key == "PARAM").Value);
        // an output CloudFormation must evaluate (Fn::GetAZs) is read from the stack too
        Assert.Equal(new PulumiStackOutput(PulumiProgramBuilder.LeftoverStackName, "OutputAzs"), program.Outputs.Single(o => o.Key == "Azs").Value);
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(PulumiProgramBuilder.LeftoverDiagnosticId, d.Id);
        Assert.Contains("AWS::EC2::TransitGateway", d.Message, StringComparison.Ordinal);
        // the stack comes after what it reads and before what reads it
        var order = program.Resources.Select(r => r.Name).ToList();
        Assert.True(order.IndexOf("Jobs") < order.IndexOf(PulumiProgramBuilder.LeftoverStackName));
        Assert.True(order.IndexOf(PulumiProgramBuilder.LeftoverStackName) < order.IndexOf("WorkerLambdaFunction"));
    }

    [Fact]
    public void A_resource_that_both_feeds_and_reads_the_stack_moves_into_it()
    {
        var template = JsonNode.Parse("""
            { "Resources": {
              "A": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": { "Fn::GetAtt": ["B", "Name"] } } },
              "B": { "Type": "AWS::Custom::Thing", "Properties": { "Q": { "Ref": "C" } } },
              "C": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": "c" } },
              "D": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": { "Fn::GetAtt": ["A", "QueueName"] } } },
              "E": { "Type": "AWS::Custom::Other", "Properties": { "T": { "Ref": "D" } } } } }
            """)!.AsObject();
        var program = PulumiProgramBuilder.Build(PulumiSource.FromTemplate(template, "s", "dev", "us-east-1"), new DiagnosticBag());
        // D reads A, which reads the stack (B); E in the stack reads D: D and A must join the stack, C stays outside
        Assert.Equal(["A", "B", "D", "E"], program.Leftovers);
        Assert.Contains(program.Resources, r => r.Name == "C");
    }

    [Fact]
    public void Writers_are_deterministic_and_escape_interpolation_markers()
    {
        var (a, _) = Build();
        var (b, _) = Build();
        Assert.Equal(TypeScriptWriter.Write(a), TypeScriptWriter.Write(b));
        Assert.Equal(YamlWriter.Write(a), YamlWriter.Write(b));
        Assert.Equal(CSharpWriter.Write(a), CSharpWriter.Write(b));
        var template = JsonNode.Parse("""{ "Resources": { "Q": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": "${x}`" } } } }""")!.AsObject();
        var p = PulumiProgramBuilder.Build(PulumiSource.FromTemplate(template, "s", "dev", "us-east-1"), new DiagnosticBag());
        Assert.Contains("name: \"$${x}`\"", YamlWriter.Write(p), StringComparison.Ordinal);
        Assert.Contains("name: \"${x}`\"", TypeScriptWriter.Write(p), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_writes_a_complete_project_per_target()
    {
        var dir = Directory.CreateTempSubdirectory("spec-pulumi-project-").FullName;
        try
        {
            var source = PulumiSource.FromTemplate(JsonNode.Parse(Template)!.AsObject(), "svc", "dev", "eu-west-1");
            foreach (var (target, files) in new[]
                     {
                         (PulumiTarget.TypeScript, new[] { "Pulumi.yaml", "Pulumi.dev.yaml", "index.ts", "package.json", "tsconfig.json" }),
                         (PulumiTarget.Yaml, ["Pulumi.yaml", "Pulumi.dev.yaml"]),
                         (PulumiTarget.CSharp, ["Pulumi.yaml", "Pulumi.dev.yaml", "Program.cs", "Svc.csproj"]),
                     })
            {
                var outDir = Path.Combine(dir, target.ToString());
                PulumiCompiler.Compile(source, target, outDir, new DiagnosticBag());
                Assert.Equal(files.Order(), Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
                var project = string.Join("\n", File.ReadAllLines(Path.Combine(outDir, "Pulumi.yaml")).Where(l => !l.StartsWith('#')));
                Assert.StartsWith("name: \"svc\"\nruntime: " + (target switch { PulumiTarget.TypeScript => "nodejs", PulumiTarget.Yaml => "yaml", _ => "dotnet" }),
                    project, StringComparison.Ordinal);
                Assert.Equal("config:\n  aws:region: \"eu-west-1\"\n", File.ReadAllText(Path.Combine(outDir, "Pulumi.dev.yaml")));
            }

            Assert.Contains("\"moduleResolution\": \"nodenext\"", File.ReadAllText(Path.Combine(dir, "TypeScript", "tsconfig.json")), StringComparison.Ordinal);
            Assert.Contains("Include=\"Pulumi.Aws\"", File.ReadAllText(Path.Combine(dir, "CSharp", "Svc.csproj")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Deploy_runs_stack_select_then_up_in_the_generated_project()
    {
        TestSkip.If(OperatingSystem.IsWindows(), "the stand-in pulumi is a shell script");
        var dir = Directory.CreateTempSubdirectory("spec-pulumi-deploy-").FullName;
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(dir, "bin")).FullName;
            var log = Path.Combine(dir, "calls.log");
            var stub = Path.Combine(bin, "pulumi");
            File.WriteAllText(stub, $"#!/bin/sh\necho \"$(pwd)|$*\" >> '{log}'\n");
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var work = Path.Combine(dir, "work");
            var source = PulumiSource.FromTemplate(JsonNode.Parse(Template)!.AsObject(), "svc", "dev", "eu-west-1");

            var rc = PulumiDeployer.Deploy(source, work, new PulumiDeployOptions { Stack = "prod", Yes = true, SearchPath = bin }, new DiagnosticBag());

            Assert.Equal(0, rc);
            var realWork = new DirectoryInfo(work).FullName;
            Assert.Equal([$"{realWork}|stack select --create prod", $"{realWork}|up --yes"], File.ReadAllLines(log));
            Assert.True(File.Exists(Path.Combine(work, "Pulumi.prod.yaml")));

            File.Delete(log);
            PulumiDeployer.Deploy(source, work, new PulumiDeployOptions { SearchPath = bin }, new DiagnosticBag());
            Assert.Equal([$"{realWork}|stack select --create dev", $"{realWork}|up"], File.ReadAllLines(log));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Deploy_without_the_cli_is_a_clear_error()
    {
        var diagnostics = new DiagnosticBag();
        var source = PulumiSource.FromTemplate(JsonNode.Parse(Template)!.AsObject(), "svc", "dev", "eu-west-1");
        var rc = PulumiDeployer.Deploy(source, Path.Combine(Path.GetTempPath(), "never-created"), new PulumiDeployOptions { SearchPath = "/nonexistent" }, diagnostics);
        Assert.Equal(1, rc);
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(PulumiDeployer.MissingCliDiagnosticId, d.Id);
        Assert.Contains("not on PATH", d.Message, StringComparison.Ordinal);
    }
}
