using System.Text.Json;
using System.Xml.Linq;
using NJsonSchema;

namespace Spec.Tests.Cli;

/// <summary><c>spec check</c> with the rules engine, run through the real entry point.</summary>
public sealed class CheckRulesEndToEndTests
{
    private const string AsOf = "2026-11-23";

    private const string SqsSpec = """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x
        functions:
          worker:
            handler: handler.worker
            timeout: 60
            events:
              - sqs:
                  arn: !GetAtt Queue.Arn
        resources:
          Resources:
            Queue:
              Type: AWS::SQS::Queue
              Properties:
                VisibilityTimeout: 30
                RedrivePolicy:
                  deadLetterTargetArn: !GetAtt Dlq.Arn
                  maxReceiveCount: 5
            Dlq:
              Type: AWS::SQS::Queue

        """;

    private const string DeprecatedRuntimeSpec = """
        service: demo
        provider:
          name: aws
          runtime: nodejs20.x
        functions:
          hello:
            handler: handler.hello

        """;

    private const string RateSpec = """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x
        functions:
          tick:
            handler: handler.tick
            destinations:
              onFailure: arn:aws:sqs:us-east-1:123456789012:failed
            events:
              - schedule: rate(1 minutes)

        """;

    private static CliRun Check(TempDir dir, params string[] args) =>
        CliRunner.InProcess(dir.Path, ["check", "--as-of", AsOf, .. args]);

    [Fact]
    public void Check_reports_rule_findings_in_text_and_exits_1_on_error()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var run = Check(dir);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("SLS-SQS-001", run.Out, StringComparison.Ordinal);
        Assert.Contains("serverless.yml:17:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_json_carries_fingerprints()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var run = Check(dir, "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == "SLS-SQS-001");
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("fingerprint").GetString()));
        Assert.Equal("serverless.yml", finding.GetProperty("file").GetString());
        Assert.StartsWith("https://", finding.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_sarif_on_stdout_validates_against_the_SARIF_schema()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var run = Check(dir, "--format", "sarif");

        Assert.True(run.ExitCode == 1, run.ToString());
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Rules", "Output", "sarif-schema-2.1.0.json")));
        var errors = schema.Validate(run.Out);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        Assert.Contains("SLS-SQS-001", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("spec-lint", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_github_junit_and_parseable_formats()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var github = Check(dir, "--format", "github");
        var junit = Check(dir, "--format", "junit");
        var parseable = Check(dir, "--format", "parseable");

        Assert.Contains("::error file=serverless.yml,line=17", github.Out, StringComparison.Ordinal);
        var xml = XDocument.Parse(junit.Out);
        Assert.Contains(xml.Descendants("testcase"), t => t.Element("failure") is not null
            && t.ToString().Contains("SLS-SQS-001", StringComparison.Ordinal));
        Assert.Contains(parseable.Out.Split('\n'), l => l.StartsWith("serverless.yml:17:", StringComparison.Ordinal)
            && l.Contains("SLS-SQS-001", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_pairs_each_output_with_the_format_before_it()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var run = Check(dir, "--format", "sarif", "--output", "out/report.sarif", "--format", "text",
            "--format", "json", "--output", "report.json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("\"$schema\"", File.ReadAllText(Path.Combine(dir.Path, "out/report.sarif")), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "report.json")));
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Contains("SLS-SQS-001", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"$schema\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_refuses_two_formats_on_stdout_and_an_output_without_format()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var twoOnStdout = Check(dir, "--format", "json", "--format", "sarif");
        var outputFirst = Check(dir, "--output", "x.json", "--format", "json");

        Assert.Equal(2, twoOnStdout.ExitCode);
        Assert.Contains("only one --format", twoOnStdout.Error, StringComparison.Ordinal);
        Assert.Equal(2, outputFirst.ExitCode);
        Assert.Contains("must follow the --format", outputFirst.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqsSpec, "SLS-SQS-001", "VisibilityTimeout: 360", "--fix")]
    [InlineData(DeprecatedRuntimeSpec, "SLS-LAMBDA-007", "runtime: nodejs22.x", "--fix-unsafe")]
    [InlineData(RateSpec, "SLS-EVENTS-001", "schedule: rate(1 minute)\n", "--fix")]
    public void Check_fix_applies_safe_fixes_then_the_recheck_is_clean_of_that_rule(string spec, string ruleId, string fixedText, string flag)
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", spec);
        Assert.Contains(ruleId, Check(dir, "--format", "parseable", "--fail-on", "none").Out, StringComparison.Ordinal);

        var run = Check(dir, flag, "--format", "parseable", "--fail-on", "none");

        Assert.Contains("fixed ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ruleId, run.Out, StringComparison.Ordinal);
        Assert.Contains(fixedText, File.ReadAllText(file), StringComparison.Ordinal);
        Assert.DoesNotContain(ruleId, Check(dir, "--format", "parseable", "--fail-on", "none").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_fix_leaves_unsafe_fixes_and_the_report_says_which_kind_each_fix_is()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", DeprecatedRuntimeSpec);

        var run = Check(dir, "--fix", "--fail-on", "none");
        var json = Check(dir, "--format", "json", "--fail-on", "none");

        Assert.Equal(DeprecatedRuntimeSpec, File.ReadAllText(file));
        Assert.Contains("fix (unsafe, --fix-unsafe applies it)", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"unsafe\"", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_baseline_write_then_read_hides_the_recorded_findings()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var write = Check(dir, "--baseline-write", "baseline.json", "--format", "parseable");
        var read = Check(dir, "--baseline", "baseline.json", "--format", "parseable");

        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Contains("SLS-SQS-001", File.ReadAllText(Path.Combine(dir.Path, "baseline.json")), StringComparison.Ordinal);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.DoesNotContain("SLS-SQS-001", read.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_refuses_a_malformed_baseline_with_exit_2()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);
        dir.Write("baseline.json", "{\"nope\": 1}");

        var run = Check(dir, "--baseline", "baseline.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("baseline", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_fail_on_sets_the_threshold_for_exit_1()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", DeprecatedRuntimeSpec);

        Assert.Equal(0, Check(dir).ExitCode);
        Assert.Equal(1, Check(dir, "--fail-on", "warning").ExitCode);
        Assert.Equal(1, Check(dir, "--fail-on", "info").ExitCode);
        dir.Write("serverless.yml", SqsSpec);
        Assert.Equal(0, Check(dir, "--fail-on", "none").ExitCode);
        Assert.Equal(2, Check(dir, "--fail-on", "sometimes").ExitCode);
    }

    [Fact]
    public void Check_as_of_decides_runtime_deprecation_and_rejects_bad_dates()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", DeprecatedRuntimeSpec);

        var early = CliRunner.InProcess(dir.Path, "check", "--as-of", "2024-01-01", "--format", "parseable");
        var bad = CliRunner.InProcess(dir.Path, "check", "--as-of", "23/11/2026");

        Assert.DoesNotContain("SLS-LAMBDA-007", early.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public void Check_inline_suppression_with_reason_hides_the_finding_and_no_inline_suppressions_restores_it()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec.Replace("        VisibilityTimeout: 30",
            "        VisibilityTimeout: 30 # spec-ignore SLS-SQS-001 the worker finishes in 20 s", StringComparison.Ordinal));

        var suppressed = Check(dir, "--format", "json");
        var strict = Check(dir, "--no-inline-suppressions", "--format", "parseable");

        Assert.True(suppressed.ExitCode == 0, suppressed.ToString());
        using var json = JsonDocument.Parse(suppressed.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == "SLS-SQS-001");
        Assert.Equal("inSource", finding.GetProperty("suppression").GetProperty("kind").GetString());
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("SLS-SQS-001", strict.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_inline_suppression_without_reason_still_suppresses_but_warns()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec.Replace("        VisibilityTimeout: 30",
            "        VisibilityTimeout: 30 # spec-ignore SLS-SQS-001", StringComparison.Ordinal));

        var run = Check(dir, "--format", "parseable");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("SLS-SQS-001]", run.Out.Replace("SPEC-SUPPRESS", "x", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("SPEC-SUPPRESS-001", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reads_spec_yml_rule_levels()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);
        dir.Write(".spec.yml", "rules:\n  SLS-SQS-001: off\n");

        var run = Check(dir, "--format", "parseable");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("SLS-SQS-001", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_expands_globs_in_deterministic_order_and_refuses_unmatched_globs()
    {
        using var dir = new TempDir();
        dir.Write("b/serverless.yml", SqsSpec);
        dir.Write("a/serverless.yml", DeprecatedRuntimeSpec);
        dir.Write("node_modules/x/serverless.yml", SqsSpec);

        var run = Check(dir, "**/serverless.yml", "--format", "parseable", "--fail-on", "warning");
        var again = Check(dir, "**/serverless.yml", "--format", "parseable", "--fail-on", "warning");
        var none = Check(dir, "nothing/*.yml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(run.Out, again.Out);
        var a = run.Out.IndexOf("a/serverless.yml", StringComparison.Ordinal);
        var b = run.Out.IndexOf("b/serverless.yml", StringComparison.Ordinal);
        Assert.True(a >= 0 && b > a, run.ToString());
        Assert.DoesNotContain("node_modules", run.Out, StringComparison.Ordinal);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no files match nothing/*.yml", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_the_catalogue_as_table_markdown_and_json()
    {
        using var dir = new TempDir();

        var table = CliRunner.InProcess(dir.Path, "rules");
        var markdown = CliRunner.InProcess(dir.Path, "rules", "--format", "markdown");
        var json = CliRunner.InProcess(dir.Path, "rules", "--format", "json");

        Assert.StartsWith("ID ", table.Out, StringComparison.Ordinal);
        Assert.Contains("SLS-SQS-001", table.Out, StringComparison.Ordinal);
        Assert.StartsWith("| ID |", markdown.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Contains(doc.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == "SLS-SQS-001");
    }

    [Fact]
    public void Explain_prints_a_rule_and_suggests_the_nearest_id_for_an_unknown_one()
    {
        using var dir = new TempDir();

        var known = CliRunner.InProcess(dir.Path, "explain", "sls-sqs-001");
        var unknown = CliRunner.InProcess(dir.Path, "explain", "SLS-SQS-01");

        Assert.True(known.ExitCode == 0, known.ToString());
        Assert.StartsWith("SLS-SQS-001: ", known.Out, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("did you mean SLS-SQS-001?", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_the_checks_and_rules_all_every_id_the_tool_can_report()
    {
        using var dir = new TempDir();

        var rules = CliRunner.InProcess(dir.Path, "rules");
        var all = CliRunner.InProcess(dir.Path, "rules", "--all");
        var json = CliRunner.InProcess(dir.Path, "rules", "--all", "--format", "json");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.DoesNotContain("SPEC-PULUMI-001", rules.Out, StringComparison.Ordinal);
        Assert.Contains("SPEC-INTERNAL", rules.Out, StringComparison.Ordinal);
        foreach (var id in new[] { "SLS-SQS-001", "SPEC-INTERNAL", "SPEC-CFN-004", "SPEC-PULUMI-001", "SPEC-DEPLOY-002" })
        {
            Assert.Contains(all.Out.Split('\n'), line => line.StartsWith(id + " ", StringComparison.Ordinal));
        }

        static IEnumerable<string> Ids(string table) => table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ')[0]);
        Assert.Subset(Ids(all.Out).ToHashSet(), Ids(rules.Out).ToHashSet());
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Contains(doc.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == "SPEC-PULUMI-002"
            && r.GetProperty("severity").GetString() == "error");
    }

    [Theory]
    [InlineData("SPEC-PULUMI-001", "Resources deployed through a CloudFormation stack")]
    [InlineData("spec-cfn-004", "Output cannot be written or packaged")]
    [InlineData("SPEC-DEPLOY-001", "AWS CLI not found")]
    public void Explain_knows_the_backend_and_deploy_ids(string id, string title)
    {
        using var dir = new TempDir();

        var run = CliRunner.InProcess(dir.Path, "explain", id);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith(id.ToUpperInvariant() + ": " + title + "\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("How to fix:", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("spec-ignore", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_describes_every_id_the_tool_can_report()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var run = CliRunner.InProcess(dir.Path, "check", "--as-of", AsOf, "--format", "sarif");

        using var sarif = JsonDocument.Parse(run.Out);
        var ids = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("SLS-SQS-001", ids);
        Assert.Contains("SPEC-PULUMI-003", ids);
        Assert.Contains("SPEC-CFN-001", ids);
    }

    [Fact]
    public async Task Check_as_a_child_process_writes_schema_valid_sarif_to_a_file()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", SqsSpec);

        var run = CliRunner.Process(dir.Path, "check", "--as-of", AsOf, "--format", "sarif", "--output", "report.sarif");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Out);
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Rules", "Output", "sarif-schema-2.1.0.json")));
        Assert.Empty(schema.Validate(await File.ReadAllTextAsync(Path.Combine(dir.Path, "report.sarif"))));
    }
}
