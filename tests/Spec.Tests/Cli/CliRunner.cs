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
        if (GivenBinary is { } binary && !terminal)
        {
            return OfBinary(binary, workingDirectory, environment ?? new Dictionary<string, string>(), args);
        }

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
        if (GivenBinary is { } binary)
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            {
                environment[(string)e.Key] = (string?)e.Value ?? "";
            }

            environment.Remove("SPEC_DEBUG");
            return OfBinary(binary, workingDirectory, environment, args);
        }

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

    /// <summary>
    /// <c>SPEC_E2E_BINARY</c>: a built <c>spec</c> executable (e.g. the NativeAOT binary of scripts/build-native.sh)
    /// that the CLI tests run instead of the in-process entry point and <c>spec.dll</c>, so the same tests check the
    /// shipped binary: <c>SPEC_E2E_BINARY=artifacts/native/linux-x64/spec dotnet test --filter …</c> (README,
    /// "Install"). Tests that need a terminal stay in-process.
    /// </summary>
    public static string? GivenBinary { get; } =
        Environment.GetEnvironmentVariable("SPEC_E2E_BINARY") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>
    /// How a report shows <paramref name="file"/>: relative to the working directory when the CLI runs there (a child
    /// process), as given in-process (where the process's own directory is elsewhere).
    /// </summary>
    public static string Shown(string workingDirectory, string file) =>
        GivenBinary is null ? file : Path.GetRelativePath(workingDirectory, file);

    /// <summary>Runs <paramref name="binary"/> as a child process that sees only <paramref name="environment"/> (as the
    /// in-process entry point does), plus what a .NET apphost needs to find the runtime.</summary>
    private static CliRun OfBinary(string binary, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        string[] args)
    {
        var visible = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in (string[])["PATH", "HOME", "DOTNET_ROOT"])
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                visible[name] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            visible[name] = value;
        }

        var watch = Stopwatch.StartNew();
        var run = Tooling.ExternalProcess.Run(binary, args, workingDirectory, visible, TimeSpan.FromSeconds(60),
            inheritEnvironment: false);
        return new CliRun(run.ExitCode, run.Out, run.Error, watch.Elapsed);
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
