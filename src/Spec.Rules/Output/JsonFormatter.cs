using Spec.Core.Diagnostics;

namespace Spec.Rules.Output;

/// <summary>
/// Machine-readable findings, suppressed ones included (with their suppression), and a summary of counts:
/// <c>{ tool, summary: {errors, warnings, infos, suppressed}, configs: [{spec, config}], findings: [...] }</c>.
/// </summary>
public sealed class JsonFormatter : IReportFormatter
{
    public const int FormatVersion = 1;

    public string Name => "json";

    public string Format(ReportInput input) => ReportText.Of(this, input);

    public void Write(ReportInput input, TextWriter output) => JsonOutput.Write(output, (w, findingDone) =>
    {
        w.WriteStartObject();
        w.WriteNumber("version", FormatVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", ToolInfo.Name);
        w.WriteString("version", input.ToolVersion);
        w.WriteEndObject();

        var reported = input.Findings.Where(f => !f.IsSuppressed).Select(f => f.Diagnostic).ToList();
        w.WriteStartObject("summary");
        w.WriteNumber("errors", reported.Count(d => d.Severity == Severity.Error));
        w.WriteNumber("warnings", reported.Count(d => d.Severity == Severity.Warning));
        w.WriteNumber("infos", reported.Count(d => d.Severity == Severity.Info));
        w.WriteNumber("suppressed", input.Findings.Count(f => f.IsSuppressed));
        w.WriteEndObject();

        if (input.ConfigFiles.Count > 0)
        {
            // which project config silenced or re-levelled what: a config found above the repository is never used
            w.WriteStartArray("configs");
            foreach (var (spec, config) in input.ConfigFiles)
            {
                w.WriteStartObject();
                w.WriteString("spec", input.PathOf(spec));
                if (config is null)
                {
                    w.WriteNull("config");
                }
                else
                {
                    w.WriteString("config", input.PathOf(config));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("findings");
        foreach (var finding in input.Findings)
        {
            var d = finding.Diagnostic;
            w.WriteStartObject();
            w.WriteString("ruleId", d.Id);
            w.WriteString("severity", ParseableFormatter.SeverityName(d.Severity));
            w.WriteString("message", d.Message);
            if (d.Span is { } span)
            {
                JsonOutput.Span(w, span, input.PathOf);
            }

            if (d.Help is not null)
            {
                w.WriteString("help", d.Help);
            }

            if ((d.HelpUri ?? input.Rules.FirstOrDefault(r => r.Id == d.Id)?.HelpUri) is { } uri)
            {
                w.WriteString("helpUri", uri.ToString());
            }

            w.WriteString("fingerprint", finding.Fingerprint);
            if (d.Related.Count > 0)
            {
                w.WriteStartArray("related");
                foreach (var related in d.Related)
                {
                    w.WriteStartObject();
                    JsonOutput.Span(w, related.Span, input.PathOf);
                    w.WriteString("message", related.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (d.Fix is { } fix)
            {
                w.WriteStartObject("fix");
                w.WriteString("title", fix.Title);
                w.WriteString("kind", fix.Kind);
                w.WriteStartArray("edits");
                foreach (var edit in fix.Edits)
                {
                    w.WriteStartObject();
                    JsonOutput.Span(w, edit.Span, input.PathOf);
                    w.WriteString("text", edit.NewText);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (finding.Suppression is { } suppression)
            {
                w.WriteStartObject("suppression");
                w.WriteString("kind", suppression.Kind == Engine.SuppressionKind.InSource ? "inSource" : "external");
                w.WriteString("justification", suppression.Justification);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            findingDone();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
