using System.Text.Json;

namespace Spec.Tests.Cli;

public sealed class PrintCommandTests
{
    private const string Spec = """
        service: demo
        provider:
          name: aws
          stage: ${opt:stage, 'dev'}
          environment:
            TABLE: ${self:service}-${sls:stage}-${opt:suffix, 'none'}
            PARAM: ${param:owner, 'nobody'}
        """;

    [Fact]
    public void Print_json_path_shows_the_resolved_value_with_options_params_and_pass_through()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.InProcess(dir.Path, "print", "--format", "json", "--path", "provider.environment",
            "--stage", "prod", "--suffix", "blue", "--param", "owner=ops");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("demo-prod-blue", json.RootElement.GetProperty("TABLE").GetString());
        Assert.Equal("ops", json.RootElement.GetProperty("PARAM").GetString());
    }

    [Fact]
    public void Print_defaults_to_yaml_of_the_discovered_spec()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.InProcess(dir.Path, "print");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("service: demo\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("TABLE: demo-dev-none", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_with_a_missing_path_exits_1_with_a_diagnostic_on_stderr()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.InProcess(dir.Path, "print", "--path", "provider.nothing");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("provider.nothing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_of_an_unreadable_spec_exits_2()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", "- not a mapping\n");

        var run = CliRunner.InProcess(dir.Path, "print");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error[SLS-GEN-001]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_print_writes_json()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        var run = CliRunner.Process(dir.Path, "print", "--format", "json", "--stage", "qa");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("qa", json.RootElement.GetProperty("provider").GetProperty("stage").GetString());
    }
}
