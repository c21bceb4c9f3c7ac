using System.Runtime.InteropServices;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// The size and depth of a resolved tree, shared subtrees counted at every use: a few <c>${self:…}</c> references
/// can build a tree far larger than its text, which every later pass would walk.
/// </summary>
internal static class ResolvedTreeSize
{
    /// <summary>
    /// Subtrees of at least this many nodes are remembered, so one shared many times is measured once. A smaller one
    /// is measured again at each use, at most this many nodes each time: the walk stays linear in the references
    /// (a bomb's levels are remembered from the first that reaches this size), and a plain tree of thousands of small
    /// functions remembers almost nothing.
    /// </summary>
    private const long RememberedSize = 64;

    private const int MaxDepth = 10_000_000;

    /// <summary>Without recursion, so a tree too deep for the stack is measured too.</summary>
    public static (long Size, int Depth) Measure(Node root)
    {
        if (root is not (MappingNode or SequenceNode))
        {
            return (1, 1);
        }

        var known = new Dictionary<Node, (long Size, int Depth)>(ReferenceEqualityComparer.Instance);
        var open = new List<Frame> { new(root) };
        while (true)
        {
            ref var top = ref CollectionsMarshal.AsSpan(open)[^1];
            if (top.Next < ChildCount(top.Node))
            {
                var child = Child(top.Node, top.Next++);
                if (child is not (MappingNode or SequenceNode))
                {
                    top.Add(1, 1);
                }
                else if (known.TryGetValue(child, out var measured))
                {
                    top.Add(measured.Size, measured.Depth);
                }
                else if (open.Count >= MaxDepth)
                {
                    return (long.MaxValue, int.MaxValue);
                }
                else
                {
                    open.Add(new Frame(child));
                }

                continue;
            }

            var (node, size, depth) = (top.Node, top.Size, top.Depth);
            if (size >= RememberedSize)
            {
                known[node] = (size, depth);
            }

            open.RemoveAt(open.Count - 1);
            if (open.Count == 0)
            {
                return (size, depth);
            }

            CollectionsMarshal.AsSpan(open)[^1].Add(size, depth);
        }
    }

    private static int ChildCount(Node node) => node switch
    {
        MappingNode m => m.Entries.Count,
        SequenceNode q => q.Items.Count,
        _ => 0,
    };

    private static Node Child(Node node, int index) =>
        node is MappingNode m ? m.Entries[index].Value : ((SequenceNode)node).Items[index];

    /// <summary>A mapping or list being measured: the next child to visit and the size and depth so far.</summary>
    private struct Frame(Node node)
    {
        public readonly Node Node = node;
        public int Next;
        public long Size = 1;
        public int Depth = 1;

        public void Add(long size, int depth)
        {
            Size = Math.Min(long.MaxValue / 2, Size + size);
            Depth = Math.Max(Depth, depth + 1);
        }
    }
}
