using Spec.Core.Diagnostics;

namespace Spec.Core.Pipeline;

/// <summary>The one order diagnostics are reported in: file, line, column, id (ordinal), then message.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static DiagnosticOrder Instance { get; } = new();

    private DiagnosticOrder()
    {
    }

    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Order(Instance)];

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        // Diagnostics without a location (none are expected, but a rule may forget) go last.
        var bySpan = (x.Span, y.Span) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (a, b) => CompareSpans(a!, b!),
        };
        if (bySpan != 0)
        {
            return bySpan;
        }

        var byId = string.CompareOrdinal(x.Id, y.Id);
        return byId != 0 ? byId : string.CompareOrdinal(x.Message, y.Message);
    }

    private static int CompareSpans(SourceSpan a, SourceSpan b)
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c != 0)
        {
            return c;
        }

        c = a.Start.Line.CompareTo(b.Start.Line);
        return c != 0 ? c : a.Start.Column.CompareTo(b.Start.Column);
    }
}
