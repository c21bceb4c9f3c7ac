using System.Text;
using System.Text.RegularExpressions;
using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>What a value written in a spec refers to: CloudFormation logical ids and literal resource names.</summary>
public static partial class References
{
    [GeneratedRegex(@"\$\{(?<id>[A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex SubReference();

    /// <summary>Logical ids referenced by <c>Ref</c>, <c>Fn::GetAtt</c>, or inside <c>Fn::Sub</c>/<c>Fn::Join</c>.</summary>
    public static IEnumerable<string> LogicalIds(Node? value)
    {
        if (value is not MappingNode { Entries.Count: 1 } m)
        {
            yield break;
        }

        var entry = m.Entries[0];
        switch (entry.Key.Text)
        {
            case "Ref" when entry.Value.Text() is { } id && !id.StartsWith("AWS::", StringComparison.Ordinal):
                yield return id;
                break;
            case "Fn::GetAtt":
                var target = entry.Value switch
                {
                    SequenceNode s when s.Items.Count > 0 => s.Items[0].Text(),
                    ScalarNode sc => sc.Text.Split('.')[0],
                    _ => null,
                };
                if (target is not null)
                {
                    yield return target;
                }

                break;
            case "Fn::Sub":
                var template = entry.Value is SequenceNode sub && sub.Items.Count > 0 ? sub.Items[0].Text() : entry.Value.Text();
                foreach (Match match in SubReference().Matches(template ?? string.Empty))
                {
                    var id = match.Groups["id"].Value;
                    yield return id;
                }

                break;
            case "Fn::Join" when entry.Value is SequenceNode { Items.Count: 2 } join:
                foreach (var part in join.Items[1].Items())
                {
                    foreach (var id in LogicalIds(part))
                    {
                        yield return id;
                    }
                }

                break;
        }
    }

    /// <summary>The text of a value with every non-literal part replaced by NUL.</summary>
    public static string? Flatten(Node? value)
    {
        switch (value)
        {
            case ScalarNode { IsNull: false } s:
                return s.Text;
            case MappingNode { Entries.Count: 1 } m when m.Entries[0].Key.Text == "Fn::Join"
                                                         && m.Entries[0].Value is SequenceNode { Items.Count: 2 } join:
                var separator = join.Items[0].Text() ?? string.Empty;
                return string.Join(separator, join.Items[1].Items().Select(p => Flatten(p) ?? "\0"));
            case MappingNode { Entries.Count: 1 } m when m.Entries[0].Key.Text == "Fn::Sub":
                var template = m.Entries[0].Value is SequenceNode sub && sub.Items.Count > 0
                    ? sub.Items[0].Text()
                    : m.Entries[0].Value.Text();
                return template is null ? null : ReplaceSubVariables(template);
            case DeployTimeNode d:
                var builder = new StringBuilder();
                foreach (var part in d.Parts)
                {
                    builder.Append(part is DeployTimeLiteral literal ? literal.Text : "\0");
                }

                return builder.ToString();
            default:
                return null;
        }
    }

    private static string ReplaceSubVariables(string template)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var start = template.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0 || (start + 2 < template.Length && template[start + 2] == '!'))
            {
                builder.Append(template, i, (start < 0 ? template.Length : start + 3) - i);
                i = start < 0 ? template.Length : start + 3;
                continue;
            }

            var end = template.IndexOf('}', start);
            builder.Append(template, i, start - i).Append('\0');
            i = end < 0 ? template.Length : end + 1;
        }

        return builder.ToString();
    }
}
