using System.Buffers;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>Plain, quoted and block scalars.</summary>
internal sealed partial class YamlReader
{
    private bool ReadPlainScalar(int nodeIndent, bool inFlow, out Composed result)
    {
        result = default;
        var ch = Cur;
        if (IsWsOrEol(ch) || IsFlowIndicator(ch)
            || ch is '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
        {
            return false;
        }

        if (ch is '?' or '-' && (IsWsOrEol(At(1)) || (inFlow && IsFlowIndicator(At(1)))))
        {
            return false;
        }

        var start = Position();
        var captureStart = _pos;
        var captureEnd = _pos;
        var pending = false;
        var (breakLine, breakLineStart) = (_line, _lineStart);
        var folded = false;
        while (ch != End)
        {
            if (ch == ':')
            {
                if (IsWsOrEol(At(1)) || (inFlow && IsFlowIndicator(At(1))))
                {
                    break;
                }
            }
            else if (ch == '#')
            {
                if (IsWsOrEol(Ch(_pos - 1)))
                {
                    break;
                }
            }
            else if ((_pos == _lineStart && AtDocumentSeparator()) || (inFlow && IsFlowIndicator(ch)))
            {
                break;
            }
            else if (IsEol(ch))
            {
                var (line, lineStart, lineIndent) = (_line, _lineStart, _lineIndent);
                SkipSeparationSpace(false, -1);
                if (_lineIndent >= nodeIndent)
                {
                    pending = true;
                    (breakLine, breakLineStart) = (line, lineStart);
                    ch = Cur;
                    continue;
                }

                _pos = captureEnd;
                (_line, _lineStart, _lineIndent) = (line, lineStart, lineIndent);
                break;
            }

            if (pending)
            {
                if (!folded)
                {
                    _buffer.Clear();
                    folded = true;
                }

                Capture(captureStart, captureEnd, json: false);
                FoldLines(_line - breakLine);
                captureStart = captureEnd = _pos;
                pending = false;
            }

            if (!IsWhiteSpace(ch))
            {
                captureEnd = _pos + 1;
            }

            ch = Ch(++_pos);
        }

        string text;
        if (folded)
        {
            Capture(captureStart, captureEnd, json: false);
            text = _buffer.ToString();
        }
        else
        {
            CheckPrintable(captureStart, captureEnd);
            text = PooledText(Slice(captureStart, captureEnd));
        }

        if (text.Length == 0)
        {
            return false;
        }

        var end = captureEnd >= _lineStart
            ? PositionOf(captureEnd, _line, _lineStart)
            : PositionOf(captureEnd, breakLine, breakLineStart);
        result = new Composed(true, Scalar(new SourceSpan(_path, start, end), text, quoted: false), Kind.Scalar, null);
        return true;
    }

    private bool ReadSingleQuoted(int nodeIndent, out Composed result)
    {
        result = default;
        if (Cur != '\'')
        {
            return false;
        }

        var start = Position();
        _buffer.Clear();
        _pos++;
        var captureStart = _pos;
        var captureEnd = _pos;
        while (Cur != End)
        {
            var ch = Cur;
            if (ch == '\'')
            {
                Capture(captureStart, _pos, json: true);
                _pos++;
                if (Cur == '\'')
                {
                    captureStart = _pos;
                    _pos++;
                    captureEnd = _pos;
                }
                else
                {
                    result = new Composed(true, Scalar(new SourceSpan(_path, start, Position()), _buffer.ToString(), quoted: true), Kind.Scalar, null);
                    return true;
                }
            }
            else
            {
                QuotedContent(ch, nodeIndent, "single", start, ref captureStart, ref captureEnd);
            }
        }

        throw new YamlSyntaxException("unexpected end of the stream within a single quoted scalar (the quote is never closed)", Position(), start);
    }

    /// <summary>
    /// What both quoted styles do with a character that is not a quote or an escape: a line break folds (trailing
    /// blanks dropped), a document marker at a line's start ends the document inside the scalar, the rest is text.
    /// </summary>
    private void QuotedContent(char ch, int nodeIndent, string style, SourcePosition start, ref int captureStart, ref int captureEnd)
    {
        if (IsEol(ch))
        {
            Capture(captureStart, captureEnd, json: true);
            FoldLines(SkipSeparationSpace(false, nodeIndent));
            captureStart = captureEnd = _pos;
        }
        else if (_pos == _lineStart && AtDocumentSeparator())
        {
            throw new YamlSyntaxException($"unexpected end of the document within a {style} quoted scalar", Position(), start);
        }
        else
        {
            _pos++;
            if (!IsWhiteSpace(ch))
            {
                captureEnd = _pos;
            }
        }
    }

    private bool ReadDoubleQuoted(int nodeIndent, out Composed result)
    {
        result = default;
        if (Cur != '"')
        {
            return false;
        }

        var start = Position();
        _buffer.Clear();
        _pos++;
        var captureStart = _pos;
        var captureEnd = _pos;
        while (Cur != End)
        {
            var ch = Cur;
            if (ch == '"')
            {
                Capture(captureStart, _pos, json: true);
                _pos++;
                result = new Composed(true, Scalar(new SourceSpan(_path, start, Position()), _buffer.ToString(), quoted: true), Kind.Scalar, null);
                return true;
            }

            if (ch == '\\')
            {
                Capture(captureStart, _pos, json: true);
                _pos++;
                ch = Cur;
                if (IsEol(ch))
                {
                    SkipSeparationSpace(false, nodeIndent);
                }
                else if (SimpleEscape(ch) is { } escaped)
                {
                    _buffer.Append(escaped);
                    _pos++;
                }
                else if (ch is 'x' or 'u' or 'U')
                {
                    var length = ch switch { 'x' => 2, 'u' => 4, _ => 8 };
                    var code = 0;
                    for (; length > 0; length--)
                    {
                        _pos++;
                        var digit = HexValue(Cur);
                        if (digit < 0)
                        {
                            throw Error("expected hexadecimal character");
                        }

                        code = unchecked((code << 4) + digit);
                    }

                    AppendCodePoint(code);
                    _pos++;
                }
                else
                {
                    throw Error("unknown escape sequence");
                }

                captureStart = captureEnd = _pos;
            }
            else
            {
                QuotedContent(ch, nodeIndent, "double", start, ref captureStart, ref captureEnd);
            }
        }

        throw new YamlSyntaxException("unexpected end of the stream within a double quoted scalar (the quote is never closed)", Position(), start);
    }

    // JavaScript's String.fromCharCode on js-yaml's code point arithmetic (32-bit, then 16-bit truncation), so even
    // escapes beyond U+10FFFF give the same text.
    private void AppendCodePoint(int code)
    {
        if (code <= 0xFFFF)
        {
            _buffer.Append((char)(code & 0xFFFF));
            return;
        }

        _buffer.Append((char)((((code - 0x10000) >> 10) + 0xD800) & 0xFFFF));
        _buffer.Append((char)((((code - 0x10000) & 0x3FF) + 0xDC00) & 0xFFFF));
    }

    private static string? SimpleEscape(char c) => c switch
    {
        '0' => "\0",
        'a' => "\a",
        'b' => "\b",
        't' or '\t' => "\t",
        'n' => "\n",
        'v' => "\v",
        'f' => "\f",
        'r' => "\r",
        'e' => "\u001B",
        ' ' => " ",
        '"' => "\"",
        '/' => "/",
        '\\' => "\\",
        'N' => "\u0085",
        '_' => "\u00A0",
        'L' => "\u2028",
        'P' => "\u2029",
        _ => null,
    };

    private bool ReadBlockScalar(int nodeIndent, out Composed result)
    {
        result = default;
        bool folding;
        if (Cur == '|')
        {
            folding = false;
        }
        else if (Cur == '>')
        {
            folding = true;
        }
        else
        {
            return false;
        }

        var start = Position();
        _buffer.Clear();
        var chomping = 0; // 0 clip, 1 keep, -1 strip
        var textIndent = nodeIndent;
        var detectedIndent = false;
        while (Cur != End)
        {
            _pos++;
            var ch = Cur;
            if (ch is '+' or '-')
            {
                if (chomping != 0)
                {
                    throw Error("repeat of a chomping mode identifier");
                }

                chomping = ch == '+' ? 1 : -1;
            }
            else if (ch is >= '0' and <= '9')
            {
                if (ch == '0')
                {
                    throw Error("bad explicit indentation width of a block scalar; it cannot be less than one");
                }

                if (detectedIndent)
                {
                    throw Error("repeat of an indentation width identifier");
                }

                textIndent = nodeIndent + (ch - '0') - 1;
                detectedIndent = true;
            }
            else
            {
                break;
            }
        }

        if (IsWhiteSpace(Cur))
        {
            while (IsWhiteSpace(Cur))
            {
                _pos++;
            }

            if (Cur == '#')
            {
                ReadComment();
            }
        }

        var emptyLines = 0;
        var didReadContent = false;
        var atMoreIndented = false;
        while (Cur != End)
        {
            ReadLineBreak();
            _lineIndent = 0;
            while ((!detectedIndent || _lineIndent < textIndent) && Cur == ' ')
            {
                _lineIndent++;
                _pos++;
            }

            if (!detectedIndent && _lineIndent > textIndent)
            {
                textIndent = _lineIndent;
            }

            if (IsEol(Cur))
            {
                emptyLines++;
                continue;
            }

            if (!detectedIndent && textIndent == 0)
            {
                throw Error("missing indentation for block scalar");
            }

            if (_lineIndent < textIndent)
            {
                if (chomping == 1)
                {
                    _buffer.Append('\n', didReadContent ? 1 + emptyLines : emptyLines);
                }
                else if (chomping == 0 && didReadContent)
                {
                    _buffer.Append('\n');
                }

                break;
            }

            if (folding)
            {
                if (IsWhiteSpace(Cur))
                {
                    atMoreIndented = true;
                    _buffer.Append('\n', didReadContent ? 1 + emptyLines : emptyLines);
                }
                else if (atMoreIndented)
                {
                    atMoreIndented = false;
                    _buffer.Append('\n', emptyLines + 1);
                }
                else if (emptyLines == 0)
                {
                    if (didReadContent)
                    {
                        _buffer.Append(' ');
                    }
                }
                else
                {
                    _buffer.Append('\n', emptyLines);
                }
            }
            else
            {
                _buffer.Append('\n', didReadContent ? 1 + emptyLines : emptyLines);
            }

            didReadContent = true;
            detectedIndent = true;
            emptyLines = 0;
            var captureStart = _pos;
            while (!IsEol(Cur) && Cur != End)
            {
                _pos++;
            }

            Capture(captureStart, _pos, json: false);
        }

        var end = PositionOf(Math.Min(_lineStart, _sourceLength), _line, _lineStart);
        result = new Composed(true, Scalar(new SourceSpan(_path, start, Max(end, start)), _buffer.ToString(), quoted: true), Kind.Scalar, null);
        return true;
    }

    private ScalarNode Scalar(SourceSpan span, string text, bool quoted)
    {
        if (text.Length > _limits.MaxScalarLength)
        {
            throw new LoadLimitException(
                $"a scalar of {text.Length:N0} characters is longer than the limit of {_limits.MaxScalarLength:N0}", span.Start, null);
        }

        _nodes++;
        _characters += text.Length;
        _contentEnd = span.End;
        return new ScalarNode(span, text, ScalarKind.String) { IsQuoted = quoted };
    }

    /// <summary>Appends text[start..end) to the scalar being read, refusing what js-yaml refuses in it.</summary>
    private void Capture(int start, int end, bool json)
    {
        if (start >= end)
        {
            return;
        }

        if (json)
        {
            for (var i = start; i < end; i++)
            {
                if (Ch(i) is < ' ' and not '\t')
                {
                    throw Error("expected valid JSON character");
                }
            }
        }
        else
        {
            CheckPrintable(start, end);
        }

        _buffer.Append(Slice(start, end));
    }

    private void CheckPrintable(int start, int end)
    {
        var text = Slice(start, end);
        var bad = text.IndexOfAny(NonPrintable);
        if (bad < 0 && text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                {
                    bad = i;
                    break;
                }

                if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
                {
                    bad = i;
                    break;
                }
            }
        }

        if (bad >= 0)
        {
            throw Error("the stream contains non-printable characters");
        }
    }

    private void FoldLines(int count)
    {
        if (count == 1)
        {
            _buffer.Append(' ');
        }
        else if (count > 1)
        {
            _buffer.Append('\n', count - 1);
        }
    }
}
