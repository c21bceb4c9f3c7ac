using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Tests.Load;

/// <summary>A mapping's key lookup: a scan for a small mapping, an index for a large one (issue 17: `custom` of 10,000
/// keys, each read by a variable, made resolving quadratic). Both answer what a scan in source order answers.</summary>
public sealed class MappingLookupTests
{
    private static readonly SourceSpan At = SourceSpan.At("serverless.yml", 1, 1);

    [Theory]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(5000)]
    public void Every_key_finds_its_first_entry_and_a_missing_key_none(int count)
    {
        // Each key twice (a mapping the binder or a reader builds may repeat one): the first in source order wins.
        var entries = Enumerable.Range(0, count).Select(i => Entry($"k{i}", $"first {i}"))
            .Concat(Enumerable.Range(0, count).Select(i => Entry($"k{i}", $"second {i}")))
            .ToArray();
        var mapping = new MappingNode(At, entries);

        for (var i = 0; i < count; i++)
        {
            Assert.Same(entries[i], mapping.Entry($"k{i}"));
            Assert.Equal($"first {i}", ((ScalarNode)mapping[$"k{i}"]!).Text);
        }

        Assert.Null(mapping.Entry("missing"));
        Assert.Null(mapping.Entry($"K0"));
    }

    [Fact]
    public void A_copy_with_other_entries_looks_up_its_own()
    {
        var mapping = new MappingNode(At, [.. Enumerable.Range(0, 40).Select(i => Entry($"k{i}", "old"))]);
        Assert.NotNull(mapping.Entry("k39"));

        var copy = mapping with { Entries = [.. Enumerable.Range(0, 40).Select(i => Entry($"n{i}", "new"))] };

        Assert.Null(copy.Entry("k39"));
        Assert.Equal("new", ((ScalarNode)copy["n39"]!).Text);
        Assert.Equal("old", ((ScalarNode)mapping["k39"]!).Text);
        Assert.Equal(mapping, mapping with { });
    }

    private static MappingEntry Entry(string key, string value) =>
        new(ScalarNode.String(At, key), ScalarNode.String(At, value));
}
