using Spec.Core.Diagnostics;

namespace Spec.Core.Pipeline;

/// <summary>
/// Finds the spec to process the way the Framework does: <c>serverless.yml</c>, <c>serverless.yaml</c> or
/// <c>serverless.json</c> in a directory, or an explicit file. JavaScript/TypeScript configs are recognised and
/// refused with a clear diagnostic, because Spec never executes code.
/// </summary>
public static class ConfigDiscovery
{
    /// <summary>The file names looked for in a directory, in the Framework's order of preference.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["serverless.yml", "serverless.yaml", "serverless.json"];

    private static readonly string[] CodeConfigNames =
        ["serverless.js", "serverless.cjs", "serverless.mjs", "serverless.ts"];

    private static readonly string[] CodeExtensions = [".js", ".cjs", ".mjs", ".ts"];

    /// <summary>
    /// Returns the spec file for <paramref name="fileOrDirectory"/>, or null with an error in
    /// <paramref name="diagnostics"/> when there is none that Spec can read.
    /// </summary>
    public static string? Find(string fileOrDirectory, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(fileOrDirectory);
        ArgumentNullException.ThrowIfNull(diagnostics);

        if (Directory.Exists(fileOrDirectory))
        {
            return FindInDirectory(fileOrDirectory, diagnostics);
        }

        if (IsCodeConfig(fileOrDirectory))
        {
            ReportCodeConfig(fileOrDirectory, diagnostics);
            return null;
        }

        if (!File.Exists(fileOrDirectory))
        {
            diagnostics.Error(DiagnosticIds.Parse, $"no such file or directory: {fileOrDirectory}",
                SourceSpan.At(fileOrDirectory, 1, 1));
            return null;
        }

        return fileOrDirectory;
    }

    private static string? FindInDirectory(string directory, DiagnosticBag diagnostics)
    {
        foreach (var name in FileNames)
        {
            var candidate = Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        foreach (var name in CodeConfigNames)
        {
            var candidate = Combine(directory, name);
            if (File.Exists(candidate))
            {
                ReportCodeConfig(candidate, diagnostics);
                return null;
            }
        }

        var shown = Combine(directory, FileNames[0]);
        diagnostics.Error(DiagnosticIds.Parse,
            $"no serverless.yml, serverless.yaml or serverless.json in {(directory == "." ? "the current directory" : directory)}",
            SourceSpan.At(shown, 1, 1),
            help: "pass the spec file explicitly, e.g. `spec check path/to/serverless.yml` or `--config FILE`");
        return null;
    }

    private static bool IsCodeConfig(string path) =>
        Array.Exists(CodeExtensions, e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static void ReportCodeConfig(string path, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticIds.Unsupported,
            $"{Path.GetFileName(path)} is a JavaScript/TypeScript config; Spec reads YAML and JSON specs and never runs code",
            SourceSpan.At(path, 1, 1),
            help: "run `serverless print --format yaml > serverless.yml` once and check the generated file");

    /// <summary>Keeps paths as the user wrote them: a file in the current directory stays a bare file name.</summary>
    private static string Combine(string directory, string name) =>
        directory is "." or "./" ? name : Path.Combine(directory, name);
}
