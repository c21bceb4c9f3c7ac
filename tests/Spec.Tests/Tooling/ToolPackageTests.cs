using System.Reflection;
using Spec.Cli;
using Spec.Tests.Cli;

namespace Spec.Tests.Tooling;

/// <summary>
/// The packed <c>spec</c> tool installs with <c>dotnet tool install</c> and works as installed: <c>--version</c>,
/// and <c>spec check</c> on the README's example and on a broken spec (README "Install").
/// </summary>
public sealed class ToolPackageTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    [SkippableFact]
    public void Installs_AsTheReadyToRunPackageOfThisPlatform()
    {
        TestSkip.If(tool.Missing, InstalledTool.SkipReason);
        Assert.True(tool.Install!.ExitCode == 0, tool.Install.ToString());
        Assert.Contains("'spec'", tool.Install.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(tool.Executable), $"no {tool.Executable}\n{tool.Install}");
        if (OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture ==
            System.Runtime.InteropServices.Architecture.X64
            && Directory.GetFiles(tool.Packages!, "spec.linux-x64.*.nupkg").Length > 0)
        {
            // The RID-specific (ReadyToRun) package is chosen over the portable one.
            var target = new FileInfo(tool.Executable).LinkTarget ?? "";
            Assert.Contains("spec.linux-x64", target, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Version_IsTheVersionOfTheBuiltCli()
    {
        TestSkip.If(tool.Missing, InstalledTool.SkipReason);
        var run = tool.Run(Path.GetTempPath(), "--version");
        Assert.True(run.ExitCode == 0, run.ToString());
        // System.CommandLine prints the entry assembly's informational version: the CLI's, built from this checkout.
        var expected = typeof(SpecCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(VersionOnly(expected), VersionOnly(run.Out.Trim()));
    }

    [SkippableFact]
    public void Check_TheReadmeExample_PassesWithWarnings()
    {
        TestSkip.If(tool.Missing, InstalledTool.SkipReason);
        using var dir = new TempDir();
        File.Copy(Path.Combine(Golden.RepositoryRoot, "serverless.yml.example"), Path.Combine(dir.Path, "serverless.yml.example"));
        var run = tool.Run(dir.Path, "check", "serverless.yml.example", "--as-of", "2026-11-23");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("ok: serverless.yml.example: 0 errors", run.Out, StringComparison.Ordinal);
        Assert.Contains("warning[", run.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Check_ABrokenSpec_FailsWithALocatedError()
    {
        TestSkip.If(tool.Missing, InstalledTool.SkipReason);
        using var dir = new TempDir();
        dir.Write("serverless.yml", "service: broken\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  hello:\n    handlr: h.h\n");
        var run = tool.Run(dir.Path, "check");
        Assert.True(run.ExitCode == ExitCodes.Errors, run.ToString());
        Assert.Contains("error[SLS-GEN-002]", run.Out, StringComparison.Ordinal);
        Assert.Contains("--> serverless.yml:7:5", run.Out, StringComparison.Ordinal);
    }

    private static string VersionOnly(string informational) =>
        informational.Split('+')[0];
}
