using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using static Spec.Tests.Rules.Engine.EngineHarness;

namespace Spec.Tests.Rules.Engine;

public class RuleEngineTests
{
    private const string Spec = """
        service: demo
        functions:
          worker:
            timeout: 1000
            queue: jobs
          api:
            timeout: 20
        """;

    [Fact]
    public void Findings_carry_the_rule_id_severity_location_and_help_uri()
    {
        var result = RuleEngine.Run(Input(Spec), Options(new TestRules.TimeoutTooLarge(), new TestRules.QueueWithoutDlq()));
        Assert.Equal(["SLS-TEST-001@4:14", "SLS-TEST-002@5:5"], result.Diagnostics.Select(Where));
        var timeout = result.Diagnostics[0];
        Assert.Equal(Severity.Error, timeout.Severity);
        Assert.Equal("timeout 1000 is above 900 seconds", timeout.Message);
        Assert.Equal("Change the value.", timeout.Help);
        Assert.EndsWith("#sls-test-001", timeout.HelpUri!.ToString(), StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, result.Diagnostics[1].Severity);
    }

    [Fact]
    public void A_throwing_rule_becomes_one_internal_diagnostic_and_the_others_still_run()
    {
        var result = RuleEngine.Run(Input(Spec), Options(new TestRules.Throwing(), new TestRules.TimeoutTooLarge()));
        var internalError = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.Internal);
        Assert.Contains("SLS-TEST-003", internalError.Message, StringComparison.Ordinal);
        Assert.Contains("(InvalidOperationException)", internalError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("boom", internalError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", internalError.Message, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Id == "SLS-TEST-001");
    }

    [Fact]
    public void Results_are_sorted_by_file_line_column_id_and_message_whatever_the_rule_order()
    {
        var input = Input(("b.yml", "x:\n  timeout: 901\n  queue: q\n"), ("a.yml", "queue: q\ntimeout: 1000\n"));
        var forward = RuleEngine.Run(input, Options(new TestRules.TimeoutTooLarge(), new TestRules.QueueWithoutDlq()));
        var backward = RuleEngine.Run(input, Options(new TestRules.QueueWithoutDlq(), new TestRules.TimeoutTooLarge()));
        Assert.Equal(forward.Findings.Select(f => (f.Diagnostic.ToString(), f.Fingerprint)),
            backward.Findings.Select(f => (f.Diagnostic.ToString(), f.Fingerprint)));
        Assert.Equal(
            ["a.yml:SLS-TEST-002@1:1", "a.yml:SLS-TEST-001@2:10", "b.yml:SLS-TEST-001@2:12", "b.yml:SLS-TEST-002@3:3"],
            forward.Diagnostics.Select(d => d.Span!.File + ":" + Where(d)));
    }

    [Fact]
    public void Stage_diagnostics_go_through_the_same_pipeline()
    {
        var input = Input("a: 1\na: 2\n");
        var result = RuleEngine.Run(input, Options());
        Assert.Equal(DiagnosticIds.Parse, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Fingerprints_ignore_line_numbers_but_distinguish_places()
    {
        var rules = Options(new TestRules.TimeoutTooLarge());
        var before = RuleEngine.Run(Input("a:\n  timeout: 1000\nb:\n  timeout: 1000\n"), rules);
        var after = RuleEngine.Run(Input("# a new comment\nz: 1\n\na:\n  timeout: 1000\nb:\n  timeout: 1000\n"), rules);
        Assert.Equal(2, before.Findings.Count);
        Assert.NotEqual(before.Findings[0].Fingerprint, before.Findings[1].Fingerprint);
        Assert.Equal(before.Findings.Select(f => f.Fingerprint), after.Findings.Select(f => f.Fingerprint));
        Assert.NotEqual(before.Findings[0].Diagnostic.Span!.Line, after.Findings[0].Diagnostic.Span!.Line);
    }

    [Fact]
    public void Rule_findings_reported_through_a_variable_point_at_the_origin_and_relate_the_use()
    {
        var input = Input("custom:\n  t: 1000\nfn:\n  timeout: 1\n");
        var used = (Spec.Core.Syntax.ScalarNode)((Spec.Core.Syntax.MappingNode)((Spec.Core.Syntax.MappingNode)input.Documents[0].Root!)["fn"]!)["timeout"]!;
        var written = (Spec.Core.Syntax.ScalarNode)((Spec.Core.Syntax.MappingNode)((Spec.Core.Syntax.MappingNode)input.Documents[0].Root!)["custom"]!)["t"]!;
        var resolved = used with { Text = "1000", Origin = written.Span, Expression = "${self:custom.t}" };
        var context = new RuleContext(TestRules.Metadata("SLS-TEST-001"), input);
        var d = context.Report(resolved, "too large");
        Assert.Equal(2, d.Span!.Line);
        Assert.Equal(6, d.Span.Column);
        var related = Assert.Single(d.Related);
        Assert.Equal(4, related.Span.Line);
    }

    [Fact]
    public void Without_a_bound_model_no_rule_runs_and_stage_diagnostics_are_still_reported()
    {
        var input = Input("a: [\n");
        Assert.Null(input.Service);
        var result = RuleEngine.Run(input, Options(new TestRules.Throwing()));
        Assert.Equal([DiagnosticIds.Parse], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Shared_values_are_computed_once_per_input()
    {
        var input = Input(Spec);
        var calls = 0;
        var first = new RuleContext(TestRules.Metadata("SLS-TEST-001"), input).Shared(s => { calls++; return new List<string> { s.Name.Value }; });
        var second = new RuleContext(TestRules.Metadata("SLS-TEST-002"), input).Shared(s => { calls++; return new List<string>(); });
        Assert.Same(first, second);
        Assert.Equal(1, calls);
        Assert.NotSame(first, new RuleContext(TestRules.Metadata("SLS-TEST-001"), Input(Spec)).Shared(s => new List<string>()));
    }
}
