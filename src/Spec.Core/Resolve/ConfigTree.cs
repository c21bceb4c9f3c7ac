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

    /// <summary>
    /// Whether a string with a <c>$</c> is anywhere in <paramref name="node"/>: a mapping or list without one resolves
    /// to itself, so the resolver neither walks nor remembers it (most of a big service has no variable). Past
    /// <paramref name="depthLeft"/> levels it answers yes, leaving a deeper tree to the resolver's own limits.
    /// </summary>
    public static bool HoldsVariables(Node node, int depthLeft = 64)
    {
        switch (node)
        {
            case ScalarNode:
                return MayHoldVariables(node);
            case MappingNode m:
                if (depthLeft == 0)
                {
                    return true;
                }

                for (var i = 0; i < m.Entries.Count; i++)
                {
                    if (HoldsVariables(m.Entries[i].Value, depthLeft - 1))
                    {
                        return true;
                    }
                }

                return false;
            case SequenceNode q:
                if (depthLeft == 0)
                {
                    return true;
                }

                for (var i = 0; i < q.Items.Count; i++)
                {
                    if (HoldsVariables(q.Items[i], depthLeft - 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return MayHoldVariables(node);
        }
    }

    /// <summary>True for a collection or a string with a <c>$</c> in it: anything else is already resolved.</summary>
    public static bool MayHoldVariables(Node node) =>
        node is MappingNode or SequenceNode ||
        node is ScalarNode { Kind: ScalarKind.String } s && s.Text.Contains('$', StringComparison.Ordinal);

    /// <summary>The string form of a non-null, non-empty scalar; null otherwise.</summary>
    public static string? NonEmptyText(Node? node) =>
        node is ScalarNode { IsNull: false } s && JsString.Of(s) is { Length: > 0 } t ? t : null;
}
