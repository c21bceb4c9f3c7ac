using System.Diagnostics;

namespace Spec.Tests.Cli;

/// <summary><c>spec compile</c>, <c>spec package</c> and <c>spec deploy</c>: targets, engines, defaults and usage errors.</summary>
public sealed class BackendCommandTests
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
            events:
              - schedule: rate(5 minutes)
        """;

    private const string TemplateFile = "cloudformation-template-update-stack";

    private static TempDir Service()
    {
        var dir = new TempDir();
        dir.Write("serverless.yml", Spec);
        dir.Write("handler.js", "exports.run = async () => 1;\n");
        return dir;
    }

    [Fact]
    public void Compile_defaults_to_a_cloudformation_template_in_dot_spec()
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "compile");

        Assert.True(run.ExitCode == 0, run.ToString());
        var template = Path.Combine(dir.Path, ".spec", TemplateFile + ".json");
        Assert.Equal(template, Path.GetFullPath(run.Out.Trim(), dir.Path));
        Assert.Contains("\"WorkerLambdaFunction\"", File.ReadAllText(template), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_cloudformation_writes_yaml_into_the_given_directory()
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "compile", "--target", "cloudformation", "--format", "yaml", "--output", "out");

        Assert.True(run.ExitCode == 0, run.ToString());
        var text = File.ReadAllText(Path.Combine(dir.Path, "out", TemplateFile + ".yaml"));
        Assert.StartsWith("AWSTemplateFormatVersion:", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".spec")));
    }

    [Theory]
    [InlineData("pulumi-ts", "index.ts")]
    [InlineData("pulumi-yaml", "Pulumi.yaml")]
    [InlineData("pulumi-csharp", "Program.cs")]
    public void Compile_pulumi_targets_default_to_dot_spec_slash_target(string target, string program)
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "compile", "--target", target);

        Assert.True(run.ExitCode == 0, run.ToString());
        var output = Path.Combine(dir.Path, ".spec", target);
        Assert.Equal(output, Path.GetFullPath(run.Out.Trim(), dir.Path));
        Assert.Contains("WorkerLambdaFunction", File.ReadAllText(Path.Combine(output, program)), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, ".spec", TemplateFile + ".json")));
    }

    [Fact]
    public void Compile_rejects_format_for_a_pulumi_target_as_a_usage_error()
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "compile", "--target", "pulumi-yaml", "--format", "yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format applies only to --target cloudformation, not to --target pulumi-yaml", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".spec")));
    }

    [Fact]
    public void Compile_rejects_an_unknown_target_and_lists_the_known_ones()
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "compile", "--target", "terraform");

        Assert.Equal(2, run.ExitCode);
        foreach (var target in new[] { "cloudformation", "pulumi-ts", "pulumi-yaml", "pulumi-csharp" })
        {
            Assert.Contains(target, run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compile_of_a_missing_spec_exits_2_for_every_target()
    {
        using var dir = new TempDir();

        Assert.Equal(2, CliRunner.InProcess(dir.Path, "compile").ExitCode);
        Assert.Equal(2, CliRunner.InProcess(dir.Path, "compile", "--target", "pulumi-ts").ExitCode);
    }

    [Fact]
    public void Compile_of_a_spec_with_errors_exits_1_and_writes_nothing()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", "service: orders\nprovider:\n  name: aws\n  runtime: ${env:NOT_SET_ANYWHERE_42}\n");

        var cfn = CliRunner.InProcess(dir.Path, "compile");
        var pulumi = CliRunner.InProcess(dir.Path, "compile", "--target", "pulumi-ts");

        Assert.True(cfn.ExitCode == 1, cfn.ToString());
        Assert.True(pulumi.ExitCode == 1, pulumi.ToString());
        Assert.Contains("error[", cfn.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".spec")));
    }

    [Theory]
    [InlineData("cloudformation", TemplateFile + ".json")]
    [InlineData("pulumi-yaml", "Pulumi.yaml")]
    public void Compile_refuses_to_write_through_a_link_in_the_output(string target, string file)
    {
        using var dir = Service();
        var outside = Path.Combine(dir.Path, "outside.txt");
        File.WriteAllText(outside, "keep");
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "out", file), outside);

        var run = CliRunner.InProcess(dir.Path, "compile", "--target", target, "--output", "out");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("is a symbolic link; Spec never writes through a link", run.Error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(outside));
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Package_twice_gives_identical_bytes()
    {
        using var dir = Service();
        using var outputs = new TempDir();
        var first = Path.Combine(outputs.Path, "first");
        var second = Path.Combine(outputs.Path, "second");

        var one = CliRunner.InProcess(dir.Path, "package", "--output", first);
        var two = CliRunner.InProcess(dir.Path, "package", "--output", second);

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        var files = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([TemplateFile + ".json", "orders.zip"], files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file!)), File.ReadAllBytes(Path.Combine(second, file!)));
        }
    }

    [Fact]
    public void Package_into_a_folder_inside_the_service_never_zips_that_folder()
    {
        using var dir = Service();
        var one = CliRunner.InProcess(dir.Path, "package", "--output", "dist");
        var first = File.ReadAllBytes(Path.Combine(dir.Path, "dist", "orders.zip"));
        var two = CliRunner.InProcess(dir.Path, "package", "--output", "dist");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(dir.Path, "dist", "orders.zip")));
    }

    [Theory]
    [InlineData("--stack", "prod")]
    [InlineData("--yes")]
    [InlineData("--workdir", "w")]
    public void Deploy_cloudformation_rejects_pulumi_options(params string[] option)
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, ["deploy", .. option]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option[0]} applies only to --engine pulumi, not to --engine cloudformation", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_pulumi_rejects_the_endpoint_url()
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "deploy", "--engine", "pulumi", "--endpoint-url", "http://localhost:5000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--endpoint-url applies only to --engine cloudformation or --engine beanstalk, not to --engine pulumi", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".spec")));
    }

    [Fact]
    public void Deploy_rejects_an_unknown_engine()
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "deploy", "--engine", "terraform");

        Assert.Equal(2, run.ExitCode);
    }

    [SkippableFact]
    public void Deploy_cloudformation_without_the_aws_cli_fails_with_a_clear_message()
    {
        TestSkip.If(OperatingSystem.IsWindows(), "the PATH without aws is built from Unix directories");
        TestSkip.IfNot(File.Exists(Path.Combine(AppContext.BaseDirectory, "spec.dll")), "spec.dll is not beside the test assembly");
        using var dir = Service();

        // The AWS CLI is looked up on the process PATH, so this runs spec as a child process with a PATH that has no aws.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spec.dll"));
        start.ArgumentList.Add("deploy");
        start.Environment["PATH"] = Path.Combine(dir.Path, "no-tools-here");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "spec deploy did not finish");

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("error[SPEC-DEPLOY-001]: the AWS CLI ('aws') is not on PATH", stderr.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_one_compile_and_one_deploy_with_every_target_and_engine()
    {
        using var dir = new TempDir();

        var root = CliRunner.InProcess(dir.Path, "--help");
        var compile = CliRunner.InProcess(dir.Path, "compile", "--help");
        var deploy = CliRunner.InProcess(dir.Path, "deploy", "--help");

        Assert.Single(root.Out.Split('\n'), line => line.TrimStart().StartsWith("compile ", StringComparison.Ordinal));
        Assert.Single(root.Out.Split('\n'), line => line.TrimStart().StartsWith("deploy ", StringComparison.Ordinal));
        Assert.Contains("<beanstalk|cloudformation|pulumi-csharp|pulumi-ts|pulumi-yaml>", compile.Out, StringComparison.Ordinal);
        Assert.Contains(".spec/<target> for Pulumi and Elastic Beanstalk targets", compile.Out, StringComparison.Ordinal);
        Assert.Contains("<beanstalk|cloudformation|pulumi>", deploy.Out, StringComparison.Ordinal);
        Assert.Contains("--workdir", deploy.Out, StringComparison.Ordinal);
    }
}
