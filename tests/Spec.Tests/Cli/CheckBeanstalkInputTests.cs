using System.Text.Json;
using NJsonSchema;

namespace Spec.Tests.Cli;

/// <summary>
/// <c>spec check</c> pointed at Elastic Beanstalk input: a <c>.ebextensions</c> file, a bundle folder, or the folder
/// <c>spec compile --target beanstalk</c> wrote; findings come out in every format, like a spec's.
/// </summary>
public sealed class CheckBeanstalkInputTests
{
    private const string BadConfig = """
        option_settings:
          aws:elasticbeanstalk:cloudwatch:logs:
            streamLogs: true
          aws:elasticbeanstalk:sqsd:
            InactivityTimeout: 99999
        """;

    [Fact]
    public void A_config_file_is_linted_with_its_bundle_and_reported_with_a_snippet()
    {
        using var dir = new TempDir();
        dir.Write("bundle/.ebextensions/01.config", BadConfig);
        dir.Write("bundle/env.yaml", "AWSConfigurationTemplateVersion: 1.1.0.0\nEnvironmentTier:\n  Name: Worker\n  Type: SQS/HTTP\n");

        var run = CliRunner.InProcess(dir.Path, "check", "bundle/.ebextensions/01.config");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("SLS-EB-007", run.Out, StringComparison.Ordinal);
        Assert.Contains("streamLogs", run.Out, StringComparison.Ordinal);
        Assert.Contains("bundle/.ebextensions/01.config:3:", run.Out, StringComparison.Ordinal);
        Assert.Contains("SLS-EB-006", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_folder_is_its_files_and_sarif_names_the_eb_rules()
    {
        using var dir = new TempDir();
        dir.Write("bundle/.ebextensions/01.config", BadConfig);
        dir.Write("bundle/Procfile", "web node app.js\n");

        var run = CliRunner.InProcess(dir.Path, "check", "bundle", "--format", "sarif");

        Assert.True(run.ExitCode == 1, run.ToString());
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Rules", "Output", "sarif-schema-2.1.0.json")));
        Assert.Empty(schema.Validate(run.Out));
        using var sarif = JsonDocument.Parse(run.Out);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString(),
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()))
            .ToList();
        Assert.Contains(("SLS-EB-012", "bundle/Procfile"), results);
        Assert.Contains(results, r => r.Item1 == "SLS-EB-007" && r.Item2 == "bundle/.ebextensions/01.config");
    }

    [Fact]
    public void The_compiled_bundles_check_clean_file_by_file()
    {
        using var dir = new TempDir();
        var example = Path.Combine(Golden.RepositoryRoot, "examples", "orders-beanstalk");
        dir.Write("serverless.yml", File.ReadAllText(Path.Combine(example, "serverless.yml")));
        Assert.Equal(0, CliRunner.InProcess(dir.Path, "compile", "--target", "beanstalk").ExitCode);

        var json = CliRunner.InProcess(dir.Path, "check", ".spec/beanstalk", "--format", "json");
        var text = CliRunner.InProcess(dir.Path, "check", ".spec/beanstalk");

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Empty(JsonDocument.Parse(json.Out).RootElement.GetProperty("findings").EnumerateArray());
        // web: Procfile, env.yaml, two configs; the jobs-queue worker: those and cron.yaml
        Assert.Contains("ok: 9 files: 0 errors, 0 warnings", text.All, StringComparison.Ordinal);
    }
}
