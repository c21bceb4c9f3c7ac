using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Core.Print;

/// <summary>
/// A mutable JSON value, as the Framework's <c>configurationInput</c> object is while it normalises and
/// validates it. Objects keep insertion order, which is the order <c>serverless print</c> shows.
/// </summary>
internal abstract class PrintValue
{
    public static PrintValue From(Node node) => node switch
    {
        MappingNode m => PrintObject.From(m),
        SequenceNode s => PrintArray.From(s),
        DeployTimeNode d => new PrintString(d.Display),
        ScalarNode { Kind: ScalarKind.Null } => PrintNull.Instance,
        ScalarNode { Kind: ScalarKind.Bool } b => new PrintBool(b.AsBool == true),
        ScalarNode { Kind: ScalarKind.Int or ScalarKind.Float } n when YamlNumber.TryParse(n.Text, out var d) =>
            new PrintNumber(d),
        ScalarNode s => new PrintString(s.Text),
        _ => PrintNull.Instance,
    };

    /// <summary>JavaScript truthiness (<c>if (!x)</c> in the Framework's code).</summary>
    public abstract bool IsTruthy { get; }

    /// <summary>The JSON Schema types the value has (an integral finite number is both a number and an integer).</summary>
    public abstract JsonTypes JsonTypes { get; }
}

internal sealed class PrintObject : PrintValue, IReadOnlyList<KeyValuePair<string, PrintValue>>
{
    // Objects such as `functions` can hold thousands of keys: past a few entries, a key → position index keeps
    // lookups and assignments constant-time (it is dropped on removal and rebuilt on the next lookup).
    private const int IndexThreshold = 8;

    // The entries in order, held by the object itself (it is its own Entries list): a copy of a large spec makes tens
    // of thousands of objects, and a List per object would be one more allocation each.
    private KeyValuePair<string, PrintValue>[] _entries;
    private int _count;
    private Dictionary<string, int>? _index;

    public PrintObject(int capacity = 0) => _entries = capacity == 0 ? [] : new KeyValuePair<string, PrintValue>[capacity];

    public IReadOnlyList<KeyValuePair<string, PrintValue>> Entries => this;

    public int Count => _count;

    public KeyValuePair<string, PrintValue> this[int index] =>
        (uint)index < (uint)_count ? _entries[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public override bool IsTruthy => true;

    public override JsonTypes JsonTypes => JsonTypes.Object;

    public PrintValue? this[string key]
    {
        get
        {
            var i = IndexOf(key);
            return i < 0 ? null : _entries[i].Value;
        }
    }

    public static PrintObject From(MappingNode m)
    {
        var o = new PrintObject(m.Entries.Count);
        for (var i = 0; i < m.Entries.Count; i++)
        {
            o.Set(m.Entries[i].Key.Text, From(m.Entries[i].Value));
        }

        return o;
    }

    /// <summary>Assigns like JavaScript: an existing key keeps its place, a new key goes last.</summary>
    public void Set(string key, PrintValue value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            _entries[i] = new(key, value);
            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _count * 2));
        }

        _index?.Add(key, _count);
        _entries[_count++] = new(key, value);
    }

    public bool Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }

        Array.Copy(_entries, i + 1, _entries, i, _count - i - 1);
        _entries[--_count] = default;
        _index = null;
        return true;
    }

    public IEnumerator<KeyValuePair<string, PrintValue>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _entries[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        if (_count > IndexThreshold)
        {
            if (_index is null)
            {
                _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
                for (var i = 0; i < _count; i++)
                {
                    _index.TryAdd(_entries[i].Key, i);
                }
            }

            return _index.GetValueOrDefault(key, -1);
        }

        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}

internal sealed class PrintArray : PrintValue
{
    public PrintArray(IEnumerable<PrintValue> items) => Items = [.. items];

    private PrintArray(List<PrintValue> items) => Items = items;

    public List<PrintValue> Items { get; }

    public override JsonTypes JsonTypes => JsonTypes.Array;

    public static PrintArray From(SequenceNode sequence)
    {
        var items = new List<PrintValue>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            items.Add(PrintValue.From(sequence.Items[i]));
        }

        return new PrintArray(items);
    }

    public override bool IsTruthy => true;
}

internal sealed class PrintString(string value) : PrintValue
{
    public string Value { get; } = value;

    public override bool IsTruthy => Value.Length > 0;

    public override JsonTypes JsonTypes => JsonTypes.String;
}

internal sealed class PrintNumber(double value) : PrintValue
{
    public double Value { get; } = value;

    public override bool IsTruthy => Value != 0 && !double.IsNaN(Value);

    public override JsonTypes JsonTypes =>
        double.IsFinite(Value) && Math.Floor(Value) == Value ? JsonTypes.Number | JsonTypes.Integer : JsonTypes.Number;
}

internal sealed class PrintBool(bool value) : PrintValue
{
    public bool Value { get; } = value;

    public override bool IsTruthy => Value;

    public override JsonTypes JsonTypes => JsonTypes.Boolean;
}

internal sealed class PrintNull : PrintValue
{
    public static readonly PrintNull Instance = new();

    private PrintNull()
    {
    }

    public override bool IsTruthy => false;

    public override JsonTypes JsonTypes => JsonTypes.Null;
}
