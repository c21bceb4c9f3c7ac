using Spec.Cli;

namespace Spec.Tests.Cli;

/// <summary>
/// The process defers garbage collections for a one-shot command whose run is expected to take a small share of the
/// memory (issue 17: the collections of a 10,000-function check only copied live objects), never for a run of unknown
/// size, and never for the long-running language server.
/// </summary>
public sealed class OneShotCollectionsTests
{
    private const string Spec = "service: svc\nprovider:\n  name: aws\n  runtime: nodejs22.x\n";

    [Theory]
    [InlineData(100_000L, 24L << 30, (32L << 20) + 32_000_000L)] // a large real service: what it is expected to allocate
    [InlineData(2_200_000L, 24L << 30, (32L << 20) + 704_000_000L)] // 10,000 one-line functions
    [InlineData(6_600_000L, 24L << 30, (32L << 20) + 2_112_000_000L)] // 30,000
    [InlineData(6_600_000L, 8L << 30, 0)] // more than an eighth of 8 GB: collect as usual
    [InlineData(2_200_000L, 2L << 30, 0)] // a 2 GB container
    [InlineData(100_000L, 2L << 30, (32L << 20) + 32_000_000L)]
    [InlineData(null, 24L << 30, 0)] // an input of unknown size
    public void The_region_is_what_the_run_is_expected_to_allocate_within_an_eighth_of_the_memory(long? specBytes,
        long available, long region) =>
        Assert.Equal(region, OneShotCollections.RegionFor(specBytes, available));

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
        Assert.Equal([(long?)null], Deferrals(dir.Path, "check", new string('x', 5000) + ".yml"));
        Assert.Null(OneShotCollections.SpecBytes(["a\0b.yml"], dir.Path));
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
