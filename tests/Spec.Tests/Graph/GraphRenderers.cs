using System.Diagnostics;
using Spec.Tests.Schema;

namespace Spec.Tests.Graph;

/// <summary>The real renderers: Graphviz <c>dot</c> (Debian's graphviz) and mermaid's own parser
/// (<c>tests/graph/mermaid-parse.mjs</c>). Each runs once over a batch of files.</summary>
internal static class GraphRenderers
{
    public const string DotSkipReason = "needs Graphviz `dot` on PATH (apt-get install graphviz; .ci/run does)";

    public const string MermaidSkipReason =
        "needs node and tests/graph/node_modules/mermaid (run tests/tools/install-graph.sh; CI does)";

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "graph");

    public static string? Dot { get; } = FindOnPath("dot");

    public static bool MermaidMissing => !File.Exists(Path.Combine(Folder, "node_modules", "mermaid", "package.json")) || NodeJs.Find() is null;

    /// <summary>Renders every DOT file to FILE.svg with <c>dot -Tsvg -O</c>; returns dot's exit code and stderr.</summary>
    public static (int ExitCode, string Error) RenderDot(IReadOnlyList<string> files)
    {
        var (exit, _, error) = Run(Dot!, ["-Tsvg", "-O", .. files], Path.GetDirectoryName(files[0])!);
        return (exit, error);
    }

    /// <summary>Parses every Mermaid file; returns the exit code and one JSON line per file.</summary>
    public static (int ExitCode, string Output) ParseMermaid(IReadOnlyList<string> files)
    {
        var (exit, output, error) = Run(NodeJs.Find()!, [Path.Combine(Folder, "mermaid-parse.mjs"), .. files], Folder);
        return (exit, output + error);
    }

    private static (int, string, string) Run(string program, IReadOnlyList<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(300_000), $"{program} did not finish");
        return (process.ExitCode, output, error.Result);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(d => d.Length > 0).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
