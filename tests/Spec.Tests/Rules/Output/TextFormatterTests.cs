using System.Text.Json;
using System.Xml.Linq;
using Spec.Rules.Engine;
using Spec.Rules.Output;
using Spec.Tests.Rules.Engine;

namespace Spec.Tests.Rules.Output;

public class TextFormatterTests
{
    [Fact]
    public void Parseable_prints_one_line_per_reported_finding()
    {
        Assert.Equal(
            "svc/serverless.yml:4:14:4:18: [error] SLS-TEST-001 timeout 1000 is above 900 seconds\n"
            + "svc/serverless.yml:5:5:5:10: [warning] SLS-TEST-002 queue without dlq\n"
            + "-:0:0:0:0: [warning] SLS-GEN-003 no span\n",
            new ParseableFormatter().Format(OutputHarness.Report()));
    }

    [Fact]
    public void GitHub_prints_workflow_commands_with_escaping()
    {
        var lines = new GitHubFormatter().Format(OutputHarness.Report()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            "::error file=svc/serverless.yml,line=4,col=14,endLine=4,endColumn=18,title=SLS-TEST-001::timeout 1000 is above 900 seconds%0Ahelp: Change the value.",
            lines[0]);
        Assert.Equal("::warning title=SLS-GEN-003::no span", lines[2]);
        Assert.Equal("a%25b%0D%0Ac", GitHubFormatter.EscapeData("a%b\r\nc"));
        Assert.Equal("dir%2Cx%3Ay%25", GitHubFormatter.EscapeProperty("dir,x:y%"));
    }

    [Fact]
    public void JUnit_has_a_test_case_per_rule_per_file()
    {
        var xml = XDocument.Parse(new JUnitFormatter().Format(OutputHarness.Report()));
        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal(["(no file)", "clean/serverless.yml", "svc/serverless.yml"], suites.Select(s => (string)s.Attribute("name")!));
        var descriptorCount = RuleCatalog.Descriptors(OutputHarness.Rules).Count;
        var svc = suites[2];
        Assert.Equal(descriptorCount, svc.Elements("testcase").Count());
        Assert.Equal("2", (string)svc.Attribute("failures")!);
        Assert.Equal("0", (string)svc.Attribute("skipped")!);
        var timeout = svc.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("SLS-TEST-001", StringComparison.Ordinal));
        var failure = timeout.Element("failure")!;
        Assert.Equal("error", (string)failure.Attribute("type")!);
        Assert.Contains("svc/serverless.yml:4:14", failure.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(":7:", failure.Value, StringComparison.Ordinal);
        Assert.All(suites[1].Elements("testcase"), c => Assert.Empty(c.Elements()));
        Assert.Equal("0", (string)suites[1].Attribute("failures")!);
        Assert.Equal(descriptorCount * 2 + 1, int.Parse((string)xml.Root.Attribute("tests")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void JUnit_marks_a_rule_whose_findings_are_all_suppressed_as_skipped()
    {
        var input = EngineHarness.Input("a:\n  timeout: 1000 # spec-ignore SLS-TEST-001 long job\n");
        var result = RuleEngine.Run(input, EngineHarness.Options(new TestRules.TimeoutTooLarge()));
        var xml = XDocument.Parse(new JUnitFormatter().Format(new ReportInput(result.Findings,
            RuleCatalog.Descriptors([new TestRules.TimeoutTooLarge()]), Directory.GetCurrentDirectory())));
        var testCase = xml.Descendants("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("SLS-TEST-001", StringComparison.Ordinal));
        Assert.Equal("suppressed: long job", (string)testCase.Element("skipped")!.Attribute("message")!);
    }

    [Fact]
    public void Json_lists_findings_with_suppressions_and_a_summary()
    {
        using var json = JsonDocument.Parse(new JsonFormatter().Format(OutputHarness.Report()));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((1, 2, 0, 1), (summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(),
            summary.GetProperty("infos").GetInt32(), summary.GetProperty("suppressed").GetInt32()));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(4, findings.Count);
        var suppressed = findings.Single(f => f.TryGetProperty("suppression", out _));
        Assert.Equal("inSource", suppressed.GetProperty("suppression").GetProperty("kind").GetString());
        var queue = findings.Single(f => f.GetProperty("ruleId").GetString() == "SLS-TEST-002");
        Assert.Equal("dlq: dead-letters", queue.GetProperty("fix").GetProperty("edits")[0].GetProperty("text").GetString()!.Trim());
        Assert.Equal("svc/serverless.yml", queue.GetProperty("file").GetString());
    }

    [Fact]
    public void Every_format_is_registered_by_name()
    {
        Assert.Equal(["json", "sarif", "github", "junit", "parseable"], ReportFormats.Names);
        Assert.IsType<SarifFormatter>(ReportFormats.Get("SARIF"));
        Assert.Null(ReportFormats.Get("text"));
    }
}
