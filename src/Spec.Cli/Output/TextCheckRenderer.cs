using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Cli.Output;

/// <summary>
/// Diagnostics the way rustc shows them:
/// <code>
/// error[SLS-GEN-002]: unknown key `timout` in function `hello`
///   --> serverless.yml:12:5
///    |
/// 12 |     timout: 30
///    |     ^^^^^^
///    |
///    = help: did you mean `timeout`?
/// </code>
/// </summary>
internal sealed class TextCheckRenderer(bool useColor) : ICheckRenderer
{
    private readonly Ansi _ansi = new(useColor);

    public void Render(CheckReport report, TextWriter output)
    {
        // In blocks: standard error writes through at every call, and a finding is a few dozen pieces, so the warnings
        // of a 10,000-function compile were hundreds of thousands of system calls.
        using var blocks = new BlockWriter(output) { NewLine = output.NewLine };
        foreach (var diagnostic in report.Diagnostics)
        {
            RenderDiagnostic(report, diagnostic, blocks);
            blocks.WriteLine();
        }

        blocks.WriteLine(Summary(report));
    }

    /// <summary>Writes a diagnostic that has no checked file behind it (an internal error).</summary>
    public void RenderInternal(Diagnostic diagnostic, TextWriter output) =>
        RenderDiagnostic(new CheckReport([]), diagnostic, output);

    private void RenderDiagnostic(CheckReport report, Diagnostic d, TextWriter output)
    {
        int? widest = d.Span?.Start.Line;
        foreach (var related in d.Related)
        {
            widest = Math.Max(widest ?? int.MinValue, related.Span.Start.Line);
        }

        // Written piece by piece: a report of 10,000 findings would otherwise build each of its lines as a string first.
        var gutter = widest is { } line ? line.ToString(CultureInfo.InvariantCulture).Length : 1;
        output.Write(Label(d.Severity, d.Id));
        output.WriteLine(_ansi.Bold(": " + d.Message));
        if (d.Span is { } primary)
        {
            Location(primary, gutter, output);
            Snippet(report.Source(primary.File), primary, '^', null, d.Severity, gutter, output);
        }

        if (d.Help is not null || d.Fix is not null || d.HelpUri is not null)
        {
            Bar(gutter, output);
            output.WriteLine();
            if (d.Help is { } help)
            {
                Note(gutter, "help: ", help, output);
            }

            if (d.Fix is { } fix)
            {
                Note(gutter, fix.IsUnsafe ? "fix (unsafe, --fix-unsafe applies it): " : "fix: ", fix.Title, output);
            }

            if (d.HelpUri is { } uri)
            {
                Note(gutter, "see: ", uri.ToString(), output);
            }
        }

        foreach (var related in d.Related)
        {
            output.Write(_ansi.BoldGreen("note"));
            output.Write(": ");
            output.WriteLine(related.Message);
            Location(related.Span, gutter, output);
            Snippet(report.Source(related.Span.File), related.Span, '-', related.Message, Severity.Info, gutter, output);
        }
    }

    /// <summary><c>  --> file:line:column</c></summary>
    private void Location(SourceSpan span, int gutter, TextWriter output)
    {
        Spaces(gutter, output);
        output.Write(_ansi.BoldBlue("-->"));
        output.Write(' ');
        output.WriteLine(span.ToString());
    }

    /// <summary><c>   = help: …</c></summary>
    private void Note(int gutter, string kind, string text, TextWriter output)
    {
        Spaces(gutter + 1, output);
        output.Write(_ansi.BoldBlue("="));
        output.Write(' ');
        output.Write(kind);
        output.WriteLine(text);
    }

    /// <summary>The gutter and its bar, <c>   |</c>, without the line's end.</summary>
    private void Bar(int gutter, TextWriter output)
    {
        Spaces(gutter + 1, output);
        output.Write(_ansi.BoldBlue("|"));
    }

    private void Snippet(SourceText? source, SourceSpan span, char marker, string? label, Severity severity,
        int gutter, TextWriter output)
    {
        if (source is null || span.Start.Line < 1 || span.Start.Line > source.LineCount)
        {
            return;
        }

        var text = source.Line(span.Start.Line);
        var startIndex = Math.Clamp(span.Start.Column - 1, 0, text.Length);
        var endIndex = span.End.Line == span.Start.Line && span.End.Column > span.Start.Column
            ? Math.Min(text.Length, span.End.Column - 1)
            : text.Length;
        var (shown, caretStart, caretWidth) = SourceLine.Display(text, startIndex, Math.Max(startIndex, endIndex));

        Bar(gutter, output);
        output.WriteLine();
        output.Write(_ansi.BoldBlue(span.Start.Line.ToString(CultureInfo.InvariantCulture).PadLeft(gutter)));
        output.Write(' ');
        output.Write(_ansi.BoldBlue("|"));
        output.Write(' ');
        output.WriteLine(shown);
        Bar(gutter, output);
        output.Write(' ');
        Spaces(caretStart, output);
        var carets = new string(marker, Math.Max(1, caretWidth));
        output.Write(marker == '^' ? Styled(severity, carets) : _ansi.BoldBlue(carets));
        // No line of the report ends in blanks, and a related message may.
        if (label.AsSpan().TrimEnd() is { IsEmpty: false } shownLabel)
        {
            output.Write(' ');
            output.Write(shownLabel);
        }

        output.WriteLine();
    }

    private static void Spaces(int count, TextWriter output)
    {
        for (var i = 0; i < count; i++)
        {
            output.Write(' ');
        }
    }

    private string Label(Severity severity, string id) => severity switch
    {
        Severity.Error => _ansi.BoldRed($"error[{id}]"),
        Severity.Warning => _ansi.BoldYellow($"warning[{id}]"),
        _ => _ansi.BoldCyan($"info[{id}]"),
    };

    private string Styled(Severity severity, string s) => severity switch
    {
        Severity.Error => _ansi.BoldRed(s),
        Severity.Warning => _ansi.BoldYellow(s),
        _ => _ansi.BoldCyan(s),
    };

    private string Summary(CheckReport report)
    {
        var errors = report.Count(Severity.Error);
        var warnings = report.Count(Severity.Warning);
        var infos = report.Count(Severity.Info);
        var files = report.Results.Count;
        var counts = new StringBuilder();
        counts.Append(Plural(errors, "error")).Append(", ").Append(Plural(warnings, "warning"));
        if (infos > 0)
        {
            counts.Append(", ").Append(Plural(infos, "info"));
        }

        var scope = files == 1 ? report.Results[0].ConfigPath : Plural(files, "file");
        return errors > 0
            ? $"{_ansi.BoldRed("failed")}: {scope}: {counts}"
            : $"{_ansi.BoldGreen("ok")}: {scope}: {counts}";
    }

    private static string Plural(int n, string word) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? string.Empty : "s");
}
