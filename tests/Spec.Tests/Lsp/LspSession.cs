using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Tests.Schema;

namespace Spec.Tests.Lsp;

/// <summary>
/// Runs <c>tests/lsp/lsp-session.js</c>: the LSP client library from npm (vscode-languageserver-protocol) starts
/// <c>spec lsp --stdio</c> (the built <c>spec.dll</c> beside the tests) and plays a scripted editor session on one
/// document; the answer is the client's record of it.
/// </summary>
internal static class LspSession
{
    public const string SkipReason =
        "needs node and tests/lsp/node_modules/vscode-languageserver-protocol (run tests/tools/install-lsp.sh; CI does)";

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "lsp");

    public static bool Missing =>
        !File.Exists(Path.Combine(Folder, "node_modules", "vscode-languageserver-protocol", "package.json")) || NodeJs.Find() is null;

    /// <summary>Plays <paramref name="steps"/> (see lsp-session.js) on <paramref name="path"/> opened with its text.</summary>
    public static JsonElement Run(string path, params JsonObject[] steps)
    {
        var session = new JsonObject
        {
            ["uri"] = new Uri(path).AbsoluteUri,
            ["text"] = File.ReadAllText(path),
            ["steps"] = new JsonArray([.. steps]),
            ["timeoutMs"] = 120_000,
        };
        var sessionFile = Path.Combine(Path.GetDirectoryName(path)!, "lsp-session.json");
        File.WriteAllText(sessionFile, session.ToJsonString());

        var start = new ProcessStartInfo(NodeJs.Find()!)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "lsp-session.js"));
        start.ArgumentList.Add(sessionFile);
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spec.dll"));
        start.ArgumentList.Add("lsp");
        start.ArgumentList.Add("--stdio");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(180_000), "lsp-session.js did not finish");
        Assert.True(process.ExitCode == 0, $"lsp-session.js exited {process.ExitCode}: {stderr.Result}");
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.Clone();
    }

    public static JsonObject Change(string text) => new() { ["change"] = text };

    public static JsonObject Hover(int line, int character) => new() { ["hover"] = new JsonArray(line, character) };

    public static JsonObject Complete(int line, int character) => new() { ["complete"] = new JsonArray(line, character) };

    public static JsonObject CodeActions(int startLine, int endLine, string apply) =>
        new() { ["codeActions"] = new JsonArray(startLine, endLine), ["apply"] = apply };

    public static JsonElement Step(JsonElement session, int index) => session.GetProperty("steps")[index];

    /// <summary>A step's diagnostics as "CODE line:col-line:col" (0-based, as LSP has them).</summary>
    public static IReadOnlyList<string> Diagnostics(JsonElement step) =>
        [.. step.GetProperty("diagnostics").EnumerateArray().Select(d => $"{d.GetProperty("code").GetString()} {Range(d.GetProperty("range"))}")];

    public static string Range(JsonElement range)
    {
        var (start, end) = (range.GetProperty("start"), range.GetProperty("end"));
        return $"{start.GetProperty("line").GetInt32()}:{start.GetProperty("character").GetInt32()}-"
            + $"{end.GetProperty("line").GetInt32()}:{end.GetProperty("character").GetInt32()}";
    }
}
