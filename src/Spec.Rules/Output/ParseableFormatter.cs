using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Rules.Output;

/// <summary>
/// One line per unsuppressed finding, for editors and grep: <c>file:line:col:endLine:endCol: [severity] ID message</c>
/// (cfn-lint's <c>parseable</c> layout with the severity spelled out).
/// </summary>
public sealed class ParseableFormatter : IReportFormatter
{
    public string Name => "parseable";

    public string Format(ReportInput input)
    {
        var text = new StringBuilder();
        foreach (var finding in input.Findings.Where(f => !f.IsSuppressed))
        {
            var d = finding.Diagnostic;
            var where = d.Span is { } s
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{input.PathOf(s.File)}:{s.Start.Line}:{s.Start.Column}:{s.End.Line}:{s.End.Column}")
                : "-:0:0:0:0";
            text.Append(where).Append(": [").Append(SeverityName(d.Severity)).Append("] ")
                .Append(d.Id).Append(' ').Append(OneLine(d.Message)).Append('\n');
        }

        return text.ToString();
    }

    internal static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    internal static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
