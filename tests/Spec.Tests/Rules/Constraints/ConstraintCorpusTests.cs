using System.Text.Json;
using Spec.Core.Diagnostics;
using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.Constraints;

/// <summary>
/// The constraint checks (the Framework schema's, SLS-GEN-010; the CloudFormation schemas', SLS-GEN-009)
/// over every corpus spec, each run with its case's arguments and environment: the Framework packaged all of them, so
/// an error is either a real defect (reviewed in <c>constraint-corpus-errors.txt</c> with the reason) or a false alarm.
/// </summary>
public sealed class ConstraintCorpusTests
{
    private static readonly string[] ConstraintRules = ["SLS-GEN-009", "SLS-GEN-010"];

    private static readonly string ReviewedPath = Path.Combine(
        Path.GetDirectoryName(CatalogueFixtures.Root)!, "..", "Constraints", "constraint-corpus-errors.txt");

    [SkippableFact]
    public void Constraint_checks_report_no_error_on_the_corpus_except_the_reviewed_defects_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var reviewed = ReasonedList.Read(ReviewedPath);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dir in SharedData.CorpusCases().Concat(SharedData.RealWorldCases()))
        {
            foreach (var d in Check(dir).Where(d => d.Severity == Severity.Error && ConstraintRules.Contains(d.Id)))
            {
                found.Add($"{Path.GetFileName(dir)} {d.Id} @{d.Span?.Line},{d.Span?.Column}");
            }
        }

        var unreviewed = found.Where(f => !reviewed.ContainsKey(f)).ToList();
        var gone = reviewed.Keys.Where(r => !found.Contains(r)).ToList();
        Assert.True(unreviewed.Count == 0, "errors not in the reviewed list:\n" + string.Join("\n", unreviewed));
        Assert.True(gone.Count == 0, "reviewed errors that no longer fire:\n" + string.Join("\n", gone));
        Assert.All(reviewed.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    internal static IEnumerable<Diagnostic> Check(string dir)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "case.json")));
        var args = json.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToList();
        var environment = json.RootElement.TryGetProperty("env", out var env)
            ? env.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : [];
        var file = Path.Combine(dir, json.RootElement.TryGetProperty("config", out var config) ? config.GetString() ?? "serverless.yml" : "serverless.yml");
        return CataloguePipeline.CheckFile(file, args: args, environment: environment).Select(f => f.Diagnostic);
    }
}
