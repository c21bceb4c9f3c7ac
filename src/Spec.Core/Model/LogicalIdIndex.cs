using System.Runtime.CompilerServices;

namespace Spec.Core.Model;

/// <summary>
/// Finds a resource of a <c>resources:</c> list by logical id: the first one with that id, as a scan finds it. Rules
/// look up a queue or topic for every event of every function, so a long list is indexed once (kept beside the list,
/// not in the record, whose equality and <c>with</c> copies it must not change).
/// </summary>
internal static class LogicalIdIndex
{
    /// <summary>Below this, a scan is as fast as a lookup.</summary>
    private const int IndexedFrom = 16;

    public static T? Find<T>(IReadOnlyList<T> items, string logicalId, Func<T, string> idOf)
        where T : class
    {
        if (items.Count < IndexedFrom)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (idOf(items[i]) == logicalId)
                {
                    return items[i];
                }
            }

            return null;
        }

        return Index<T>.Of(items, idOf).GetValueOrDefault(logicalId);
    }

    private static class Index<T>
        where T : class
    {
        private static readonly ConditionalWeakTable<IReadOnlyList<T>, Dictionary<string, T>> Built = [];

        public static Dictionary<string, T> Of(IReadOnlyList<T> items, Func<T, string> idOf)
        {
            if (Built.TryGetValue(items, out var index))
            {
                return index;
            }

            index = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                index.TryAdd(idOf(items[i]), items[i]);
            }

            // Two threads may build it at once: the first one added is the one every later lookup uses.
            return Built.TryAdd(items, index) ? index : Built.TryGetValue(items, out var first) ? first : index;
        }
    }
}
