using Spec.Core.Diagnostics;
using Spec.Core.Emit;
using Spec.Rules.Engine;

namespace Spec.Rules.Fixes;

/// <summary>What applying fixes to one file did.</summary>
public sealed record FixResult(string Path, string OriginalText, string Text, IReadOnlyList<Fix> Applied, IReadOnlyList<Fix> Skipped)
{
    public bool Changed => !string.Equals(OriginalText, Text, StringComparison.Ordinal);
}

/// <summary>
/// Applies fixes as text edits to the source, touching nothing else (comments, quoting and layout stay). A fix is
/// applied whole or not at all: one whose edits overlap an already accepted fix, fall outside the text, or do not
/// match the text at their recorded position (a stale offset) is skipped. Fixes are taken in diagnostic order.
/// </summary>
public static class FixApplier
{
    /// <summary>
    /// The fixes of reported (not suppressed) findings, per file, applied to their current texts; unsafe fixes
    /// (<see cref="Fix.IsUnsafe"/>) only when <paramref name="includeUnsafe"/>.
    /// </summary>
    public static IReadOnlyList<FixResult> Apply(IEnumerable<Finding> findings, Func<string, string?> readText, bool includeUnsafe = false)
    {
        var byFile = new SortedDictionary<string, List<Fix>>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (finding.IsSuppressed || finding.Diagnostic.Fix is not { Edits.Count: > 0 } fix || (fix.IsUnsafe && !includeUnsafe))
            {
                continue;
            }

            var file = fix.Edits[0].Span.File;
            if (fix.Edits.Any(e => e.Span.File != file))
            {
                continue;
            }

            if (!byFile.TryGetValue(file, out var list))
            {
                byFile[file] = list = [];
            }

            if (!list.Contains(fix))
            {
                list.Add(fix);
            }
        }

        var results = new List<FixResult>();
        foreach (var (file, fixes) in byFile)
        {
            if (readText(file) is { } text)
            {
                results.Add(Apply(file, text, fixes));
            }
        }

        return results;
    }

    public static FixResult Apply(string path, string text, IEnumerable<Fix> fixes)
    {
        var accepted = new List<(int Start, int End, string NewText)>();
        var applied = new List<Fix>();
        var skipped = new List<Fix>();
        foreach (var fix in fixes)
        {
            var edits = fix.Edits.Select(e => (Start: e.Span.Start.Offset, End: e.Span.End.Offset, e.NewText, e.Span)).ToList();
            var valid = edits.All(e => e.Start >= 0 && e.Start <= e.End && e.End <= text.Length && PositionMatches(text, e.Span))
                && !Overlaps(edits.Select(e => (e.Start, e.End)).ToList(), accepted);
            if (!valid)
            {
                skipped.Add(fix);
                continue;
            }

            accepted.AddRange(edits.Select(e => (e.Start, e.End, e.NewText)));
            applied.Add(fix);
        }

        var result = new System.Text.StringBuilder(text);
        foreach (var (start, end, newText) in accepted.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result.Remove(start, end - start).Insert(start, newText);
        }

        return new FixResult(path, text, result.ToString(), applied, skipped);
    }

    /// <summary>Writes every changed file atomically.</summary>
    public static void Write(IEnumerable<FixResult> results)
    {
        foreach (var result in results.Where(r => r.Changed))
        {
            AtomicFile.Write(result.Path, result.Text);
        }
    }

    /// <summary>The recorded line of the edit's start agrees with its offset (the text has not moved underneath).</summary>
    private static bool PositionMatches(string text, SourceSpan span)
    {
        var line = 1;
        for (var i = 0; i < span.Start.Offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line == span.Start.Line;
    }

    private static bool Overlaps(List<(int Start, int End)> edits, List<(int Start, int End, string NewText)> accepted)
    {
        var all = accepted.Select(a => (a.Start, a.End)).ToList();
        foreach (var e in edits)
        {
            foreach (var a in all)
            {
                var touching = e.Start < a.End && a.Start < e.End;
                var sameInsertionPoint = e.Start == e.End && a.Start == a.End && e.Start == a.Start;
                var insertionInside = (e.Start == e.End && e.Start > a.Start && e.Start < a.End)
                    || (a.Start == a.End && a.Start > e.Start && a.Start < e.End);
                if (touching || sameInsertionPoint || insertionInside)
                {
                    return true;
                }
            }

            all.Add(e);
        }

        return false;
    }
}
