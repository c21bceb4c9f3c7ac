using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// The resolved config properties by path. Every property is resolved at most once however often it is referenced,
/// a property whose resolution is in progress is being re-entered through a cycle, and the number of properties in
/// progress at once is bounded so that a long chain of references cannot overflow the stack.
/// </summary>
internal sealed class PropertyMemo
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _active;

    /// <summary>The value already resolved at <paramref name="key"/>; throws when that resolution is still running.</summary>
    public bool TryGet(string key, IReadOnlyList<string> path, out Node value, out bool failed)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            value = null!;
            failed = false;
            return false;
        }

        if (entry.InProgress)
        {
            throw new ResolutionFailure("circular") { CyclePath = PropertyPath.Humanize(path) };
        }

        value = entry.Value!;
        failed = entry.Failed;
        return true;
    }

    /// <summary>Marks the property as in progress. Pair with <see cref="Leave"/>, and with <see cref="Abandon"/> on failure.</summary>
    public Entry Enter(string key, IReadOnlyList<string> path)
    {
        if (_active >= ResolutionLimits.MaxActiveProperties)
        {
            throw new ResolutionFailure(
                $"Cannot resolve variable at \"{PropertyPath.Humanize(path)}\": references and nesting go more than {ResolutionLimits.MaxActiveProperties} levels deep",
                help: "shorten the chain of ${self:…} references");
        }

        var entry = Entry.Started();
        _entries[key] = entry;
        _active++;
        return entry;
    }

    /// <summary>Forgets a property whose resolution threw, so a later reference tries it again.</summary>
    public void Abandon(string key) => _entries.Remove(key);

    public void Leave() => _active--;

    internal sealed class Entry
    {
        public bool InProgress { get; private set; }

        public Node? Value { get; private set; }

        public bool Failed { get; private set; }

        public void Complete(Node value, bool failed)
        {
            Value = value;
            Failed = failed;
            InProgress = false;
        }

        public static Entry Started() => new() { InProgress = true };
    }
}
