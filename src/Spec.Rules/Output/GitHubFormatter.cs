using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Rules.Output;

/// <summary>
/// GitHub Actions workflow commands, which annotate the pull request diff:
/// <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ID::message</c> (info findings are notices).
/// Data is escaped (<c>%</c>, CR, LF) and so are property values (also <c>:</c> and <c>,</c>), as the runner expects.
/// </summary>
public sealed class GitHubFormatter : IReportFormatter
{
    public string Name => "github";

    public string Format(ReportInput input)
    {
        var text = new StringBuilder();
        foreach (var finding in input.Findings.Where(f => !f.IsSuppressed))
        {
            var d = finding.Diagnostic;
            text.Append("::").Append(Command(d.Severity)).Append(' ');
            if (d.Span is { } s)
            {
                text.Append("file=").Append(EscapeProperty(input.PathOf(s.File)))
                    .Append(CultureInfo.InvariantCulture, $",line={s.Start.Line},col={s.Start.Column},endLine={s.End.Line},endColumn={s.End.Column},");
            }

            text.Append("title=").Append(EscapeProperty(d.Id))
                .Append("::").Append(EscapeData(d.Help is null ? d.Message : d.Message + "\n" + "help: " + d.Help))
                .Append('\n');
        }

        return text.ToString();
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
