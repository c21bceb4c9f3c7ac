using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.Suppression;

/// <summary>
/// One <c># spec-ignore ID[,ID] reason</c> comment and the lines it covers: the node it sits on (an inline comment)
/// or the node on the next line (a comment on a line of its own), with all that node's children.
/// </summary>
public sealed record InlineSuppression(
    SourceSpan Comment,
    IReadOnlyList<string> RuleIds,
    string Reason,
    int FirstLine,
    int LastLine)
{
    public bool Covers(Diagnostic diagnostic) =>
        diagnostic.Span is { } span
        && span.File == Comment.File
        && span.Start.Line >= FirstLine
        && span.Start.Line <= LastLine
        && RuleIds.Contains(diagnostic.Id, StringComparer.Ordinal);
}

public static partial class InlineSuppressions
{
    /// <summary>A <c>spec-ignore</c> comment without a reason (it still suppresses).</summary>
    public const string MissingReasonId = "SPEC-SUPPRESS-001";

    /// <summary>A <c>spec-ignore</c> comment that names an unknown rule or matches no finding.</summary>
    public const string UnusedId = "SPEC-SUPPRESS-002";

    /// <summary>Every <c>spec-ignore</c> comment of a document; malformed ones become diagnostics in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<InlineSuppression> Parse(LoadResult document, List<Diagnostic> problems)
    {
        var result = new List<InlineSuppression>();
        foreach (var comment in document.Comments)
        {
            var match = Directive().Match(comment.Text);
            if (!match.Success)
            {
                continue;
            }

            var ids = match.Groups["ids"].Value
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => id.ToUpperInvariant())
                .ToList();
            if (ids.Count == 0)
            {
                problems.Add(new Diagnostic(MissingReasonId, Severity.Warning,
                    "spec-ignore needs the id of the rule to suppress and a reason", comment.Span)
                {
                    Help = "write `# spec-ignore SLS-SQS-001 why this finding does not apply here`",
                });
                continue;
            }

            var reason = match.Groups["reason"].Value.Trim();
            if (reason.Length == 0)
            {
                problems.Add(new Diagnostic(MissingReasonId, Severity.Warning,
                    $"spec-ignore {string.Join(',', ids)} has no reason", comment.Span)
                {
                    Help = "say why the finding does not apply, after the rule id: `# spec-ignore ID reason`",
                });
            }

            var target = comment.IsInline ? comment.Span.Start.Line : NextContentLine(document.Source, comment.Span.Start.Line);
            var (first, last) = Scope(document.Root, target, document.Source);
            result.Add(new InlineSuppression(comment.Span, ids, reason, first, last));
        }

        return result;
    }

    private static int NextContentLine(SourceText source, int line)
    {
        for (var l = line + 1; l <= source.LineCount; l++)
        {
            var text = source.Line(l).TrimStart();
            if (text.Length > 0 && text[0] != '#')
            {
                return l;
            }
        }

        return line;
    }

    /// <summary>
    /// The lines of the outermost mapping entry or sequence item that starts on <paramref name="line"/>, through its
    /// last child; just that line when none starts there.
    /// </summary>
    private static (int First, int Last) Scope(Node? root, int line, SourceText source)
    {
        (int Column, int Last)? best = null;
        var stack = new Stack<Node>();
        if (root is not null)
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Origin is not null || node.Span.Start.Line > line)
            {
                continue;
            }

            switch (node)
            {
                case MappingNode m:
                    foreach (var entry in m.Entries)
                    {
                        if (entry.Key.Span.Start.Line == line)
                        {
                            Consider(ref best, entry.Key.Span.Start.Column, SourceEdits.LastLine(entry, source));
                        }

                        stack.Push(entry.Value);
                    }

                    break;
                case SequenceNode s:
                    foreach (var item in s.Items)
                    {
                        if (item.Span.Start.Line == line)
                        {
                            Consider(ref best, item.Span.Start.Column - 1, LastLine(item, source));
                        }

                        stack.Push(item);
                    }

                    break;
            }
        }

        return best is { } b ? (line, Math.Max(line, b.Last)) : (line, line);
    }

    private static void Consider(ref (int Column, int Last)? best, int column, int last)
    {
        if (best is null || column < best.Value.Column)
        {
            best = (column, last);
        }
    }

    private static int LastLine(Node node, SourceText source) =>
        node switch
        {
            MappingNode { Entries.Count: > 0 } m => m.Entries.Max(e => SourceEdits.LastLine(e, source)),
            SequenceNode { Items.Count: > 0 } s => s.Items.Max(i => LastLine(i, source)),
            _ => SourceEdits.LastTextLine(node.Span, source),
        };

    [GeneratedRegex(@"^\s*spec-ignore(?=\s|:|$):?\s*(?<ids>[A-Za-z0-9-]+(?:\s*,\s*[A-Za-z0-9-]+)*)?\s*(?<reason>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
