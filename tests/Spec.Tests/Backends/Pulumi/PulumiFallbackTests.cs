using Spec.Backends.CloudFormation;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>
/// Which corpus resources still go to the leftover CloudFormation stack (SPEC-PULUMI-001), against the checked-in list
/// <c>corpus-pulumi-leftovers.txt</c> (each line says why the resource may stay there), so the fallback cannot grow
/// silently, and a mapping that shrinks it updates the list.
/// </summary>
public sealed class PulumiFallbackTests
{
    private static string ListPath => Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Backends", "Pulumi", "corpus-pulumi-leftovers.txt");

    [SkippableFact]
    public void Corpus_LeftoverStackHoldsExactlyTheListedResources_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var actual = new SortedSet<string>(StringComparer.Ordinal);
        var cases = CorpusCase.All().Select(c => (c.Name, Resolve: (Func<DiagnosticBag, Spec.Core.Resolve.ResolvedSpec>)c.Resolve)).Concat(PulumiLocalCases.All()).ToList();
        foreach (var (name, resolve) in cases)
        {
            var diagnostics = new DiagnosticBag();
            var plan = CloudFormationCompiler.Compile(resolve(diagnostics), diagnostics).Plan;
            var program = PulumiProgramBuilder.Build(PulumiSource.FromPlan(plan), diagnostics);
            var types = plan.Resources.ToDictionary(r => r.LogicalId, r => r.Type, StringComparer.Ordinal);
            foreach (var group in program.Leftovers.GroupBy(id => types[id], StringComparer.Ordinal))
            {
                actual.Add($"{name} {group.Key} {string.Join(",", group.Order(StringComparer.Ordinal))}");
            }

            var reported = diagnostics.Items.Count(d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId);
            Assert.True(reported == program.Leftovers.Select(id => types[id]).Distinct().Count(), $"{name}: every leftover type is reported once");
        }

        var listed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(ListPath).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(" — ", 2);
            Assert.True(parts.Length == 2 && parts[1].Trim().Length > 0, $"'{line}': say why it stays in the fallback after ' — '");
            listed.Add(parts[0].Trim());
        }

        Assert.True(cases.Count > 100, $"the corpus has {cases.Count} cases");
        var unlisted = actual.Except(listed).ToList();
        var gone = listed.Except(actual).ToList();
        Assert.True(unlisted.Count == 0 && gone.Count == 0,
            $"leftover stack not as listed in {ListPath}:\n  not listed: {string.Join("\n  not listed: ", unlisted)}\n  listed but mapped now: {string.Join("\n  listed but mapped now: ", gone)}");
    }
}
