using System.Text;
using Spec.Core.Diagnostics;

namespace Spec.Rules.Output;

/// <summary>
/// Text generated from rule metadata: the <c>spec rules</c> table (markdown or JSON), <c>spec explain ID</c>, the
/// SARIF help markdown, and the rule reference page that <see cref="DiagnosticDescriptor.HelpUri"/> points into.
/// </summary>
public static class RuleDocsWriter
{
    /// <summary><c>spec rules --format markdown</c>: one row per rule.</summary>
    public static string RulesTableMarkdown(IEnumerable<DiagnosticDescriptor> rules)
    {
        var text = new StringBuilder();
        text.Append("| ID | Severity | Category | Title | Tags |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            text.Append("| ").Append(rule.Id)
                .Append(" | ").Append(SeverityName(rule))
                .Append(" | ").Append(Cell(rule.Category))
                .Append(" | ").Append(Cell(rule.Title))
                .Append(" | ").Append(Cell(string.Join(", ", rule.Tags)))
                .Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary><c>spec rules --format json</c>: the full metadata of every rule.</summary>
    public static string RulesJson(IEnumerable<DiagnosticDescriptor> rules) => JsonOutput.Write(w =>
    {
        w.WriteStartArray();
        foreach (var rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("title", rule.Title);
            w.WriteString("severity", SeverityName(rule));
            w.WriteString("category", rule.Category);
            w.WriteString("description", rule.Description);
            w.WriteString("rationale", rule.Rationale);
            w.WriteString("howToFix", rule.HowToFix);
            w.WriteString("helpUri", rule.HelpUri.ToString());
            WriteList(w, "tags", rule.Tags);
            WriteList(w, "anchors", rule.Anchors);
            w.WriteString("failingExample", rule.FailingExample);
            w.WriteString("passingExample", rule.PassingExample);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary><c>spec explain ID</c>: what, why, how to fix, a failing and a passing snippet, the anchors.</summary>
    public static string Explain(DiagnosticDescriptor rule)
    {
        var text = new StringBuilder();
        text.Append(rule.Id).Append(": ").Append(rule.Title).Append('\n');
        text.Append("severity: ").Append(SeverityName(rule)).Append("   category: ").Append(rule.Category);
        if (rule.Tags.Count > 0)
        {
            text.Append("   tags: ").Append(string.Join(", ", rule.Tags));
        }

        text.Append("\n\n");
        Section(text, "What it checks", rule.Description);
        Section(text, "Why it matters", rule.Rationale);
        Section(text, "How to fix", rule.HowToFix);
        if (rule.FailingExample.Length > 0)
        {
            text.Append("Fails:\n").Append(Indent(rule.FailingExample)).Append('\n');
        }

        if (rule.PassingExample.Length > 0)
        {
            text.Append("Passes:\n").Append(Indent(rule.PassingExample)).Append('\n');
        }

        if (rule.Anchors.Count > 0)
        {
            text.Append("Similar rules in other tools: ").Append(string.Join("; ", rule.Anchors)).Append("\n\n");
        }

        if (rule.Suppressible)
        {
            text.Append("Suppress one finding with a comment on its line or the line above:\n")
                .Append("  # spec-ignore ").Append(rule.Id).Append(" <why it does not apply>\n\n");
        }

        text.Append("More: ").Append(rule.HelpUri).Append('\n');
        return text.ToString();
    }

    /// <summary>The help shown by SARIF viewers (GitHub code scanning renders <c>help.markdown</c>).</summary>
    public static string HelpMarkdown(DiagnosticDescriptor rule)
    {
        var text = new StringBuilder();
        text.Append(rule.Description).Append("\n\n");
        text.Append("**Why it matters.** ").Append(rule.Rationale).Append("\n\n");
        text.Append("**How to fix.** ").Append(rule.HowToFix).Append('\n');
        if (rule.FailingExample.Length > 0)
        {
            text.Append("\nFails:\n\n```yaml\n").Append(rule.FailingExample.TrimEnd()).Append("\n```\n");
        }

        if (rule.PassingExample.Length > 0)
        {
            text.Append("\nPasses:\n\n```yaml\n").Append(rule.PassingExample.TrimEnd()).Append("\n```\n");
        }

        if (rule.Anchors.Count > 0)
        {
            text.Append("\nSimilar rules: ").Append(string.Join("; ", rule.Anchors)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The rule reference page (<see cref="RuleDocs.ReferencePage"/>): a section per diagnostic id (the rules, the stage
    /// and engine ids, the backends' ids), anchored by id.
    /// </summary>
    public static string ReferencePage(IEnumerable<DiagnosticDescriptor> rules)
    {
        var sorted = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("# Spec rules\n\n")
            .Append("Generated from the diagnostic descriptors (`spec rules --all`); do not edit by hand.\n\n")
            .Append("How many deploy-time mistakes these rules catch is measured on `tests/corpus/planted-bugs` (services with bugs planted from AWS's API references ")
            .Append("and quotas, and clean services): the recall and false alarms are in the README (\"Planted bugs\") and `docs/validations.md`.\n\n")
            .Append(RulesTableMarkdown(sorted));
        foreach (var rule in sorted)
        {
            text.Append("\n<a id=\"").Append(rule.HelpAnchor ?? rule.Id.ToLowerInvariant()).Append("\"></a>\n")
                .Append("## ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n")
                .Append("Severity: ").Append(SeverityName(rule)).Append(". Category: ").Append(rule.Category).Append(".\n\n")
                .Append(HelpMarkdown(rule));
        }

        return text.ToString();
    }

    private static string SeverityName(DiagnosticDescriptor rule) => ParseableFormatter.SeverityName(rule.DefaultSeverity);

    private static void Section(StringBuilder text, string title, string body) =>
        text.Append(title).Append(":\n").Append(Indent(body)).Append('\n');

    private static string Indent(string body) =>
        string.Concat(body.TrimEnd().Split('\n').Select(line => (line.Length == 0 ? string.Empty : "  " + line.TrimEnd('\r')) + "\n"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static void WriteList(System.Text.Json.Utf8JsonWriter w, string name, IReadOnlyList<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }
}
