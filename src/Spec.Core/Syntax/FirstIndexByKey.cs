using System.Runtime.CompilerServices;

namespace Spec.Core.Syntax;

/// <summary>
/// Each key's first position in a list that never changes, for lookups in lists long enough that a scan per lookup
/// makes a big service quadratic (`custom`, `functions` or `Resources` of thousands of keys, each looked up by a
/// variable, a binder or a rule). The index is built on a list's first lookup and kept by list, outside the records
/// holding it (their equality and <c>with</c> copies stay as they are); lookups from several threads may build it
/// twice, and keep one.
/// </summary>
internal sealed class FirstIndexByKey<T>
    where T : class
{
    /// <summary>Shorter lists are scanned by their owner.</summary>
    public const int From = 16;

    private readonly ConditionalWeakTable<IReadOnlyList<T>, Dictionary<string, int>> _indexes = new();
    private readonly ConditionalWeakTable<IReadOnlyList<T>, Dictionary<string, int>>.CreateValueCallback _build;

    public FirstIndexByKey(Func<T, string> keyOf) =>
        _build = items =>
        {
            var index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                index.TryAdd(keyOf(items[i]), i);
            }

            return index;
        };

    /// <summary>The position of the first item with <paramref name="key"/>, or -1.</summary>
    public int IndexOf(IReadOnlyList<T> items, string key) =>
        _indexes.GetValue(items, _build).TryGetValue(key, out var at) ? at : -1;
}
