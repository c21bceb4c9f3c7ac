using System.Text;
using System.Text.RegularExpressions;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Core.Print;

/// <summary>
/// js-yaml 4 <c>dump(value, {noRefs: true})</c>, which <c>serverless print</c> uses for YAML: block style with a
/// 2-space indent, the same choice of plain, quoted, literal (<c>|</c>) and folded (<c>&gt;</c>) scalars, and
/// lines folded at 80 columns. Ported from <c>lib/dumper.js</c> (MIT licence).
/// </summary>
internal static partial class YamlPrintWriter
{
    private const int Indent = 2;
    private const int LineWidth = 80;

    private enum Style
    {
        Plain,
        Single,
        Literal,
        Folded,
        Double,
    }

    public static string Write(PrintValue value) => WriteNode(0, value, block: true, compact: true, isKey: false) + "\n";

    private static string WriteNode(int level, PrintValue value, bool block, bool compact, bool isKey) => value switch
    {
        PrintObject o when block && o.Entries.Count > 0 => BlockMapping(level, o, compact),
        PrintObject o => FlowMapping(level, o),
        PrintArray a when block && a.Items.Count > 0 => BlockSequence(level, a, compact),
        PrintArray a => FlowSequence(level, a),
        PrintString s => Scalar(s.Value, level, isKey, block),
        PrintNumber n => Number(n.Value),
        PrintBool b => b.Value ? "true" : "false",
        _ => "null",
    };

    private static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        // js-yaml represents integers (any n with n % 1 === 0) with toString, other floats get a dot before 'e'.
        var text = JsNumber.Format(value);
        return Math.Floor(value) != value && text.Contains('e', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal)
            ? text.Replace("e", ".e", StringComparison.Ordinal)
            : text;
    }

    private static string NextLine(int level) => "\n" + new string(' ', Indent * level);

    private static string BlockMapping(int level, PrintObject o, bool compact)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in o.Entries)
        {
            if (!compact || sb.Length > 0)
            {
                sb.Append(NextLine(level));
            }

            var keyDump = WriteNode(level + 1, new PrintString(key), block: true, compact: true, isKey: true);
            var explicitPair = keyDump.Length > 1024;
            if (explicitPair)
            {
                sb.Append(keyDump.StartsWith('\n') ? "?" : "? ");
            }

            sb.Append(keyDump);
            if (explicitPair)
            {
                sb.Append(NextLine(level));
            }

            var valueDump = WriteNode(level + 1, value, block: true, compact: explicitPair, isKey: false);
            sb.Append(valueDump.StartsWith('\n') ? ":" : ": ").Append(valueDump);
        }

        return sb.Length == 0 ? "{}" : sb.ToString();
    }

    private static string BlockSequence(int level, PrintArray a, bool compact)
    {
        var sb = new StringBuilder();
        foreach (var item in a.Items)
        {
            var dump = WriteNode(level + 1, item, block: true, compact: true, isKey: false);
            if (!compact || sb.Length > 0)
            {
                sb.Append(NextLine(level));
            }

            sb.Append(dump.StartsWith('\n') ? "-" : "- ").Append(dump);
        }

        return sb.Length == 0 ? "[]" : sb.ToString();
    }

    private static string FlowMapping(int level, PrintObject o) =>
        "{" + string.Join(", ", o.Entries.Select(e =>
            WriteNode(level, new PrintString(e.Key), false, false, false) + ": " +
            WriteNode(level, e.Value, false, false, false))) + "}";

    private static string FlowSequence(int level, PrintArray a) =>
        "[" + string.Join(", ", a.Items.Select(i => WriteNode(level, i, false, false, false))) + "]";

    private static string Scalar(string s, int level, bool isKey, bool inBlock)
    {
        if (s.Length == 0)
        {
            return "''";
        }

        if (DeprecatedBooleans.Contains(s) || Base60().IsMatch(s))
        {
            return "'" + s + "'";
        }

        var indent = Indent * Math.Max(1, level);
        var lineWidth = Math.Max(Math.Min(LineWidth, 40), LineWidth - indent);
        return ChooseStyle(s, isKey, lineWidth, inBlock) switch
        {
            Style.Plain => s,
            Style.Single => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
            Style.Literal => "|" + BlockHeader(s) + DropEndingNewline(IndentString(s, indent)),
            Style.Folded => ">" + BlockHeader(s) + DropEndingNewline(IndentString(FoldString(s, lineWidth), indent)),
            _ => "\"" + Escape(s) + "\"",
        };
    }

    private static readonly HashSet<string> DeprecatedBooleans = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF",
    };

    [GeneratedRegex(@"^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60();

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")]
    private static partial Regex Timestamp();

    /// <summary>js-yaml's default schema would read the plain text as something other than this string.</summary>
    private static bool IsAmbiguous(string s) =>
        ScalarTyping.KindOf(s) != ScalarKind.String || Timestamp().IsMatch(s) || s == "<<";

    private static Style ChooseStyle(string s, bool singleLineOnly, int lineWidth, bool inBlock)
    {
        var hasLineBreak = false;
        var hasFoldableLine = false;
        var previousLineBreak = -1;
        var plain = IsPlainSafeFirst(CodePointAt(s, 0)) && IsPlainSafeLast(CodePointAt(s, s.Length - 1));
        var prev = -1;
        int i;
        int c;
        if (singleLineOnly)
        {
            for (i = 0; i < s.Length; i += c >= 0x10000 ? 2 : 1)
            {
                c = CodePointAt(s, i);
                if (!IsPrintable(c))
                {
                    return Style.Double;
                }

                plain = plain && IsPlainSafe(c, prev, inBlock);
                prev = c;
            }
        }
        else
        {
            for (i = 0; i < s.Length; i += c >= 0x10000 ? 2 : 1)
            {
                c = CodePointAt(s, i);
                if (c == '\n')
                {
                    hasLineBreak = true;
                    hasFoldableLine = hasFoldableLine || (i - previousLineBreak - 1 > lineWidth && s[previousLineBreak + 1] != ' ');
                    previousLineBreak = i;
                }
                else if (!IsPrintable(c))
                {
                    return Style.Double;
                }

                plain = plain && IsPlainSafe(c, prev, inBlock);
                prev = c;
            }

            hasFoldableLine = hasFoldableLine ||
                (i - previousLineBreak - 1 > lineWidth && previousLineBreak + 1 < s.Length && s[previousLineBreak + 1] != ' ');
        }

        if (!hasLineBreak && !hasFoldableLine)
        {
            return plain && !IsAmbiguous(s) ? Style.Plain : Style.Single;
        }

        return hasFoldableLine ? Style.Folded : Style.Literal;
    }

    private static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
            ? char.ConvertToUtf32(s[i], s[i + 1])
            : s[i];

    private static bool IsWhitespace(int c) => c is ' ' or '\t';

    private static bool IsPrintable(int c) =>
        c is >= 0x20 and <= 0x7E ||
        c is >= 0xA1 and <= 0xD7FF && c != 0x2028 && c != 0x2029 ||
        c is >= 0xE000 and <= 0xFFFD && c != 0xFEFF ||
        c is >= 0x10000 and <= 0x10FFFF;

    private static bool IsNsCharOrWhitespace(int c) => IsPrintable(c) && c != 0xFEFF && c != '\r' && c != '\n';

    private static bool IsPlainSafe(int c, int prev, bool inBlock)
    {
        var cIsNsCharOrWhitespace = IsNsCharOrWhitespace(c);
        var cIsNsChar = cIsNsCharOrWhitespace && !IsWhitespace(c);
        return ((inBlock
                    ? cIsNsCharOrWhitespace
                    : cIsNsCharOrWhitespace && c is not (',' or '[' or ']' or '{' or '}'))
                && c != '#' && !(prev == ':' && !cIsNsChar))
            || (prev >= 0 && IsNsCharOrWhitespace(prev) && !IsWhitespace(prev) && c == '#')
            || (prev == ':' && cIsNsChar);
    }

    private static bool IsPlainSafeFirst(int c) =>
        IsPrintable(c) && c != 0xFEFF && !IsWhitespace(c) &&
        c is not ('-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '='
            or '>' or '\'' or '"' or '%' or '@' or '`');

    private static bool IsPlainSafeLast(int c) => !IsWhitespace(c) && c != ':';

    private static string BlockHeader(string s)
    {
        var indicator = LeadingSpace().IsMatch(s) ? Indent.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var clip = s[^1] == '\n';
        var keep = clip && (s.Length >= 2 && s[^2] == '\n' || s == "\n");
        return indicator + (keep ? "+" : clip ? string.Empty : "-") + "\n";
    }

    [GeneratedRegex(@"^\n* ")]
    private static partial Regex LeadingSpace();

    private static string DropEndingNewline(string s) => s.EndsWith('\n') ? s[..^1] : s;

    private static string IndentString(string s, int spaces)
    {
        var pad = new string(' ', spaces);
        var sb = new StringBuilder();
        var position = 0;
        while (position < s.Length)
        {
            var next = s.IndexOf('\n', position);
            var line = next < 0 ? s[position..] : s[position..(next + 1)];
            position = next < 0 ? s.Length : next + 1;
            if (line.Length > 0 && line != "\n")
            {
                sb.Append(pad);
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    private static string FoldString(string s, int width)
    {
        var firstBreak = s.IndexOf('\n');
        if (firstBreak < 0)
        {
            firstBreak = s.Length;
        }

        var result = new StringBuilder(FoldLine(s[..firstBreak], width));
        var prevMoreIndented = s[0] is '\n' or ' ';
        foreach (Match m in LinePattern().Matches(s, firstBreak))
        {
            var prefix = m.Groups[1].Value;
            var line = m.Groups[2].Value;
            var moreIndented = line.StartsWith(' ');
            result.Append(prefix);
            if (!prevMoreIndented && !moreIndented && line.Length > 0)
            {
                result.Append('\n');
            }

            result.Append(FoldLine(line, width));
            prevMoreIndented = moreIndented;
        }

        return result.ToString();
    }

    [GeneratedRegex(@"(\n+)([^\n]*)")]
    private static partial Regex LinePattern();

    private static string FoldLine(string line, int width)
    {
        if (line.Length == 0 || line[0] == ' ')
        {
            return line;
        }

        var result = new StringBuilder();
        var start = 0;
        var current = 0;
        foreach (Match m in BreakPattern().Matches(line))
        {
            var next = m.Index;
            if (next - start > width)
            {
                var end = current > start ? current : next;
                result.Append('\n').Append(line, start, end - start);
                start = end + 1;
            }

            current = next;
        }

        result.Append('\n');
        if (line.Length - start > width && current > start)
        {
            result.Append(line, start, current - start).Append('\n').Append(line, current + 1, line.Length - current - 1);
        }
        else
        {
            result.Append(line, start, line.Length - start);
        }

        return result.ToString(1, result.Length - 1);
    }

    [GeneratedRegex(" [^ ]")]
    private static partial Regex BreakPattern();

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length;)
        {
            var c = CodePointAt(s, i);
            var width = c >= 0x10000 ? 2 : 1;
            var escape = c switch
            {
                0x00 => "\\0",
                0x07 => "\\a",
                0x08 => "\\b",
                0x09 => "\\t",
                0x0A => "\\n",
                0x0B => "\\v",
                0x0C => "\\f",
                0x0D => "\\r",
                0x1B => "\\e",
                0x22 => "\\\"",
                0x5C => "\\\\",
                0x85 => "\\N",
                0xA0 => "\\_",
                0x2028 => "\\L",
                0x2029 => "\\P",
                _ => null,
            };
            if (escape is not null)
            {
                sb.Append(escape);
            }
            else if (IsPrintable(c))
            {
                sb.Append(s, i, width);
            }
            else
            {
                var hex = c.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
                var (handle, length) = c <= 0xFF ? ('x', 2) : c <= 0xFFFF ? ('u', 4) : ('U', 8);
                sb.Append('\\').Append(handle).Append('0', length - hex.Length).Append(hex);
            }

            i += width;
        }

        return sb.ToString();
    }
}
