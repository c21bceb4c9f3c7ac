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

