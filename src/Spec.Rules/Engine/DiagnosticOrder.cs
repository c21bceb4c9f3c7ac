using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>
/// The one order every output uses: file, line, column, id, message (ordinal); span-less diagnostics last
/// (the same order as the CLI's <c>Spec.Core.Pipeline.DiagnosticOrder</c>).
/// </summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        if ((x.Span is null) != (y.Span is null))
        {
            return x.Span is null ? 1 : -1;
        }

        var c = string.CompareOrdinal(x.Span?.File ?? string.Empty, y.Span?.File ?? string.Empty);
        if (c != 0)
        {
            return c;
        }

        c = (x.Span?.Start.Line ?? 0).CompareTo(y.Span?.Start.Line ?? 0);
        if (c != 0)
        {
            return c;
        }

        c = (x.Span?.Start.Column ?? 0).CompareTo(y.Span?.Start.Column ?? 0);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
