using Spec.Tests.Cli;

namespace Spec.Tests.Backends.Pulumi;

public sealed class PulumiCliTests
{
    private const string Spec = """
        service: orders
        provider:
          name: aws
          runtime: nodejs20.x
          region: eu-west-1
        functions:
          worker:
            handler: handler.run
            timeout: 120
            events:
              - schedule: rate(5 minutes)
        """;

    [Fact]
    public void Compile_pulumi_ts_writes_the_project_with_code_paths_relative_to_the_output()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.InProcess(dir.Path, "compile", "--target", "pulumi-ts", "--output", "out/pulumi", "--stage", "prod");

        Assert.True(run.ExitCode == 0, run.ToString());
        var index = File.ReadAllText(Path.Combine(dir.Path, "out", "pulumi", "index.ts"));
        Assert.Contains("new aws.lambda.Function(\"WorkerLambdaFunction\"", index, StringComparison.Ordinal);
        Assert.Contains("timeout: 120,", index, StringComparison.Ordinal);
        Assert.Contains("scheduleExpression: \"rate(5 minutes)\"", index, StringComparison.Ordinal);
        Assert.Contains("new pulumi.asset.FileArchive(\"../../.serverless/orders.zip\")", index, StringComparison.Ordinal);
        Assert.Contains("aws:region: \"eu-west-1\"", File.ReadAllText(Path.Combine(dir.Path, "out", "pulumi", "Pulumi.prod.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_rejects_an_unknown_pulumi_target()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.InProcess(dir.Path, "compile", "--target", "pulumi-go", "--output", "out");

        Assert.NotEqual(0, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }
}
