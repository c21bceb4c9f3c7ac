using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;
using Xunit.Abstractions;

namespace Spec.Tests.Rules.PlantedBugs;

/// <summary>
/// Recall of <c>spec check</c> on the planted-bugs corpus and false alarms on its clean services. The thresholds are
/// the measured numbers (README.md, "Planted bugs"): a change that loses a caught bug, or raises an error on a clean
/// service, fails here. <c>tests/corpus-tools/planted-bugs/measure.js</c> prints the same table beside
/// <c>serverless package</c> + cfn-lint.
/// </summary>
public sealed class PlantedBugsTests(ITestOutputHelper output)
{
    /// <summary>Planted bugs <c>spec check</c> finds today, of <see cref="Planted"/>.</summary>
    private const int MeasuredCaught = 87;

    private const int Planted = 90;

    [Fact]
    public void Spec_finds_at_least_the_measured_number_of_planted_bugs()
    {
        var report = new StringBuilder();
        var caught = 0;
        var planted = 0;
        foreach (var service in PlantedBugsCorpus.Cases.Where(c => !c.Clean))
        {
            var findings = service.Findings();
            foreach (var bug in service.Bugs)
            {
                planted++;
                var hits = findings.Where(bug.IsMatchedBy).Select(f => $"{f.Id}@{f.Span!.Start.Line}").ToList();
                caught += hits.Count > 0 ? 1 : 0;
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{(hits.Count > 0 ? "caught" : "MISSED")} {service.Name}/{bug.Id} L{bug.Line} [{string.Join(' ', hits)}] {bug.What}");
            }
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"recall {caught}/{planted} = {(double)caught / planted:0.000}");
        output.WriteLine(report.ToString());
        Assert.Equal(Planted, planted);
        Assert.True(caught >= MeasuredCaught, $"spec check finds {caught} of {planted} planted bugs, fewer than the {MeasuredCaught} measured:\n{report}");
    }

    [Fact]
    public void Clean_services_get_no_error()
    {
        var errors = PlantedBugsCorpus.Cases.Where(c => c.Clean)
            .SelectMany(c => c.Findings().Where(f => f.Severity == Severity.Error).Select(f => $"{c.Name}: {f}"))
            .ToList();
        output.WriteLine(string.Join('\n', errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void Every_case_is_well_formed()
    {
        Assert.NotEmpty(PlantedBugsCorpus.Cases);
        foreach (var service in PlantedBugsCorpus.Cases)
        {
            var lineCount = File.ReadAllLines(service.SpecPath).Length;
            Assert.True(service.Clean == (service.Bugs.Count == 0), $"{service.Name}: clean services have no bug, the others have some");
            foreach (var bug in service.Bugs)
            {
                Assert.All(bug.Lines, line => Assert.InRange(line, 1, lineCount));
                Assert.False(string.IsNullOrWhiteSpace(bug.Source), $"{service.Name}/{bug.Id} names no source");
            }

            foreach (var bug in service.Bugs)
            {
                var near = service.Bugs.Where(other => other != bug && bug.Covers(other.Line)).Select(other => other.Id).ToList();
                Assert.True(near.Count == 0, $"{service.Name}/{bug.Id}: the line of {string.Join(", ", near)} is within its match tolerance");
            }
        }
    }
}
