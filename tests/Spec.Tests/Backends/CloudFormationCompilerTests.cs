using System.Text;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

public sealed class CloudFormationCompilerTests
{
    private static (CompileResult Result, DiagnosticBag Diagnostics) Compile(string yaml, Func<Node?, Node?>? transform = null) =>
        SpecCompilation.Compile(yaml, transform: transform);

    private const string Orders = """
        service: orders
        provider: {name: aws, runtime: nodejs18.x, timeout: 60}
        functions:
          api: {handler: handler.api, events: [{httpApi: GET /orders}]}
          worker: {handler: handler.worker, timeout: 120, events: [{sqs: {arn: !GetAtt OrdersQueue.Arn, batchSize: 10}}]}
        resources:
          Resources:
            OrdersQueue: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 30}}
        """;

    [Fact]
    public void OrdersService_GetsTheSixteenResourcesTheFrameworkMakes()
    {
        var (result, bag) = Compile(Orders);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var ids = result.Plan.Resources.Select(r => r.LogicalId).ToList();
        Assert.Equal(16, ids.Count);
        Assert.Contains("WorkerEventSourceMappingSQSOrdersQueue", ids);
        Assert.Contains("HttpApiRouteGetOrders", ids);
        Assert.Equal("OrdersQueue", ids[^1]);
        Assert.Equal(5, result.Plan.Outputs.Count);
        var mapping = result.Plan["WorkerEventSourceMappingSQSOrdersQueue"]!;
        Assert.Equal("IamRoleLambdaExecution", mapping.Body["DependsOn"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Compile_IsDeterministic()
    {
        var first = Compile(Orders).Result.Text;
        var second = Compile(Orders).Result.Text;
        Assert.NotNull(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void UnsupportedEvent_IsADiagnosticAtItsLocation_NotDroppedSilently()
    {
        var (result, bag) = Compile("""
            service: s
            provider: {name: aws}
            functions:
              f:
                handler: h.f
                events:
                  - carrierPigeon: {loft: roof}
            """);
        // The Framework packages the service with a configuration warning and no compiler reads the event
        // (configValidationMode: error refuses it: FrameworkRefusalTests).
        var d = Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unsupported);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(7, d.Span!.Line);
        Assert.Contains("unknown event type 'carrierPigeon'", d.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Text);
    }

    [Fact]
    public void DeployTimeValues_BecomeDynamicReferencesOrPseudoParameters()
    {
        var (result, bag) = Compile("""
            service: s
            provider: {name: aws}
            functions:
              f: {handler: h.f, environment: {A: placeholder, B: placeholder, C: placeholder}}
            """, root => ReplaceEnvironment(root));
        var variables = result.Plan["FLambdaFunction"]!.Properties["Environment"]!["Variables"]!;
        Assert.Equal("{{resolve:ssm:/app/key}}", variables["A"]!.GetValue<string>());
        Assert.Equal("""{"Fn::Join":["",["arn:aws:iam::",{"Ref":"AWS::AccountId"},":root"]]}""", variables["B"]!.ToJsonString());
        var error = Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unexpressible);
        Assert.Contains("${cf:other.Out}", error.Message, StringComparison.Ordinal);
    }

    private static Node? ReplaceEnvironment(Node? root)
    {
        var span = SourceSpan.At("serverless.yml", 4, 1);
        DeployTimeNode Value(params DeployTimePart[] parts) => new(span, parts);
        Node Rewrite(Node node) => node switch
        {
            MappingNode m => m with
            {
                Entries = [.. m.Entries.Select(e => e with
                {
                    Value = e.Key.Text switch
                    {
                        "A" => Value(new DeployTimeReference("ssm", [], "/app/key", "${ssm:/app/key}")),
                        "B" => Value(new DeployTimeLiteral("arn:aws:iam::"),
                            new DeployTimeReference("aws", [], "accountId", "${aws:accountId}"), new DeployTimeLiteral(":root")),
                        "C" => Value(new DeployTimeReference("cf", [], "other.Out", "${cf:other.Out}")),
                        _ => Rewrite(e.Value),
                    },
                })],
            },
            SequenceNode s => s with { Items = [.. s.Items.Select(Rewrite)] },
            _ => node,
        };
        return root is null ? null : Rewrite(root);
    }

    [Fact]
    public void ResourcesMerge_UsesLodashMergeAndExtensions()
    {
        var (result, bag) = Compile("""
            service: s
            provider: {name: aws}
            functions:
              f: {handler: h.f}
            resources:
              Resources:
                FLogGroup: {Properties: {RetentionInDays: 7}}
              extensions:
                FLambdaFunction: {DependsOn: [Other], Properties: {MemorySize: 256}}
                Missing: {Properties: {A: 1}}
              Outputs:
                Extra: {Value: x}
            """);
        Assert.Equal(7, result.Plan["FLogGroup"]!.Properties["RetentionInDays"]!.GetValue<long>());
        Assert.Equal("/aws/lambda/s-dev-f", result.Plan["FLogGroup"]!.Properties["LogGroupName"]!.GetValue<string>());
        Assert.Equal(256, result.Plan["FLambdaFunction"]!.Properties["MemorySize"]!.GetValue<long>());
        Assert.Equal("""["FLogGroup","Other"]""", result.Plan["FLambdaFunction"]!.Body["DependsOn"]!.ToJsonString());
        Assert.Null(result.Plan.Outputs["Extra"]!["Export"]);
        Assert.Equal("sls-s-dev-FLambdaFunctionQualifiedArn",
            result.Plan.Outputs["FLambdaFunctionQualifiedArn"]!["Export"]!["Name"]!.GetValue<string>());
        Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.MissingExtensionTarget);
    }

    [Fact]
    public void WriteOutput_ReplacesFilesAtomicallyAndKeepsThePreviousOutputOnFailure()
    {
        var dir = Path.Combine(Path.GetTempPath(), "spec-cfn-" + Guid.NewGuid().ToString("N"));
        try
        {
            var bag = new DiagnosticBag();
            Assert.True(CloudFormationCompiler.WriteOutput(dir, new Dictionary<string, byte[]> { ["t.json"] = "v1"u8.ToArray() }, bag));
            Assert.True(CloudFormationCompiler.WriteOutput(dir, new Dictionary<string, byte[]> { ["t.json"] = "v2"u8.ToArray() }, bag));
            Assert.Equal("v2", File.ReadAllText(Path.Combine(dir, "t.json")));
            Assert.False(CloudFormationCompiler.WriteOutput(dir, new Dictionary<string, byte[]>
            {
                ["t.json"] = "v3"u8.ToArray(),
                ["../outside/x.json"] = [1],
            }, bag));
            Assert.True(bag.HasErrors);
            Assert.Equal("v2", File.ReadAllText(Path.Combine(dir, "t.json"), Encoding.UTF8));
            Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, "." + Path.GetFileName(dir) + ".tmp-*"));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
