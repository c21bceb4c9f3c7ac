using System.Diagnostics;
using Spec.Cli;

namespace Spec.Tests.Cli;

/// <summary>The outcome of one <c>spec</c> invocation.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error, TimeSpan Elapsed)
{
    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the real <c>spec</c> entry point, in-process or as a child process of the built binary.</summary>
internal static class CliRunner
{
    /// <summary>Runs <see cref="SpecCli.Run"/> with captured output, in <paramref name="workingDirectory"/>.</summary>
    public static CliRun InProcess(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        params string[] args) => InProcess(workingDirectory, environment, terminal: false, args);

    public static CliRun InProcess(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        bool terminal, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, workingDirectory,
            environment ?? new Dictionary<string, string>(), terminal);
        var watch = Stopwatch.StartNew();
        var exit = SpecCli.Run(args, context);
        return new CliRun(exit, stdout.ToString(), stderr.ToString(), watch.Elapsed);
    }

    public static CliRun InProcess(string workingDirectory, params string[] args) =>
        InProcess(workingDirectory, null, args);

    /// <summary>
    /// Runs the built <c>spec.dll</c> (copied beside the test assembly) with <c>dotnet</c>, as a user would run it.
    /// </summary>
    public static CliRun Process(string workingDirectory, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spec.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("SPEC_DEBUG");
        var watch = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"spec {string.Join(' ', args)} did not finish in 60 s");
        }

        return new CliRun(process.ExitCode, stdout.Result, stderr.Result, watch.Elapsed);
    }
}

/// <summary>A temporary directory that deletes itself.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spec-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
