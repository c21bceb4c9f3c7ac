using System.Text.Json;
using NJsonSchema;
using Spec.Rules.Engine;
using Spec.Rules.Output;

namespace Spec.Tests.Rules.Output;

public class SarifFormatterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "Output", "sarif-schema-2.1.0.json")))
            .GetAwaiter().GetResult());

    [Fact]
    public void Sarif_is_valid_against_the_official_2_1_0_schema()
    {
        var sarif = new SarifFormatter().Format(OutputHarness.Report());
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void Sarif_for_the_real_catalogue_and_a_real_spec_is_valid()
    {
        var dir = Directory.CreateTempSubdirectory("spec-sarif-");
        try
        {
            var path = Path.Combine(dir.FullName, "serverless.yml");
            File.WriteAllText(path, """
                service: orders
                provider:
                  name: aws
                  runtime: nodejs14.x
                functions:
                  worker:
                    handler: index.handler
                    timeout: 60
                    events:
                      - sqs: !GetAtt Jobs.Arn
                      - schedule: rate(1 minutes)
                resources:
                  Resources:
                    Jobs:
                      Type: AWS::SQS::Queue
                      Properties:
                        VisibilityTimeout: 30 # spec-ignore SLS-SQS-001 drained by a cron job
                """);
            var checker = new Spec.Rules.Checking.SpecChecker(new Spec.Rules.Checking.SpecCheckOptions
            {
                AsOf = new DateOnly(2026, 11, 23),
                BaseDirectory = dir.FullName,
            });
            var result = checker.Check(path);
            Assert.Contains(result.Result.Findings, f => f.IsSuppressed);
            Assert.Contains(result.Result.Findings, f => f.Diagnostic.Fix is not null && !f.IsSuppressed);
            var sarif = new SarifFormatter().Format(new ReportInput(result.Result.Findings, RuleCatalog.Descriptors(), dir.FullName)
            {
                Sources = new Dictionary<string, Spec.Core.Syntax.SourceText> { [path] = result.Loaded!.Source },
            });
            var errors = Schema.Value.Validate(sarif);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Schema_validation_catches_a_broken_log()
    {
        var broken = new SarifFormatter().Format(OutputHarness.Report()).Replace("\"level\": \"warning\"", "\"level\": \"loud\"", StringComparison.Ordinal);
        Assert.NotEmpty(Schema.Value.Validate(broken));
    }

    [Fact]
    public void Driver_rules_come_from_metadata_and_results_point_at_them()
    {
        using var sarif = JsonDocument.Parse(new SarifFormatter().Format(OutputHarness.Report()));
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("spec", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ruleIds = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("SLS-TEST-001", ruleIds);
        Assert.Contains("SLS-GEN-003", ruleIds);

        var security = rules.Single(r => r.GetProperty("id").GetString() == "SLS-TEST-002");
        Assert.Equal("6.9", security.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Contains("security", security.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("warning", security.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.EndsWith("#sls-test-002", security.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.False(rules.Single(r => r.GetProperty("id").GetString() == "SLS-TEST-001").GetProperty("properties").TryGetProperty("security-severity", out _));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }

        var timeout = results.First(r => r.GetProperty("ruleId").GetString() == "SLS-TEST-001");
        Assert.Equal("error", timeout.GetProperty("level").GetString());
        var location = timeout.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("svc/serverless.yml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal((4, 14, 4, 18), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal(32, timeout.GetProperty("partialFingerprints").GetProperty(Fingerprints.SarifKey).GetString()!.Length);
        Assert.False(timeout.TryGetProperty("suppressions", out _));
        Assert.Equal("900", timeout.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0]
            .GetProperty("insertedContent").GetProperty("text").GetString());
    }

    [Fact]
    public void Suppressed_findings_carry_their_suppression()
    {
        using var sarif = JsonDocument.Parse(new SarifFormatter().Format(OutputHarness.Report()));
        var suppressed = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.TryGetProperty("suppressions", out _));
        var suppression = suppressed.GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("batch jobs run long", suppression.GetProperty("justification").GetString());
        Assert.Equal(7, suppressed.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        Assert.Equal(new SarifFormatter().Format(OutputHarness.Report()), new SarifFormatter().Format(OutputHarness.Report()));
    }

    [Fact]
    public void Uris_are_percent_encoded_relative_references()
    {
        Assert.Equal("my%20dir/serverless.yml", SarifFormatter.Uri("my dir/serverless.yml"));
        Assert.Equal("file:///abs/x.yml", SarifFormatter.Uri("/abs/x.yml"));
    }
}
