using System.Globalization;
using System.Text;
using Spec.Core.Resolve;

namespace Spec.Core.Print;

/// <summary><c>JSON.stringify(value, null, 2)</c>, byte for byte: JavaScript number spelling and escaping.</summary>
internal static class JsonPrintWriter
{
    public static string Write(PrintValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, PrintValue value, int indent)
    {
        switch (value)
        {
            case PrintObject o:
                if (o.Entries.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append("{\n");
                for (var i = 0; i < o.Entries.Count; i++)
                {
                    sb.Append(' ', (indent + 1) * 2);
                    WriteString(sb, o.Entries[i].Key);
                    sb.Append(": ");
                    Write(sb, o.Entries[i].Value, indent + 1);
                    sb.Append(i + 1 < o.Entries.Count ? ",\n" : "\n");
                }

                sb.Append(' ', indent * 2).Append('}');
                return;
            case PrintArray a:
                if (a.Items.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                sb.Append("[\n");
                for (var i = 0; i < a.Items.Count; i++)
                {
                    sb.Append(' ', (indent + 1) * 2);
                    Write(sb, a.Items[i], indent + 1);
                    sb.Append(i + 1 < a.Items.Count ? ",\n" : "\n");
                }

                sb.Append(' ', indent * 2).Append(']');
                return;
            case PrintString s:
                WriteString(sb, s.Value);
                return;
            case PrintNumber n:
                sb.Append(double.IsFinite(n.Value) ? JsNumber.Format(n.Value) : "null");
                return;
            case PrintBool b:
                sb.Append(b.Value ? "true" : "false");
                return;
            default:
                sb.Append("null");
                return;
        }
    }

    internal static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !IsPairedSurrogate(s, i)))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static bool IsPairedSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i])
            ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
            : i > 0 && char.IsHighSurrogate(s[i - 1]);
}

/// <summary>
/// Block-style YAML in the manner of js-yaml's <c>dump</c> (2-space indent, lists of mappings as <c>- key: v</c>,
/// strings quoted only when a plain scalar would change their meaning).
/// </summary>
internal static class YamlPrintWriter
{
    public static string Write(PrintValue value)
    {
        var sb = new StringBuilder();
        switch (value)
        {
            case PrintObject { Entries.Count: > 0 } or PrintArray { Items.Count: > 0 }:
                WriteBlock(sb, value, 0);
                break;
            default:
                sb.Append(Inline(value)).Append('\n');
                break;
        }

        return sb.ToString();
    }

    private static void WriteBlock(StringBuilder sb, PrintValue value, int indent)
    {
        var pad = new string(' ', indent);
        if (value is PrintObject o)
        {
            foreach (var (key, child) in o.Entries)
            {
                sb.Append(pad).Append(Scalar(key)).Append(':');
                WriteChild(sb, child, indent);
            }
        }
        else if (value is PrintArray a)
        {
            foreach (var item in a.Items)
            {
                sb.Append(pad).Append('-');
                if (item is PrintObject { Entries.Count: > 0 } or PrintArray { Items.Count: > 0 })
                {
                    // The first line of a nested block shares the dash's line.
                    var nested = new StringBuilder();
                    WriteBlock(nested, item, indent + 2);
                    sb.Append(' ').Append(nested.ToString(indent + 2, nested.Length - indent - 2));
                }
                else
                {
                    sb.Append(' ').Append(Inline(item)).Append('\n');
                }
            }
        }
    }

    private static void WriteChild(StringBuilder sb, PrintValue child, int indent)
    {
        switch (child)
        {
            case PrintObject { Entries.Count: > 0 }:
                sb.Append('\n');
                WriteBlock(sb, child, indent + 2);
                break;
            case PrintArray { Items.Count: > 0 }:
                sb.Append('\n');
                WriteBlock(sb, child, indent + 2);
                break;
            default:
                sb.Append(' ').Append(Inline(child)).Append('\n');
                break;
        }
    }

    private static string Inline(PrintValue value) => value switch
    {
        PrintObject => "{}",
        PrintArray => "[]",
        PrintString s => Scalar(s.Value),
        PrintNumber n => double.IsNaN(n.Value) ? ".nan"
            : double.IsInfinity(n.Value) ? n.Value > 0 ? ".inf" : "-.inf"
            : JsNumber.Format(n.Value),
        PrintBool b => b.Value ? "true" : "false",
        _ => "null",
    };

    private static string Scalar(string s)
    {
        if (NeedsQuotes(s))
        {
            if (s.Any(c => c < 0x20 && c != '\t' || c == '\u007f'))
            {
                var sb = new StringBuilder();
                JsonPrintWriter.WriteString(sb, s);
                return sb.ToString();
            }

            return "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        return s;
    }

    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || s != s.Trim() || Syntax.ScalarTyping.KindOf(s) != Syntax.ScalarKind.String)
        {
            return true;
        }

        if (s is "yes" or "no" or "on" or "off" or "y" or "n" or "Yes" or "No" or "On" or "Off" or "YES" or "NO" or "ON" or "OFF")
        {
            return true;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal))
        {
            return s[0] is not ('-' or '?' or ':') || s.Length == 1 || s[1] == ' ';
        }

        return s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal)
            || s.EndsWith(':') || s.Any(c => c < 0x20 || c == '\u007f');
    }
}
