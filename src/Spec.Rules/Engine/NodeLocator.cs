using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Rules.Engine;

/// <summary>Finds the node written at a source position and describes it by its path (<c>functions.worker.timeout</c>).</summary>
internal static class NodeLocator
{
    /// <summary>
    /// The structural path of the deepest node (or mapping key) whose span contains <paramref name="position"/>,
    /// e.g. <c>functions.worker.events[0].sqs</c>; null when no node contains it.
    /// </summary>
    public static string? PathAt(Node? root, SourcePosition position)
    {
        if (root is null || !Contains(root.Span, position))
        {
            return null;
        }

        var path = new StringBuilder();
        var node = root;
        while (true)
        {
            Node? next = null;
            switch (node)
            {
                case MappingNode m:
                    foreach (var entry in m.Entries)
                    {
                        if (Contains(entry.Key.Span, position))
                        {
                            Append(path, entry.Key.Text);
                            return path.ToString();
                        }

                        if (Contains(entry.Value.Span, position))
                        {
                            Append(path, entry.Key.Text);
                            next = entry.Value;
                            break;
                        }
                    }

                    break;
                case SequenceNode s:
                    for (var i = 0; i < s.Items.Count; i++)
                    {
                        if (Contains(s.Items[i].Span, position))
                        {
                            path.Append(CultureInfo.InvariantCulture, $"[{i}]");
                            next = s.Items[i];
                            break;
                        }
                    }

                    break;
            }

            if (next is null)
            {
                return path.ToString();
            }

            node = next;
        }
    }

    private static void Append(StringBuilder path, string key)
    {
        if (path.Length > 0)
        {
            path.Append('.');
        }

        path.Append(key.Contains('.', StringComparison.Ordinal) ? "[\"" + key + "\"]" : key);
    }

    private static bool Contains(SourceSpan span, SourcePosition p) =>
        span.Start.Offset == span.End.Offset
            ? p.Offset == span.Start.Offset
            : p.Offset >= span.Start.Offset && p.Offset < span.End.Offset;
}
