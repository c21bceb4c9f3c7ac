using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Backends.Beanstalk;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>
/// cfn-lint 1.51.0 on what the Beanstalk target hands to CloudFormation: the companion template of every example and of
/// every corpus case that compiles for Elastic Beanstalk, and the <c>Resources</c> of any <c>.ebextensions</c> config
/// (Elastic Beanstalk adds them to the environment's own stack). One cfn-lint process for all files: it starts slowly.
/// <para>
/// An <c>.ebextensions</c> config is not a template, so its <c>Resources</c> section is lifted into one. Its references
/// to the resources Elastic Beanstalk creates (<c>AWSEBAutoScalingGroup</c>, <c>AWSEBSecurityGroup</c>, …) are
/// undefined there; the test drops cfn-lint's undefined-reference findings for <c>AWSEB*</c> ids only, rather than
/// declaring stand-in resources, whose types would have to be guessed (they differ between single-instance and
/// load-balanced, classic and application environments) and whose own missing properties cfn-lint would then report.
/// </para>
/// </summary>
public sealed partial class BeanstalkCfnLintTests
{
    /// <summary>A config a user keeps in the service's <c>.ebextensions</c>, as the EB Developer Guide writes them.</summary>
    private const string UserExtension = """
        Resources:
          QueueDepthAlarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              AlarmDescription: scale out when the queue backs up
              Namespace: AWS/SQS
              MetricName: ApproximateNumberOfMessagesVisible
              Statistic: Average
              Period: 60
              EvaluationPeriods: 5
              Threshold: 100
              ComparisonOperator: GreaterThanThreshold
              Dimensions:
                - Name: AutoScalingGroupName
                  Value: {Ref: AWSEBAutoScalingGroup}
          SshFromOffice:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: {"Fn::GetAtt": [AWSEBSecurityGroup, GroupId]}
              IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: 10.0.0.0/16
        option_settings:
          aws:elasticbeanstalk:application:environment:
            MODE: production
        """;

    /// <summary>The control: an undefined reference that is not Elastic Beanstalk's must still be reported.</summary>
    private const string BrokenExtension = """
        Resources:
          Broken:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: {Ref: NotDefinedAnywhere}
        """;

    [SkippableFact]
    public void Companion_templates_and_ebextensions_resources_pass_cfn_lint_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        TestSkip.If(!CfnToolTests.ToolExists("cfn-lint"), "needs cfn-lint 1.51.0 on PATH (present on the build image)");
        var specs = Directory.GetDirectories(Path.Combine(Golden.RepositoryRoot, "examples"))
            .Concat(SharedData.CorpusCases()).Concat(SharedData.RealWorldCases())
            .Select(d => Path.Combine(d, "serverless.yml")).Where(File.Exists).ToList();
        var dir = Directory.CreateTempSubdirectory("spec-eb-cfnlint-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "ours"));
            var cases = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var spec in specs)
            {
                var c = BeanstalkCompilation.OfFile(spec);
                if (c.Output is null || c.Errors.Any())
                {
                    continue;
                }

                var name = Path.GetFileName(Path.GetDirectoryName(spec))!;
                cases[name] = Path.GetDirectoryName(spec)!;
                File.WriteAllText(Path.Combine(dir, "ours", name + ".json"), c.File(CompanionTemplate.FileName));
                foreach (var config in c.Output.Files.Where(f => f.Path.Contains("/.ebextensions/", StringComparison.Ordinal)))
                {
                    if (ExtensionTemplate(Encoding.UTF8.GetString(config.Content)) is { } template)
                    {
                        File.WriteAllText(Path.Combine(dir, "ours", $"{name}.{config.Path.Replace('/', '_')}.yaml"), template);
                    }
                }
            }

            Assert.True(cases.Count > 70, $"only {cases.Count} companion templates: the corpus should give about 80");
            File.WriteAllText(Path.Combine(dir, "ours", "user-extension.yaml"), ExtensionTemplate(UserExtension)!);
            File.WriteAllText(Path.Combine(dir, "control.yaml"), ExtensionTemplate(BrokenExtension)!);

            var findings = CfnToolTests.RunCfnLint(dir, "ours/*", "control.yaml");
            Assert.Contains(findings.GetValueOrDefault("control.yaml") ?? [], f => f.Contains("NotDefinedAnywhere", StringComparison.Ordinal));
            var ours = findings.Where(f => f.Key.StartsWith("ours", StringComparison.Ordinal))
                .SelectMany(f => f.Value.Where(e => !ElasticBeanstalkReference().IsMatch(e)).Select(e => (Case: CaseOf(f.Key), Finding: e)))
                .ToList();
            var baseline = Baseline(cases, ours.Select(o => o.Case));
            var failures = ours.Where(o => !baseline.Contains((o.Case, WithoutPath(o.Finding)))).Select(o => $"{o.Case}: {o.Finding}")
                .Order(StringComparer.Ordinal).ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// What cfn-lint also finds in the Framework's own template of the same corpus case (a value the spec's author wrote
    /// in <c>resources:</c> or an IAM statement, which both templates carry), by rule and message: the resource holding it
    /// may be named differently (the instance role's statements are the Lambda role's). From the corpus run the cfn-lint
    /// tests share (<see cref="CorpusCfnLint"/>), for the cases with a finding only; an example has no Framework template,
    /// so it has no baseline.
    /// </summary>
    private static HashSet<(string Case, string Finding)> Baseline(Dictionary<string, string> cases, IEnumerable<string> withFindings) =>
    [
        .. withFindings.Distinct()
            .Where(n => cases.ContainsKey(n) && File.Exists(Path.Combine(cases[n], "expected.cloudformation.json")))
            .SelectMany(n => CorpusCfnLint.Theirs(n).Select(e => (n, WithoutPath(e)))),
    ];

    private static string CaseOf(string file) => Path.GetFileName(file).Split('.')[0];

    /// <summary>"E3510 Resources/X/…: message" without the path: "E3510 message".</summary>
    private static string WithoutPath(string finding)
    {
        var space = finding.IndexOf(' ', StringComparison.Ordinal);
        var colon = finding.IndexOf(": ", space, StringComparison.Ordinal);
        return space < 0 || colon < 0 ? finding : finding[..space] + " " + finding[(colon + 2)..];
    }

    [Fact]
    public void The_resources_section_of_a_config_becomes_a_template_and_other_keys_stay_out()
    {
        var template = ExtensionTemplate(UserExtension)!;
        Assert.StartsWith("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  QueueDepthAlarm:\n", template, StringComparison.Ordinal);
        Assert.DoesNotContain("option_settings", template, StringComparison.Ordinal);
        Assert.Contains("CidrIp: 10.0.0.0/16", template, StringComparison.Ordinal);

        var json = JsonNode.Parse(ExtensionTemplate("""{"Resources": {"T": {"Type": "AWS::SNS::Topic"}}, "files": {}}""")!)!;
        Assert.Equal("AWS::SNS::Topic", json["Resources"]!["T"]!["Type"]!.GetValue<string>());
        Assert.Null(json["files"]);

        Assert.Null(ExtensionTemplate("option_settings:\n  a: b\n"));
    }

    /// <summary>
    /// The <c>Resources</c> section of an <c>.ebextensions</c> config (YAML or JSON) as a template of its own, or null
    /// when it has none. YAML is cut as text (the section is the top-level key and its indented lines) so that short-form
    /// tags reach cfn-lint as written.
    /// </summary>
    internal static string? ExtensionTemplate(string config)
    {
        if (config.TrimStart().StartsWith('{'))
        {
            return JsonNode.Parse(config)?["Resources"] is { } resources
                ? new JsonObject { ["AWSTemplateFormatVersion"] = "2010-09-09", ["Resources"] = resources.DeepClone() }.ToJsonString()
                : null;
        }

        var lines = config.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("Resources:", StringComparison.Ordinal));
        if (start < 0)
        {
            return null;
        }

        var section = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\n").Append(lines[start]).Append('\n');
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '#')
            {
                break;
            }

            section.Append(line).Append('\n');
        }

        return section.ToString();
    }

    /// <summary>cfn-lint 1.51.0's undefined-reference findings (E1020 Ref, E1010 GetAtt, E1019 Sub) that name an Elastic Beanstalk resource.</summary>
    [GeneratedRegex(@"^E10(20|10|19) .*: 'AWSEB[A-Za-z0-9]*' is not one of")]
    private static partial Regex ElasticBeanstalkReference();
}
