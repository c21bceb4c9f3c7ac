using System.Collections;
using System.Text.Json.Nodes;

namespace Spec.Backends.Plan;

/// <summary>
/// The members of one plan object, collected before the object is made. Plans hold hundreds of thousands of small
/// objects: given its members as a collection, a <see cref="JsonObject"/> sizes its dictionary once instead of growing it
/// key by key, and a collection that is its own enumerator, reused, leaves no member array or enumerator behind.
/// Builders are pooled per thread and nest (a value may be built while its parent's members are being collected): each
/// is taken with <see cref="Rent"/> and given back by <see cref="ToObject"/>.
/// </summary>
internal sealed class PlanMembers : ICollection<KeyValuePair<string, JsonNode?>>, IEnumerator<KeyValuePair<string, JsonNode?>>
{
    [ThreadStatic]
    private static PlanMembers? t_free;

    private PlanMembers? _nextFree;
    private KeyValuePair<string, JsonNode?>[] _items = new KeyValuePair<string, JsonNode?>[8];
    private int _count;
    private int _position = -1;

    private PlanMembers()
    {
    }

    /// <summary>An empty builder of this thread's pool.</summary>
    public static PlanMembers Rent()
    {
        if (t_free is not { } members)
        {
            return new PlanMembers();
        }

        t_free = members._nextFree;
        members._nextFree = null;
        return members;
    }

    public int Count => _count;

    public bool IsReadOnly => false;

    public KeyValuePair<string, JsonNode?> Current => _items[_position];

    object IEnumerator.Current => Current;

    /// <summary>Appends a member (a repeated key is assigned again when the object is made).</summary>
    public void Add(string key, JsonNode? value)
    {
        if (_count == _items.Length)
        {
            System.Array.Resize(ref _items, _count * 2);
        }

        _items[_count++] = new(key, value);
    }

    public void Add(KeyValuePair<string, JsonNode?> item) => Add(item.Key, item.Value);

    /// <summary>
    /// The object with these members in order (a repeated key keeps its first place and takes the last value); the
    /// builder goes back to the pool, empty.
    /// </summary>
    public JsonObject ToObject()
    {
        JsonObject result;
        if (!HasRepeatedKey())
        {
            result = new JsonObject(this);
        }
        else
        {
            result = [];
            for (var i = 0; i < _count; i++)
            {
                result[_items[i].Key] = _items[i].Value;
            }
        }

        Clear();
        _nextFree = t_free;
        t_free = this;
        return result;
    }

    public void Clear()
    {
        System.Array.Clear(_items, 0, _count);
        _count = 0;
        _position = -1;
    }

    public bool Contains(KeyValuePair<string, JsonNode?> item) => System.Array.IndexOf(_items, item, 0, _count) >= 0;

    public void CopyTo(KeyValuePair<string, JsonNode?>[] array, int arrayIndex) =>
        _items.AsSpan(0, _count).CopyTo(array.AsSpan(arrayIndex));

    public bool Remove(KeyValuePair<string, JsonNode?> item)
    {
        var index = System.Array.IndexOf(_items, item, 0, _count);
        if (index < 0)
        {
            return false;
        }

        _count--;
        System.Array.Copy(_items, index + 1, _items, index, _count - index);
        _items[_count] = default;
        return true;
    }

    /// <summary>Enumerates the members with this builder itself: one enumeration at a time, which is how an object is made.</summary>
    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator()
    {
        _position = -1;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool MoveNext() => ++_position < _count;

    public void Reset() => _position = -1;

    public void Dispose()
    {
    }

    private bool HasRepeatedKey()
    {
        if (_count > 8)
        {
            var seen = new HashSet<string>(_count, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                if (!seen.Add(_items[i].Key))
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = 1; i < _count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(_items[i].Key, _items[j].Key, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
