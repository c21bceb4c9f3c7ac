using Spec.Cli;

namespace Spec.Tests.Cli;

public sealed class PassThroughOptionsTests
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "--stage", "-s", "--format" };

    [Fact]
    public void Unknown_options_are_taken_out_like_minimist_reads_them()
    {
        var (known, pass) = PassThroughOptions.Extract(
            ["check", "--stage", "prod", "--foo", "bar", "--eq=1=2", "--flag", "--format", "json", "--last"], Known);

        Assert.Equal(["check", "--stage", "prod", "--format", "json"], known);
        Assert.Equal(
            [new("foo", "bar"), new("eq", "1=2"), new("flag", "true"), new KeyValuePair<string, string>("last", "true")],
            pass.Items);
        Assert.Equal(["--foo=bar", "--eq=1=2", "--flag=true", "--last=true"], pass.ToArguments());
    }

    [Fact]
    public void Tokens_after_double_dash_stay_positional()
    {
        var (known, pass) = PassThroughOptions.Extract(["check", "--", "--weird-file.yml"], Known);

        Assert.Equal(["check", "--", "--weird-file.yml"], known);
        Assert.Empty(pass.Items);
    }
}
