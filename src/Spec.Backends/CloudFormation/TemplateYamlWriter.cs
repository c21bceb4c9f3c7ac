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
    /// <summary>Strings plain when YAML reads them back the same, else double-quoted; the serverless.yml writer shares it.</summary>
    internal static readonly YamlStyle Style = new(new PlainWhenSafe()) { CompactSequencesInSequences = false };

    public static string Write(JsonNode? node) => YamlEmitter.Write(Tree(node, shortTags: false), Style);

    /// <summary>
    /// The template with CloudFormation's short-form tags where a one-key <c>Ref</c> or <c>Fn::*</c> mapping has one
    /// (<c>!Ref X</c>, <c>!GetAtt X.Arn</c>, <c>!Sub</c>, <c>!Join</c>, …), as people write templates by hand. Anything
    /// else (<c>Fn::Transform</c>, a <c>Fn::GetAtt</c> whose parts are not plain names) keeps the long form.
    /// </summary>
    public static string WriteWithShortTags(JsonNode? node) => YamlEmitter.Write(Tree(node, shortTags: true), Style);

    private static readonly HashSet<string> ShortForms =
    [
        "Fn::Base64", "Fn::Cidr", "Fn::FindInMap", "Fn::GetAZs", "Fn::ImportValue", "Fn::Join", "Fn::Select",
        "Fn::Split", "Fn::Sub", "Fn::If", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not",
    ];

    private static YamlTagged? ShortForm(JsonObject o)
    {
        if (o.Count != 1)
        {
            return null;
        }

        var (key, value) = o.First();
        if (key == "Ref" && value is JsonValue v && v.TryGetValue<string>(out var name))
        {
            return new YamlTagged("!Ref", YamlScalar.String(name));
        }

        if (key == "Fn::GetAtt" && value is JsonArray { Count: 2 } a && a[0] is JsonValue id && id.TryGetValue<string>(out var resource)
            && a[1] is JsonValue attr && attr.TryGetValue<string>(out var attribute) && !resource.Contains('.', StringComparison.Ordinal))
        {
            return new YamlTagged("!GetAtt", YamlScalar.String(resource + "." + attribute));
        }

        return ShortForms.Contains(key) ? new YamlTagged("!" + key["Fn::".Length..], Tree(value, shortTags: true)) : null;
    }

    private static YamlNode Tree(JsonNode? node, bool shortTags)
    {
        switch (node)
        {
            case JsonObject o when shortTags && ShortForm(o) is { } tagged:
                return tagged;
            case JsonObject o:
                var mapping = new YamlMapping();
                foreach (var (key, value) in o)
                {
                    mapping.Add(key, Tree(value, shortTags));
                }

                return mapping;
            case JsonArray a:
                return new YamlSequence(a.Select(item => Tree(item, shortTags)));
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
