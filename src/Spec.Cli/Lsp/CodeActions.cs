using System.Text.Json.Nodes;
using Spec.Rules.Fixes;

namespace Spec.Cli.Lsp;

/// <summary>
/// Code actions from the rules' safe fixes, applied by the same <see cref="FixApplier"/> as <c>spec check --fix</c>: a
/// quick fix per finding in the requested range whose fix still applies to the text, and "fix all" for the file.
/// Unsafe fixes (<c>--fix-unsafe</c>) are not offered.
/// </summary>
internal static class CodeActions
{
    public static JsonArray For(DocumentAnalysis analysis, int startLine, int endLine)
    {
        var actions = new JsonArray();
        foreach (var finding in analysis.Reported)
        {
            var diagnostic = finding.Diagnostic;
            if (diagnostic.Fix is not { IsUnsafe: false } fix || !analysis.IsHere(diagnostic.Span)
                || !fix.Edits.All(e => analysis.IsHere(e.Span))
                || diagnostic.Span!.End.Line - 1 < startLine || diagnostic.Span.Start.Line - 1 > endLine)
            {
                continue;
            }

            if (FixApplier.Apply(analysis.Path, analysis.Text, [fix]).Applied.Count != 1)
            {
                continue; // stale or not applicable to this text: --fix would skip it too
            }

            var edits = new JsonArray();
            foreach (var edit in fix.Edits)
            {
                edits.Add((JsonNode)new JsonObject
                {
                    ["range"] = LspJson.Range(analysis.Text, edit.Span.Start.Offset, edit.Span.End.Offset),
                    ["newText"] = edit.NewText,
                });
            }

            actions.Add(Action($"{fix.Title} ({diagnostic.Id})", "quickfix", analysis.Uri, edits, isPreferred: true));
        }

        var all = FixApplier.Apply(analysis.Reported, file => SamePath(file, analysis.Path) ? analysis.Text : null);
        if (all is [{ Changed: true } whole] && whole.Applied.Count > 0)
        {
            var replaceAll = new JsonArray(
                new JsonObject { ["range"] = LspJson.Range(analysis.Text, 0, analysis.Text.Length), ["newText"] = whole.Text });
            var count = whole.Applied.Count;
            actions.Add(Action($"Fix all safe problems in this file ({count} fix{(count == 1 ? string.Empty : "es")})",
                "source.fixAll", analysis.Uri, replaceAll, isPreferred: false));
        }

        return actions;
    }

    private static JsonNode Action(string title, string kind, string uri, JsonArray edits, bool isPreferred) => new JsonObject
    {
        ["title"] = title,
        ["kind"] = kind,
        ["isPreferred"] = isPreferred,
        ["edit"] = new JsonObject { ["changes"] = new JsonObject { [uri] = edits } },
    };

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
