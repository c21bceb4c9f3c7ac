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
        foreach (var diagnostic in report.Diagnostics)
        {
            RenderDiagnostic(report, diagnostic, output);
            output.WriteLine();
        }

        output.WriteLine(Summary(report));
    }

    /// <summary>Writes a diagnostic that has no checked file behind it (an internal error).</summary>
    public void RenderInternal(Diagnostic diagnostic, TextWriter output) =>
        RenderDiagnostic(new CheckReport([]), diagnostic, output);

    private void RenderDiagnostic(CheckReport report, Diagnostic d, TextWriter output)
    {
        var lines = new List<int>();
        if (d.Span is { } span)
        {
            lines.Add(span.Start.Line);
        }

        lines.AddRange(d.Related.Select(r => r.Span.Start.Line));
        var gutter = lines.Count == 0 ? 1 : lines.Max().ToString(CultureInfo.InvariantCulture).Length;
        var pad = new string(' ', gutter);

        output.WriteLine($"{Label(d.Severity, d.Id)}{_ansi.Bold($": {d.Message}")}");
        if (d.Span is { } primary)
        {
            output.WriteLine($"{pad}{_ansi.BoldBlue("-->")} {primary}");
            Snippet(report.Source(primary.File), primary, '^', null, d.Severity, pad, output);
        }

        var notes = new List<string>();
        if (d.Help is { } help)
        {
            notes.Add($"help: {help}");
        }

        if (d.Fix is { } fix)
        {
            notes.Add(fix.IsUnsafe ? $"fix (unsafe, --fix-unsafe applies it): {fix.Title}" : $"fix: {fix.Title}");
        }

        if (d.HelpUri is { } uri)
        {
            notes.Add($"see: {uri}");
        }

        if (notes.Count > 0)
        {
            output.WriteLine($"{pad} {_ansi.BoldBlue("|")}");
            foreach (var note in notes)
            {
                output.WriteLine($"{pad} {_ansi.BoldBlue("=")} {note}");
            }
        }

        foreach (var related in d.Related)
        {
            output.WriteLine($"{_ansi.BoldGreen("note")}: {related.Message}");
            output.WriteLine($"{pad}{_ansi.BoldBlue("-->")} {related.Span}");
            Snippet(report.Source(related.Span.File), related.Span, '-', related.Message, Severity.Info, pad, output);
        }
    }

    private void Snippet(SourceText? source, SourceSpan span, char marker, string? label, Severity severity,
        string pad, TextWriter output)
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

        var bar = _ansi.BoldBlue("|");
        var number = span.Start.Line.ToString(CultureInfo.InvariantCulture).PadLeft(pad.Length);
        output.WriteLine($"{pad} {bar}");
        output.WriteLine($"{_ansi.BoldBlue(number)} {bar} {shown}");
        var carets = new string(marker, Math.Max(1, caretWidth));
        var styled = marker == '^' ? Styled(severity, carets) : _ansi.BoldBlue(carets);
        output.WriteLine($"{pad} {bar} {new string(' ', caretStart)}{styled}{(label is null ? string.Empty : " " + label)}"
            .TrimEnd());
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
