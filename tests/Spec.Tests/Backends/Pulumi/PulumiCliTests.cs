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
        Assert.Contains("new pulumi.asset.FileArchive(\"../../.spec/orders.zip\")", index, StringComparison.Ordinal);
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

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Deploy_packages_the_code_into_the_project_and_runs_pulumi_there()
    {
        TestSkip.If(OperatingSystem.IsWindows(), "the stand-in pulumi is a shell script");
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);
        dir.Write("handler.js", "exports.run = async () => 1;\n");
        var log = Path.Combine(dir.Path, "calls.log");
        var stub = dir.Write("bin/pulumi", $"#!/bin/sh\necho \"$(pwd)|$*\" >> '{log}'\n");
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var run = CliRunner.InProcess(dir.Path, new Dictionary<string, string> { ["PATH"] = Path.Combine(dir.Path, "bin") },
            "deploy", "--engine", "pulumi", "--stack", "prod", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        var work = Path.Combine(dir.Path, ".spec", "pulumi");
        Assert.Equal([$"{work}|stack select --create prod", $"{work}|up --yes"], File.ReadAllLines(log));
        Assert.True(File.Exists(Path.Combine(work, "artifacts", "orders.zip")));
        Assert.Contains("fn::fileArchive: \"./artifacts/orders.zip\"", File.ReadAllText(Path.Combine(work, "Pulumi.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_without_pulumi_on_path_fails_with_a_clear_message()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);
        dir.Write("handler.js", "exports.run = async () => 1;\n");

        var run = CliRunner.InProcess(dir.Path, new Dictionary<string, string> { ["PATH"] = Path.Combine(dir.Path, "nothing-here") },
            "deploy", "--engine", "pulumi");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'pulumi' CLI is not on PATH", run.Error, StringComparison.Ordinal);
    }
}
