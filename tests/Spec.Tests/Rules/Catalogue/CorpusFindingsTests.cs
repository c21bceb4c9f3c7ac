using System.Text;
using System.Text.Json;

namespace Spec.Tests.Rules.Catalogue;

/// <summary>
/// All findings over the 106 corpus specs and the 69 real-world specs (each run with its case's args and env), compared
/// with a reviewed golden summary per part. Re-bless with <c>SPEC_BLESS=1</c> after reviewing the difference.
/// </summary>
public sealed class CorpusFindingsTests
{
    private static readonly string GoldenPath = Path.Combine(Path.GetDirectoryName(CatalogueFixtures.Root)!, "corpus-findings.golden.txt");

    private static readonly string RealWorldGoldenPath = Path.Combine(Path.GetDirectoryName(CatalogueFixtures.Root)!, "corpus-findings-real-world.golden.txt");

    [SkippableFact]
    public void Corpus_findings_match_the_reviewed_golden_summary_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        Golden.Verify(GoldenPath, Summary(Path.Combine(SharedData.Corpus!, "sls-examples")));
    }

    [SkippableFact]
    public void Real_world_findings_match_the_reviewed_golden_summary_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        Golden.Verify(RealWorldGoldenPath, Summary(Path.Combine(SharedData.Corpus!, "real-world")));
    }

    [SkippableFact]
    public void Corpus_raw_specs_check_without_internal_errors_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var crashes = new List<string>();
        var files = Directory.EnumerateFiles(Path.Combine(SharedData.Corpus!, "sls-examples-raw"), "serverless.y*ml", SearchOption.AllDirectories).ToList();
        foreach (var file in files)
        {
            crashes.AddRange(CataloguePipeline.CheckFile(file)
                .Where(f => f.Diagnostic.Id.StartsWith("SPEC-INTERNAL", StringComparison.Ordinal))
                .Select(f => f.Diagnostic.ToString()));
        }

        Assert.True(files.Count >= 191, $"expected the 191 raw specs, found {files.Count}");
        Assert.Empty(crashes);
    }

    private static string Summary(string root)
    {
        var lines = new StringBuilder();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "case.json")));
            var args = json.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToList();
            var environment = json.RootElement.GetProperty("env").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
            var file = Path.Combine(dir, json.RootElement.GetProperty("config").GetString() ?? "serverless.yml");
            foreach (var finding in CataloguePipeline.CheckFile(file, args: args, environment: environment))
            {
                var d = finding.Diagnostic;
                var where = d.Span is null ? "-" : $"{d.Span.Line}:{d.Span.Column}";
                lines.Append(Path.GetFileName(dir)).Append(':').Append(where).Append(' ')
                    .Append(d.Severity.ToString().ToLowerInvariant()).Append(' ').Append(d.Id).Append(' ').Append(d.Message)
                    .Append(finding.IsSuppressed ? " [suppressed]" : string.Empty).Append('\n');
            }
        }

        return lines.ToString();
    }
}
