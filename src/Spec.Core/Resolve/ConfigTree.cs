using System.Globalization;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>Reading the config tree the way variables address it (<c>custom.list.0</c>).</summary>
internal static class ConfigTree
{
    /// <summary>A mapping's value or a list's item by its index; null when there is none.</summary>
    public static Node? Child(Node? node, string key) => node switch
    {
        MappingNode m => m[key],
        SequenceNode s => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < s.Items.Count
            ? s.Items[i]
            : null,
        DeployTimeNode d => throw new ResolutionFailure(
            $"cannot read \"{key}\" inside {d.Display}: its value is only known at deploy time"),
        _ => null,
    };

    /// <summary>True for a collection or a string with a <c>$</c> in it: anything else is already resolved.</summary>
    public static bool MayHoldVariables(Node node) =>
        node is MappingNode or SequenceNode ||
        node is ScalarNode { Kind: ScalarKind.String } s && s.Text.Contains('$', StringComparison.Ordinal);

    /// <summary>The string form of a non-null, non-empty scalar; null otherwise.</summary>
    public static string? NonEmptyText(Node? node) =>
        node is ScalarNode { IsNull: false } s && JsString.Of(s) is { Length: > 0 } t ? t : null;
}
