using System.Text.RegularExpressions;
using Spec.Cli;
using Spec.Tests.Cli;
using YamlDotNet.RepresentationModel;

namespace Spec.Tests.Tooling;

/// <summary>
/// The repository's pre-commit hooks (<c>.pre-commit-hooks.yaml</c>, README "Pull requests"). The <c>spec-system</c>
/// hook runs through the real <c>pre-commit try-repo</c> when pre-commit is installed (Debian's pre-commit 3.0.4 here),
/// with the packed tool on PATH; without pre-commit, the hook's declared command line runs on the files its pattern
/// selects. The <c>spec</c> hook (language dotnet) makes pre-commit build the tool from source with a Release
/// <c>dotnet pack</c>; that build is not repeated here: its entry and file pattern must equal the tested hook's.
/// </summary>
public sealed class PreCommitHookTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    private const string Broken = "service: broken\nprovider:\n  name: aws\n  runtime: provided.al2023\nfunctions:\n  hello:\n    handlr: h.h\n";
    private const string Clean = "service: clean\nprovider:\n  name: aws\n  runtime: provided.al2023\nfunctions:\n  hello:\n    handler: h.h\n";

    private static readonly IReadOnlyList<Hook> Hooks = LoadHooks();

    [Fact]
    public void Declares_a_dotnet_hook_and_a_system_hook_with_the_same_command_line()
    {
        Assert.Equal(["spec", "spec-system"], Hooks.Select(h => h.Id));
        Assert.Equal(["dotnet", "system"], Hooks.Select(h => h.Language));
        Assert.Single(Hooks.Select(h => (h.Entry, h.Files)).Distinct());
        var files = new Regex(Hooks[0].Files);
        Assert.True(files.IsMatch("serverless.yml") && files.IsMatch("services/api/serverless.yaml") && files.IsMatch("serverless.json"));
        Assert.False(files.IsMatch("not-serverless.yml") || files.IsMatch("serverless.yml.example"));
    }

    [SkippableFact]
    public void The_hook_fails_a_commit_of_a_spec_with_errors_and_passes_a_clean_one()
    {
        TestSkip.If(tool.Missing, InstalledTool.SkipReason);
        Assert.True(tool.Install!.ExitCode == 0, tool.Install.ToString());
        using var project = new TempDir();
        project.Write("services/api/serverless.yml", Broken);
        project.Write("README.md", "not a spec\n");

        var failed = RunHook(project.Path);
        Assert.True(failed.ExitCode == ExitCodes.Errors, failed.ToString());
        Assert.Contains("error[SLS-GEN-002]", failed.All, StringComparison.Ordinal);
        Assert.Contains("services/api/serverless.yml:7:5", failed.All, StringComparison.Ordinal);

        project.Write("services/api/serverless.yml", Clean);
        var passed = RunHook(project.Path);
        Assert.True(passed.ExitCode == 0, passed.ToString());
    }

    private ProcessRun RunHook(string project)
    {
        var environment = new Dictionary<string, string?>(tool.ToolEnvironment)
        {
            ["PATH"] = tool.ToolPath + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["PRE_COMMIT_HOME"] = Path.Combine(project, ".pre-commit-home"),
            ["GIT_AUTHOR_NAME"] = "spec tests",
            ["GIT_AUTHOR_EMAIL"] = "tests@spec.invalid",
            ["GIT_COMMITTER_NAME"] = "spec tests",
            ["GIT_COMMITTER_EMAIL"] = "tests@spec.invalid",
        };
        var files = Directory.GetFiles(project, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".pre-commit-home/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var hook = Hooks.Single(h => h.Id == "spec-system");
        if (PreCommitCanRun)
        {
            if (!Directory.Exists(Path.Combine(project, ".git")))
            {
                Assert.Equal(0, ExternalProcess.Run("git", ["init", "-q"], project, environment).ExitCode);
            }

            return ExternalProcess.Run("pre-commit", ["try-repo", Golden.RepositoryRoot, hook.Id, "--files", .. files],
                project, environment, TimeSpan.FromMinutes(3));
        }

        // pre-commit's own selection: the files matching the hook's pattern, passed after the entry's arguments.
        var entry = hook.Entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var selected = files.Where(f => Regex.IsMatch(f, hook.Files));
        return ExternalProcess.Run(Path.Combine(tool.ToolPath, entry[0]), [.. entry.Skip(1), .. selected], project, environment);
    }

    /// <summary>pre-commit is installed and the checkout is a git repository (try-repo clones it).</summary>
    private static bool PreCommitCanRun =>
        ExternalProcess.OnPath("pre-commit") && Path.Exists(Path.Combine(Golden.RepositoryRoot, ".git"));

    private sealed record Hook(string Id, string Language, string Entry, string Files);

    private static List<Hook> LoadHooks()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Golden.RepositoryRoot, ".pre-commit-hooks.yaml")))
        {
            stream.Load(reader);
        }

        return [.. ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>().Select(h => new Hook(
            Value(h, "id"), Value(h, "language"), Value(h, "entry"), Value(h, "files")))];

        static string Value(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? "";
    }
}
