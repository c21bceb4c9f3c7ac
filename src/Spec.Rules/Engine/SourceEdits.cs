using Spec.Core.Syntax;

namespace Spec.Rules.Engine;

/// <summary>Source-layout questions the fix helpers need answered.</summary>
internal static class SourceEdits
{
    /// <summary>True when the mapping is written in flow style (<c>{ a: 1 }</c>).</summary>
    public static bool IsFlow(SourceText source, MappingNode mapping)
    {
        var offset = mapping.Span.Start.Offset;
        return offset < source.Text.Length && source.Text[offset] == '{';
    }

    /// <summary>
    /// The last source line any scalar of the entry (key or nested value) has text on. Block scalars (<c>|</c>,
    /// <c>&gt;</c>) end at the start of the line after them, so that line does not count; with
    /// <paramref name="source"/>, trailing blank lines of a block scalar do not count either.
    /// </summary>
    public static int LastLine(MappingEntry entry, SourceText? source = null)
    {
        var last = entry.Key.Span.End.Line;
        var stack = new Stack<Node>();
        stack.Push(entry.Value);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Origin is not null)
            {
                continue;
            }

            switch (node)
            {
                case MappingNode m:
                    foreach (var e in m.Entries)
                    {
                        last = Math.Max(last, e.Key.Span.End.Line);
                        stack.Push(e.Value);
                    }

                    break;
                case SequenceNode s:
                    foreach (var item in s.Items)
                    {
                        stack.Push(item);
                    }

                    break;
                default:
                    last = Math.Max(last, LastTextLine(node.Span, source));
                    break;
            }
        }

        return last;
    }

    internal static int LastTextLine(Spec.Core.Diagnostics.SourceSpan span, SourceText? source)
    {
        var line = span.End.Line;
        if (span.End.Column == 1 && line > span.Start.Line)
        {
            line--;
        }

        while (source is not null && line > span.Start.Line && string.IsNullOrWhiteSpace(source.Line(line)))
        {
            line--;
        }

        return line;
    }
}
