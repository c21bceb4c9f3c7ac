using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Rules.Engine;

/// <summary>
/// What a rule sees while it runs: the spec, the as-of date, the data tables, and <c>Report</c> helpers that turn a
/// finding into a <see cref="Diagnostic"/> carrying the rule's id, default severity and help URI.
/// One context per rule per spec; not thread-safe.
/// </summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> _findings = [];
    private Uri? _helpUri;

    public RuleContext(RuleMetadata rule, RuleInput input)
    {
        Rule = rule;
        Input = input;
    }

    /// <summary>The metadata of the rule being run.</summary>
    public RuleMetadata Rule { get; }

    public RuleInput Input { get; }

    /// <summary>The bound spec (rules only run when there is one).</summary>
    public Service Service => Input.Service
        ?? throw new InvalidOperationException("rules run only on a bound spec; RuleInput.Service is null");

    public DateOnly AsOf => Input.AsOf;

    /// <summary>
    /// Computes a value from the spec once per run, shared by all rules asking for the same type:
    /// <c>var resources = context.Shared(static s => new ResourceIndex(s));</c>
    /// </summary>
    public T Shared<T>(Func<Service, T> factory)
        where T : class => Input.Shared(factory);

    public RuntimeLifecycle Runtimes => Input.Data.Runtimes;

    public LimitTable Limits => Input.Data.Limits;

    /// <summary>What the rule reported so far, in report order.</summary>
    public IReadOnlyList<Diagnostic> Findings => _findings;

    /// <summary>Reports a finding at <paramref name="span"/> (where the user has to edit).</summary>
    /// <param name="severity">Overrides the rule's default severity for this finding (rules with an E/W split).</param>
    public Diagnostic Report(
        SourceSpan? span,
        string message,
        Fix? fix = null,
        IEnumerable<RelatedLocation>? related = null,
        Severity? severity = null)
    {
        var diagnostic = new Diagnostic(Rule.Id, severity ?? Rule.DefaultSeverity, message, span)
        {
            Related = related is null ? [] : [.. related],
            Help = Rule.HowToFix,
            // One instance for all of the rule's findings (the metadata makes a new one on each call).
            HelpUri = _helpUri ??= Rule.HelpUri,
            Fix = fix is null ? null : fix with { IsUnsafe = Rule.FixIsUnsafe },
        };
        _findings.Add(diagnostic);
        return diagnostic;
    }

    /// <summary>
    /// Reports a finding on a value where the user edits it (<see cref="Node.EditSpan"/>): a value that came whole
    /// from one variable at the variable's definition, with the place it is used as a related location; a value
    /// assembled from text and variables at the key that assembles it, with each variable's definition (or its use,
    /// for a value the spec does not hold or must not show) as a related location. Never put <c>node.Text</c> of a
    /// sensitive node in <paramref name="message"/>: use <see cref="Node.Display"/>.
    /// </summary>
    public Diagnostic Report(
        Node node,
        string message,
        Fix? fix = null,
        IEnumerable<RelatedLocation>? related = null,
        Severity? severity = null)
    {
        var all = Provenance.RelatedOf(node);
        if (related is not null)
        {
            all.AddRange(related);
        }

        return Report(node.EditSpan, message, fix, all.Count == 0 ? null : all, severity);
    }

    /// <summary>A fix replacing a value where it was written, keeping its quoting style.</summary>
    public Fix ReplaceValue(string title, Node node, string newValue)
    {
        var span = node.EditSpan;
        var text = Input.Document(span.File)?.Source.Text;
        var written = text is not null && span.End.Offset <= text.Length && span.Start.Offset < span.End.Offset
            ? text[span.Start.Offset..span.End.Offset]
            : string.Empty;
        var replacement = written.Length >= 2 && written[0] is '\'' or '"' && written[^1] == written[0]
            ? written[0] + (written[0] == '\'' ? newValue.Replace("'", "''", StringComparison.Ordinal) : newValue) + written[0]
            : newValue;
        return new Fix(title, [new TextEdit(span, replacement)]);
    }

    /// <summary>
    /// A fix adding <c>key: value</c> as the last entry of a block mapping, at the indentation of its entries.
    /// Returns null when the mapping cannot be edited safely (flow style, empty, or written through a variable).
    /// </summary>
    public Fix? AddEntry(string title, MappingNode mapping, string key, string value)
    {
        if (mapping.Entries.Count == 0 || mapping.Origin is not null)
        {
            return null;
        }

        var file = mapping.Entries[0].Key.Span.File;
        var source = Input.Document(file)?.Source;
        if (source is null || SourceEdits.IsFlow(source, mapping))
        {
            return null;
        }

        var indent = new string(' ', mapping.Entries[^1].Key.Span.Column - 1);
        var lastLine = SourceEdits.LastLine(mapping.Entries[^1], source);
        var lineEnd = source.Offset(lastLine, 1) + source.Line(lastLine).Length;
        var newline = source.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var insertion = newline + indent + key + ": " + value;
        var at = new SourcePosition(lastLine, source.Line(lastLine).Length + 1, lineEnd);
        return new Fix(title, [new TextEdit(new SourceSpan(file, at, at), insertion)]);
    }
}
