using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// The size and depth of a resolved tree, shared subtrees counted at every use: a few <c>${self:…}</c> references
/// can build a tree far larger than its text, which every later pass would walk.
/// </summary>
internal static class ResolvedTreeSize
{
    /// <summary>Without recursion, so a tree too deep for the stack is measured too. Only mappings and lists are
    /// remembered: anything else is one node deep.</summary>
    public static (long Size, int Depth) Measure(Node root)
    {
        if (root is not (MappingNode or SequenceNode))
        {
            return (1, 1);
        }

        var known = new Dictionary<Node, (long Size, int Depth)>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Node Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (known.ContainsKey(node))
            {
                continue;
            }

            var count = ChildCount(node);
            if (!expanded)
            {
                stack.Push((node, true));
                for (var i = 0; i < count; i++)
                {
                    if (Child(node, i) is var child and (MappingNode or SequenceNode) && !known.ContainsKey(child))
                    {
                        stack.Push((child, false));
                    }
                }

                if (stack.Count > 10_000_000)
                {
                    return (long.MaxValue, int.MaxValue);
                }

                continue;
            }

            long size = 1;
            var depth = 1;
            for (var i = 0; i < count; i++)
            {
                var child = Child(node, i);
                var (s, d) = child is MappingNode or SequenceNode ? known[child] : (1, 1);
                size = Math.Min(long.MaxValue / 2, size + s);
                depth = Math.Max(depth, d + 1);
            }

            known[node] = (size, depth);
        }

        return known[root];
    }

    private static int ChildCount(Node node) => node switch
    {
        MappingNode m => m.Entries.Count,
        SequenceNode q => q.Items.Count,
        _ => 0,
    };

    private static Node Child(Node node, int index) =>
        node is MappingNode m ? m.Entries[index].Value : ((SequenceNode)node).Items[index];
}
