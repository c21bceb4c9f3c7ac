using System.Text.RegularExpressions;
using Spec.Backends;
using Spec.Backends.Plan;
using Spec.Backends.Pulumi;
using Spec.Cli;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk;
using Spec.Rules.Checking;
using Spec.Rules.Engine;
using Spec.Tests.BadInput;

namespace Spec.Tests.Cli;

/// <summary>
/// Every id the tool can report has a descriptor in <see cref="DiagnosticCatalog"/>: the ids written in the source,
/// and the ids actually reported when the examples, the rule fixtures, the bad-input cases and the corpus are
/// checked, planned and turned into Pulumi programs.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    [Fact]
    public void The_catalogue_holds_the_rules_the_stage_and_engine_ids_the_beanstalk_rules_and_the_backend_ids_once_each()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(ids.ToHashSet(), RuleCatalog.Descriptors().Select(d => d.Id).ToHashSet());
        Assert.Subset(ids.ToHashSet(), BackendDiagnostics.All.Select(d => d.Id).ToHashSet());
        Assert.Subset(ids.ToHashSet(), BeanstalkRules.Descriptors.Select(d => d.Id).ToHashSet());
        Assert.Equal(RuleCatalog.Descriptors().Count + BeanstalkRules.Descriptors.Count + BackendDiagnostics.All.Count, ids.Count);
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.Matches(IdPattern(), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Description), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.HowToFix), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Category), d.Id);
        });
    }

    [Fact]
    public void An_id_described_twice_is_refused()
    {
        var one = BackendDiagnostics.All[0];
        var error = Assert.Throws<InvalidOperationException>(() => DiagnosticCatalog.Combine([one], [one with { Title = "again" }]));
        Assert.Contains(one.Id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_id_written_in_the_source_has_a_descriptor()
    {
        var source = Path.Combine(Golden.RepositoryRoot, "src");
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                foreach (Match m in IdInText().Matches(line))
                {
                    found.TryAdd(m.Value, Path.GetRelativePath(source, file));
                }
            }
        }

        var undescribed = found.Where(f => DiagnosticCatalog.Find(f.Key) is null).Select(f => $"{f.Key} ({f.Value})").ToList();
        Assert.True(undescribed.Count == 0, "ids without a descriptor: " + string.Join(", ", undescribed));

        // and the scan sees them all: every described id is written in the source (as the constant its reporter uses)
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Id), found.Keys);
    }

    [Fact]
    public void Every_id_reported_on_the_examples_rule_fixtures_and_bad_input_has_a_descriptor()
    {
        var specs = Directory.GetDirectories(Path.Combine(Golden.RepositoryRoot, "examples"))
            .Select(d => Path.Combine(d, "serverless.yml"))
            .Concat(Directory.GetFiles(Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Rules", "Catalogue", "fixtures"), "*.yml",
                SearchOption.AllDirectories))
            .ToList();
        using var bad = new TempDir();
        foreach (var c in BadInputCases.All)
        {
            foreach (var (name, bytes) in c.Files)
            {
                bad.Write(Path.Combine(c.Name, name), bytes);
            }

            specs.Add(Path.Combine(bad.Path, c.Name, c.Spec));
        }

        var reported = ReportedIds(specs);
        Assert.Contains(DiagnosticIds.Parse, reported.Keys);
        Assert.Contains("SLS-SQS-001", reported.Keys);
        AssertDescribed(reported);
    }

    [SkippableFact]
    public void Every_id_reported_on_the_corpus_has_a_descriptor_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var specs = SharedData.CorpusCases().Concat(SharedData.RealWorldCases())
            .Select(d => Path.Combine(d, "serverless.yml"))
            .Where(File.Exists)
            .ToList();
        var reported = ReportedIds(specs);
        Assert.Contains(PulumiProgramBuilder.LeftoverDiagnosticId, reported.Keys);
        AssertDescribed(reported);
    }

    /// <summary>Checks, plans and builds the Pulumi program of each spec; every id reported, with one spec that reports it.</summary>
    private static SortedDictionary<string, string> ReportedIds(IEnumerable<string> specs)
    {
        var reported = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var checker = new SpecChecker(new SpecCheckOptions { AsOf = new DateOnly(2026, 11, 23) });
        foreach (var spec in specs)
        {
            var result = checker.Check(spec);
            var diagnostics = new DiagnosticBag();
            diagnostics.AddRange(result.Result.Diagnostics);
            if (result.Pipeline is { HasErrors: false, Resolved: { } resolved })
            {
                var plan = PlanBuilder.Build(resolved, diagnostics);
                if (!diagnostics.HasErrors)
                {
                    PulumiProgramBuilder.Build(PulumiSource.FromPlan(plan), diagnostics);
                }
            }

            foreach (var d in diagnostics.Items)
            {
                reported.TryAdd(d.Id, spec);
            }
        }

        return reported;
    }

    private static void AssertDescribed(SortedDictionary<string, string> reported)
    {
        var undescribed = reported.Where(r => DiagnosticCatalog.Find(r.Key) is null).Select(r => $"{r.Key} (from {r.Value})").ToList();
        Assert.True(undescribed.Count == 0, "reported ids without a descriptor: " + string.Join(", ", undescribed));
    }

    [GeneratedRegex(@"(?<![\w-])(SLS-[A-Z0-9]+-\d{3}|SPEC-[A-Z]+(-\d{3})?)(?![\w*-])")]
    private static partial Regex IdInText();

    [GeneratedRegex(@"^(SLS-[A-Z0-9]+-\d{3}|SPEC-[A-Z]+(-\d{3})?)$")]
    private static partial Regex IdPattern();
}
