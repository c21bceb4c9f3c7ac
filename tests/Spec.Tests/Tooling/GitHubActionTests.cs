using System.Text.Json;
using Spec.Cli;
using Spec.Tests.Cli;

namespace Spec.Tests.Tooling;

/// <summary>One runner temp directory for the class: the first run installs the tool, later runs find it there.</summary>
public sealed class ActionRunnerFixture : IDisposable
{
    public ActionRunnerFixture()
    {
        Packages = System.Environment.GetEnvironmentVariable("SPEC_TOOL_PACKAGES") is { Length: > 0 } dir && Directory.Exists(dir)
            ? Path.GetFullPath(dir)
            : null;
        Root = Path.Combine(Path.GetTempPath(), "spec-action-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string? Packages { get; }

    public string Root { get; }

    public string RunnerTemp => Path.Combine(Root, "runner-temp");

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["NO_COLOR"] = "1",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// The repository's GitHub Action (<c>action.yml</c>, README "Pull requests"): its steps run as a runner runs them,
/// with the inputs it declares, installing the tool from the packed packages (<c>source</c> input).
/// </summary>
public sealed class GitHubActionTests(ActionRunnerFixture runner) : IClassFixture<ActionRunnerFixture>
{
    private const string Broken = "service: broken\nprovider:\n  name: aws\n  runtime: provided.al2023\nfunctions:\n  hello:\n    handlr: h.h\n";
    private const string Clean = "service: clean\nprovider:\n  name: aws\n  runtime: provided.al2023\nfunctions:\n  hello:\n    handler: h.h\n";

    private static readonly CompositeAction Action = new(Golden.RepositoryRoot);

    [Fact]
    public void Is_a_composite_action_whose_only_step_that_needs_the_network_is_setup_dotnet()
    {
        Assert.Equal("composite", Action.Using);
        Assert.Equal(["actions/setup-dotnet@v4"], Action.SkippedSteps);
        Assert.Equal(["files", "sarif-file", "args", "version", "source", "setup-dotnet"], Action.Inputs.Keys);
        Assert.Equal("spec.sarif", Action.Inputs["sarif-file"]);
    }

    [SkippableFact]
    public void A_spec_with_an_error_fails_the_step_with_an_annotation_and_a_SARIF_result()
    {
        TestSkip.If(runner.Packages is null, InstalledTool.SkipReason);
        using var workspace = new TempDir();
        workspace.Write("services/a/serverless.yml", Broken);
        workspace.Write("services/b/serverless.yml", Clean);

        var run = Action.Run(workspace.Path, runner.RunnerTemp, new Dictionary<string, string>
        {
            ["files"] = "services/**/serverless.yml",
            ["sarif-file"] = "reports/spec.sarif",
            ["source"] = runner.Packages!,
            ["setup-dotnet"] = "false",
        }, runner.Environment);

        Assert.True(run.Steps.Count == 2, run.ToString());
        Assert.True(run.Steps[0].ExitCode == 0, run.ToString());
        Assert.True(run.Last.ExitCode == ExitCodes.Errors, run.ToString());
        Assert.Contains("::error file=services/a/serverless.yml,line=7,col=5,", run.Last.Out, StringComparison.Ordinal);
        Assert.Contains("title=SLS-GEN-002::", run.Last.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("::error file=services/b", run.Last.Out, StringComparison.Ordinal);
        Assert.Equal("1", run.Outputs["exit-code"]);
        Assert.Equal("reports/spec.sarif", run.Outputs["sarif-file"]);

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Path, "reports", "spec.sarif")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .First(r => r.GetProperty("ruleId").GetString() == "SLS-GEN-002" && r.GetProperty("level").GetString() == "error");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("services/a/serverless.yml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(7, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [SkippableFact]
    public void Extra_args_reach_spec_check_and_the_SARIF_file_defaults_to_spec_sarif()
    {
        TestSkip.If(runner.Packages is null, InstalledTool.SkipReason);
        using var workspace = new TempDir();
        workspace.Write("serverless.yml", Broken);

        var run = Action.Run(workspace.Path, runner.RunnerTemp, new Dictionary<string, string>
        {
            ["source"] = runner.Packages!,
            ["setup-dotnet"] = "false",
            ["args"] = "--fail-on none",
        }, runner.Environment);

        Assert.True(run.Last.ExitCode == 0, run.ToString());
        Assert.Equal("0", run.Outputs["exit-code"]);
        Assert.Contains("::error file=serverless.yml,line=7,col=5,", run.Last.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace.Path, "spec.sarif")), run.ToString());
    }
}
