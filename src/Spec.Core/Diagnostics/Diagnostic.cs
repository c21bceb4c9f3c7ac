namespace Spec.Core.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>Replace the text of <see cref="Span"/> (by offsets) with <see cref="NewText"/>.</summary>
public sealed record TextEdit(SourceSpan Span, string NewText);

/// <summary>A safe, mechanical fix: a title and the edits that make it.</summary>
public sealed record Fix(string Title, IReadOnlyList<TextEdit> Edits);

/// <summary>Another place that explains a finding, e.g. the function whose timeout a queue must exceed.</summary>
public sealed record RelatedLocation(SourceSpan Span, string Message);

/// <summary>
/// Everything Spec says about an input: parse errors, binding errors and rule findings alike.
/// Messages never contain values that came from <c>${env:…}</c> or <c>${file(…)}</c>.
/// </summary>
public sealed record Diagnostic(string Id, Severity Severity, string Message, SourceSpan? Span)
{
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    /// <summary>One line telling the user what to do about it (rendered as <c>help:</c>).</summary>
    public string? Help { get; init; }

    public Uri? HelpUri { get; init; }

    public Fix? Fix { get; init; }

    public override string ToString() =>
        $"{Span?.ToString() ?? "<unknown>"}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
