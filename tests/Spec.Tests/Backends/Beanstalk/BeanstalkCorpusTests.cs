using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Xunit.Abstractions;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>
/// Every corpus case either compiles for Elastic Beanstalk or says why not with an error that has a location; the
/// counts are the ones <c>src/Spec.Backends/Beanstalk/README.md</c> states.
/// </summary>
public sealed partial class BeanstalkCorpusTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Every_corpus_case_compiles_for_beanstalk_or_says_why_not_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var cases = SharedData.CorpusCases().Concat(SharedData.RealWorldCases())
            .Select(d => Path.Combine(d, "serverless.yml")).Where(File.Exists).ToList();
        var compiled = 0;
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in cases)
        {
            var c = BeanstalkCompilation.OfFile(spec);
            var errors = c.Errors.ToList();
            if (c.Output is not null && errors.Count == 0)
            {
                Assert.NotEmpty(c.Output.Environments);
                compiled++;
                continue;
            }

            Assert.True(errors.Count > 0, $"{spec}: no bundles and no error saying why");
            Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message), spec));
            var first = errors.OrderBy(e => e.Id, StringComparer.Ordinal).First();
            reasons[first.Id] = reasons.GetValueOrDefault(first.Id) + 1;
            output.WriteLine($"{Path.GetFileName(Path.GetDirectoryName(spec))}: {first.Id} {first.Message}");
        }

        var summary = $"{compiled} of {cases.Count} corpus cases compile for Elastic Beanstalk; the others stop at " +
                      string.Join(", ", reasons.Select(r => $"{r.Key} ({r.Value})"));
        output.WriteLine(summary);
        var readme = File.ReadAllText(Path.Combine(Golden.RepositoryRoot, "src", "Spec.Backends", "Beanstalk", "README.md"));
        var stated = CountLine().Match(readme);
        Assert.True(stated.Success && stated.Value == summary, "the Beanstalk README should say: " + summary);
    }

    [GeneratedRegex(@"\d+ of \d+ corpus cases compile for Elastic Beanstalk; the others stop at [^\n]*")]
    private static partial Regex CountLine();
}
