using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Spec.Tests.Schema;

namespace Spec.Tests.Load;

/// <summary>What js-yaml (with the Framework's CloudFormation schema) made of one document.</summary>
internal sealed record OracleResult(string Id, bool Ok, string? Value, string? Reason, int Line, string? Text);

/// <summary>
/// Runs <c>tests/yaml/oracle.js</c> (js-yaml 4.3.2 and @serverless/utils' schema, installed by
/// <c>tests/tools/install-yaml.sh</c>): one node process for a whole batch of documents.
/// </summary>
internal static class JsYamlOracle
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "yaml");

    public static string? MissingReason =>
        !File.Exists(Path.Combine(Folder, "node_modules", "js-yaml", "package.json"))
            ? "js-yaml is not installed: run tests/tools/install-yaml.sh (needs Node.js and npm)"
            : NodeJs.Find() is null ? "node is not on PATH" : null;

    /// <summary>Skips the calling test (through <see cref="TestSkip"/>, so CI fails instead) when the oracle is missing.</summary>
    public static void SkipUnlessInstalled()
    {
        var missing = MissingReason;
        TestSkip.If(missing is not null, missing ?? string.Empty);
    }

    /// <summary>The YAML test suite's cases with js-yaml's result for each.</summary>
    public static IReadOnlyList<OracleResult> Suite() => Run(["suite"], null);

    public static IReadOnlyDictionary<string, OracleResult> Load(IReadOnlyList<(string Id, string Text)> documents)
    {
        var input = new StringBuilder();
        foreach (var (id, text) in documents)
        {
            input.Append("{\"id\":").Append(CanonicalJson.AsciiString(id)).Append(",\"text\":")
                .Append(CanonicalJson.AsciiString(text)).Append("}\n");
        }

        return Run([], input.ToString()).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    private static List<OracleResult> Run(IReadOnlyList<string> args, string? stdin)
    {
        var start = new ProcessStartInfo(NodeJs.Find() ?? "node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(Path.Combine(Folder, "oracle.js"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // String(date) depends on the zone; the loader writes UTC's.
        start.Environment["TZ"] = "UTC";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
            }

            process.StandardInput.Close();
        });
        var results = new List<OracleResult>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            results.Add(new OracleResult(
                root.GetProperty("id").ToString(),
                root.GetProperty("ok").GetBoolean(),
                root.TryGetProperty("value", out var v) ? v.GetString() : null,
                root.TryGetProperty("reason", out var r) ? r.GetString() : null,
                root.TryGetProperty("line", out var l) ? l.GetInt32() : -1,
                root.TryGetProperty("text", out var t) ? t.GetString() : null));
        }

        writer.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"oracle.js failed ({process.ExitCode}): {stderr.Result}");
        }

        return results;
    }
}
