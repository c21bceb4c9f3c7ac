namespace Spec.Core.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>Replace the text of <see cref="Span"/> (by offsets) with <see cref="NewText"/>.</summary>
public sealed record TextEdit(SourceSpan Span, string NewText);

/// <summary>A mechanical fix: a title and the edits that make it.</summary>
public sealed record Fix(string Title, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>
    /// True when applying the fix may change what the code does (a runtime's major version, a new handler
    /// convention): <c>--fix</c> leaves it, <c>--fix-unsafe</c> applies it. Set from
    /// <see cref="DiagnosticDescriptor.FixIsUnsafe"/> of the rule that offers it.
    /// </summary>
    public bool IsUnsafe { get; init; }

    /// <summary>"safe" or "unsafe", as reports say it.</summary>
    public string Kind => IsUnsafe ? "unsafe" : "safe";
}

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
