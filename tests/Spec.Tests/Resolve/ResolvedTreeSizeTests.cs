using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Resolve;

/// <summary>The resolved tree's size counts a shared subtree at every use, as a recursive count over the tree does,
/// and stays fast where that count would not.</summary>
public sealed class ResolvedTreeSizeTests
{
    private static readonly SourceSpan At = SourceSpan.At("serverless.yml", 1, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_shared_graphs_measure_as_the_recursive_count(int seed)
    {
        var random = new Random(seed);
        var made = new List<Node> { Scalar() };
        for (var i = 0; i < 30; i++)
        {
            var children = Enumerable.Range(0, random.Next(0, 4)).Select(_ => made[random.Next(made.Count)]).ToList();
            made.Add(random.Next(2) == 0
                ? new SequenceNode(At, children)
                : new MappingNode(At, [.. children.Select((c, k) => new MappingEntry(Key($"k{k}"), c))]));
        }

        var memo = new Dictionary<Node, (long, int)>(ReferenceEqualityComparer.Instance);
        foreach (var root in made.TakeLast(10))
        {
            Assert.Equal(Recursive(root, memo), ResolvedTreeSize.Measure(root));
        }
    }

    [Fact]
    public void A_doubling_chain_of_small_lists_is_measured_without_walking_its_expansion()
    {
        Node level = Scalar();
        for (var i = 0; i < 40; i++)
        {
            level = new SequenceNode(At, [level, level]);
        }

        // 2^41 - 1 nodes: walked one by one this would not finish.
        Assert.Equal(((1L << 41) - 1, 41), ResolvedTreeSize.Measure(level));
    }

    /// <summary>The definition: one for the node and the count of every child, at every use (memoised by node, which
    /// does not change the count).</summary>
    private static (long Size, int Depth) Recursive(Node node, Dictionary<Node, (long, int)> memo)
    {
        if (memo.TryGetValue(node, out var known))
        {
            return known;
        }

        var children = node switch
        {
            MappingNode m => m.Entries.Select(e => e.Value).ToList(),
            SequenceNode s => [.. s.Items],
            _ => [],
        };
        if (node is not (MappingNode or SequenceNode))
        {
            return (1, 1);
        }

        long size = 1;
        var depth = 1;
        foreach (var (s, d) in children.Select(c => Recursive(c, memo)))
        {
            size += s;
            depth = Math.Max(depth, d + 1);
        }

        memo[node] = (size, depth);
        return (size, depth);
    }

    private static ScalarNode Scalar() => new(At, "x", ScalarKind.String);

    private static ScalarNode Key(string text) => new(At, text, ScalarKind.String);
}
