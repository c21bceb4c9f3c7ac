using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Rules.Engine;

/// <summary>
/// Finds the node written at a source position and describes it by its path (<c>functions.worker.timeout</c>).
/// One locator serves many lookups: for a mapping or sequence with many children (a service's <c>functions</c>) it
/// remembers once whether the children are written in source order, and then finds the child by binary search instead
/// of scanning every entry for every finding (which made a run with a finding per function quadratic).
/// </summary>
internal sealed class NodeLocator
{
    // Below this many child spans a scan is as fast as a search and needs no memory.
    private const int ScanLimit = 32;

    // Per large container: whether its child spans (key, value, key, value… or items) are in source order.
    private readonly Dictionary<Node, bool> _ordered = new(ReferenceEqualityComparer.Instance);

    private readonly StringBuilder _path = new();

    /// <summary>
    /// The structural path of the deepest node (or mapping key) whose span contains <paramref name="position"/>,
    /// e.g. <c>functions.worker.events[0].sqs</c>; null when no node contains it.
    /// </summary>
    public string? PathAt(Node? root, SourcePosition position) => PathAt(root, position, string.Empty);

    /// <summary>The path as <see cref="PathAt(Node?, SourcePosition)"/> finds it, after <paramref name="prefix"/> (one
    /// string for both, where a caller would join them); null when no node contains the position.</summary>
    public string? PathAt(Node? root, SourcePosition position, string prefix)
    {
        if (root is null || !Contains(root.Span, position))
        {
            return null;
        }

        // One builder for every lookup of this locator.
        var path = _path.Clear().Append(prefix);
        var start = prefix.Length;
        var node = root;
        while (true)
        {
            Node? next = null;
            switch (node)
            {
                case MappingNode m:
                    var child = FirstContaining(m, new MappingSpans(m), position);
                    if (child >= 0)
                    {
                        var entry = m.Entries[child / 2];
                        Append(path, start, entry.Key.Text);
                        if (child % 2 == 0)
                        {
                            return path.ToString();
                        }

                        next = entry.Value;
                    }

                    break;
                case SequenceNode s:
                    var item = FirstContaining(s, new SequenceSpans(s), position);
                    if (item >= 0)
                    {
                        path.Append(CultureInfo.InvariantCulture, $"[{item}]");
                        next = s.Items[item];
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

    /// <summary>The index of the first of the container's child spans that contains the position, or -1.</summary>
    private int FirstContaining<TSpans>(Node container, TSpans spans, SourcePosition position)
        where TSpans : struct, IChildSpans
    {
        var count = spans.Count;
        if (count <= ScanLimit || !IsOrdered(container, spans))
        {
            for (var k = 0; k < count; k++)
            {
                if (Contains(spans.At(k), position))
                {
                    return k;
                }
            }

            return -1;
        }

        // The spans are ordered (each ends where or before the next starts), so "ends after the position, or is empty
        // at or after it" is false up to some child and true from it on; that child is the only candidate.
        var lo = 0;
        var hi = count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var s = spans.At(mid);
            var atOrAfter = s.Start.Offset == s.End.Offset ? s.Start.Offset >= position.Offset : s.End.Offset > position.Offset;
            if (atOrAfter)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo < count && Contains(spans.At(lo), position) ? lo : -1;
    }

    private bool IsOrdered<TSpans>(Node container, TSpans spans)
        where TSpans : struct, IChildSpans
    {
        var count = spans.Count;
        if (!_ordered.TryGetValue(container, out var ordered))
        {
            var previous = spans.At(0);
            ordered = previous.Start.Offset <= previous.End.Offset;
            for (var k = 1; k < count && ordered; k++)
            {
                var current = spans.At(k);
                ordered = previous.End.Offset <= current.Start.Offset && current.Start.Offset <= current.End.Offset;
                previous = current;
            }

            _ordered[container] = ordered;
        }

        return ordered;
    }

    private static void Append(StringBuilder path, int start, string key)
    {
        if (path.Length > start)
        {
            path.Append('.');
        }

        path.Append(key.Contains('.', StringComparison.Ordinal) ? "[\"" + key + "\"]" : key);
    }

    private static bool Contains(SourceSpan span, SourcePosition p) =>
        span.Start.Offset == span.End.Offset
            ? p.Offset == span.Start.Offset
            : p.Offset >= span.Start.Offset && p.Offset < span.End.Offset;

    /// <summary>A container's child spans by index, without a closure per lookup.</summary>
    private interface IChildSpans
    {
        int Count { get; }

        SourceSpan At(int k);
    }

    /// <summary>Key, value, key, value… of a mapping.</summary>
    private readonly struct MappingSpans(MappingNode mapping) : IChildSpans
    {
        public int Count => mapping.Entries.Count * 2;

        public SourceSpan At(int k) => k % 2 == 0 ? mapping.Entries[k / 2].Key.Span : mapping.Entries[k / 2].Value.Span;
    }

    private readonly struct SequenceSpans(SequenceNode sequence) : IChildSpans
    {
        public int Count => sequence.Items.Count;

        public SourceSpan At(int k) => sequence.Items[k].Span;
    }
}
