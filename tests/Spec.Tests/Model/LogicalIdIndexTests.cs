using Spec.Core.Model;

namespace Spec.Tests.Model;

/// <summary>A resource list is found by logical id as a scan finds it — the first with the id — whether it is
/// short (scanned) or long (indexed once).</summary>
public sealed class LogicalIdIndexTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Finds_the_first_item_with_the_id_and_nothing_for_an_unknown_one(int count)
    {
        var items = Enumerable.Range(0, count).Select(i => new Item($"Q{i}", i)).ToList();
        items.Add(new Item("Q1", -1)); // a second resource with an id already used: a scan never reaches it
        Assert.Equal(1, LogicalIdIndex.Find(items, "Q1", static q => q.Id)?.Position);
        Assert.Equal(count - 1, LogicalIdIndex.Find(items, $"Q{count - 1}", static q => q.Id)?.Position);
        Assert.Null(LogicalIdIndex.Find(items, "Missing", static q => q.Id));
    }

    [Fact]
    public void Each_list_has_its_own_index()
    {
        var first = Enumerable.Range(0, 20).Select(i => new Item($"Q{i}", i)).ToList();
        var second = Enumerable.Range(0, 20).Select(i => new Item($"Q{i}", 100 + i)).ToList();
        Assert.Equal(5, LogicalIdIndex.Find(first, "Q5", static q => q.Id)?.Position);
        Assert.Equal(105, LogicalIdIndex.Find(second, "Q5", static q => q.Id)?.Position);
    }

    private sealed record Item(string Id, int Position);
}
