using System.Text.Json;
using Spec.Backends.CloudFormation;
using Spec.Backends.Conversion;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Tests.Cli;

namespace Spec.Tests.Conversion;

/// <summary><c>spec convert</c> end to end, and the SAM golden files of the examples.</summary>
public sealed class ConvertCommandTests
{
    private const string Spec = """
        # the orders service
        service: orders
        provider:
          name: aws
          runtime: nodejs20.x
          stage: ${opt:stage, 'dev'}
        functions:
          hello:
            handler: h.hello
            events:
              - websocket: $connect
              - http: GET /hello
        resources:
          Resources:
            Zebra: { Type: AWS::SQS::Queue }
            Apple: { Type: AWS::SNS::Topic, Properties: { TopicName: !Sub '${AWS::StackName}-t' } }
        """;

    [Fact]
    public void Convert_to_sam_writes_yaml_to_stdout_with_the_approximations_on_stderr()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.InProcess(dir.Path, "convert", "--stage", "prod");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\n", run.Out, StringComparison.Ordinal);
        // provider.stage is ${opt:stage, 'dev'}: the stage is the template's parameter, --stage its default.
        Assert.Contains("Parameters:\n  Stage:\n    Type: String\n    Default: prod\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("FunctionName: !Sub \"orders-${Stage}-hello\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("StageName: !Ref Stage", run.Out, StringComparison.Ordinal);
        Assert.Contains(ConvertDiagnostics.PlainCloudFormation, run.Error, StringComparison.Ordinal);
        Assert.Contains("serverless.yml:11", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_to_sam_json_into_a_file_is_atomic_and_repeatable()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var first = CliRunner.InProcess(dir.Path, "convert", "serverless.yml", "--to", "sam", "--format", "json", "--output", "out/template.json");
        var bytes = File.ReadAllBytes(Path.Combine(dir.Path, "out", "template.json"));
        var second = CliRunner.InProcess(dir.Path, "convert", "serverless.yml", "--format", "json", "-o", "out/template.json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(dir.Path, "out", "template.json")));
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal("AWS::Serverless::Function",
            json.RootElement.GetProperty("Resources").GetProperty("HelloLambdaFunction").GetProperty("Type").GetString());
        Assert.Equal(["template.json"], Directory.GetFileSystemEntries(Path.Combine(dir.Path, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Convert_to_serverless_json_keeps_key_order_and_unresolved_variables_and_reads_back_the_same()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.InProcess(dir.Path, "convert", "--to", "serverless", "--format", "json", "-o", "serverless.json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = File.ReadAllText(Path.Combine(dir.Path, "serverless.json"));
        Assert.Contains("\"stage\": \"${opt:stage, 'dev'}\"", json, StringComparison.Ordinal);
        Assert.True(json.IndexOf("\"Zebra\"", StringComparison.Ordinal) < json.IndexOf("\"Apple\"", StringComparison.Ordinal));
        Assert.Contains("\"Fn::Sub\": \"${AWS::StackName}-t\"", json, StringComparison.Ordinal);

        var back = CliRunner.InProcess(dir.Path, "convert", "serverless.json", "--to", "serverless", "--format", "yaml");
        Assert.True(back.ExitCode == 0, back.ToString());
        var diagnostics = new DiagnosticBag();
        var fromYaml = new SpecValues(diagnostics).ToJson(new YamlLoader().LoadText("a.yml", Spec, diagnostics).Root);
        var fromRoundTrip = new SpecValues(diagnostics).ToJson(new YamlLoader().LoadText("b.yml", back.Out, diagnostics).Root);
        Assert.Empty(diagnostics.Items);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(fromYaml, fromRoundTrip), back.Out);
    }

    [Fact]
    public void An_unknown_target_is_a_usage_error()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.InProcess(dir.Path, "convert", "--to", "terraform");

        Assert.Equal(2, run.ExitCode);
    }

    public static TheoryData<string> Examples() => global::Spec.Tests.Examples.ExampleGoldenTests.Examples();

    /// <summary><c>examples/&lt;name&gt;/expected/sam.yaml</c>: re-bless with <c>SPEC_BLESS=1</c> after reviewing.</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void Sam_templates_of_the_examples_match_the_golden_files(string example)
    {
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(Golden.RepositoryRoot, "examples", example, "serverless.yml");
        var loaded = new YamlLoader().LoadFile(path, diagnostics);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.FromArguments([], new Dictionary<string, string>()), diagnostics);
        var service = PlanBuilder.Bind(resolved, diagnostics)!;
        var yaml = SamTemplate.Render(SamTemplate.Write(service, diagnostics), TemplateFormat.Yaml);
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        Golden.Verify($"examples/{example}/expected/sam.yaml", yaml);
    }
}
