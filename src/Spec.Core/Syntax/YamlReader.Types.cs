using System.Buffers;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>Explicit tags: the types of js-yaml's default schema and the CloudFormation short forms.</summary>
internal sealed partial class YamlReader
{
    private static string KindName(Kind kind) => kind switch
    {
        Kind.Scalar => "scalar",
        Kind.Sequence => "sequence",
        Kind.Mapping => "mapping",
        _ => "null",
    };

    /// <summary>The kind of node js-yaml's type for an explicit tag takes (null when the schema has no such type).</summary>
    private static Kind? TypeKind(string tag, Kind kind)
    {
        if (CloudFormationTags.IsKnown(tag))
        {
            // The schema has the tag for all three kinds; for an empty node, the last one registered (sequence).
            return kind == Kind.None ? Kind.Sequence : kind;
        }

        var name = tag.StartsWith(CoreSchema.Prefix, StringComparison.Ordinal) ? tag[CoreSchema.Prefix.Length..] : null;
        Kind? type = name switch
        {
            "str" or "null" or "bool" or "int" or "float" or "timestamp" or "merge" or "binary" => Kind.Scalar,
            "seq" or "omap" or "pairs" => Kind.Sequence,
            "map" or "set" => Kind.Mapping,
            _ => null,
        };
        return type is { } t && (kind == Kind.None || t == kind) ? t : null;
    }

    /// <summary>An explicit tag, resolved and constructed as js-yaml's type for it does, or its error.</summary>
    private Node ApplyTag(string tag, Node? data, Kind kind, SourcePosition at)
    {
        var typeKind = TypeKind(tag, kind) ?? throw new YamlSyntaxException($"unknown tag !<{tag}>", Position());
        var isNull = data is null or ScalarNode { Kind: ScalarKind.Null };
        if (!isNull && typeKind != kind)
        {
            throw new YamlSyntaxException(
                $"unacceptable node kind for !<{tag}> tag; it should be \"{KindName(typeKind)}\", not \"{KindName(kind)}\"", Position());
        }

        var span = data?.Span ?? new SourceSpan(_path, at, Position());
        if (CloudFormationTags.IsKnown(tag))
        {
            return CloudFormationTags.Construct(tag, isNull ? null : data, IsJsString(data), span);
        }

        // What js-yaml's resolvers read: a string, or nothing (null); any other value resolves to nothing here.
        var text = !isNull && IsJsString(data) ? ((ScalarNode)data!).Text : null;
        Node? result = tag[CoreSchema.Prefix.Length..] switch
        {
            "str" => isNull ? ScalarNode.String(span, string.Empty) : data,
            "null" => isNull || (text is not null && text is "~" or "null" or "Null" or "NULL")
                ? new ScalarNode(span, string.Empty, ScalarKind.Null)
                : null,
            "bool" => text is not null && CoreSchema.IsBool(text) ? new ScalarNode(span, text, ScalarKind.Bool) : null,
            "int" => text is not null && CoreSchema.TryInt(text, out var i) ? new ScalarNode(span, JsText.Number(i), ScalarKind.Int) : null,
            "float" => text is not null && CoreSchema.TryFloat(text, out var f) ? new ScalarNode(span, JsText.Number(f), ScalarKind.Float) : null,
            "timestamp" => text is not null && CoreSchema.TryTimestamp(text, out var d) ? Date(span, d) : null,
            "merge" => isNull ? new ScalarNode(span, string.Empty, ScalarKind.Null) : text == "<<" ? data : null,
            "binary" => text is not null ? Binary(text, span) : null,
            "seq" => isNull ? new SequenceNode(span, []) : data,
            "map" => isNull ? new MappingNode(span, []) : data,
            "omap" => isNull ? new SequenceNode(span, []) : IsOmap((SequenceNode)data!) ? data : null,
            "pairs" => isNull ? new SequenceNode(span, []) : Pairs((SequenceNode)data!),
            "set" => isNull ? new MappingNode(span, [])
                : ((MappingNode)data!).Entries.All(e => e.Value is ScalarNode { IsNull: true }) ? data : null,
            _ => null,
        };

        return result ?? throw new YamlSyntaxException($"cannot resolve a node with !<{tag}> explicit tag", Position());
    }

    private ScalarNode Date(SourceSpan span, double date)
    {
        var scalar = CoreSchema.Timestamp(date);
        var node = new ScalarNode(span, scalar.Text, ScalarKind.String);
        _keyTexts[node] = JsText.DateString(date);
        return node;
    }

    /// <summary>!!binary: base64 (line breaks ignored) becomes bytes, which the Framework's JSON round trip turns into {"0": n, …}.</summary>
    private MappingNode? Binary(string text, SourceSpan span)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
        var bits = 0;
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                continue;
            }

            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            bits += 6;
            clean.Append(c);
        }

        if (bits % 8 != 0)
        {
            return null;
        }

        var bytes = DecodeBase64Loosely(clean.ToString().Replace("=", string.Empty, StringComparison.Ordinal));
        var entries = new MappingEntry[bytes.Count];
        for (var i = 0; i < bytes.Count; i++)
        {
            entries[i] = new MappingEntry(ScalarNode.String(span, i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new ScalarNode(span, bytes[i].ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Int));
        }

        var node = new MappingNode(span, entries);
        _keyTexts[node] = string.Join(',', bytes);
        return node;
    }

    // js-yaml decodes 6 bits per character, '=' included as 0 bits of data, then drops what the padding stands for.
    private static List<byte> DecodeBase64Loosely(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var result = new List<byte>(text.Length * 3 / 4);
        var bits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i % 4 == 0 && i > 0)
            {
                result.Add((byte)(bits >> 16));
                result.Add((byte)(bits >> 8));
                result.Add((byte)bits);
            }

            bits = (bits << 6) | Math.Max(0, Alphabet.IndexOf(text[i], StringComparison.Ordinal));
        }

        var tail = text.Length % 4 * 6;
        if (tail == 0)
        {
            result.Add((byte)(bits >> 16));
            result.Add((byte)(bits >> 8));
            result.Add((byte)bits);
        }
        else if (tail == 18)
        {
            result.Add((byte)(bits >> 10));
            result.Add((byte)(bits >> 2));
        }
        else if (tail == 12)
        {
            result.Add((byte)(bits >> 4));
        }

        return result;
    }

    private bool IsOmap(SequenceNode data)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in data.Items)
        {
            if (item is not MappingNode { Entries.Count: 1 } pair || IsSpecial(pair)
                || !seen.Add(pair.Entries[0].Key.Text))
            {
                return false;
            }
        }

        return true;
    }

    private SequenceNode? Pairs(SequenceNode data)
    {
        var items = new Node[data.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            if (data.Items[i] is not MappingNode { Entries.Count: 1 } pair || IsSpecial(pair))
            {
                return null;
            }

            var entry = pair.Entries[0];
            items[i] = new SequenceNode(pair.Span, [entry.Key, entry.Value]);
        }

        return new SequenceNode(data.Span, items);
    }

    /// <summary>True when JavaScript would see a string (not a number, a date, an object…).</summary>
    private bool IsJsString(Node? node) => node is ScalarNode { Kind: ScalarKind.String } && !IsSpecial(node);

    /// <summary>A date or !!binary data: what JavaScript does not see as a string or a plain object.</summary>
    private bool IsSpecial(Node node) => _keyTexts.Count > 0 && _keyTexts.ContainsKey(node);
}
