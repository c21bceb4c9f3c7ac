using System.Diagnostics;
using System.Text.Json;

namespace Spec.Tests.Schema;

/// <summary>
/// Runs <c>tests/ide/lsp-probe.js</c>: a headless LSP client driving the real yaml-language-server 1.25.0 over stdio,
/// bound to the checked-in schema, and returns its JSON report (completions, hovers, final diagnostics).
/// </summary>
internal static class LanguageServerProbe
{
    public const string SkipReason =
        "needs node and tests/ide/node_modules/yaml-language-server (run tests/tools/install-ide.sh; CI does)";

    public static bool Missing => !File.Exists(Path.Combine(RepoPaths.IdeFolder, "node_modules", "yaml-language-server", "package.json"))
        || NodeJs.Find() is null;

    public static string Fixture(string name) => Path.Combine(RepoPaths.IdeFolder, "fixtures", name);

    public static JsonElement Run(string document, params string[] args)
    {
        var start = new ProcessStartInfo(NodeJs.Find()!)
        {
            WorkingDirectory = RepoPaths.IdeFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.IdeFolder, "lsp-probe.js"));
        start.ArgumentList.Add(RepoPaths.CheckedInSchema);
        start.ArgumentList.Add(document);
        start.ArgumentList.Add("--timeout");
        start.ArgumentList.Add("90000");
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "lsp-probe.js did not finish");
        Assert.True(process.ExitCode == 0, $"lsp-probe.js exited {process.ExitCode}: {stderr.Result}");
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.Clone();
    }

    public static IReadOnlyList<string> CompletionLabels(JsonElement report, string position) =>
        [.. report.GetProperty("completions").GetProperty(position).EnumerateArray()
            .Select(i => i.GetProperty("label").GetString()!)
            .Where(l => !l.StartsWith('!'))]; // the customTags are offered too

    /// <summary>Diagnostics as "line: message" with 1-based lines.</summary>
    public static IReadOnlyList<string> Diagnostics(JsonElement report) =>
        [.. report.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("line").GetInt32() + 1}: {d.GetProperty("message").GetString()}")];
}
