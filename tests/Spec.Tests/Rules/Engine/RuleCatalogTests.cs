using Spec.Core.Diagnostics;
using Spec.Rules.Engine;

namespace Spec.Tests.Rules.Engine;

public class RuleCatalogTests
{
    [Fact]
    public void Catalog_is_sorted_with_unique_well_formed_ids_and_complete_metadata()
    {
        var ids = RuleCatalog.All.Select(r => r.Metadata.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var rule in RuleCatalog.All)
        {
            var m = rule.Metadata;
            Assert.False(string.IsNullOrWhiteSpace(m.Title), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Description), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Rationale), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.HowToFix), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.FailingExample), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.PassingExample), m.Id);
            Assert.True(rule.GetType().IsSealed, m.Id + " must be sealed");
        }
    }

    [Fact]
    public void Validate_rejects_duplicate_and_malformed_ids()
    {
        var a = TestRules.Metadata("SLS-TEST-001");
        Assert.Throws<InvalidOperationException>(() =>
            RuleCatalog.Validate([new TestRules.Reporting(a), new TestRules.Reporting(a)]));
        Assert.Throws<InvalidOperationException>(() =>
            RuleCatalog.Validate([new TestRules.Reporting(TestRules.Metadata("sls test 1"))]));
        var sorted = RuleCatalog.Validate([
            new TestRules.Reporting(TestRules.Metadata("SLS-TEST-002")),
            new TestRules.Reporting(TestRules.Metadata("SLS-TEST-001"))]);
        Assert.Equal(["SLS-TEST-001", "SLS-TEST-002"], sorted.Select(r => r.Metadata.Id));
    }

    [Fact]
    public void Help_uri_uses_the_anchor_and_security_rules_get_a_security_severity()
    {
        var m = TestRules.Metadata("SLS-TEST-001") with { Tags = [RuleTags.Security], DefaultSeverity = Severity.Warning };
        Assert.EndsWith("#sls-test-001", m.HelpUri.ToString(), StringComparison.Ordinal);
        Assert.Equal("6.9", m.SecuritySeverity);
        Assert.Null(TestRules.Metadata("SLS-TEST-002").SecuritySeverity);
        Assert.EndsWith("#custom", (m with { HelpAnchor = "custom" }).HelpUri.ToString(), StringComparison.Ordinal);
    }
}
