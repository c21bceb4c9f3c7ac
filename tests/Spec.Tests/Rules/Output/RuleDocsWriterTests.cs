using System.Text.Json;
using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.Output;
using Spec.Tests.Rules.Engine;

namespace Spec.Tests.Rules.Output;

public class RuleDocsWriterTests
{
    private static readonly RuleMetadata Rule = TestRules.Metadata("SLS-TEST-001") with
    {
        Title = "Timeout | too large",
        Tags = [RuleTags.Security],
        Anchors = ["cfn-lint E3505", "checkov CKV_AWS_1"],
    };

    [Fact]
    public void Rules_table_has_a_row_per_rule_sorted_and_escaped()
    {
        var table = RuleDocsWriter.RulesTableMarkdown([TestRules.Metadata("SLS-TEST-002"), Rule]);
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("| ID | Severity | Category | Title | Tags |", lines[0]);
        Assert.Equal(@"| SLS-TEST-001 | warning | Test | Timeout \| too large | security |", lines[2]);
        Assert.StartsWith("| SLS-TEST-002 |", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_json_carries_the_full_metadata()
    {
        using var json = JsonDocument.Parse(RuleDocsWriter.RulesJson([Rule]));
        var rule = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("SLS-TEST-001", rule.GetProperty("id").GetString());
        Assert.Equal("warning", rule.GetProperty("severity").GetString());
        Assert.Equal(["cfn-lint E3505", "checkov CKV_AWS_1"], rule.GetProperty("anchors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("timeout: 1000", rule.GetProperty("failingExample").GetString());
    }

    [Fact]
    public void Explain_says_what_why_how_and_shows_both_snippets_and_the_anchors()
    {
        var text = RuleDocsWriter.Explain(Rule);
        Assert.StartsWith("SLS-TEST-001: Timeout | too large\nseverity: warning", text, StringComparison.Ordinal);
        Assert.Contains("What it checks:\n  A rule used by the engine tests.", text, StringComparison.Ordinal);
        Assert.Contains("Why it matters:\n  Exercises the engine.", text, StringComparison.Ordinal);
        Assert.Contains("How to fix:\n  Change the value.", text, StringComparison.Ordinal);
        Assert.Contains("Fails:\n  timeout: 1000", text, StringComparison.Ordinal);
        Assert.Contains("Passes:\n  timeout: 10", text, StringComparison.Ordinal);
        Assert.Contains("cfn-lint E3505; checkov CKV_AWS_1", text, StringComparison.Ordinal);
        Assert.Contains("# spec-ignore SLS-TEST-001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_page_anchors_every_rule_where_its_help_uri_points()
    {
        var page = RuleDocsWriter.ReferencePage(RuleCatalog.Descriptors([new TestRules.TimeoutTooLarge()]));
        foreach (var rule in RuleCatalog.Descriptors([new TestRules.TimeoutTooLarge()]))
        {
            Assert.Contains($"<a id=\"{rule.HelpUri.Fragment.TrimStart('#')}\"></a>", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_id_spec_can_report_is_described()
    {
        Assert.NotNull(RuleCatalog.Describe("spec-internal"));
        Assert.NotNull(RuleCatalog.Describe("SLS-GEN-001"));
        Assert.NotNull(RuleCatalog.Describe("SPEC-SUPPRESS-001"));
        Assert.Null(RuleCatalog.Describe("SLS-NOPE-001"));
    }
}
