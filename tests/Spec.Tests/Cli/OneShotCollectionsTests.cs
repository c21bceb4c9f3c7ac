using Spec.Cli;

namespace Spec.Tests.Cli;

/// <summary>
/// The process defers garbage collections for a one-shot command whose run is expected to fit a budget (issue 17:
/// the collections of a 10,000-function check only copied live objects), never for a run that would overflow it, and
/// never for the long-running language server.
/// </summary>
public sealed class OneShotCollectionsTests
{
    private const string Spec = "service: svc\nprovider:\n  name: aws\n  runtime: nodejs22.x\n";

    [Theory]
    [InlineData(24L << 30, 512L << 20)] // a large machine: the cap
    [InlineData(2L << 30, 256L << 20)] // a 2 GB container: an eighth of it
    [InlineData(512L << 20, 64L << 20)] // the smallest budget still worth a region
    [InlineData(511L << 20, 0)] // below it: collect as usual
    [InlineData(0, 0)]
    public void The_budget_is_an_eighth_of_the_available_memory_capped_and_none_when_small(long available, long budget) =>
        Assert.Equal(budget, OneShotCollections.BudgetFor(available));

    [Theory]
    [InlineData(100_000L, 512L << 20, true)] // a large real service
    [InlineData(2_200_000L, 512L << 20, true)] // 10,000 one-line functions
    [InlineData(6_600_000L, 512L << 20, false)] // 30,000: would overflow the region
    [InlineData(100_000L, 0, false)] // no budget
    [InlineData(null, 512L << 20, false)] // unknown input
    public void A_run_defers_only_when_it_is_expected_to_fit(long? specBytes, long budget, bool fits) =>
        Assert.Equal(fits, OneShotCollections.Fits(specBytes, budget));

    [Theory]
    [InlineData("check", true)]
    [InlineData("compile", true)]
    [InlineData("print", true)]
    [InlineData("deploy", true)]
    [InlineData("lsp", false)]
    public void Every_command_but_the_language_server_defers(string command, bool defers) =>
        Assert.Equal(defers, OneShotCollections.AppliesTo(command));

    [Fact]
    public void The_size_is_of_the_spec_files_the_command_names_or_discovers()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);
        dir.Write("other/serverless.json", "{}");

        Assert.Equal([(long?)Spec.Length], Deferrals(dir.Path, "check"));
        Assert.Equal([(long?)Spec.Length], Deferrals(dir.Path, "compile", "serverless.yml"));
        Assert.Equal([(long?)Spec.Length + 2], Deferrals(dir.Path, "check", "serverless.yml", "other"));
        Assert.Equal([(long?)2], Deferrals(dir.Path, "print", "--config", "other/serverless.json"));
        Assert.Equal([(long?)Spec.Length], Deferrals(dir.Path, "print", "--stage", "prod"));
    }

    [Fact]
    public void A_glob_a_missing_file_or_a_link_has_no_known_size()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "linked.yml"), Path.Combine(dir.Path, "serverless.yml"));

        Assert.Equal([(long?)null], Deferrals(dir.Path, "check", "**/serverless.yml"));
        Assert.Equal([(long?)null], Deferrals(dir.Path, "check", "missing.yml"));
        Assert.Equal([(long?)null], Deferrals(dir.Path, "check", "linked.yml"));
    }

    [Fact]
    public void A_usage_error_defers_nothing()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", Spec);

        Assert.Empty(Deferrals(dir.Path, "check", "--fial-on", "warning", "serverless.yml"));
    }

    private static List<long?> Deferrals(string directory, params string[] args)
    {
        var deferrals = new List<long?>();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, directory, new Dictionary<string, string>(), OutputIsTerminal: false)
        {
            DeferCollections = deferrals.Add,
        };
        SpecCli.Run(args, context);
        return deferrals;
    }
}
