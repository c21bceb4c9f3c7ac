using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Spec.Core.Diagnostics;
using Spec.Core.Files;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Spec.Core.Syntax;

/// <summary>The result of loading one file: its root node (null when it could not be parsed at all).</summary>
public sealed record LoadResult(SourceText Source, Node? Root, IReadOnlyList<Comment> Comments);

/// <summary>
/// Load stage: YAML or JSON text into <see cref="Node"/>s with spans. Short-form CloudFormation tags become their
/// long forms, merge keys (<c>&lt;&lt;</c>) are applied, and every limit of <see cref="LoadLimits"/> is a diagnostic.
/// </summary>
public sealed class YamlLoader
{
    private readonly LoadLimits _limits;

    public YamlLoader(LoadLimits? limits = null) => _limits = limits ?? LoadLimits.Default;

    public LoadResult LoadFile(string path, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = UntrustedFile.ReadAllBytes(path, _limits.MaxFileBytes);
        }
        catch (FileNotFoundException)
        {
            diagnostics.Error(DiagnosticIds.Parse, $"file not found: {path}", SourceSpan.At(path, 1, 1));
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }
        catch (FileTooLargeException)
        {
            diagnostics.Error(DiagnosticIds.Parse,
                $"file is larger than {_limits.MaxFileBytes / (1024 * 1024)} MB; larger specs are not loaded", SourceSpan.At(path, 1, 1));
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticIds.Parse, $"cannot read {path}: {e.Message}", SourceSpan.At(path, 1, 1));
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }

        return LoadBytes(path, bytes, diagnostics);
    }

    public LoadResult LoadBytes(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > _limits.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticIds.Parse,
                $"input is larger than {_limits.MaxFileBytes / (1024 * 1024)} MB", SourceSpan.At(path, 1, 1));
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }

        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (l, c) = LineColumnOf(bytes[..nul]);
            diagnostics.Error(DiagnosticIds.Parse, "this is a binary file, not YAML or JSON (it contains a NUL byte)",
                SourceSpan.At(path, l, c, nul));
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (l, c) = LineColumnOf(bytes[..read]);
            diagnostics.Error(DiagnosticIds.Parse, $"invalid UTF-8 at byte {read}: specs must be UTF-8 text",
                SourceSpan.At(path, l, c, read), help: "re-save the file as UTF-8");
            return new LoadResult(new SourceText(path, string.Empty), null, []);
        }

        return LoadText(path, new string(chars, 0, written), diagnostics);
    }

    public LoadResult LoadText(string path, string text, DiagnosticBag diagnostics)
    {
        var source = new SourceText(path, text);
        var comments = new List<Comment>();
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(DiagnosticIds.Parse, "the file is empty", SourceSpan.At(path, 1, 1),
                help: "a spec is a mapping with at least `service` and `provider`");
            return new LoadResult(source, null, comments);
        }

        var builder = new TreeBuilder(path, _limits, diagnostics, comments);
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
            var root = builder.Build(parser);
            return new LoadResult(source, root, comments);
        }
        catch (YamlException e)
        {
            // YamlDotNet's Start is where the construct began ("while scanning a mapping"), End is where the
            // problem was found: the user must edit at End, and Start explains the context.
            var problem = e.Message.Contains("tab", StringComparison.Ordinal) && FirstTabIndentation(text) is { } tab
                ? tab
                : Position(e.End);
            var context = Position(e.Start);
            var diagnostic = new Diagnostic(DiagnosticIds.Parse, Severity.Error, $"invalid YAML: {Describe(e)}",
                new SourceSpan(path, problem, problem));
            if (context != problem)
            {
                diagnostic = diagnostic with
                {
                    Related = [new RelatedLocation(new SourceSpan(path, context, context), "the construct started here")],
                };
            }

            diagnostics.Add(diagnostic);
            return new LoadResult(source, null, comments);
        }
        catch (LimitExceededException e)
        {
            diagnostics.Error(DiagnosticIds.Parse, e.Message, e.Span, e.Help);
            return new LoadResult(source, null, comments);
        }
    }

    /// <summary>
    /// YamlDotNet reports a tab in the indentation at the start of the enclosing mapping (often 1:1); the user
    /// needs the tab itself.
    /// </summary>
    private static SourcePosition? FirstTabIndentation(string text)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (text[i] == '\t' && text.AsSpan(lineStart, i - lineStart).Trim(' ').IsEmpty)
            {
                return new SourcePosition(line, i - lineStart + 1, i);
            }
        }

        return null;
    }

    internal static SourcePosition Position(Mark mark) =>
        new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), (int)Math.Max(0, mark.Index));

    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }

        return message.TrimEnd('.');
    }

    private static (int Line, int Column) LineColumnOf(ReadOnlySpan<byte> prefix)
    {
        var line = 1;
        var lastBreak = -1;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] == (byte)'\n')
            {
                line++;
                lastBreak = i;
            }
        }

        var column = Encoding.UTF8.GetCharCount(prefix[(lastBreak + 1)..]) + 1;
        return (line, column);
    }

    private sealed class LimitExceededException(string message, SourceSpan span, string? help) : Exception(message)
    {
        public SourceSpan Span { get; } = span;

        public string? Help { get; } = help;
    }

    /// <summary>Builds the node tree from parser events with an explicit stack, so depth never overflows ours.</summary>
    private sealed class TreeBuilder(string path, LoadLimits limits, DiagnosticBag diagnostics, List<Comment> comments)
    {
        private readonly Dictionary<string, (Node Node, long Weight)> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new();
        private long _expanded;

        public Node? Build(IParser parser)
        {
            Node? root = null;
            var documents = 0;
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                switch (ev)
                {
                    case YamlDotNet.Core.Events.Comment c:
                        comments.Add(new Comment(SpanOf(c), c.Value, c.IsInline));
                        break;
                    case DocumentStart:
                        documents++;
                        if (documents == 2)
                        {
                            diagnostics.Warning(DiagnosticIds.Parse,
                                "the file holds more than one YAML document; only the first is read", SpanOf(ev));
                        }

                        break;
                    case Scalar s:
                        Complete(ScalarOf(s), s.Anchor, s.Tag, SpanOf(s), 1, ref root, documents);
                        break;
                    case AnchorAlias alias:
                        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            throw new LimitExceededException($"unknown alias *{alias.Value.Value}", SpanOf(alias),
                                "define the anchor (&name) before using it");
                        }

                        Complete(target.Node, AnchorName.Empty, TagName.Empty, SpanOf(alias), target.Weight,
                            ref root, documents);
                        break;
                    case MappingStart ms:
                        Push(new Frame(FrameKind.Mapping, ms.Anchor, ms.Tag, SpanOf(ms)));
                        break;
                    case SequenceStart ss:
                        Push(new Frame(FrameKind.Sequence, ss.Anchor, ss.Tag, SpanOf(ss)));
                        break;
                    case MappingEnd me:
                        {
                            var f = _stack.Pop();
                            var span = new SourceSpan(path, f.Start.Start, Position(me.End));
                            Complete(f.ToMapping(span, diagnostics), f.Anchor, f.Tag, span, f.Weight + 1, ref root,
                                documents);
                            break;
                        }

                    case SequenceEnd se:
                        {
                            var f = _stack.Pop();
                            var span = new SourceSpan(path, f.Start.Start, Position(se.End));
                            Complete(new SequenceNode(span, f.Items), f.Anchor, f.Tag, span, f.Weight + 1, ref root,
                                documents);
                            break;
                        }
                }
            }

            return root;
        }

        private void Push(Frame frame)
        {
            if (_stack.Count >= limits.MaxDepth)
            {
                throw new LimitExceededException(
                    $"nesting deeper than {limits.MaxDepth} levels", frame.Start,
                    "a spec never needs this depth; check for runaway brackets or indentation");
            }

            _stack.Push(frame);
        }

        private void Complete(Node node, AnchorName anchor, TagName tag, SourceSpan span, long weight, ref Node? root,
            int documents)
        {
            _expanded = SaturatingAdd(_expanded, weight);
            if (_expanded > limits.MaxExpandedNodes)
            {
                throw new LimitExceededException(
                    $"the document expands to more than {limits.MaxExpandedNodes:N0} nodes through aliases (an alias bomb?)",
                    span, "remove the recursive or repeated aliases");
            }

            if (node is ScalarNode { Text.Length: var length } && length > limits.MaxScalarLength)
            {
                throw new LimitExceededException(
                    $"a scalar of {length:N0} characters is longer than the limit of {limits.MaxScalarLength:N0}", span,
                    null);
            }

            if (!tag.IsEmpty)
            {
                node = ApplyTag(node, tag.Value, span);
            }

            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (node, weight);
            }

            if (_stack.Count == 0)
            {
                if (documents <= 1)
                {
                    root ??= node;
                }

                return;
            }

            _stack.Peek().Add(node, weight);
        }

        private Node ApplyTag(Node node, string tag, SourceSpan span)
        {
            switch (tag)
            {
                case "!Ref":
                    return Wrap("Ref", node, span);
                case "!Condition":
                    return Wrap("Condition", node, span);
                case "!GetAtt" when node is ScalarNode s:
                    {
                        var dot = s.Text.IndexOf('.', StringComparison.Ordinal);
                        Node args = dot < 0
                            ? new SequenceNode(span, [s])
                            : new SequenceNode(span,
                                [ScalarNode.String(span, s.Text[..dot]), ScalarNode.String(span, s.Text[(dot + 1)..])]);
                        return Wrap("Fn::GetAtt", args, span);
                    }

                case "!GetAtt":
                case "!Sub" or "!Join" or "!If" or "!Select" or "!Split" or "!ImportValue" or "!FindInMap" or "!Base64"
                    or "!Cidr" or "!GetAZs" or "!Equals" or "!And" or "!Or" or "!Not" or "!Transform" or "!Length"
                    or "!ToJsonString":
                    return Wrap("Fn::" + tag[1..], node, span);
                case "tag:yaml.org,2002:str" when node is ScalarNode s:
                    return s with { Kind = ScalarKind.String, IsQuoted = true };
                case "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool"
                    or "tag:yaml.org,2002:null" or "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq":
                    return node;
                default:
                    diagnostics.Warning(DiagnosticIds.Parse, $"unknown tag {tag}; the value is read without it", span);
                    return node;
            }
        }

        private static MappingNode Wrap(string key, Node value, SourceSpan span) =>
            new(span, [new MappingEntry(ScalarNode.String(span, key), value)]);

        private ScalarNode ScalarOf(Scalar s)
        {
            var span = SpanOf(s);
            if (s.Style is ScalarStyle.Plain && s.Tag.IsEmpty)
            {
                return new ScalarNode(span, s.Value, ScalarTyping.KindOf(s.Value));
            }

            return new ScalarNode(span, s.Value, ScalarKind.String) { IsQuoted = s.Style is not ScalarStyle.Plain };
        }

        private SourceSpan SpanOf(ParsingEvent e) => new(path, Position(e.Start), Position(e.End));

        private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }

    private enum FrameKind
    {
        Mapping,
        Sequence,
    }

    private sealed class Frame(FrameKind kind, AnchorName anchor, TagName tag, SourceSpan start)
    {
        public AnchorName Anchor { get; } = anchor;

        public TagName Tag { get; } = tag;

        public SourceSpan Start { get; } = start;

        public List<Node> Items { get; } = [];

        public long Weight { get; private set; }

        public void Add(Node node, long weight)
        {
            Items.Add(node);
            Weight = Weight > long.MaxValue - weight ? long.MaxValue : Weight + weight;
        }

        public MappingNode ToMapping(SourceSpan span, DiagnosticBag diagnostics)
        {
            _ = kind;
            var entries = new List<MappingEntry>(Items.Count / 2);
            var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
            var merged = new List<MappingNode>();
            for (var i = 0; i + 1 < Items.Count; i += 2)
            {
                var key = Items[i] as ScalarNode ?? KeyOf(Items[i], diagnostics);
                var value = Items[i + 1];
                if (key.Text == "<<" && !key.IsQuoted)
                {
                    CollectMerge(value, merged, diagnostics);
                    continue;
                }

                if (seen.TryGetValue(key.Text, out var first))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticIds.Parse, Severity.Error,
                        $"duplicate key '{key.Text}'", key.Span)
                    {
                        Related = [new RelatedLocation(first.Span, "first defined here")],
                        Help = "remove one of them; YAML keeps only one value per key",
                    });
                    entries.RemoveAll(e => e.Key.Text == key.Text);
                }

                seen[key.Text] = key;
                entries.Add(new MappingEntry(key, value));
            }

            foreach (var source in merged)
            {
                foreach (var entry in source.Entries)
                {
                    if (seen.TryAdd(entry.Key.Text, entry.Key))
                    {
                        entries.Add(entry);
                    }
                }
            }

            return new MappingNode(span, entries);
        }

        private static void CollectMerge(Node value, List<MappingNode> merged, DiagnosticBag diagnostics)
        {
            switch (value)
            {
                case MappingNode m:
                    merged.Add(m);
                    break;
                case SequenceNode seq:
                    foreach (var item in seq.Items)
                    {
                        if (item is MappingNode mm)
                        {
                            merged.Add(mm);
                        }
                        else
                        {
                            diagnostics.Error(DiagnosticIds.Parse, "a merge key (<<) takes mappings only", item.Span);
                        }
                    }

                    break;
                default:
                    diagnostics.Error(DiagnosticIds.Parse, "a merge key (<<) takes a mapping or a list of mappings",
                        value.Span);
                    break;
            }
        }

        private static ScalarNode KeyOf(Node node, DiagnosticBag diagnostics)
        {
            diagnostics.Error(DiagnosticIds.Parse, "mapping keys must be scalars", node.Span);
            return ScalarNode.String(node.Span, $"<{node.Display}>");
        }
    }
}
