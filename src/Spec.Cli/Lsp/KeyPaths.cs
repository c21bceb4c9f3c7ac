using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Core.Schema;
using Spec.Core.Syntax;

namespace Spec.Cli.Lsp;

/// <summary>
/// Where the cursor is in the spec's key tree, as the keys from the root (<c>functions, hello, events, sqs</c>), and
/// that path in the key catalogue (<c>functions.*.events.sqs</c>).
/// </summary>
internal static partial class KeyPaths
{
    /// <summary>The catalogue path of concrete keys: a key the object names stays, a key of a map becomes <c>*</c>;
    /// null when the path leaves the catalogue (free-form values such as <c>resources</c>).</summary>
    public static string? CatalogPath(KeyCatalog catalog, IEnumerable<string> keys)
    {
        var path = string.Empty;
        foreach (var key in keys)
        {
            var child = path.Length == 0 ? key : path + "." + key;
            if (catalog.ObjectAt(path)?.Find(key) is not null)
            {
                path = child;
                continue;
            }

            var anyKey = path.Length == 0 ? "*" : path + ".*";
            if (catalog.Find(anyKey) is null)
            {
                return null;
            }

            path = anyKey;
        }

        return path;
    }

    /// <summary>The keys leading to the node under a 0-based position of a loaded tree (YAML or JSON): on a key, the
    /// keys to it; on a value, the keys to the key that holds it. Null when the position is on no key or value.</summary>
    public static IReadOnlyList<string>? AtPosition(Node? root, int line, int character)
    {
        var keys = new List<string>();
        var node = root;
        while (node is not null && Contains(node.Span, line, character))
        {
            switch (node)
            {
                case MappingNode mapping:
                    var entry = mapping.Entries.FirstOrDefault(e => Contains(e.Key.Span, line, character) || Contains(e.Value.Span, line, character));
                    if (entry is null)
                    {
                        return keys.Count > 0 ? keys : null;
                    }

                    keys.Add(entry.Key.Text);
                    if (Contains(entry.Key.Span, line, character))
                    {
                        return keys;
                    }

                    node = entry.Value;
                    break;
                case SequenceNode sequence:
                    node = sequence.Items.FirstOrDefault(i => Contains(i.Span, line, character));
                    break;
                default:
                    return keys.Count > 0 ? keys : null;
            }
        }

        return keys.Count > 0 ? keys : null;
    }

    /// <summary>
    /// The YAML block context of a cursor in text that may not parse (the user is typing): the keys of the enclosing
    /// objects, found by indentation, and what is being typed — a key (no colon before the cursor on its line) or the
    /// value of a key. List items are transparent, as in the catalogue.
    /// </summary>
    public static CursorContext? InYamlText(string text, int line, int character)
    {
        var lines = text.Split('\n');
        if (line < 0 || line >= lines.Length)
        {
            return null;
        }

        var current = lines[line].TrimEnd('\r');
        var prefix = current[..Math.Clamp(character, 0, current.Length)];
        if (prefix.Contains('#', StringComparison.Ordinal))
        {
            return null;
        }

        CursorContext context;
        if (KeyBeingTyped().Match(prefix) is { Success: true } typing)
        {
            var indent = typing.Groups["indent"].Length + typing.Groups["dashes"].Length;
            context = new CursorContext(Parents(lines, line, indent), null, typing.Groups["word"].Value);
        }
        else if (ValueBeingTyped().Match(prefix) is { Success: true } value)
        {
            var indent = value.Groups["indent"].Length + value.Groups["dashes"].Length;
            var key = Unquote(value.Groups["key"].Value.Trim());
            context = new CursorContext([.. Parents(lines, line, indent), key], key, value.Groups["word"].Value);
        }
        else
        {
            return null;
        }

        return context;
    }

    private static List<string> Parents(string[] lines, int line, int indent)
    {
        var parents = new List<string>();
        for (var i = line - 1; i >= 0 && indent > 0; i--)
        {
            if (KeyLine().Match(lines[i].TrimEnd('\r')) is not { Success: true } match)
            {
                continue;
            }

            var keyIndent = match.Groups["indent"].Length + match.Groups["dashes"].Length;
            if (keyIndent < indent)
            {
                parents.Add(Unquote(match.Groups["key"].Value.Trim()));
                indent = keyIndent;
            }
        }

        parents.Reverse();
        return parents;
    }

    private static string Unquote(string key) =>
        key.Length >= 2 && (key[0] == '"' || key[0] == '\'') && key[^1] == key[0] ? key[1..^1] : key;

    private static bool Contains(SourceSpan span, int line, int character)
    {
        var (l, c) = (line + 1, character + 1);
        var afterStart = l > span.Start.Line || (l == span.Start.Line && c >= span.Start.Column);
        var beforeEnd = l < span.End.Line || (l == span.End.Line && c <= span.End.Column);
        return afterStart && beforeEnd;
    }

    [GeneratedRegex(@"^(?<indent> *)(?<dashes>(?:- +)*)(?<word>[A-Za-z0-9_.\-]*)$")]
    private static partial Regex KeyBeingTyped();

    [GeneratedRegex(@"^(?<indent> *)(?<dashes>(?:- +)*)(?<key>""[^""]*""|'[^']*'|[^\s:#'""][^:#]*?) *: +(?<word>[^\s]*)$")]
    private static partial Regex ValueBeingTyped();

    [GeneratedRegex(@"^(?<indent> *)(?<dashes>(?:- +)*)(?<key>""[^""]*""|'[^']*'|[^\s:#'""\-][^:#]*?) *:(?:\s|$)")]
    private static partial Regex KeyLine();
}

/// <summary>The keys enclosing a cursor (<see cref="Keys"/>); <see cref="ValueOf"/> is the key whose value is being
/// typed (its path is <see cref="Keys"/>), null when a key is being typed; <see cref="Word"/> is the text typed so far.</summary>
internal sealed record CursorContext(IReadOnlyList<string> Keys, string? ValueOf, string Word);
