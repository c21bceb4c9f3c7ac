using System.Diagnostics;

namespace Spec.Tests.Tooling;

/// <summary>The outcome of one external command.</summary>
public sealed record ProcessRun(string Command, int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public override string ToString() => $"$ {Command}\nexit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs an external program (no shell) with captured output, a working directory, extra environment
/// variables (or only the given ones, with <c>inheritEnvironment: false</c>) and a time bound.</summary>
public static class ExternalProcess
{
    public static ProcessRun Run(string fileName, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string? stdin = null,
        bool inheritEnvironment = true)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        if (!inheritEnvironment)
        {
            start.Environment.Clear();
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var command = string.Join(' ', new[] { fileName }.Concat(start.ArgumentList));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        var bound = timeout ?? TimeSpan.FromMinutes(2);
        if (!process.WaitForExit(bound))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in {bound.TotalSeconds:0} s");
        }

        return new ProcessRun(command, process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>True when <paramref name="name"/> is an executable on PATH.</summary>
    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, name)));
}
