using System.Text.RegularExpressions;
using Spec.Core.Emit;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Core.Print;

/// <summary>
/// js-yaml 4 <c>dump(value, {noRefs: true})</c>, which <c>serverless print</c> uses for YAML: the value as a
/// <see cref="YamlNode"/> tree written by <see cref="YamlEmitter"/> with js-yaml's choice of plain, single-quoted,
/// literal (<c>|</c>), folded (<c>&gt;</c>) and double-quoted scalars. Ported from <c>lib/dumper.js</c> (MIT licence).
/// </summary>
internal static partial class YamlPrintWriter
{
    internal static readonly YamlStyle Style = new(new JsYamlScalars());

    public static string Write(PrintValue value) => YamlEmitter.Write(Tree(value), Style);

    private static YamlNode Tree(PrintValue value)
    {
        switch (value)
        {
            case PrintObject o:
                var mapping = new YamlMapping();
                foreach (var (key, entry) in o.Entries)
                {
                    mapping.Add(key, Tree(entry));
                }

                return mapping;
            case PrintArray a:
                return new YamlSequence(a.Items.Select(Tree));
            case PrintString s:
                return YamlScalar.String(s.Value);
            case PrintNumber n:
                return YamlScalar.Verbatim(Number(n.Value));
            case PrintBool b:
                return YamlScalar.Bool(b.Value);
            default:
                return YamlScalar.Null;
        }
    }

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

    /// <summary>js-yaml's <c>chooseScalarStyle</c>, with its special cases for the empty string and YAML 1.1 values.</summary>
    private sealed class JsYamlScalars : IYamlScalarStyle
    {
        public ScalarStyle Choose(string value, YamlScalarContext context) =>
            value.Length == 0 || DeprecatedBooleans.Contains(value) || Base60().IsMatch(value)
                ? ScalarStyle.SingleQuoted
                : ChooseStyle(value, context.IsKey, context.LineWidth);
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

    private static ScalarStyle ChooseStyle(string s, bool singleLineOnly, int lineWidth)
    {
        var hasLineBreak = false;
        var hasFoldableLine = false;
        var previousLineBreak = -1;
        var plain = IsPlainSafeFirst(YamlEmitter.CodePointAt(s, 0)) && IsPlainSafeLast(YamlEmitter.CodePointAt(s, s.Length - 1));
        var prev = -1;
        int i;
        int c;
        if (singleLineOnly)
        {
            for (i = 0; i < s.Length; i += c >= 0x10000 ? 2 : 1)
            {
                c = YamlEmitter.CodePointAt(s, i);
                if (!YamlEmitter.IsPrintable(c))
                {
                    return ScalarStyle.DoubleQuoted;
                }

                plain = plain && IsPlainSafe(c, prev);
                prev = c;
            }
        }
        else
        {
            for (i = 0; i < s.Length; i += c >= 0x10000 ? 2 : 1)
            {
                c = YamlEmitter.CodePointAt(s, i);
                if (c == '\n')
                {
                    hasLineBreak = true;
                    hasFoldableLine = hasFoldableLine || (i - previousLineBreak - 1 > lineWidth && s[previousLineBreak + 1] != ' ');
                    previousLineBreak = i;
                }
                else if (!YamlEmitter.IsPrintable(c))
                {
                    return ScalarStyle.DoubleQuoted;
                }

                plain = plain && IsPlainSafe(c, prev);
                prev = c;
            }

            hasFoldableLine = hasFoldableLine ||
                (i - previousLineBreak - 1 > lineWidth && previousLineBreak + 1 < s.Length && s[previousLineBreak + 1] != ' ');
        }

        if (!hasLineBreak && !hasFoldableLine)
        {
            return plain && !IsAmbiguous(s) ? ScalarStyle.Plain : ScalarStyle.SingleQuoted;
        }

        return hasFoldableLine ? ScalarStyle.Folded : ScalarStyle.Literal;
    }

    private static bool IsWhitespace(int c) => c is ' ' or '\t';

    private static bool IsNsCharOrWhitespace(int c) => YamlEmitter.IsPrintable(c) && c != 0xFEFF && c != '\r' && c != '\n';

    /// <summary>js-yaml's <c>isPlainSafe</c> in block context (Spec never writes flow collections with content).</summary>
    private static bool IsPlainSafe(int c, int prev)
    {
        var cIsNsCharOrWhitespace = IsNsCharOrWhitespace(c);
        var cIsNsChar = cIsNsCharOrWhitespace && !IsWhitespace(c);
        return (cIsNsCharOrWhitespace && c != '#' && !(prev == ':' && !cIsNsChar))
            || (prev >= 0 && IsNsCharOrWhitespace(prev) && !IsWhitespace(prev) && c == '#')
            || (prev == ':' && cIsNsChar);
    }

    private static bool IsPlainSafeFirst(int c) =>
        YamlEmitter.IsPrintable(c) && c != 0xFEFF && !IsWhitespace(c) &&
        c is not ('-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '='
            or '>' or '\'' or '"' or '%' or '@' or '`');

    private static bool IsPlainSafeLast(int c) => !IsWhitespace(c) && c != ':';
}
