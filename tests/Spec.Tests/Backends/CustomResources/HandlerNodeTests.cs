using System.Diagnostics;

namespace Spec.Tests.Backends.CustomResources;

/// <summary>
/// The custom-resource handlers under <c>src/Spec.Backends/CustomResources/handlers</c>, tested by
/// <c>node --test</c> over <c>node/*.test.js</c> with fake AWS APIs and a response endpoint on the loopback address.
/// </summary>
public sealed class HandlerNodeTests
{
    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spec.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    [SkippableFact]
    public void NodeTests_OfTheCustomResourceHandlers_Pass()
    {
        TestSkip.If(!CfnToolTests.ToolExists("node"), "needs Node.js 20+ ('node' on PATH) to run the handler tests");
        var root = RepositoryRoot();
        TestSkip.If(root is null, "the repository (Spec.sln) is not above the test assembly");
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(root!, "tests", "Spec.Tests", "Backends", "CustomResources", "node"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add("--test");
        psi.ArgumentList.Add("--test-reporter=tap");
        foreach (var file in Directory.GetFiles(psi.WorkingDirectory, "*.test.js").Order(StringComparer.Ordinal))
        {
            psi.ArgumentList.Add(file);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "node --test did not finish in 2 minutes");
        var output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("# fail 0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("# pass 0", output, StringComparison.Ordinal);
    }
}
