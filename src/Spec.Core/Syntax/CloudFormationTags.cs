using System.Collections.Frozen;
using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>
/// The CloudFormation short forms the Framework's YAML schema knows (<c>@serverless/utils/cloudformation-schema</c>):
/// <c>!Ref x</c> is <c>{Ref: x}</c>, <c>!Sub …</c> is <c>{Fn::Sub: …}</c>, on a scalar, a sequence, a mapping or
/// nothing. <c>!GetAtt a.b.c</c> on a string splits at the first dot: <c>[a, b.c]</c> (and <c>[a, ""]</c> without one).
/// Other tags (<c>!Transform</c>, <c>!Length</c>, …) are unknown to the Framework, so they are errors here too.
/// </summary>
internal static class CloudFormationTags
{
    private static readonly FrozenDictionary<string, string> LongForms = new[]
    {
        "And", "Base64", "Cidr", "Condition", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join",
        "Not", "Or", "Ref", "Select", "Split", "Sub",
    }.ToFrozenDictionary(name => "!" + name, name => name is "Ref" or "Condition" ? name : "Fn::" + name,
        StringComparer.Ordinal);

    public static bool IsKnown(string tag) => LongForms.ContainsKey(tag);

    /// <summary>The long form of <paramref name="data"/> (null for an empty node) under <paramref name="tag"/>.</summary>
    public static MappingNode Construct(string tag, Node? data, bool dataIsString, SourceSpan span)
    {
        var key = LongForms[tag];
        Node value;
        if (key == "Fn::GetAtt" && dataIsString && data is ScalarNode s)
        {
            var dot = s.Text.IndexOf('.', StringComparison.Ordinal);
            value = new SequenceNode(span,
            [
                ScalarNode.String(span, dot < 0 ? s.Text : s.Text[..dot]),
                ScalarNode.String(span, dot < 0 ? string.Empty : s.Text[(dot + 1)..]),
            ]);
        }
        else
        {
            value = data ?? new ScalarNode(span, string.Empty, ScalarKind.Null);
        }

        return new MappingNode(span, [new MappingEntry(ScalarNode.String(span, key), value)]);
    }
}
