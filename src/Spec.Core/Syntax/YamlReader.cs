using System.Buffers;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>
/// Reads one YAML stream into <see cref="Node"/>s the way the Framework's parser (js-yaml 4 with the CloudFormation
/// schema) reads it: the same documents are accepted with the same data, and the same ones refused. Written from the
/// YAML 1.2 specification and js-yaml's observable behaviour (where js-yaml departs from the specification, it is
/// followed: it is what the Framework deploys). Every node keeps its span; aliases share the anchored node and
/// their expansion is counted (nodes and characters) against <see cref="LoadLimits"/>.
/// </summary>
internal sealed partial class YamlReader
{
    private const char End = '\0';

    // Characters that js-yaml refuses in plain and block scalars (C0/C1 controls except tab, line feed, carriage
    // return and NEL; U+FFFE, U+FFFF); unpaired surrogates are checked separately.
    private static readonly SearchValues<char> NonPrintable = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014"
        + "\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0080\u0081\u0082\u0083\u0084\u0086"
        + "\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098"
        + "\u0099\u009A\u009B\u009C\u009D\u009E\u009F\uFFFE\uFFFF");

    // The text, read as if a line break were appended when it has none at the end, then End (see Ch): the text is
    // not copied to append them (a large spec is megabytes).
    private readonly string _s;
    private readonly bool _appendedBreak;
    private string? _withBreak;
    private readonly int _length; // of the text with that line break, without End
    private readonly int _sourceLength;
    private readonly string _path;
    private readonly bool _json;
    private readonly LoadLimits _limits;
    private readonly List<Comment> _comments;
    private readonly StringBuilder _buffer = new();

    // Where the reader is: js-yaml's state, which its quirks depend on.
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _lineIndent;
    private int _firstTabInLine = -1;
    private int _depth;

    private Dictionary<string, string> _tagHandles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Anchor?> _anchors = new(StringComparer.Ordinal);

    // While a reading may still be undone (see TryBlockMappingFromProperties), every anchor set is journaled with
    // what it was before; each open attempt remembers where its part of the journal starts.
    private readonly List<(string Name, bool Existed, Anchor? Value)> _anchorJournal = [];
    private readonly List<int> _anchorAttempts = [];

    // What JavaScript's String() makes of a node that is not a plain string, number, boolean or null as a key: a
    // timestamp (a Date) or !!binary data (a Uint8Array).
    private readonly Dictionary<Node, string> _keyTexts = new(ReferenceEqualityComparer.Instance);

    // The document's size with every alias expanded, and the part aliases added.
    private long _nodes;
    private long _characters;
    private long _aliasNodes;
    private long _aliasCharacters;

    private readonly List<Diagnostic> _keyErrors = [];

    // js-yaml's own bounds on merge keys (maxTotalMergeKeys, and the length of a list of merged mappings).
    private const int FrameworkMaxMergeWork = 10_000;
    private const int FrameworkMaxMergeSources = 100;
    private long _mergeWork;

    /// <param name="json">
    /// Read as the Framework reads a .json file (JSON.parse): a repeated key replaces the value instead of being an
    /// error (js-yaml's <c>json</c> option).
    /// </param>
    public YamlReader(string path, string text, LoadLimits limits, List<Comment> comments, bool json = false)
    {
        _path = path;
        _json = json;
        _limits = limits;
        _comments = comments;
        _sourceLength = text.Length;
        _appendedBreak = text.Length > 0 && text[^1] is not ('\n' or '\r');
        _s = text;
        _length = text.Length + (_appendedBreak ? 1 : 0);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            _pos = _lineStart = 1;
        }
    }

    /// <summary>Errors that did not stop reading (duplicate keys, unusable merges): the document is still refused.</summary>
    public IReadOnlyList<Diagnostic> KeyErrors => _keyErrors;

    private readonly record struct Anchor(Node Node, long Nodes, long Characters);

    private enum Context
    {
        FlowIn,
        FlowOut,
        BlockIn,
        BlockOut,
    }

    private enum Kind
    {
        None,
        Scalar,
        Sequence,
        Mapping,
    }

    /// <summary>
    /// A composed node: whether anything (content or properties) was there, the node (null: an empty node, which
    /// JavaScript sees as null), its kind before any tag was applied, and the tag it resolved to.
    /// </summary>
    private readonly record struct Composed(bool Present, Node? Node, Kind Kind, string? Tag);

    /// <summary>Reads the stream: its one document's root (null for an empty document), or false when it has none.</summary>
    public bool Read(out Node? root)
    {
        root = null;
        var documents = 0;
        SourcePosition? second = null;
        while (Cur == ' ')
        {
            _lineIndent++;
            _pos++;
        }

        while (_pos < _length - 1)
        {
            var start = Position();
            var node = ReadDocument();
            documents++;
            if (documents == 1)
            {
                root = node;
            }
            else if (documents == 2)
            {
                second = start;
            }
        }

        if (second is { } at)
        {
            throw new YamlSyntaxException("expected a single document in the stream, but found more", at);
        }

        return documents > 0;
    }

    private Node? ReadDocument()
    {
        _tagHandles = new Dictionary<string, string>(StringComparer.Ordinal);
        _anchors.Clear();
        _sawYamlDirective = false;
        var hasDirectives = false;
        while (Cur != End)
        {
            SkipSeparationSpace(true, -1);
            if (_lineIndent > 0 || Cur != '%')
            {
                break;
            }

            hasDirectives = true;
            ReadDirective();
        }

        SkipSeparationSpace(true, -1);
        if (_lineIndent == 0 && Cur == '-' && At(1) == '-' && At(2) == '-')
        {
            _pos += 3;
            SkipSeparationSpace(true, -1);
        }
        else if (hasDirectives)
        {
            throw Error("directives end mark is expected");
        }

        var document = ComposeNode(_lineIndent - 1, Context.BlockOut, false, true);
        SkipSeparationSpace(true, -1);
        if (_pos == _lineStart && AtDocumentSeparator())
        {
            if (Cur == '.')
            {
                _pos += 3;
                SkipSeparationSpace(true, -1);
            }

            return document.Node ?? Null(Position());
        }

        if (_pos < _length - 1)
        {
            throw Error("end of the stream or a document separator is expected");
        }

        return document.Node ?? Null(Position());
    }

    private void ReadDirective()
    {
        _pos++; // %
        var nameStart = _pos;
        while (Cur != End && !IsWsOrEol(Cur))
        {
            _pos++;
        }

        var name = Sub(nameStart, _pos);
        if (name.Length < 1)
        {
            throw Error("directive name must not be less than one character in length");
        }

        var args = new List<string>();
        while (Cur != End)
        {
            while (IsWhiteSpace(Cur))
            {
                _pos++;
            }

            if (Cur == '#')
            {
                ReadComment();
                break;
            }

            if (IsEol(Cur))
            {
                break;
            }

            var argStart = _pos;
            while (Cur != End && !IsWsOrEol(Cur))
            {
                _pos++;
            }

            args.Add(Sub(argStart, _pos));
        }

        if (Cur != End)
        {
            ReadLineBreak();
        }

        switch (name)
        {
            case "YAML":
                YamlDirective(args);
                break;
            case "TAG":
                TagDirective(args);
                break;
        }
    }

    private bool _sawYamlDirective;

    // Where the last content read ended: the end of a collection written in block style.
    private SourcePosition _contentEnd;

    private void YamlDirective(List<string> args)
    {
        if (_sawYamlDirective)
        {
            throw Error("duplication of %YAML directive");
        }

        _sawYamlDirective = true;
        if (args.Count != 1)
        {
            throw Error("YAML directive accepts exactly one argument");
        }

        var dot = args[0].IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == args[0].Length - 1 || args[0].AsSpan(0, dot).ContainsAnyExceptInRange('0', '9')
            || args[0].AsSpan(dot + 1).ContainsAnyExceptInRange('0', '9'))
        {
            throw Error("ill-formed argument of the YAML directive");
        }

        if (!args[0].AsSpan(0, dot).TrimStart('0').SequenceEqual("1"))
        {
            throw Error("unacceptable YAML version of the document");
        }
    }

    private void TagDirective(List<string> args)
    {
        if (args.Count != 2)
        {
            throw Error("TAG directive accepts exactly two arguments");
        }

        var (handle, prefix) = (args[0], args[1]);
        if (!IsTagHandle(handle))
        {
            throw Error("ill-formed tag handle (first argument) of the TAG directive");
        }

        if (_tagHandles.ContainsKey(handle))
        {
            throw Error($"there is a previously declared suffix for \"{handle}\" tag handle");
        }

        if (!IsTagUri(prefix))
        {
            throw Error("ill-formed tag prefix (second argument) of the TAG directive");
        }

        _tagHandles[handle] = DecodeUri(prefix) ?? throw Error($"tag prefix is malformed: {prefix}");
    }

    private Composed ComposeNode(int parentIndent, Context context, bool allowToSeek, bool allowCompact)
    {
        // js-yaml refuses nesting beyond its maxDepth (100) the same way, counting every node being composed.
        if (_depth >= _limits.MaxDepth)
        {
            throw new LoadLimitException($"nesting deeper than {_limits.MaxDepth} levels", Position(),
                "a spec never needs this depth (the Framework refuses it too); check for runaway brackets or indentation");
        }

        _depth++;
        var result = ComposeNodeCore(parentIndent, context, allowToSeek, allowCompact);
        _depth--;
        return result;
    }

    private Composed ComposeNodeCore(int parentIndent, Context context, bool allowToSeek, bool allowCompact)
    {
        string? tag = null;
        string? anchor = null;
        Snapshot? beforeProperties = null;
        long nodesBefore = 0;
        long charactersBefore = 0;
        var blockStyles = context is Context.BlockOut or Context.BlockIn;
        var allowBlockCollections = blockStyles;
        var atNewLine = false;
        var indentStatus = 1; // 1: deeper than the parent, 0: at its indentation, -1: shallower

        if (allowToSeek && SkipSeparationSpace(true, -1) > 0)
        {
            atNewLine = true;
            indentStatus = _lineIndent.CompareTo(parentIndent);
        }

        if (indentStatus == 1)
        {
            while (true)
            {
                // On a new line, a property of a kind already read belongs to the first key of a block mapping
                // (`!!map\n  !!str key: value`), not to this node.
                if (atNewLine && ((Cur == '!' && tag is not null) || (Cur == '&' && anchor is not null)))
                {
                    break;
                }

                if (Cur is not ('!' or '&'))
                {
                    break;
                }

                var before = Save();
                if (!ReadTag(ref tag) && !ReadAnchor(ref anchor, ref nodesBefore, ref charactersBefore))
                {
                    break;
                }

                beforeProperties ??= before;
                if (SkipSeparationSpace(true, -1) > 0)
                {
                    atNewLine = true;
                    allowBlockCollections = blockStyles;
                    indentStatus = _lineIndent.CompareTo(parentIndent);
                }
                else
                {
                    allowBlockCollections = false;
                }
            }
        }

        if (allowBlockCollections)
        {
            allowBlockCollections = atNewLine || allowCompact;
        }

        var content = new Composed(false, null, Kind.None, null);
        var implicitTyping = false;
        if (indentStatus == 1 || context == Context.BlockOut)
        {
            var flowIndent = context is Context.FlowIn or Context.FlowOut ? parentIndent : parentIndent + 1;
            var blockIndent = _pos - _lineStart;
            if (indentStatus == 1)
            {
                var droppedProperties = false;
                if ((allowBlockCollections
                        && (ReadBlockSequence(blockIndent, anchor, out content)
                            || ReadBlockMapping(blockIndent, flowIndent, anchor, out content, out droppedProperties)))
                    || ReadFlowCollection(flowIndent, anchor, out content))
                {
                    // a collection
                }
                else
                {
                    if (droppedProperties)
                    {
                        DropProperties(ref tag, ref anchor);
                    }

                    implicitTyping = ReadScalarOrAlias(beforeProperties, blockStyles && !allowBlockCollections,
                        blockStyles, flowIndent, context, ref tag, ref anchor, out content);
                }
            }
            else if (indentStatus == 0 && allowBlockCollections)
            {
                // A block sequence may sit at its parent mapping's indentation.
                ReadBlockSequence(blockIndent, anchor, out content);
            }
        }

        var node = content.Node;
        var resolvedTag = tag;
        if (node is not null && beforeProperties is { } start && start.Position.Offset < node.Span.Start.Offset
            && (tag is not null || anchor is not null))
        {
            node = WithStart(node, start.Position);
        }

        if (implicitTyping || tag == "?")
        {
            (node, resolvedTag) = ResolveImplicitly(node, content.Kind, resolvedTag);
        }
        else if (tag is not null && tag != "!")
        {
            node = ApplyTag(tag, node, content.Kind, beforeProperties?.Position ?? Position());
        }

        if (anchor is not null)
        {
            var anchored = node ?? Null(beforeProperties?.Position ?? Position());
            StoreAnchor(anchor, new Anchor(anchored, _nodes - nodesBefore, _characters - charactersBefore));
            node = anchored;
        }

        var present = tag is not null || anchor is not null || content.Present;
        return new Composed(present, node, content.Kind, resolvedTag);
    }

    /// <summary>
    /// The non-collection content of a node: a block mapping started by its properties (<c>&amp;a key: value</c>),
    /// a block or quoted scalar, an alias, or a plain scalar. Returns true when the plain scalar is to be typed.
    /// </summary>
    private bool ReadScalarOrAlias(Snapshot? beforeProperties, bool propertiesMayStartMapping, bool blockStyles,
        int flowIndent, Context context, ref string? tag, ref string? anchor, out Composed content)
    {
        if (beforeProperties is { } props && propertiesMayStartMapping && Cur is not ('|' or '>')
            && KeySeparatorFollowsOnThisLine() && TryBlockMappingFromProperties(props, flowIndent, out content))
        {
            // The properties were the first key's; this node has none.
            (tag, anchor) = (null, null);
            return false;
        }

        if ((blockStyles && ReadBlockScalar(flowIndent, out content))
            || ReadSingleQuoted(flowIndent, out content)
            || ReadDoubleQuoted(flowIndent, out content))
        {
            return false;
        }

        if (ReadAlias(out content))
        {
            return tag is not null || anchor is not null ? throw Error("alias node should not have any properties") : false;
        }

        return ReadPlainScalar(flowIndent, context == Context.FlowIn, out content) && tag is null;
    }

    /// <summary>
    /// Whether a <c>:</c> followed by a blank or the line's end comes later on this line: without one, no key can
    /// follow the properties here (the common <c>x: !Ref Queue</c> need not be read twice).
    /// </summary>
    private bool KeySeparatorFollowsOnThisLine()
    {
        for (var i = _pos; i < _length && !IsEol(Ch(i)); i++)
        {
            if (Ch(i) == ':' && (IsWsOrEol(Ch(i + 1)) || Ch(i + 1) == End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// js-yaml loses a node's properties when a block mapping was tried on it and found no key at all (reading the
    /// key reset them): the tag is gone and the anchor names an empty mapping (<c>!foo\n  &gt;\n  text</c> is the text).
    /// </summary>
    private void DropProperties(ref string? tag, ref string? anchor)
    {
        if (anchor is not null)
        {
            var at = Position();
            StoreAnchor(anchor, new Anchor(new MappingNode(new SourceSpan(_path, at, at), []), 1, 0));
        }

        (tag, anchor) = (null, null);
    }

    /// <summary>
    /// Properties followed on their line by a key and a colon (<c>&amp;a key: value</c>, even as a value:
    /// <c>x: &amp;a b: c</c>) start a block mapping at the properties' column whose first key takes them. Tried from
    /// the properties again; when no mapping comes of it, everything read is undone.
    /// </summary>
    private bool TryBlockMappingFromProperties(Snapshot properties, int flowIndent, out Composed result)
    {
        var fallback = Save();
        _anchorAttempts.Add(_anchorJournal.Count);
        Restore(properties);
        if (ReadBlockMapping(properties.Position.Offset - properties.LineStart, flowIndent, null, out result)
            && result.Kind == Kind.Mapping)
        {
            CommitAnchorTransaction();
            return true;
        }

        RollbackAnchorTransaction();
        Restore(fallback);
        result = default;
        return false;
    }

    private static Node WithStart(Node node, SourcePosition start)
    {
        var span = node.Span with { Start = start };
        return node switch
        {
            ScalarNode s => s with { Span = span },
            MappingNode m => m with { Span = span },
            SequenceNode q => q with { Span = span },
            _ => node,
        };
    }

    /// <summary>A plain scalar (or a node tagged <c>!&lt;?&gt;</c>) typed by js-yaml's implicit resolvers.</summary>
    private (Node? Node, string? Tag) ResolveImplicitly(Node? node, Kind kind, string? tag)
    {
        if (node is not null && kind != Kind.Scalar)
        {
            throw Error($"unacceptable node kind for !<?> tag; it should be \"scalar\", not \"{KindName(kind)}\"");
        }

        if (node is not ScalarNode raw || !IsJsString(raw))
        {
            return (node, tag);
        }

        var resolved = CoreSchema.ResolvePlain(raw.Text, out var scalar);
        if (resolved is null)
        {
            return (raw, tag is null ? "?" : tag);
        }

        if (resolved == CoreSchema.Merge)
        {
            return (raw, resolved);
        }

        var text = scalar.Text == raw.Text ? raw.Text : PooledText(scalar.Text);
        var typed = new ScalarNode(raw.Span, text, scalar.Kind) { IsQuoted = raw.IsQuoted };
        if (scalar.Date is { } date)
        {
            _keyTexts[typed] = JsText.DateString(date);
        }

        return (typed, resolved);
    }

    // A spec repeats the same short texts (keys such as `handler` and `events`, values such as `GET` and `10`) for
    // every function: the tree holds one string for each instead of one per occurrence. Bounded, so a document of
    // distinct texts costs no more than the strings themselves.
    private const int MaxPooledLength = 32;
    private const int MaxPooledTexts = 8192;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    private string PooledText(ReadOnlySpan<char> span)
    {
        if (span.Length > MaxPooledLength)
        {
            return span.ToString();
        }

        return _texts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(span, out var pooled) ? pooled : Pool(span.ToString());
    }

    private string PooledText(string text) =>
        text.Length > MaxPooledLength ? text : _texts.TryGetValue(text, out var pooled) ? pooled : Pool(text);

    private string Pool(string text)
    {
        if (_texts.Count < MaxPooledTexts)
        {
            _texts.Add(text, text);
        }

        return text;
    }

    private ScalarNode Null(SourcePosition at)
    {
        _nodes++;
        _contentEnd = Max(_contentEnd, at);
        return new ScalarNode(new SourceSpan(_path, at, at), string.Empty, ScalarKind.Null);
    }
}
