using Spec.Backends.Beanstalk;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Input;

namespace Spec.Tests.Rules.Beanstalk;

public sealed class EbCheckerTests
{
    private static IReadOnlyList<Diagnostic> Check(params (string Path, string Text)[] files) =>
        EbChecker.Check(EbBundle.FromTexts(files));

    [Fact]
    public void Messages_suggest_the_name_that_was_meant()
    {
        var findings = Check((".ebextensions/01.config", """
            option_settings:
              aws:elasticbeanstalk:cloudwatch:log:
                StreamLogs: true
              aws:elasticbeanstalk:sqsd:
                InactivityTimeOut: 30
            """));
        Assert.Contains(findings, d => d.Id == "SLS-EB-005" && d.Message.EndsWith("did you mean 'aws:elasticbeanstalk:cloudwatch:logs'?", StringComparison.Ordinal));
        Assert.Contains(findings, d => d.Id == "SLS-EB-006" && d.Message.EndsWith("option names are case-sensitive: 'InactivityTimeout'", StringComparison.Ordinal));
        Assert.All(findings, d => Assert.NotNull(d.Help));
    }

    [Fact]
    public void Without_env_yaml_the_sqsd_settings_make_the_bundle_a_worker()
    {
        var findings = Check((".ebextensions/01.config", """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                HttpPath: /sqs/orders
              aws:elbv2:loadbalancer:
                IdleTimeout: 120
            """));
        var tier = Assert.Single(findings, d => d.Id == "SLS-EB-009");
        Assert.Equal(5, tier.Span!.Line);
        Assert.Equal(3, Assert.Single(tier.Related).Span.Line);
    }

    [Fact]
    public void Without_env_yaml_or_sqsd_settings_no_tier_is_assumed()
    {
        var findings = Check((".ebextensions/01.config", """
            option_settings:
              aws:elbv2:loadbalancer:
                IdleTimeout: 120
            """));
        Assert.DoesNotContain(findings, d => d.Id == "SLS-EB-009");
    }

    [Fact]
    public void A_web_bundle_with_cron_yaml_is_reported()
    {
        var findings = Check(("env.yaml", "AWSConfigurationTemplateVersion: 1.1.0.0\n"),
            ("cron.yaml", "version: 1\ncron:\n  - name: a\n    url: /a\n    schedule: \"0 * * * *\"\n"));
        var finding = Assert.Single(findings);
        Assert.Equal(("SLS-EB-009", "cron.yaml"), (finding.Id, finding.Span!.File));
    }

    [Fact]
    public void A_later_file_overrides_an_earlier_one_for_the_limits()
    {
        // 01 sets VisibilityTimeout too low; 02 (applied later) raises it: nothing to report.
        var findings = Check(
            (".ebextensions/01.config", "option_settings:\n  aws:elasticbeanstalk:sqsd:\n    InactivityTimeout: 600\n    VisibilityTimeout: 300\n"),
            (".ebextensions/02.config", "option_settings:\n  aws:elasticbeanstalk:sqsd:\n    VisibilityTimeout: 700\n"));
        Assert.DoesNotContain(findings, d => d.Id == "SLS-EB-016");
    }

    [Fact]
    public void Findings_are_sorted_by_file_line_and_column()
    {
        var findings = Check((".ebextensions/01.config", "Option_settings: {}\nbogus: 1\n"), ("Procfile", "nope\n"));
        Assert.Equal(findings.OrderBy(d => d.Span!.File, StringComparer.Ordinal).ThenBy(d => d.Span!.Line).ThenBy(d => d.Span!.Column), findings);
        Assert.Equal(3, findings.Count(d => d.Severity == Severity.Error));
    }

    [Fact]
    public void Symbolic_links_in_a_bundle_are_not_followed()
    {
        var root = Directory.CreateTempSubdirectory("spec-eb-link-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".ebextensions"));
            var outside = Path.Combine(root, "outside.txt");
            File.WriteAllText(outside, "option_settings: []\n");
            File.CreateSymbolicLink(Path.Combine(root, ".ebextensions", "01.config"), outside);
            var findings = EbChecker.Check(EbBundle.Load(root));
            var notice = Assert.Single(findings);
            Assert.Equal("SLS-EB-001", notice.Id);
            Assert.Contains("symbolic link", notice.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("0 3 * * MON-FRI", null)]
    [InlineData("*/5 * * * *", null)]
    [InlineData("0 0 1-31/2 jan,jul 0,7", null)]
    [InlineData("0 3 ? * MON-FRI", "'?' in the day-of-month field is EventBridge syntax")]
    [InlineData("0 3 * * MON-FRI *", "has 6 fields")]
    [InlineData("60 * * * *", "'60' is not a valid minute (0-59)")]
    [InlineData("0 0 5/2 * *", "a step needs a range or '*' before it")]
    [InlineData("0 0 * * FRI-MON", "runs backwards")]
    [InlineData("@daily", "has 1 fields")]
    public void Cron_syntax_is_cron5(string expression, string? problem)
    {
        var actual = CronSyntax.Problem(expression);
        if (problem is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Contains(problem, actual, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("rate(5 minutes)")]
    [InlineData("rate(3 hours)")]
    [InlineData("cron(5/10 8-17 ? * 2-6 *)")]
    [InlineData("cron(30 6 1/7 JAN-MAR ? *)")]
    [InlineData("cron(0 12 ? * SUN,WED *)")]
    public void Converted_schedules_pass_the_cron_yaml_linter(string schedule)
    {
        var cron = ScheduleToCron.Convert(schedule, "fn").Cron!;
        Assert.Null(CronSyntax.Problem(cron));
    }
}
