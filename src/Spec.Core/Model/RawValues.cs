using System.Globalization;
using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>
/// Quiet readers for the typed views the model computes over values it keeps raw (CloudFormation-like objects the
/// binder does not check): they read what is there and never report, since the binder already said what it checks.
/// </summary>
internal static class RawValues
{
    public static Node? Get(Node? node, string key) => (node as MappingNode)?[key];

    public static Node? Path(Node? node, params string[] keys)
    {
        foreach (var k in keys)
        {
            node = Get(node, k);
        }

        return node;
    }

    /// <summary>A scalar's text (numbers and booleans as written); null for null, mappings, lists, deploy-time values.</summary>
    public static string? Text(Node? node) => node is ScalarNode { IsNull: false } s ? s.Text : null;

    /// <summary>A boolean, or the strings <c>"true"</c>/<c>"false"</c>; null for anything else.</summary>
    public static bool? Bool(Node? node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Bool } s => s.AsBool,
        ScalarNode { Kind: ScalarKind.String, Text: "true" } => true,
        ScalarNode { Kind: ScalarKind.String, Text: "false" } => false,
        _ => null,
    };

    public static long? Long(Node? node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Int } s => s.AsLong,
        ScalarNode { Kind: ScalarKind.String } s when long.TryParse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture,
            out var v) => v,
        _ => null,
    };

    /// <summary>JavaScript truthiness, as the Framework tests settings (<c>if (event.x)</c>).</summary>
    public static bool IsTruthy(Node? node) => node switch
    {
        null => false,
        ScalarNode { IsNull: true } => false,
        ScalarNode { Kind: ScalarKind.Bool } s => s.AsBool == true,
        ScalarNode { Kind: ScalarKind.String } s => s.Text.Length > 0,
        ScalarNode { Kind: ScalarKind.Int or ScalarKind.Float } s => s.AsDouble is not 0,
        _ => true,
    };

    public static bool IsNullOrMissing(Node? node) => node is null or ScalarNode { IsNull: true };

    /// <summary>The node, or null when it is missing or null.</summary>
    public static Node? Present(Node? node) => IsNullOrMissing(node) ? null : node;

    public static bool IsList(Node? node) => node is SequenceNode;

    public static bool IsMapping(Node? node) => node is MappingNode;

    public static bool IsDeployTime(Node? node) => node is DeployTimeNode;

    public static IReadOnlyList<Node> Items(Node? node) => (node as SequenceNode)?.Items ?? [];

    /// <summary>A list's items, or a lone value as a one-item list (<c>[].concat(value)</c>).</summary>
    public static IReadOnlyList<Node> ItemsOrSelf(Node? node) => node switch
    {
        null => [],
        SequenceNode seq => seq.Items,
        _ => [node],
    };

    public static IReadOnlyList<MappingEntry> Entries(Node? node) => (node as MappingNode)?.Entries ?? [];

    /// <summary>The texts of a list's scalar items (others are skipped).</summary>
    public static IReadOnlyList<string> Texts(Node? node) => [.. Items(node).Select(Text).OfType<string>()];
}
