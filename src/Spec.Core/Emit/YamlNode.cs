namespace Spec.Core.Emit;

/// <summary>
/// A YAML document as a tree, built by a writer and turned into text by <see cref="YamlEmitter"/>: the emitter owns
/// indentation, quoting and escaping, the writer only says what the document holds.
/// </summary>
public abstract class YamlNode;

/// <summary>A scalar: a string the style quotes as needed, or a verbatim token (a number, <c>true</c>, <c>null</c>, …).</summary>
public sealed class YamlScalar : YamlNode
{
    private YamlScalar(string value, bool verbatim)
    {
        Value = value;
        IsVerbatim = verbatim;
    }

    public static YamlScalar Null { get; } = new("null", verbatim: true);

    public string Value { get; }

    /// <summary>
    /// True when <see cref="Value"/> is written exactly as it is: for numbers, booleans, <c>null</c> and identifier-like
    /// tokens the writer produced itself (resource names, type tokens), never for text that came from a spec.
    /// </summary>
    public bool IsVerbatim { get; }

    /// <summary>A string value: written plain, quoted or as a block scalar, as the <see cref="YamlStyle"/> decides.</summary>
    public static YamlScalar String(string value) => new(value, verbatim: false);

    /// <summary>A token written as it is (see <see cref="IsVerbatim"/>).</summary>
    public static YamlScalar Verbatim(string token) => new(token, verbatim: true);

    public static YamlScalar Bool(bool value) => new(value ? "true" : "false", verbatim: true);
}

/// <summary>One key and its value, with an optional comment written on the line(s) above the key.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value, string? Comment = null);

/// <summary>A mapping; keys keep the order they were added in.</summary>
public sealed class YamlMapping : YamlNode
{
    private readonly List<YamlEntry> _entries = [];

    public IReadOnlyList<YamlEntry> Entries => _entries;

    /// <summary>Adds a string key (quoted by the style when it must be).</summary>
    public YamlMapping Add(string key, YamlNode value, string? comment = null) => Add(YamlScalar.String(key), value, comment);

    public YamlMapping Add(YamlScalar key, YamlNode value, string? comment = null)
    {
        _entries.Add(new YamlEntry(key, value, comment));
        return this;
    }
}

public sealed class YamlSequence : YamlNode
{
    private readonly List<YamlNode> _items = [];

    public YamlSequence()
    {
    }

    public YamlSequence(IEnumerable<YamlNode> items) => _items.AddRange(items);

    public IReadOnlyList<YamlNode> Items => _items;

    public YamlSequence Add(YamlNode item)
    {
        _items.Add(item);
        return this;
    }
}

/// <summary>A node with a local tag written before it (<c>!Ref Name</c>, <c>!Join</c> over a list): CloudFormation's
/// short-form intrinsics.</summary>
public sealed class YamlTagged(string tag, YamlNode value) : YamlNode
{
    /// <summary>The tag with its <c>!</c>, e.g. <c>!GetAtt</c>.</summary>
    public string Tag { get; } = tag.StartsWith('!') ? tag : throw new ArgumentException("a local tag starts with '!'", nameof(tag));

    public YamlNode Value { get; } = value;
}
