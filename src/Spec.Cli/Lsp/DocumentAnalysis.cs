using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Rules.Checking;
using Spec.Rules.Engine;

namespace Spec.Cli.Lsp;

/// <summary>
/// One version of an open document checked as <c>spec check</c> checks a file (Load → Resolve → Bind → every rule,
/// <c>.spec.yml</c> and inline suppressions applied), and its findings as LSP diagnostics.
/// </summary>
internal sealed record DocumentAnalysis(string Uri, string Path, int Version, string Text, IReadOnlyList<Finding> Reported)
{
    /// <summary>Checks <paramref name="text"/> as the spec at <paramref name="path"/>. A bug in a stage or a rule
    /// becomes one SPEC-INTERNAL diagnostic: the server keeps serving.</summary>
    public static DocumentAnalysis Run(string uri, string path, int version, string text, SpecCheckOptions options)
    {
        IReadOnlyList<Finding> reported;
        try
        {
            // A new checker per run: it caches .spec.yml, which the user may be editing beside the spec.
            var result = new SpecChecker(options).CheckText(path, text);
            reported = [.. result.Result.Findings.Where(f => !f.IsSuppressed)];
        }
#pragma warning disable CA1031 // An editor session must survive a bug on one input; the bug is shown as a diagnostic.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var diagnostic = new Diagnostic(DiagnosticIds.Internal, Severity.Error,
                $"internal error in Spec ({e.GetType().Name}) while checking this file; this is a bug, not a problem with your spec",
                SourceSpan.At(path, 1, 1));
            reported = [new Finding(diagnostic, string.Empty)];
        }

        return new DocumentAnalysis(uri, path, version, text, reported);
    }

    /// <summary>The <c>textDocument/publishDiagnostics</c> params for this version.</summary>
    public JsonObject PublishParams()
    {
        var diagnostics = new JsonArray();
        foreach (var finding in Reported)
        {
            diagnostics.Add((JsonNode)ToLsp(finding.Diagnostic));
        }

        return new JsonObject { ["uri"] = Uri, ["version"] = Version, ["diagnostics"] = diagnostics };
    }

    /// <summary>True when <paramref name="span"/> is in this document (spans carry the path the spec was checked as).</summary>
    public bool IsHere(SourceSpan? span) => span is not null && SamePath(span.File, Path);

    private JsonObject ToLsp(Diagnostic diagnostic)
    {
        var related = new JsonArray();
        foreach (var location in diagnostic.Related)
        {
            related.Add((JsonNode)Related(location.Span, location.Message));
        }

        // A finding on a value defined in another file (`${file(…)}`) is shown here at its use in this file, and
        // the definition is a related location: an editor shows a file's diagnostics on that file only.
        var range = LspJson.EmptyRange();
        if (IsHere(diagnostic.Span))
        {
            range = LspJson.Range(diagnostic.Span!);
        }
        else
        {
            if (diagnostic.Related.FirstOrDefault(r => IsHere(r.Span)) is { } use)
            {
                range = LspJson.Range(use.Span);
            }

            if (diagnostic.Span is { } elsewhere)
            {
                related.Add((JsonNode)Related(elsewhere, "reported here"));
            }
        }

        var message = diagnostic.Help is { Length: > 0 } help ? $"{diagnostic.Message}\nhelp: {help}" : diagnostic.Message;
        var lsp = new JsonObject
        {
            ["range"] = range,
            ["severity"] = diagnostic.Severity switch { Severity.Error => 1, Severity.Warning => 2, _ => 3 },
            ["code"] = diagnostic.Id,
            ["source"] = "spec",
            ["message"] = message,
        };
        if (diagnostic.HelpUri is { } uri)
        {
            lsp["codeDescription"] = new JsonObject { ["href"] = uri.AbsoluteUri };
        }

        if (related.Count > 0)
        {
            lsp["relatedInformation"] = related;
        }

        return lsp;
    }

    private JsonObject Related(SourceSpan span, string message)
    {
        var file = System.IO.Path.IsPathRooted(span.File)
            ? span.File
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path) ?? string.Empty, span.File);
        return new JsonObject
        {
            ["location"] = new JsonObject { ["uri"] = IsHere(span) ? Uri : LspJson.UriOf(file), ["range"] = LspJson.Range(span) },
            ["message"] = message,
        };
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(System.IO.Path.GetFullPath(a), System.IO.Path.GetFullPath(b), StringComparison.Ordinal);
}
