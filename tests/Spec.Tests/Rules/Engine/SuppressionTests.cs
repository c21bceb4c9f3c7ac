using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.Suppression;
using static Spec.Tests.Rules.Engine.EngineHarness;

namespace Spec.Tests.Rules.Engine;

public class SuppressionTests
{
    private static RuleRunResult Run(string yaml, RuleRunOptions? options = null) =>
        RuleEngine.Run(Input(yaml), options ?? Options(new TestRules.TimeoutTooLarge(), new TestRules.QueueWithoutDlq()));

    [Fact]
    public void Inline_comment_on_the_line_suppresses_that_node()
    {
        var result = Run("a:\n  timeout: 1000 # spec-ignore SLS-TEST-001 batch job, limit raised by AWS\nb:\n  timeout: 1000\n");
        Assert.Equal(["SLS-TEST-001@4:12"], result.Diagnostics.Select(Where));
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal(2, suppressed.Diagnostic.Span!.Line);
        Assert.Equal(new Suppression(SuppressionKind.InSource, "batch job, limit raised by AWS"), suppressed.Suppression);
    }

    [Fact]
    public void Comment_on_the_line_above_covers_the_node_and_its_children_only()
    {
        const string yaml = """
            functions:
              # spec-ignore SLS-TEST-001, SLS-TEST-002 legacy worker, replaced in Q3
              worker:
                timeout: 1000
                queue: jobs
              api:
                timeout: 1000
            """;
        var result = Run(yaml);
        Assert.Equal(["SLS-TEST-001@7:14"], result.Diagnostics.Select(Where));
        Assert.Equal(["SLS-TEST-001@4:14", "SLS-TEST-002@5:5"], result.Suppressed.Select(f => Where(f.Diagnostic)));
    }

    [Fact]
    public void Comment_above_a_sequence_item_covers_the_whole_item()
    {
        const string yaml = """
            items:
              # spec-ignore SLS-TEST-001 known
              - name: a
                timeout: 1000
              - name: b
                timeout: 1000
            """;
        Assert.Equal(["SLS-TEST-001@6:14"], Run(yaml).Diagnostics.Select(Where));
    }

    [Fact]
    public void A_suppression_without_a_reason_still_suppresses_but_is_itself_a_warning()
    {
        var result = Run("a:\n  timeout: 1000 # spec-ignore SLS-TEST-001\n");
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(InlineSuppressions.MissingReasonId, warning.Id);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(2, warning.Span!.Line);
        Assert.Single(result.Suppressed);
    }

    [Fact]
    public void Unused_and_unknown_suppressions_are_reported()
    {
        var result = Run("a:\n  timeout: 10 # spec-ignore SLS-TEST-001 was slow once\nb: 1 # spec-ignore SLS-NOPE-001 why\n");
        Assert.Equal(
            ["SPEC-SUPPRESS-002@2:15", "SPEC-SUPPRESS-002@3:6"],
            result.Diagnostics.Select(Where));
        Assert.Contains("unknown rule 'SLS-NOPE-001'", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_inline_suppressions_reports_everything()
    {
        const string yaml = "a:\n  timeout: 1000 # spec-ignore SLS-TEST-001 batch job\n";
        var options = Options(new TestRules.TimeoutTooLarge()) with { InlineSuppressions = false };
        Assert.Equal(["SLS-TEST-001@2:12"], Run(yaml, options).Diagnostics.Select(Where));
        var byConfig = Options(new TestRules.TimeoutTooLarge()) with
        {
            Config = SpecConfig.Empty with { InlineSuppressions = false },
        };
        Assert.Equal(["SLS-TEST-001@2:12"], Run(yaml, byConfig).Diagnostics.Select(Where));
    }

    [Fact]
    public void Config_levels_change_severity_or_turn_rules_off()
    {
        var config = SpecConfigLoader.Parse(".spec.yml", "rules:\n  SLS-TEST-001: info\n  sls-test-002: off\n",
            ["SLS-TEST-001", "SLS-TEST-002"]);
        Assert.Empty(config.Diagnostics);
        var result = Run("a:\n  timeout: 1000\n  queue: q\n",
            Options(new TestRules.TimeoutTooLarge(), new TestRules.QueueWithoutDlq()) with { Config = config });
        var only = Assert.Single(result.Diagnostics);
        Assert.Equal(("SLS-TEST-001", Severity.Info), (only.Id, only.Severity));
    }

    [Fact]
    public void Config_ignores_match_rule_globs_files_and_structural_paths()
    {
        var dir = Directory.GetCurrentDirectory();
        var config = SpecConfigLoader.Parse(Path.Combine(dir, ".spec.yml"), """
            ignore:
              - rule: SLS-TEST-*
                files: legacy/**
                reason: legacy service, retired next quarter
              - rules: [SLS-TEST-001]
                path: functions.batch.**
                reason: batch jobs run long
            """, ["SLS-TEST-001", "SLS-TEST-002"]);
        Assert.Empty(config.Diagnostics);
        var options = Options(new TestRules.TimeoutTooLarge()) with { Config = config };
        var input = Input(
            (Path.Combine(dir, "legacy", "svc", "serverless.yml"), "timeout: 1000\n"),
            (Path.Combine(dir, "serverless.yml"), "functions:\n  batch:\n    timeout: 1000\n  api:\n    timeout: 1000\n"));
        var result = RuleEngine.Run(input, options);
        Assert.Equal(["SLS-TEST-001@5:14"], result.Diagnostics.Select(Where));
        Assert.Equal(
            ["legacy service, retired next quarter", "batch jobs run long"],
            result.Suppressed.OrderBy(f => f.Diagnostic.Span!.File.Length).Select(f => f.Suppression!.Justification).Reverse());
        Assert.All(result.Suppressed, f => Assert.Equal(SuppressionKind.External, f.Suppression!.Kind));
    }

    [Fact]
    public void Config_problems_are_diagnostics_with_locations()
    {
        var config = SpecConfigLoader.Parse(".spec.yml", """
            rules:
              SLS-TEST-01: off
              SLS-TEST-002: loud
            ignore:
              - rule: SLS-TEST-001
            colour: red
            """, ["SLS-TEST-001", "SLS-TEST-002"]);
        Assert.Equal(
            ["SPEC-CONFIG-001@2:3", "SPEC-CONFIG-001@3:17", "SPEC-CONFIG-001@5:5", "SPEC-CONFIG-001@6:1"],
            config.Diagnostics.Select(Where));
        Assert.Equal("did you mean SLS-TEST-001?", config.Diagnostics[0].Help);
    }

    [Fact]
    public void Config_is_found_upward_from_the_spec()
    {
        var root = Directory.CreateTempSubdirectory("spec-config-");
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "services", "a"));
            Directory.CreateDirectory(Path.Combine(root.FullName, ".git")); // the repository root bounds the search
            File.WriteAllText(Path.Combine(root.FullName, ".spec.yml"), "inlineSuppressions: false\nbaseline: base.json\n");
            var spec = Path.Combine(nested.FullName, "serverless.yml");
            Assert.Equal(Path.Combine(root.FullName, ".spec.yml"), SpecConfigLoader.Find(spec));
            var config = SpecConfigLoader.LoadFor(spec, []);
            Assert.False(config.InlineSuppressions);
            Assert.Equal("base.json", config.Baseline);
            Assert.Equal(root.FullName, config.Directory);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Baseline_hides_known_findings_and_reports_new_ones()
    {
        var rules = Options(new TestRules.TimeoutTooLarge());
        var today = RuleEngine.Run(Input("a:\n  timeout: 1000\n"), rules);
        var file = Path.Combine(Path.GetTempPath(), $"spec-baseline-{Guid.NewGuid():N}.json");
        try
        {
            Baseline.Write(file, today.Findings, rules.BaseDirectory);
            var baseline = Baseline.Read(file);
            Assert.Equal(1, baseline.Count);
            var tomorrow = RuleEngine.Run(Input("# moved\na:\n  timeout: 1000\nb:\n  timeout: 2000\n"), rules with { Baseline = baseline });
            Assert.Equal(["SLS-TEST-001@5:12"], tomorrow.Diagnostics.Select(Where));
            Assert.Equal(1, tomorrow.BaselineMatches);
            Assert.Equal(Baseline.Render(today.Findings, rules.BaseDirectory), File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_malformed_baseline_is_invalid_data_not_a_crash()
    {
        var file = Path.Combine(Path.GetTempPath(), $"spec-baseline-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, "{\"findings\": 3}");
            Assert.Throws<InvalidDataException>(() => Baseline.Read(file));
            File.WriteAllText(file, "not json");
            Assert.Throws<InvalidDataException>(() => Baseline.Read(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("legacy/**", "legacy/a/serverless.yml", true)]
    [InlineData("legacy/**", "new/legacy.yml", false)]
    [InlineData("*.yml", "deep/dir/serverless.yml", true)]
    [InlineData("services/*/serverless.yml", "services/a/serverless.yml", true)]
    [InlineData("services/*/serverless.yml", "services/a/b/serverless.yml", false)]
    [InlineData("./a/?.yml", "a/b.yml", true)]
    public void Globs_match_paths(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new Glob(pattern).IsMatch(path));
}
