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
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    visit(entry.Value, state);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    visit(item, state);
                }

                break;
        }
    }
}
