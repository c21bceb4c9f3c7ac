using System.Globalization;
using System.Text.Json.Nodes;
using Spec.Core.Emit;

namespace Spec.Backends.CloudFormation;

/// <summary>
/// Writes a template as YAML with long-form intrinsics (<c>Fn::Join:</c>), which CloudFormation reads like the JSON:
/// the template as a <see cref="YamlNode"/> tree written by <see cref="YamlEmitter"/>. Strings that YAML would re-type
/// or misread are double-quoted; a sequence inside a sequence starts below its dash.
/// </summary>
public static class TemplateYamlWriter
{
    private static readonly YamlStyle Style = new(new PlainWhenSafe()) { CompactSequencesInSequences = false };

    public static string Write(JsonNode? node) => YamlEmitter.Write(Tree(node), Style);

    private static YamlNode Tree(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var mapping = new YamlMapping();
                foreach (var (key, value) in o)
                {
                    mapping.Add(key, Tree(value));
                }

                return mapping;
            case JsonArray a:
                return new YamlSequence(a.Select(Tree));
            case null:
                return YamlScalar.Null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                return YamlScalar.String(s);
            case JsonValue v when v.TryGetValue<bool>(out var b):
                return YamlScalar.Bool(b);
            case JsonValue v when v.TryGetValue<long>(out var l):
                return YamlScalar.Verbatim(l.ToString(CultureInfo.InvariantCulture));
            case JsonValue v when v.TryGetValue<int>(out var i):
                return YamlScalar.Verbatim(i.ToString(CultureInfo.InvariantCulture));
            case JsonValue v when v.TryGetValue<double>(out var d):
                return YamlScalar.Verbatim(TemplateJsonWriter.FormatNumber(d));
            default:
                return YamlScalar.Verbatim(node.ToJsonString());
        }
    }

    /// <summary>A string as a plain scalar when YAML reads it back as the same string, else double-quoted.</summary>
    private sealed class PlainWhenSafe : IYamlScalarStyle
    {
        public ScalarStyle Choose(string value, YamlScalarContext context) =>
            IsPlainSafe(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
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
