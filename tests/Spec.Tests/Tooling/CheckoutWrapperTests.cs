using Spec.Cli;

namespace Spec.Tests.Tooling;

/// <summary>
/// <c>./spec</c>, the README's first command: it runs the CLI built from the checkout, building it first (with
/// progress on stderr) only when the build is missing or older than a source file, and keeps stdout for spec's
/// output.
/// </summary>
public sealed class CheckoutWrapperTests
{
    [Fact]
    public void Runs_the_readme_example_check_with_the_build_the_tests_made()
    {
        var run = ExternalProcess.Run(Path.Combine(Golden.RepositoryRoot, "spec"),
            ["check", "serverless.yml.example", "--as-of", "2026-11-23"], Golden.RepositoryRoot,
            new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, TimeSpan.FromMinutes(10));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.StartsWith("warning[", run.Out, StringComparison.Ordinal);
        Assert.Contains("ok: serverless.yml.example: 0 errors", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Build succeeded", run.Out, StringComparison.Ordinal);
    }
}
