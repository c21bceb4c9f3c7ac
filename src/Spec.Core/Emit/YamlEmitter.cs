using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Spec.Core.Emit;

/// <summary>
/// Serialises a <see cref="YamlNode"/> tree to YAML text: block style with a 2-space indent, sequences indented under
/// their key, empty collections as <c>{}</c>/<c>[]</c>, keys longer than 1024 characters as explicit <c>?</c> keys,
/// and every scalar rendered in the style the <see cref="YamlStyle"/> chooses. The layout follows js-yaml 4's
/// <c>dump</c> (<c>lib/dumper.js</c>, MIT licence), which <c>serverless print</c> uses, so one emitter reproduces it
/// and writes CloudFormation and Pulumi YAML too. The text ends with a newline.
/// </summary>
public static partial class YamlEmitter
{
    private const int Indent = 2;

    /// <summary>YAML allows at most 1024 characters in an implicit key; a longer one needs the explicit form.</summary>
    private const int MaxImplicitKeyLength = 1024;

    public static string Write(YamlNode root, YamlStyle style)
    {
        var writer = new Writer(style);
        writer.Node(0, root, compact: true);
        return writer.Text.Append('\n').ToString();
    }

    /// <summary>
    /// Writes into one builder. Where js-yaml looks at a dumped child's first character (a collection below its key or
    /// dash starts on a new line, anything else after a space), the writer knows it before writing the child:
    /// <see cref="StartsOnNewLine"/>.
    /// </summary>
    private sealed class Writer(YamlStyle style)
    {
        public StringBuilder Text { get; } = new();

        public void Node(int level, YamlNode node, bool compact)
        {
            switch (node)
            {
                case YamlMapping { Entries.Count: > 0 } m:
                    BlockMapping(level, m, compact);
                    break;
                case YamlMapping:
                    Text.Append("{}");
                    break;
                case YamlSequence { Items.Count: > 0 } s:
                    BlockSequence(level, s, compact);
                    break;
                case YamlSequence:
                    Text.Append("[]");
                    break;
                case YamlScalar scalar:
                    Text.Append(Scalar(scalar, level, isKey: false));
                    break;
                case YamlTagged tagged:
                    Tagged(level, tagged);
                    break;
                default:
                    throw new ArgumentException($"unknown YAML node {node.GetType().Name}", nameof(node));
            }
        }

        /// <summary>
        /// Writes <paramref name="node"/> after <paramref name="separator"/>, followed by a space unless the node starts
        /// on a new line (<c>key:</c>, <c>-</c>, a tag).
        /// </summary>
        private void After(string separator, int level, YamlNode node, bool compact)
        {
            if (node is YamlScalar scalar)
            {
                // A scalar is rendered first: only its text says where it starts (a verbatim token may start anywhere).
                var text = Scalar(scalar, level, isKey: false);
                Text.Append(separator).Append(text.StartsWith('\n') ? string.Empty : " ").Append(text);
                return;
            }

            Text.Append(separator);
            if (!StartsOnNewLine(node, compact))
            {
                Text.Append(' ');
            }

            Node(level, node, compact);
        }

        /// <summary>Whether a collection or tagged node, written at this compactness, starts with a line break.</summary>
        private static bool StartsOnNewLine(YamlNode node, bool compact) => node switch
        {
            YamlMapping { Entries.Count: > 0 } or YamlSequence { Items.Count: > 0 } => !compact,
            YamlTagged tagged => tagged.Tag.StartsWith('\n'),
            _ => false,
        };

        /// <summary>The tag, then its node: a collection always below it (a compact one would read as the tag's key).</summary>
        private void Tagged(int level, YamlTagged tagged) => After(tagged.Tag, level, tagged.Value, compact: false);

        private void BlockMapping(int level, YamlMapping mapping, bool compact)
        {
            var first = true;
            foreach (var entry in mapping.Entries)
            {
                if (!compact || !first)
                {
                    NextLine(level);
                }

                first = false;
                if (entry.Comment is { } comment)
                {
                    foreach (var line in comment.Split('\n'))
                    {
                        Text.Append('#').Append(line.Length > 0 ? " " : string.Empty).Append(line.TrimEnd('\r'));
                        NextLine(level);
                    }
                }

                var key = Scalar(entry.Key, level + 1, isKey: true);
                var explicitPair = key.Length > MaxImplicitKeyLength;
                if (explicitPair)
                {
                    Text.Append(key.StartsWith('\n') ? "?" : "? ");
                }

                Text.Append(key);
                if (explicitPair)
                {
                    NextLine(level);
                }

                After(":", level + 1, entry.Value, compact: explicitPair);
            }
        }

        private void BlockSequence(int level, YamlSequence sequence, bool compact)
        {
            var first = true;
            foreach (var item in sequence.Items)
            {
                var itemCompact = item switch
                {
                    YamlMapping => style.CompactMappingsInSequences,
                    YamlSequence => style.CompactSequencesInSequences,
                    _ => true,
                };
                if (!compact || !first)
                {
                    NextLine(level);
                }

                first = false;
                After("-", level + 1, item, itemCompact);
            }
        }

        private void NextLine(int level) => Text.Append('\n').Append(' ', Indent * level);

        private string Scalar(YamlScalar scalar, int level, bool isKey)
        {
            if (scalar.IsVerbatim)
            {
                return scalar.Value;
            }

            var s = scalar.Value;
            var indent = Indent * Math.Max(1, level);
            var lineWidth = Math.Max(Math.Min(style.LineWidth, 40), style.LineWidth - indent);
            return style.Scalars.Choose(s, new YamlScalarContext(isKey, lineWidth)) switch
            {
                ScalarStyle.Plain => s,
                ScalarStyle.SingleQuoted => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
                ScalarStyle.Literal when !isKey && s.Length > 0 => "|" + BlockHeader(s) + DropEndingNewline(IndentLines(s, indent)),
                ScalarStyle.Folded when !isKey && s.Length > 0 =>
                    ">" + BlockHeader(s) + DropEndingNewline(IndentLines(Fold(s, lineWidth), indent)),
                _ => "\"" + EscapeDoubleQuoted(s) + "\"",
            };
        }
    }

    /// <summary>
    /// The body of a double-quoted scalar: YAML's own escapes (<c>\n</c>, <c>\t</c>, <c>\"</c>, <c>\\</c>, <c>\0</c>,
    /// <c>\e</c>, <c>\N</c>, <c>\_</c>, <c>\L</c>, <c>\P</c>, …) and <c>\x</c>/<c>\u</c>/<c>\U</c> for every other
    /// character YAML does not allow raw, so YAML 1.1 and 1.2 readers (PyYAML, go-yaml, js-yaml, YamlDotNet) read back
    /// the same string. Everything else is written as it is.
    /// </summary>
    public static string EscapeDoubleQuoted(string s)
    {
        StringBuilder? sb = null;
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
            if (escape is null && IsPrintable(c))
            {
                sb?.Append(s, i, width);
            }
            else
            {
                sb ??= new StringBuilder(s, 0, i, s.Length + 8);
                if (escape is not null)
                {
                    sb.Append(escape);
                }
                else
                {
                    var hex = c.ToString("X", CultureInfo.InvariantCulture);
                    var (handle, length) = c <= 0xFF ? ('x', 2) : c <= 0xFFFF ? ('u', 4) : ('U', 8);
                    sb.Append('\\').Append(handle).Append('0', length - hex.Length).Append(hex);
                }
            }

            i += width;
        }

        return sb?.ToString() ?? s;
    }

    /// <summary>The code point at <paramref name="i"/> (a lone surrogate is returned as itself).</summary>
    internal static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
            ? char.ConvertToUtf32(s[i], s[i + 1])
            : s[i];

    /// <summary>YAML's <c>c-printable</c> without the line breaks and tab (which always get an escape when quoted).</summary>
    internal static bool IsPrintable(int c) =>
        c is >= 0x20 and <= 0x7E ||
        c is >= 0xA1 and <= 0xD7FF && c != 0x2028 && c != 0x2029 ||
        c is >= 0xE000 and <= 0xFFFD && c != 0xFEFF ||
        c is >= 0x10000 and <= 0x10FFFF;

    private static string BlockHeader(string s)
    {
        var indicator = LeadingSpace().IsMatch(s) ? Indent.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var clip = s[^1] == '\n';
        var keep = clip && (s.Length >= 2 && s[^2] == '\n' || s == "\n");
        return indicator + (keep ? "+" : clip ? string.Empty : "-") + "\n";
    }

    [GeneratedRegex(@"^\n* ")]
    private static partial Regex LeadingSpace();

    private static string DropEndingNewline(string s) => s.EndsWith('\n') ? s[..^1] : s;

    private static string IndentLines(string s, int spaces)
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

    /// <summary>js-yaml's <c>foldString</c>: folds each line at <paramref name="width"/>, keeping more-indented lines.</summary>
    private static string Fold(string s, int width)
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
}
