using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// The size and depth of a resolved tree, shared subtrees counted at every use: a few <c>${self:…}</c> references
/// can build a tree far larger than its text, which every later pass would walk.
/// </summary>
internal static class ResolvedTreeSize
{
    /// <summary>Without recursion, so a tree too deep for the stack is measured too.</summary>
    public static (long Size, int Depth) Measure(Node root)
    {
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

            var children = node switch
            {
                MappingNode m => m.Entries.Select(e => e.Value),
                SequenceNode q => q.Items,
                _ => [],
            };
            if (!expanded)
            {
                stack.Push((node, true));
                foreach (var child in children)
                {
                    if (!known.ContainsKey(child))
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
            foreach (var child in children)
            {
                var (s, d) = known[child];
                size = Math.Min(long.MaxValue / 2, size + s);
                depth = Math.Max(depth, d + 1);
            }

            known[node] = (size, depth);
        }

        return known[root];
    }
}
