using System.Globalization;
using System.Text;
using Spec.Core.Print;
using Spec.Core.Syntax;

namespace Spec.Tests.Load;

/// <summary>
/// The loaded tree in the oracle's canonical text (tests/yaml/oracle.js): JSON with JavaScript's number spelling and
/// JavaScript's key order (array-index keys such as "200" first, ascending, then the others as inserted), so the
/// two loaders' data compare as text.
/// </summary>
internal static class CanonicalJson
{
    public static string Of(Node node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Node node)
    {
        switch (node)
        {
            case MappingNode m:
                sb.Append('{');
                var first = true;
                foreach (var entry in JsOrder(m.Entries))
                {
                    sb.Append(first ? string.Empty : ",");
                    first = false;
                    String(sb, entry.Key.Text);
                    sb.Append(':');
                    Write(sb, entry.Value);
                }

                sb.Append('}');
                break;
            case SequenceNode s:
                sb.Append('[');
                for (var i = 0; i < s.Items.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ",");
                    Write(sb, s.Items[i]);
                }

                sb.Append(']');
                break;
            case ScalarNode { Kind: ScalarKind.Null }:
                sb.Append("null");
                break;
            case ScalarNode { Kind: ScalarKind.Bool } b:
                sb.Append(b.AsBool == true ? "true" : "false");
                break;
            case ScalarNode { Kind: ScalarKind.Int or ScalarKind.Float } n:
                sb.Append(n.Text);
                break;
            case ScalarNode s:
                String(sb, s.Text);
                break;
            default:
                throw new InvalidOperationException($"unexpected node {node.GetType().Name}");
        }
    }

    private static IEnumerable<MappingEntry> JsOrder(IReadOnlyList<MappingEntry> entries)
    {
        var indices = entries.Where(e => ArrayIndex(e.Key.Text) is not null).OrderBy(e => ArrayIndex(e.Key.Text)).ToList();
        return indices.Count == 0 ? entries : indices.Concat(entries.Where(e => ArrayIndex(e.Key.Text) is null));
    }

    private static uint? ArrayIndex(string key) =>
        key.Length > 0 && (key == "0" || key[0] != '0') && key.All(char.IsAsciiDigit)
        && uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v != uint.MaxValue
            ? v
            : null;

    /// <summary>
    /// A JSON string that carries any UTF-16 text exactly, lone surrogates included (System.Text.Json would replace
    /// them): everything outside printable ASCII as \uXXXX.
    /// </summary>
    public static string AsciiString(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not ('"' or '\\'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>JSON.stringify of a string (the print writer writes strings exactly so).</summary>
    private static void String(StringBuilder sb, string text) => JsonPrintWriter.WriteString(sb, text);
}
