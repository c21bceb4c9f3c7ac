using System.Text;

namespace Spec.Backends.Graph;

/// <summary>The picture formats of <c>spec graph</c>.</summary>
public static class GraphFormats
{
    public const string Mermaid = "mermaid";
    public const string Dot = "dot";

    public static IReadOnlyList<string> Names { get; } = [Mermaid, Dot];

    public static string Write(ServiceGraph graph, string format) => format switch
    {
        Mermaid => MermaidWriter.Write(graph),
        Dot => DotWriter.Write(graph),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown graph format"),
    };

    /// <summary>Arrows by meaning: a trigger and an access are solid and dashed, a failure path is dotted.</summary>
    internal static bool IsFailurePath(GraphEdgeKind kind) => kind is GraphEdgeKind.DeadLetter or GraphEdgeKind.Destination;
}

/// <summary>A Mermaid flowchart (renders on GitHub, in GitLab and in most Markdown previews).</summary>
public static class MermaidWriter
{
    public static string Write(ServiceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(YamlQuote(graph.Title)).Append("\n---\nflowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var (open, close) = Shape(node.Kind);
            text.Append("  ").Append(node.Id).Append(open).Append(Quote($"{node.Label}<br/><small>{node.Detail}</small>")).Append(close)
                .Append(":::").Append(node.Kind.ToString().ToLowerInvariant()).Append('\n');
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = edge.Kind switch
            {
                GraphEdgeKind.Access => "-.->",
                _ when GraphFormats.IsFailurePath(edge.Kind) => "-. " + Label(edge.Label) + " .->",
                _ => "-->",
            };
            text.Append("  ").Append(edge.From).Append(' ');
            text.Append(GraphFormats.IsFailurePath(edge.Kind) ? arrow : $"{arrow}|{Quote(edge.Label)}|");
            text.Append(' ').Append(edge.To).Append('\n');
        }

        foreach (var (kind, style) in Styles.Where(s => graph.Nodes.Any(n => n.Kind == s.Kind)))
        {
            text.Append("  classDef ").Append(kind.ToString().ToLowerInvariant()).Append(' ').Append(style).Append('\n');
        }

        return text.ToString();
    }

    private static readonly (GraphNodeKind Kind, string Style)[] Styles =
    [
        (GraphNodeKind.Function, "fill:#ffe8cc,stroke:#d9480f"),
        (GraphNodeKind.Api, "fill:#e5dbff,stroke:#5f3dc4"),
        (GraphNodeKind.Queue, "fill:#d3f9d8,stroke:#2b8a3e"),
        (GraphNodeKind.Topic, "fill:#ffdeeb,stroke:#a61e4d"),
        (GraphNodeKind.Table, "fill:#d0ebff,stroke:#1864ab"),
        (GraphNodeKind.Bucket, "fill:#fff3bf,stroke:#e67700"),
        (GraphNodeKind.Stream, "fill:#c5f6fa,stroke:#0b7285"),
        (GraphNodeKind.Schedule, "fill:#f1f3f5,stroke:#495057"),
        (GraphNodeKind.EventBus, "fill:#ffe3e3,stroke:#c92a2a"),
        (GraphNodeKind.Source, "fill:#f1f3f5,stroke:#495057"),
        (GraphNodeKind.Resource, "fill:#f8f9fa,stroke:#868e96"),
        (GraphNodeKind.External, "fill:#ffffff,stroke:#868e96,stroke-dasharray:3 3"),
    ];

    private static (string Open, string Close) Shape(GraphNodeKind kind) => kind switch
    {
        GraphNodeKind.Function => ("[", "]"),
        GraphNodeKind.Api => ("{{", "}}"),
        GraphNodeKind.Queue or GraphNodeKind.Stream => ("[[", "]]"),
        GraphNodeKind.Table or GraphNodeKind.Bucket => ("[(", ")]"),
        GraphNodeKind.Schedule => ("([", "])"),
        GraphNodeKind.Topic or GraphNodeKind.EventBus => ("[/", "/]"),
        _ => ("(", ")"),
    };

    /// <summary>A quoted Mermaid string: a quote is the entity <c>#quot;</c>, and <c>#</c> itself <c>#35;</c>.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("#", "#35;", StringComparison.Ordinal).Replace("\"", "#quot;", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal) + "\"";

    /// <summary>A double-quoted YAML scalar for the front matter.</summary>
    private static string YamlQuote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal) + "\"";

    /// <summary>The text of a <c>-. label .-></c> arrow, which cannot be quoted: only letters, digits and spaces.</summary>
    private static string Label(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]);
}

/// <summary>A Graphviz DOT digraph (<c>dot -Tsvg</c> renders it).</summary>
public static class DotWriter
{
    public static string Write(ServiceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder();
        text.Append("digraph ").Append(Quote(graph.Title)).Append(" {\n");
        text.Append("  label=").Append(Quote(graph.Title)).Append(";\n  labelloc=t;\n  rankdir=LR;\n");
        text.Append("  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n");
        text.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var node in graph.Nodes)
        {
            var (shape, fill, line) = Shape(node.Kind);
            text.Append("  ").Append(Quote(node.Id)).Append(" [label=").Append(Quote($"{node.Label}\n{node.Detail}"))
                .Append(", shape=").Append(shape).Append(", fillcolor=").Append(Quote(fill)).Append(", color=").Append(Quote(line));
            if (node.Kind == GraphNodeKind.External)
            {
                text.Append(", style=\"filled,dashed\"");
            }

            text.Append("];\n");
        }

        foreach (var edge in graph.Edges)
        {
            text.Append("  ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To)).Append(" [label=").Append(Quote(edge.Label));
            if (edge.Kind == GraphEdgeKind.Access)
            {
                text.Append(", style=dashed");
            }
            else if (GraphFormats.IsFailurePath(edge.Kind))
            {
                text.Append(", style=dotted, color=\"#c92a2a\"");
            }

            text.Append("];\n");
        }

        return text.Append("}\n").ToString();
    }

    private static (string Shape, string Fill, string Line) Shape(GraphNodeKind kind) => kind switch
    {
        GraphNodeKind.Function => ("box", "#ffe8cc", "#d9480f"),
        GraphNodeKind.Api => ("hexagon", "#e5dbff", "#5f3dc4"),
        GraphNodeKind.Queue => ("box3d", "#d3f9d8", "#2b8a3e"),
        GraphNodeKind.Topic => ("parallelogram", "#ffdeeb", "#a61e4d"),
        GraphNodeKind.Table => ("cylinder", "#d0ebff", "#1864ab"),
        GraphNodeKind.Bucket => ("cylinder", "#fff3bf", "#e67700"),
        GraphNodeKind.Stream => ("box3d", "#c5f6fa", "#0b7285"),
        GraphNodeKind.Schedule => ("oval", "#f1f3f5", "#495057"),
        GraphNodeKind.EventBus => ("parallelogram", "#ffe3e3", "#c92a2a"),
        GraphNodeKind.Source => ("oval", "#f1f3f5", "#495057"),
        GraphNodeKind.Resource => ("box", "#f8f9fa", "#868e96"),
        _ => ("box", "#ffffff", "#868e96"),
    };

    /// <summary>A DOT string: backslash and quote escaped, a line break as DOT's centred <c>\n</c>.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
