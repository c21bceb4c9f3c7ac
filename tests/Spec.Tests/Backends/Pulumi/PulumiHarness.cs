using System.Diagnostics;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>
/// The Node harness in <c>tests/pulumi</c> (pinned @pulumi/pulumi, @pulumi/aws, typescript; installed by
/// <c>tests/tools/install-pulumi.sh</c>). Tests that need it skip with <see cref="SkipReason"/> when it is not installed.
/// </summary>
internal static class PulumiHarness
{
    public const string SkipReason =
        "needs tests/pulumi/node_modules (run tests/tools/install-pulumi.sh; needs node >= 20 and npm); installed in CI";

    private static readonly Lazy<string?> DirectoryPath = new(Find);

    public static string? Directory => DirectoryPath.Value;

    public static bool Missing => Directory is null;

    public static string Tsc => Path.Combine(Directory!, "node_modules", "typescript", "bin", "tsc");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "pulumi");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return File.Exists(Path.Combine(candidate, "node_modules", "typescript", "bin", "tsc")) &&
                       System.IO.Directory.Exists(Path.Combine(candidate, "node_modules", "@pulumi", "aws"))
                    ? candidate
                    : null;
            }
        }

        return null;
    }

    /// <summary>Runs a process to completion, returning its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> args, string workingDirectory, int timeoutSeconds = 900)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
