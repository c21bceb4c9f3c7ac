using Spec.Tests.Backends;
using Spec.Tests.Print;
using Xunit.Abstractions;

namespace Spec.Tests.Conformance;

/// <summary>
/// <c>shared/corpus/real-world</c>: 69 specs Spec was not developed against (the Framework's own fixtures and real
/// services), each with what Serverless Framework 3.40.0 printed and packaged. <c>spec print</c> must equal
/// <c>serverless print</c> and the template must equal the Framework's once the volatile parts are masked. The cases that
/// still differ are listed in <c>real-world-exceptions.txt</c> with the reason; the test fails when an unlisted case
/// differs and when a listed case has started to conform (so the list only shrinks).
/// </summary>
public sealed class RealWorldConformanceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void RealWorld_PrintMatchesServerlessPrint_RequiresShared() =>
        Check("print", c => PrintConformanceTests.Compare(c.Directory) is { } d ? [d] : []);

    [SkippableFact]
    public void RealWorld_TemplatesMatchTheFramework_RequiresShared() =>
        Check("template", c => CfnConformanceTests.Run(c).Diffs);

    private void Check(string kind, Func<CorpusCase, IReadOnlyList<string>> differences)
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var cases = CorpusCase.RealWorld().ToList();
        Assert.True(cases.Count > 0, "no real-world cases found under shared/corpus/real-world");
        var listed = ConformanceExceptions.Load("real-world-exceptions.txt", kind);
        var failures = new List<string>();
        var passed = 0;
        foreach (var c in cases)
        {
            var diffs = differences(c);
            if (diffs.Count == 0)
            {
                passed++;
                if (listed.ContainsKey(c.Name))
                {
                    failures.Add($"{c.Name}: listed as a {kind} exception but now conforms; remove it from the list");
                }
            }
            else if (!listed.ContainsKey(c.Name))
            {
                failures.Add($"{c.Name}: {diffs.Count} difference(s); first: {diffs[0]}");
            }
            else
            {
                output.WriteLine($"{c.Name} (listed): {diffs[0]}");
            }
        }

        output.WriteLine($"real-world {kind}: {passed} of {cases.Count} cases conform, {listed.Count} listed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
