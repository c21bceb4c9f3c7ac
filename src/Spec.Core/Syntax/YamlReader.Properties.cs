using System.Buffers;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>Tags, anchors and aliases, and the anchor table (with the undo a tentative reading needs).</summary>
internal sealed partial class YamlReader
{
    private bool ReadTag(ref string? tag)
    {
        if (Cur != '!')
        {
            return false;
        }

        if (tag is not null)
        {
            throw Error("duplication of a tag property");
        }

        _pos++;
        var verbatim = false;
        var named = false;
        var handle = "!";
        if (Cur == '<')
        {
            verbatim = true;
            _pos++;
        }
        else if (Cur == '!')
        {
            named = true;
            handle = "!!";
            _pos++;
        }

        var start = _pos;
        string name;
        if (verbatim)
        {
            do
            {
                _pos++;
            }
            while (Cur != End && Cur != '>');

            if (_pos >= _length)
            {
                throw Error("unexpected end of the stream within a verbatim tag");
            }

            name = Sub(start, _pos);
            _pos++;
        }
        else
        {
            while (Cur != End && !IsWsOrEol(Cur))
            {
                if (Cur == '!')
                {
                    if (named)
                    {
                        throw Error("tag suffix cannot contain exclamation marks");
                    }

                    handle = Sub(start - 1, _pos + 1);
                    if (!IsTagHandle(handle))
                    {
                        throw Error("named tag handle cannot contain such characters");
                    }

                    named = true;
                    start = _pos + 1;
                }

                _pos++;
            }

            name = Sub(start, _pos);
            if (name.AsSpan().IndexOfAny(",[]{}") >= 0)
            {
                throw Error("tag suffix cannot contain flow indicator characters");
            }
        }

        if (name.Length > 0 && !IsTagUri(name))
        {
            throw Error($"tag name cannot contain such characters: {name}");
        }

        var decoded = DecodeUri(name) ?? throw Error($"tag name is malformed: {name}");
        if (verbatim)
        {
            tag = decoded;
        }
        else if (_tagHandles.TryGetValue(handle, out var prefix))
        {
            tag = prefix + decoded;
        }
        else if (handle == "!")
        {
            tag = "!" + decoded;
        }
        else if (handle == "!!")
        {
            tag = CoreSchema.Prefix + decoded;
        }
        else
        {
            throw Error($"undeclared tag handle \"{handle}\"");
        }

        return true;
    }

    private bool ReadAnchor(ref string? anchor, ref long nodesBefore, ref long charactersBefore)
    {
        if (Cur != '&')
        {
            return false;
        }

        if (anchor is not null)
        {
            throw Error("duplication of an anchor property");
        }

        _pos++;
        var start = _pos;
        while (Cur != End && !IsWsOrEol(Cur) && !IsFlowIndicator(Cur))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error("name of an anchor node must contain at least one character");
        }

        anchor = Sub(start, _pos);
        nodesBefore = _nodes;
        charactersBefore = _characters;
        return true;
    }

    private bool ReadAlias(out Composed result)
    {
        result = default;
        if (Cur != '*')
        {
            return false;
        }

        var at = Position();
        _pos++;
        var start = _pos;
        while (Cur != End && !IsWsOrEol(Cur) && !IsFlowIndicator(Cur))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error("name of an alias node must contain at least one character");
        }

        var name = Sub(start, _pos);
        if (!_anchors.TryGetValue(name, out var anchor))
        {
            throw new YamlSyntaxException($"unidentified alias \"{name}\"", at);
        }

        if (anchor is not { } target)
        {
            throw new YamlSyntaxException($"the alias *{name} refers to the node that contains it (a recursive alias)", at);
        }

        // Aliases share the anchored node; what they add to the expanded document is counted once per use.
        _nodes = Saturating(_nodes + target.Nodes);
        _characters = Saturating(_characters + target.Characters);
        _aliasNodes = Saturating(_aliasNodes + target.Nodes);
        _aliasCharacters = Saturating(_aliasCharacters + target.Characters);
        if (_aliasNodes > _limits.MaxExpandedNodes)
        {
            throw new LoadLimitException(
                $"the document expands to more than {_limits.MaxExpandedNodes:N0} nodes through aliases (an alias bomb?)", at,
                "remove the recursive or repeated aliases");
        }

        if (_aliasCharacters > _limits.MaxAliasExpansionCharacters)
        {
            throw new LoadLimitException(
                $"aliases expand the document by more than {_limits.MaxAliasExpansionCharacters / (1024 * 1024):N0} MB of text (an alias bomb?)",
                at, "repeat less text through aliases");
        }

        _contentEnd = Position();
        SkipSeparationSpace(true, -1);
        result = new Composed(true, target.Node, Kind.None, null); // js-yaml gives an alias no kind
        return true;
    }

    private static long Saturating(long value) => value < 0 ? long.MaxValue : value;

    /// <summary>An anchored collection is being read: an alias to it now would make a cycle.</summary>
    private void MarkInProgress(string? anchor)
    {
        if (anchor is not null)
        {
            StoreAnchor(anchor, null);
        }
    }

    private void StoreAnchor(string name, Anchor? value)
    {
        if (_anchorAttempts.Count > 0)
        {
            _anchorJournal.Add((name, _anchors.TryGetValue(name, out var old), old));
        }

        _anchors[name] = value;
    }

    /// <summary>The attempt stands: its journal entries become the enclosing attempt's (or are dropped).</summary>
    private void CommitAnchorTransaction()
    {
        _anchorAttempts.RemoveAt(_anchorAttempts.Count - 1);
        if (_anchorAttempts.Count == 0)
        {
            _anchorJournal.Clear();
        }
    }

    /// <summary>The attempt is undone: its anchors go back to what they were, latest first.</summary>
    private void RollbackAnchorTransaction()
    {
        var start = _anchorAttempts[^1];
        _anchorAttempts.RemoveAt(_anchorAttempts.Count - 1);
        for (var i = _anchorJournal.Count - 1; i >= start; i--)
        {
            var (name, existed, value) = _anchorJournal[i];
            if (existed)
            {
                _anchors[name] = value;
            }
            else
            {
                _anchors.Remove(name);
            }
        }

        _anchorJournal.RemoveRange(start, _anchorJournal.Count - start);
    }

    /// <summary>Where the reader is, and what it has counted, to go back to.</summary>
    private readonly record struct Snapshot(
        SourcePosition Position, int Pos, int Line, int LineStart, int LineIndent, int FirstTabInLine, long Nodes,
        long Characters, long AliasNodes, long AliasCharacters, SourcePosition ContentEnd, int KeyErrors);

    private Snapshot Save() => new(Position(), _pos, _line, _lineStart, _lineIndent, _firstTabInLine, _nodes, _characters,
        _aliasNodes, _aliasCharacters, _contentEnd, _keyErrors.Count);

    private void Restore(Snapshot s)
    {
        (_pos, _line, _lineStart, _lineIndent, _firstTabInLine) = (s.Pos, s.Line, s.LineStart, s.LineIndent, s.FirstTabInLine);
        (_nodes, _characters, _aliasNodes, _aliasCharacters, _contentEnd) = (s.Nodes, s.Characters, s.AliasNodes, s.AliasCharacters, s.ContentEnd);
        _keyErrors.RemoveRange(s.KeyErrors, _keyErrors.Count - s.KeyErrors);
    }

    /// <summary><c>!</c>, <c>!!</c> or <c>!word!</c> (letters and dashes).</summary>
    private static bool IsTagHandle(string handle) =>
        handle is "!" or "!!"
        || (handle.Length > 2 && handle[0] == '!' && handle[^1] == '!'
            && handle.AsSpan(1, handle.Length - 2).ContainsAnyExcept(LetterOrDash) == false);

    private static readonly SearchValues<char> LetterOrDash =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");

    private static readonly SearchValues<char> UriCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-#;/?:@&=+$,_.!~*'()[]");

    /// <summary>A tag URI: its first character a <c>!</c> or not a flow indicator, then URI characters and %XX escapes.</summary>
    private static bool IsTagUri(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (IsFlowIndicator(text[0]))
        {
            return false;
        }

        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || HexValue(text[i + 1]) < 0 || HexValue(text[i + 2]) < 0)
                {
                    return false;
                }

                i += 3;
            }
            else if (UriCharacters.Contains(text[i]))
            {
                i++;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>JavaScript's <c>decodeURIComponent</c>: %XX escapes as UTF-8; null when they are not valid UTF-8.</summary>
    private static string? DecodeUri(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>();
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || HexValue(text[i + 1]) < 0 || HexValue(text[i + 2]) < 0)
                {
                    return null;
                }

                bytes.Add((byte)((HexValue(text[i + 1]) << 4) + HexValue(text[i + 2])));
                i += 3;
                continue;
            }

            if (!Flush())
            {
                return null;
            }

            sb.Append(text[i]);
            i++;
        }

        return Flush() ? sb.ToString() : null;

        bool Flush()
        {
            if (bytes.Count == 0)
            {
                return true;
            }

            try
            {
                sb.Append(new UTF8Encoding(false, true).GetString(bytes.ToArray()));
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            bytes.Clear();
            return true;
        }
    }
}
