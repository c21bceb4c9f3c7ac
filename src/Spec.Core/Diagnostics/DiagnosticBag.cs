namespace Spec.Core.Diagnostics;

/// <summary>Collects diagnostics from one pipeline run. Not thread-safe: one bag per spec.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public Diagnostic Error(string id, string message, SourceSpan? span, string? help = null)
    {
        var d = new Diagnostic(id, Severity.Error, message, span) { Help = help };
        _items.Add(d);
        return d;
    }

    public Diagnostic Warning(string id, string message, SourceSpan? span, string? help = null)
    {
        var d = new Diagnostic(id, Severity.Warning, message, span) { Help = help };
        _items.Add(d);
        return d;
    }

    public Diagnostic Info(string id, string message, SourceSpan? span, string? help = null)
    {
        var d = new Diagnostic(id, Severity.Info, message, span) { Help = help };
        _items.Add(d);
        return d;
    }
}
