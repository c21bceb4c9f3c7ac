using System.Buffers;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>White space, comments, line breaks, positions and character classes.</summary>
internal sealed partial class YamlReader
{
    /// <summary>Skips blanks, line breaks and (when allowed) comments; returns the number of line breaks passed.</summary>
    private int SkipSeparationSpace(bool allowComments, int checkIndent)
    {
        _ = checkIndent; // js-yaml only warns about deficient indentation here
        var lineBreaks = 0;
        while (Cur != End)
        {
            while (IsWhiteSpace(Cur))
            {
                if (Cur == '\t' && _firstTabInLine == -1)
                {
                    _firstTabInLine = _pos;
                }

                _pos++;
            }

            if (allowComments && Cur == '#')
            {
                ReadComment();
            }

            if (!IsEol(Cur))
            {
                break;
            }

            ReadLineBreak();
            lineBreaks++;
            _lineIndent = 0;
            while (Cur == ' ')
            {
                _lineIndent++;
                _pos++;
            }
        }

        return lineBreaks;
    }

    private void ReadComment()
    {
        var at = Position();
        var start = _pos + 1;
        while (Cur != End && !IsEol(Cur))
        {
            _pos++;
        }

        if (_comments.Count > 0 && _comments[^1].Span.Start.Offset >= at.Offset)
        {
            return;
        }

        var inline = !Slice(_lineStart, at.Offset).Trim(" \t").IsEmpty;
        var end = PositionOf(Math.Min(_pos, _sourceLength), _line, _lineStart);
        _comments.Add(new Comment(new SourceSpan(_path, at, end), Sub(start, _pos), inline));
    }

    private void ReadLineBreak()
    {
        if (Cur == '\n')
        {
            _pos++;
        }
        else if (Cur == '\r')
        {
            _pos++;
            if (Cur == '\n')
            {
                _pos++;
            }
        }
        else
        {
            throw Error("a line break is expected");
        }

        _line++;
        _lineStart = _pos;
        _firstTabInLine = -1;
    }

    private bool AtDocumentSeparator()
    {
        var c = Cur;
        return c is '-' or '.' && At(1) == c && At(2) == c && (At(3) == End || IsWsOrEol(At(3)));
    }

    private char Cur => Ch(_pos);

    /// <summary>The character at <paramref name="i"/> of the text with its line break appended, End past it.</summary>
    private char Ch(int i) => (uint)i < (uint)_s.Length ? _s[i] : i == _s.Length && _appendedBreak ? '\n' : End;

    private ReadOnlySpan<char> Slice(int start, int end) =>
        end <= _s.Length ? _s.AsSpan(start, end - start) : (_withBreak ??= string.Concat(_s, "\n")).AsSpan(start, end - start);

    private string Sub(int start, int end) => Slice(start, end).ToString();

    private char At(int ahead) => Ch(_pos + ahead);

    private SourcePosition Position() => PositionOf(Math.Min(_pos, _sourceLength), _line, _lineStart);

    private static SourcePosition PositionOf(int offset, int line, int lineStart) =>
        new(line + 1, Math.Max(1, offset - lineStart + 1), offset);

    private static SourcePosition Max(SourcePosition a, SourcePosition b) => a.Offset >= b.Offset ? a : b;

    private YamlSyntaxException Error(string message) => new(message, Position());

    private static bool IsEol(char c) => c is '\n' or '\r';

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t';

    private static bool IsWsOrEol(char c) => c is ' ' or '\t' or '\n' or '\r';

    private static bool IsFlowIndicator(char c) => c is ',' or '[' or ']' or '{' or '}';

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
