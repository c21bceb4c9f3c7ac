using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Spec.Backends.Beanstalk;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>
/// A real adapter process on a loopback port: a temporary bundle with the embedded adapter, its route table and the
/// fixture handlers (adapter-fixtures/&lt;language&gt;/app), started the way the Procfile starts it, with PORT=0.
/// </summary>
internal sealed partial class AdapterProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private AdapterProcess(Process process, StringBuilder stderr, string root, int port)
    {
        _process = process;
        _stderr = stderr;
        Root = root;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Root { get; }

    public string EventLog => Path.Combine(Root, "events");

    public HttpClient Client { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<AdapterProcess> StartAsync(AdapterRuntime runtime, AdapterKind kind, AdapterRouteTable table)
    {
        var root = Directory.CreateTempSubdirectory("spec-eb-adapter-").FullName;
        foreach (var file in BeanstalkAdapters.Files(runtime, kind))
        {
            Write(Path.Combine(root, file.Path), file.Content);
        }

        Write(Path.Combine(root, BeanstalkAdapters.RouteTableFile), table.ToJson());
        var language = runtime == AdapterRuntime.Node ? "node" : "python";
        var fixtures = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Backends", "Beanstalk", "adapter-fixtures", language);
        foreach (var source in Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories))
        {
            Write(Path.Combine(root, Path.GetRelativePath(fixtures, source)), File.ReadAllText(source));
        }

        Directory.CreateDirectory(Path.Combine(root, "events"));
        return await LaunchAsync(root, BeanstalkAdapters.ProcfileLine(runtime, kind));
    }

    /// <summary>Starts a bundle folder the way Elastic Beanstalk does: its Procfile's web command, from its root.</summary>
    public static async Task<AdapterProcess> StartBundleAsync(string root)
    {
        var web = File.ReadAllLines(Path.Combine(root, "Procfile")).Single(l => l.StartsWith("web:", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(root, "events"));
        return await LaunchAsync(root, web);
    }

    private static async Task<AdapterProcess> LaunchAsync(string root, string procfileLine)
    {
        // The Procfile line is "web: <program> <script>": run exactly that command, from the bundle root.
        var command = procfileLine["web:".Length..].Trim().Split(' ');
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(command[1]);
        start.Environment["PORT"] = "0";
        start.Environment["EVENT_LOG"] = Path.Combine(root, "events");
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONUNBUFFERED"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command[0]}");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                await process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException($"{command[0]} {command[1]} exited ({process.ExitCode}) before listening: {stderr}");
            }

            if (ListeningLine().Match(line) is { Success: true } m)
            {
                // Keep draining stdout so handlers that log never block on a full pipe.
                _ = Task.Run(() => process.StandardOutput.ReadToEndAsync(CancellationToken.None));
                return new AdapterProcess(process, stderr, root, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
