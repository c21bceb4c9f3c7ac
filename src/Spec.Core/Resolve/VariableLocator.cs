using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// Where a variable or a syntax error is written in the spec's own text, so a diagnostic points at the variable
/// rather than at the whole value. Values from other files (a <c>${file()}</c>) keep the span of their value.
/// </summary>
internal sealed class VariableLocator(SourceText source)
{
    /// <summary>The position of a 0-based <paramref name="index"/> into a plain one-line scalar.</summary>
    public SourceSpan AtIndex(ScalarNode scalar, int index)
    {
        if (!InMainFile(scalar) || scalar.Span.Start.Line != scalar.Span.End.Line || scalar.IsQuoted)
        {
            return scalar.Span;
        }

        var start = scalar.Span.Start;
        var at = new SourcePosition(start.Line, start.Column + index, start.Offset + index);
        return new SourceSpan(scalar.Span.File, at, at);
    }

    /// <summary>Where the variable is written: found in the scalar's source text, so quoting and folding do not matter.</summary>
    public SourceSpan Of(ScalarNode scalar, Template template, VariableSyntax variable)
    {
        if (!InMainFile(scalar))
        {
            return scalar.Span;
        }

        var text = source.Text;
        var from = Math.Clamp(scalar.Span.Start.Offset, 0, text.Length);
        var to = Math.Clamp(scalar.Span.End.Offset, from, text.Length);
        var needle = template.Text[variable.Start..variable.End];
        var occurrence = 0;
        for (var i = template.Text.IndexOf(needle, StringComparison.Ordinal);
             i >= 0 && i < variable.Start;
             i = template.Text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            occurrence++;
        }

        var found = -1;
        var search = from;
        for (var k = 0; k <= occurrence; k++)
        {
            found = text.IndexOf(needle, search, to - search, StringComparison.Ordinal);
            if (found < 0)
            {
                return scalar.Span;
            }

            search = found + needle.Length;
        }

        return new SourceSpan(scalar.Span.File, PositionAt(scalar.Span.Start, text, found),
            PositionAt(scalar.Span.Start, text, found + needle.Length));
    }

    private bool InMainFile(ScalarNode scalar) =>
        string.Equals(scalar.Span.File, source.Path, StringComparison.Ordinal);

    private static SourcePosition PositionAt(SourcePosition start, string text, int offset)
    {
        var line = start.Line;
        var lineStart = start.Offset - (start.Column - 1);
        for (var i = start.Offset; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, offset - lineStart + 1, offset);
    }
}
