using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Spec.Backends.CloudFormation;

/// <summary>
/// Writes a template as YAML with long-form intrinsics (<c>Fn::Join:</c>), which CloudFormation reads like the JSON.
/// Strings that YAML would re-type or misread are double-quoted (JSON escapes are valid YAML).
/// </summary>
public static class TemplateYamlWriter
{
    public static string Write(JsonNode? node)
    {
        var sb = new StringBuilder();
        WriteBlock(sb, node, 0);
        return sb.ToString();
    }

    private static void WriteBlock(StringBuilder sb, JsonNode? node, int indent)
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (key, value) in o)
                {
                    sb.Append(' ', indent).Append(Scalar(key)).Append(':');
                    WriteValueAfterKey(sb, value, indent);
                }

                break;
            case JsonArray a when a.Count > 0:
                foreach (var item in a)
                {
                    sb.Append(' ', indent).Append('-');
                    if (item is JsonObject { Count: > 0 } io)
                    {
                        var first = true;
                        foreach (var (key, value) in io)
                        {
                            sb.Append(first ? " " : new string(' ', indent + 2)).Append(Scalar(key)).Append(':');
                            WriteValueAfterKey(sb, value, indent + 2);
                            first = false;
                        }
                    }
                    else if (item is JsonArray { Count: > 0 })
                    {
                        sb.Append('\n');
                        WriteBlock(sb, item, indent + 2);
                    }
                    else
                    {
                        sb.Append(' ').Append(Inline(item)).Append('\n');
                    }
                }

                break;
            default:
                sb.Append(' ', indent).Append(Inline(node)).Append('\n');
                break;
        }
    }

    private static void WriteValueAfterKey(StringBuilder sb, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            sb.Append('\n');
            WriteBlock(sb, value, indent + 2);
        }
        else
        {
            sb.Append(' ').Append(Inline(value)).Append('\n');
        }
    }

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.TryGetValue<string>(out var s) => Scalar(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<int>(out var i) => i.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => TemplateJsonWriter.FormatNumber(d),
        _ => node.ToJsonString(),
    };

    /// <summary>A string as a plain scalar when YAML reads it back as the same string, else double-quoted.</summary>
    private static string Scalar(string s)
    {
        if (IsPlainSafe(s))
        {
            return s;
        }

        var sb = new StringBuilder();
        TemplateJsonWriter.WriteString(sb, s);
        return sb.ToString();
    }

    private static bool IsPlainSafe(string s)
    {
        if (s.Length == 0 || s.Trim() != s)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '$' or '(' or ')' or '+' or ' ' or '='))
            {
                return false;
            }
        }

        if (s.Contains(": ", StringComparison.Ordinal) || s.EndsWith(':') || s.StartsWith('-') || s.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        var lower = s.ToLowerInvariant();
        if (lower is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or "y" or "n")
        {
            return false;
        }

        // Anything that looks like a number (or a date/time) must stay a string.
        return !(char.IsAsciiDigit(s[0]) || s[0] is '.' or '+');
    }
}
