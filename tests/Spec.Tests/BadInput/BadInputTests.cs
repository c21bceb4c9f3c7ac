using System.Text.RegularExpressions;
using Spec.Tests.Cli;

namespace Spec.Tests.BadInput;

/// <summary>
/// Every malformed input gives a located diagnostic and exit 1 or 2 quickly, through the real CLI: never a crash,
/// a stack trace, or the content of something refused.
/// </summary>
public sealed partial class BadInputTests
{
    // Generous: the assertion is "finishes", not a benchmark (2 shared cores, debug build, cold JIT).
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public static TheoryData<string> CaseNames() => [.. BadInputCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BadInput_gives_a_located_diagnostic_in_process(string name)
    {
        var bad = BadInputCases.Get(name);
        using var dir = Materialise(bad);

        var run = CliRunner.InProcess(dir.Path, bad.Environment, "check", bad.Spec);

        AssertWellBehaved(bad, run);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BadInput_json_output_has_a_location(string name)
    {
        var bad = BadInputCases.Get(name);
        using var dir = Materialise(bad);

        var run = CliRunner.InProcess(dir.Path, bad.Environment, "check", "--format", "json", bad.Spec);

        Assert.True(run.ExitCode is 1 or 2, run.ToString());
        Assert.Matches(JsonLocation(), run.Out);
        Assert.DoesNotContain("SPEC-INTERNAL", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("alias-bomb")]
    [InlineData("deep-flow-sequence")]
    [InlineData("invalid-utf8")]
    [InlineData("binary")]
    [InlineData("empty")]
    [InlineData("list-at-root")]
    public void BadInput_gives_a_located_diagnostic_as_a_child_process(string name)
    {
        var bad = BadInputCases.Get(name);
        using var dir = Materialise(bad);

        var run = CliRunner.Process(dir.Path, "check", bad.Spec);

        AssertWellBehaved(bad, run, TimeSpan.FromSeconds(30));
    }

    internal static TempDir Materialise(BadInputCase bad)
    {
        var dir = new TempDir();
        foreach (var (path, bytes) in bad.Files)
        {
            dir.Write(path, bytes);
        }

        return dir;
    }

    internal static void AssertWellBehaved(BadInputCase bad, CliRun run, TimeSpan? budget = null)
    {
        Assert.True(run.ExitCode is 1 or 2, $"{bad.Name}: {Short(run)}");
        Assert.True(run.Elapsed < (budget ?? Budget), $"{bad.Name} took {run.Elapsed}");
        Assert.Matches(TextLocation(), run.Out);
        Assert.Matches(Header(), run.Out);
        Assert.DoesNotContain("SPEC-INTERNAL", run.All, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), run.All);
        Assert.DoesNotContain("Exception", run.All, StringComparison.Ordinal);
        foreach (var secret in bad.Forbidden)
        {
            Assert.DoesNotContain(secret, run.All, StringComparison.Ordinal);
        }

        Assert.True(run.All.Length < 64 * 1024, $"{bad.Name}: {run.All.Length} characters of output");
    }

    private static string Short(CliRun run) => run.ToString() is { Length: > 4000 } s ? s[..4000] : run.ToString();

    [GeneratedRegex(@"^\s*--> [^\n]+:\d+:\d+$", RegexOptions.Multiline)]
    private static partial Regex TextLocation();

    [GeneratedRegex(@"^error\[SLS-GEN-\d{3}\]: \S", RegexOptions.Multiline)]
    private static partial Regex Header();

    [GeneratedRegex(@"""line"": \d+,\s+""column"": \d+")]
    private static partial Regex JsonLocation();

    [GeneratedRegex(@"^\s+at [\w.<>`]+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
