using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>
/// A mapping under construction with the Framework's (JavaScript object) semantics: a key set again keeps its first
/// position, keys brought in by a merge (<c>&lt;&lt;</c>) never replace explicit ones and may be overridden once by an
/// explicit key, and any other repeated key is a duplicate.
/// </summary>
internal sealed class MappingBuilder
{
    // Most mappings are small: a linear scan until then, a key → position index past it.
    private const int IndexThreshold = 8;
    private readonly List<MappingEntry> _entries = [];
    private Dictionary<string, int>? _index;
    private HashSet<string>? _overridable;

    public int Count => _entries.Count;

    public IReadOnlyList<MappingEntry> Entries => _entries;

    /// <summary>Sets an explicit key; returns the key it repeats when that is a duplicate (the entry is replaced).</summary>
    public ScalarNode? Set(ScalarNode key, Node value)
    {
        var at = IndexOf(key.Text);
        if (at < 0)
        {
            Append(new MappingEntry(key, value));
            return null;
        }

        var overridable = _overridable?.Remove(key.Text) == true;
        var first = _entries[at].Key;
        _entries[at] = new MappingEntry(key, value);
        return overridable ? null : first;
    }

    /// <summary>Adds what a merge brings: only keys not already present, which explicit keys may then override.</summary>
    public void Merge(MappingEntry entry)
    {
        if (IndexOf(entry.Key.Text) >= 0)
        {
            return;
        }

        Append(entry);
        (_overridable ??= new HashSet<string>(StringComparer.Ordinal)).Add(entry.Key.Text);
    }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public Node? ValueOf(string key) => IndexOf(key) is var at and >= 0 ? _entries[at].Value : null;

    public MappingNode Build(SourceSpan span) => new(span, _entries.Count == 0 ? [] : _entries.ToArray());

    /// <summary>Empties the builder for the next mapping (the reader reuses builders: a spec has tens of thousands of mappings).</summary>
    public void Clear()
    {
        _entries.Clear();
        _index = null;
        _overridable = null;
    }

    private void Append(MappingEntry entry)
    {
        _entries.Add(entry);
        if (_index is not null)
        {
            _index[entry.Key.Text] = _entries.Count - 1;
        }
        else if (_entries.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++)
            {
                _index[_entries[i].Key.Text] = i;
            }
        }
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key.Text, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
