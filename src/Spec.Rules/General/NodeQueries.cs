using System.Globalization;
using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>Small read helpers over resolved nodes, for the parts of a spec rules read as raw data.</summary>
public static class NodeQueries
{
    /// <summary>The value at a path of mapping keys, or null (the keys as a span: no array per lookup).</summary>
    public static Node? At(this Node? node, params ReadOnlySpan<string> path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not MappingNode mapping)
            {
                return null;
            }

            current = mapping[key];
        }

        return current;
    }

    /// <summary>The key node of an entry, to point at "this key is the problem".</summary>
    public static ScalarNode? KeyOf(this Node? node, string key) => (node as MappingNode)?.Entry(key)?.Key;

    /// <summary>The text of a scalar that is not null.</summary>
    public static string? Text(this Node? node) => node is ScalarNode { IsNull: false } s ? s.Text : null;

    /// <summary>An integer value; CloudFormation properties written as quoted numbers ("30") count too.</summary>
    public static long? Integer(this Node? node) =>
        node is ScalarNode { Kind: ScalarKind.Int or ScalarKind.String or ScalarKind.Float } s
        && long.TryParse(s.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>A boolean value; "true"/"false" strings count too, as CloudFormation accepts them.</summary>
    public static bool? Boolean(this Node? node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Bool } s => s.AsBool,
        ScalarNode { Kind: ScalarKind.String } s when s.Text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        ScalarNode { Kind: ScalarKind.String } s when s.Text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    /// <summary>The items of a list, or the node itself when a single value stands for a one-item list.</summary>
    public static IEnumerable<Node> Items(this Node? node) => node switch
    {
        null => [],
        ScalarNode { IsNull: true } => [],
        SequenceNode s => s.Items,
        _ => [node],
    };

    public static IEnumerable<MappingEntry> Entries(this Node? node) =>
        node is MappingNode m ? m.Entries : [];

    /// <summary>
    /// True when a text edit can change the value: it was written in a file (directly, or through a variable whose
    /// origin is known). A value from <c>${env:…}</c> or <c>${opt:…}</c> has no such place; a fix must not replace the
    /// variable with a literal.
    /// </summary>
    public static bool IsEditable(this Node node) => node.Expression is null || node.Origin is not null;

    /// <summary>True for a CloudFormation intrinsic function (<c>Ref</c>, <c>Fn::*</c>) or a deploy-time value.</summary>
    public static bool IsIntrinsic(this Node? node) =>
        node is DeployTimeNode
        || node is MappingNode { Entries.Count: 1 } m
        && (m.Entries[0].Key.Text == "Ref" || m.Entries[0].Key.Text.StartsWith("Fn::", StringComparison.Ordinal));
}
