using System.Buffers;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>Block and flow collections, and how a mapping stores its keys (JavaScript object semantics, merges).</summary>
internal sealed partial class YamlReader
{
    private bool ReadBlockSequence(int nodeIndent, string? anchor, out Composed result)
    {
        result = default;
        if (_firstTabInLine != -1)
        {
            return false;
        }

        var start = Position();
        List<Node>? items = null;
        while (Cur != End)
        {
            if (_firstTabInLine != -1)
            {
                _pos = _firstTabInLine;
                throw Error("tab characters must not be used in indentation");
            }

            if (Cur != '-' || !IsWsOrEol(At(1)))
            {
                break;
            }

            if (items is null)
            {
                items = RentItems();
                MarkInProgress(anchor);
            }

            var dashAt = Position();
            _pos++;
            if (SkipSeparationSpace(true, -1) > 0 && _lineIndent <= nodeIndent)
            {
                items.Add(Null(dashAt));
                continue;
            }

            var line = _line;
            var item = ComposeNode(nodeIndent, Context.BlockIn, false, true);
            items.Add(item.Node ?? Null(dashAt));
            SkipSeparationSpace(true, -1);
            if ((_line == line || _lineIndent > nodeIndent) && Cur != End)
            {
                throw Error("bad indentation of a sequence entry");
            }

            if (_lineIndent < nodeIndent)
            {
                break;
            }
        }

        if (items is null)
        {
            return false;
        }

        _nodes++;
        result = new Composed(true, new SequenceNode(new SourceSpan(_path, start, Max(_contentEnd, start)), items.ToArray()), Kind.Sequence, null);
        ReturnItems(items);
        return true;
    }

    private bool ReadBlockMapping(int nodeIndent, int flowIndent, string? anchor, out Composed result) =>
        ReadBlockMapping(nodeIndent, flowIndent, anchor, out result, out _);

    /// <param name="droppedProperties">true when no key was found at all, which costs the node its properties in js-yaml.</param>
    private bool ReadBlockMapping(int nodeIndent, int flowIndent, string? anchor, out Composed result, out bool droppedProperties)
    {
        result = default;
        droppedProperties = false;
        if (_firstTabInLine != -1)
        {
            return false;
        }

        var start = Position();
        MarkInProgress(anchor);
        var mapping = RentBuilder();
        var detected = false;
        var atExplicitKey = false;
        var allowCompact = false;
        Composed key = default;
        var keyAt = start;
        var end = start;

        while (Cur != End)
        {
            if (!atExplicitKey && _firstTabInLine != -1)
            {
                _pos = _firstTabInLine;
                throw Error("tab characters must not be used in indentation");
            }

            var following = At(1);
            var line = _line;
            if (Cur is '?' or ':' && IsWsOrEol(following))
            {
                if (Cur == '?')
                {
                    if (atExplicitKey)
                    {
                        Store(mapping, key, null, keyAt);
                        key = default;
                    }

                    detected = true;
                    atExplicitKey = true;
                    allowCompact = true;
                    keyAt = Position();
                }
                else if (atExplicitKey)
                {
                    atExplicitKey = false;
                    allowCompact = true;
                }
                else
                {
                    throw Error("incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
                }

                _pos++;
            }
            else
            {
                var candidateAt = Position();
                var candidate = ComposeNode(flowIndent, Context.FlowOut, false, true);
                if (!candidate.Present)
                {
                    droppedProperties = !detected;
                    break;
                }

                if (_line == line)
                {
                    while (IsWhiteSpace(Cur))
                    {
                        _pos++;
                    }

                    if (Cur == ':')
                    {
                        _pos++;
                        if (!IsWsOrEol(Cur))
                        {
                            throw Error("a whitespace character is expected after the key-value separator within a block mapping");
                        }

                        if (atExplicitKey)
                        {
                            Store(mapping, key, null, keyAt);
                        }

                        detected = true;
                        atExplicitKey = false;
                        allowCompact = false;
                        key = candidate;
                        keyAt = candidateAt;
                    }
                    else if (detected)
                    {
                        throw Error("can not read an implicit mapping pair; a colon is missed");
                    }
                    else
                    {
                        result = candidate;
                        return true; // a lone scalar, not a mapping
                    }
                }
                else if (detected)
                {
                    throw Error("can not read a block mapping entry; a multiline key may not be an implicit key");
                }
                else
                {
                    result = candidate;
                    return true;
                }
            }

            if (_line == line || _lineIndent > nodeIndent)
            {
                var valueAt = Position();
                var value = ComposeNode(nodeIndent, Context.BlockOut, true, allowCompact);
                if (atExplicitKey)
                {
                    if (value.Present)
                    {
                        key = value with { Tag = null }; // js-yaml never takes an explicit key's tag (so `? <<` is a plain key)
                        keyAt = valueAt;
                    }
                }
                else
                {
                    var stored = value.Present ? value.Node ?? Null(valueAt) : Null(valueAt);
                    Store(mapping, key, stored, keyAt);
                    end = _contentEnd;
                    key = default;
                }

                SkipSeparationSpace(true, -1);
            }

            if ((_line == line || _lineIndent > nodeIndent) && Cur != End)
            {
                throw Error("bad indentation of a mapping entry");
            }

            if (_lineIndent < nodeIndent)
            {
                break;
            }
        }

        if (atExplicitKey)
        {
            Store(mapping, key, null, keyAt);
        }

        if (!detected)
        {
            return false;
        }

        _nodes++;
        result = new Composed(true, mapping.Build(new SourceSpan(_path, start, Max(end, start))), Kind.Mapping, null);
        ReturnBuilder(mapping);
        return true;
    }

    private bool ReadFlowCollection(int nodeIndent, string? anchor, out Composed result)
    {
        result = default;
        char terminator;
        if (Cur == '[')
        {
            terminator = ']';
        }
        else if (Cur == '{')
        {
            terminator = '}';
        }
        else
        {
            return false;
        }

        var isMapping = terminator == '}';
        var start = Position();
        MarkInProgress(anchor);
        var mapping = isMapping ? RentBuilder() : null;
        var items = isMapping ? null : RentItems();
        var readNext = true;
        _pos++;
        while (Cur != End)
        {
            SkipSeparationSpace(true, nodeIndent);
            if (Cur == terminator)
            {
                _pos++;
                _nodes++;
                _contentEnd = Position();
                var span = new SourceSpan(_path, start, _contentEnd);
                result = isMapping
                    ? new Composed(true, mapping!.Build(span), Kind.Mapping, null)
                    : new Composed(true, new SequenceNode(span, items!.ToArray()), Kind.Sequence, null);
                if (mapping is not null)
                {
                    ReturnBuilder(mapping);
                }
                else
                {
                    ReturnItems(items!);
                }

                return true;
            }

            if (!readNext)
            {
                throw new YamlSyntaxException("missed comma between flow collection entries", Position(), start);
            }

            if (Cur == ',')
            {
                throw Error("expected the node content, but found ','");
            }

            var isPair = false;
            var isExplicitPair = false;
            if (Cur == '?' && IsWsOrEol(At(1)))
            {
                isPair = isExplicitPair = true;
                _pos++;
                SkipSeparationSpace(true, nodeIndent);
            }

            var line = _line;
            var keyAt = Position();
            var key = ComposeNode(nodeIndent, Context.FlowIn, false, true);
            SkipSeparationSpace(true, nodeIndent);
            Node? value = null;
            if ((isExplicitPair || _line == line) && Cur == ':')
            {
                isPair = true;
                _pos++;
                SkipSeparationSpace(true, nodeIndent);
                var valueAt = Position();
                var composed = ComposeNode(nodeIndent, Context.FlowIn, false, true);
                value = composed.Node ?? Null(valueAt);
            }

            if (isMapping)
            {
                Store(mapping!, key, value, keyAt);
            }
            else if (isPair)
            {
                var pair = RentBuilder();
                Store(pair, key, value, keyAt);
                _nodes++;
                var pairEnd = value?.Span.End ?? key.Node?.Span.End ?? keyAt;
                items!.Add(pair.Build(new SourceSpan(_path, keyAt, Max(pairEnd, keyAt))));
                ReturnBuilder(pair);
            }
            else
            {
                items!.Add(key.Node ?? Null(keyAt));
            }

            SkipSeparationSpace(true, nodeIndent);
            if (Cur == ',')
            {
                readNext = true;
                _pos++;
            }
            else
            {
                readNext = false;
            }
        }

        throw new YamlSyntaxException(
            $"unexpected end of the stream within a flow collection (the '{(isMapping ? '{' : '[')}' is never closed)",
            Position(), start);
    }

    /// <summary>
    /// Stores a pair as JavaScript would: the key becomes a string (<c>String(key)</c>), a merge key (<c>&lt;&lt;</c>)
    /// merges its mapping or list of mappings, and a repeated key is an error unless a merge brought the first.
    /// </summary>
    private void Store(MappingBuilder mapping, Composed key, Node? value, SourcePosition keyAt)
    {
        var keySpan = key.Node?.Span ?? new SourceSpan(_path, keyAt, keyAt);
        var keyNode = KeyScalar(key.Node, keySpan);
        if (key.Tag == CoreSchema.Merge)
        {
            if (value is SequenceNode sources)
            {
                if (sources.Items.Count > FrameworkMaxMergeSources)
                {
                    throw new YamlSyntaxException(
                        $"abnormal merge sequence size (a merge key takes at most {FrameworkMaxMergeSources} mappings)", keySpan.Start);
                }

                foreach (var source in sources.Items)
                {
                    Merge(mapping, source);
                }
            }
            else
            {
                Merge(mapping, value);
            }

            return;
        }

        var first = mapping.Set(keyNode, value ?? Null(keySpan.End));
        if (first is not null && !_json)
        {
            _keyErrors.Add(new Diagnostic(DiagnosticIds.Parse, Severity.Error, $"duplicate key '{keyNode.Text}'", keyNode.Span)
            {
                Related = [new RelatedLocation(first.Span, "first defined here")],
                Help = "remove one of them; the Framework refuses a mapping with a repeated key",
            });
        }
    }

    private void Merge(MappingBuilder mapping, Node? source)
    {
        if (source is not (MappingNode or SequenceNode) && !(source is ScalarNode s && IsSpecial(s)))
        {
            throw new YamlSyntaxException(
                "cannot merge mappings; the provided source object is unacceptable (a merge key << takes a mapping or a list of mappings)",
                source?.Span.Start ?? Position());
        }

        ChargeMerge(source);
        switch (source)
        {
            case MappingNode m:
                foreach (var entry in m.Entries)
                {
                    ChargeMerge(source);
                    mapping.Merge(entry);
                }

                break;
            case SequenceNode list:
                // JavaScript merges an array's indices as keys.
                for (var i = 0; i < list.Items.Count; i++)
                {
                    ChargeMerge(source);
                    var item = list.Items[i];
                    mapping.Merge(new MappingEntry(
                        ScalarNode.String(item.Span, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), item));
                }

                break;
            default:
                // A date has no keys of its own.
                break;
        }
    }

    /// <summary>js-yaml bounds the work merges do: one unit per merged mapping and per key it brings.</summary>
    private void ChargeMerge(Node source)
    {
        if (++_mergeWork > FrameworkMaxMergeWork)
        {
            throw new YamlSyntaxException(
                $"merge keys exceeded maxTotalMergeKeys ({FrameworkMaxMergeWork}): the Framework refuses a document whose merge keys bring more than {FrameworkMaxMergeWork:N0} keys in all",
                source.Span.Start);
        }
    }

    // Builders of finished mappings and item lists of finished sequences, reused by the next ones (one per nesting
    // level is live at a time). One abandoned by an undone or failed reading is simply not returned.
    private readonly Stack<MappingBuilder> _freeBuilders = new();

    private readonly Stack<List<Node>> _freeItems = new();

    private List<Node> RentItems() => _freeItems.TryPop(out var items) ? items : [];

    private void ReturnItems(List<Node> items)
    {
        items.Clear();
        _freeItems.Push(items);
    }

    private MappingBuilder RentBuilder() => _freeBuilders.TryPop(out var builder) ? builder : new MappingBuilder();

    private void ReturnBuilder(MappingBuilder builder)
    {
        builder.Clear();
        _freeBuilders.Push(builder);
    }

    /// <summary>The key as the Framework's object holds it: <c>String(key)</c> in JavaScript.</summary>
    private ScalarNode KeyScalar(Node? key, SourceSpan span)
    {
        if (key is ScalarNode { Kind: ScalarKind.String } s && !IsSpecial(s))
        {
            return s;
        }

        var text = KeyText(key, topLevel: true);
        return new ScalarNode(span, text, ScalarKind.String) { IsQuoted = key is ScalarNode { IsQuoted: true } };
    }

    private string KeyText(Node? key, bool topLevel)
    {
        if (key is not null && _keyTexts.TryGetValue(key, out var special))
        {
            return special;
        }

        switch (key)
        {
            case null:
                return topLevel ? "null" : string.Empty;
            case ScalarNode { Kind: ScalarKind.Null }:
                return topLevel ? "null" : string.Empty;
            case ScalarNode { Kind: ScalarKind.Bool } b:
                return CoreSchema.BoolValue(b.Text) ? "true" : "false";
            case ScalarNode s:
                return s.Text;
            case MappingNode:
                return "[object Object]";
            case SequenceNode list when topLevel:
                return string.Join(',', list.Items.Select(item => item is SequenceNode
                    ? throw new YamlSyntaxException("nested arrays are not supported inside keys", item.Span.Start)
                    : KeyText(item, topLevel: false)));
            default:
                throw new YamlSyntaxException("nested arrays are not supported inside keys", key.Span.Start);
        }
    }
}
