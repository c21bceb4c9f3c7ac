using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>A recursive walk's step: each value of a mapping or item of a list, in order, without an iterator per level
/// (nested <c>yield</c> walks pass every result up through each level above it).</summary>
internal static class NodeChildren
{
    public static void Visit<TState>(Node node, TState state, Action<Node, TState> visit)
    {
        switch (node)
        {
            // By index: a foreach over the read-only list would allocate an enumerator per container.
            case MappingNode mapping:
                var entries = mapping.Entries;
                for (var i = 0; i < entries.Count; i++)
                {
                    visit(entries[i].Value, state);
                }

                break;
            case SequenceNode sequence:
                var items = sequence.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    visit(items[i], state);
                }

                break;
        }
    }
}
