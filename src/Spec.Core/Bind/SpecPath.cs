using System.Globalization;

namespace Spec.Core.Bind;

/// <summary>
/// Where a value is, for the binder's messages (<c>functions.hello.events[0].sqs.batchSize</c>). The binder reads
/// every value of a spec and reports few, so a path is written out only when a message (or a test's
/// <see cref="BindContext.KeyRead"/>) asks for it: it holds its parent — a string, or an event's site, which writes its
/// own path once — and at most one key and one item position below it. Going deeper writes the parent out.
/// </summary>
internal readonly struct SpecPath
{
    private readonly object? _parent;
    private readonly string? _key;
    private readonly int _index;

    private SpecPath(object? parent, string? key, int index)
    {
        _parent = parent;
        _key = key;
        _index = index;
    }

    public static implicit operator SpecPath(string path) => new(path, null, -1);

    /// <summary>The path of an event's site, written out by the site when first needed.</summary>
    public static SpecPath Of(EventSite site) => new(site, null, -1);

    /// <summary>The path of <paramref name="key"/> under this one (<c>a.b</c>; just the key under the empty path).</summary>
    public SpecPath Key(string key) => _key is null && _index < 0 ? new(_parent, key, -1) : new(ToString(), key, -1);

    /// <summary>The path of the list item at <paramref name="index"/> under this one (<c>a[0]</c>).</summary>
    public SpecPath Item(int index) => _index < 0 ? new(_parent, _key, index) : new(ToString(), null, index);

    public override string ToString()
    {
        var text = _parent switch
        {
            string s => s,
            EventSite site => site.PathText,
            _ => string.Empty,
        };
        if (_key is not null)
        {
            text = BindContext.Join(text, _key);
        }

        return _index < 0 ? text : text + "[" + _index.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
