using System.Text.Json;
using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.PlantedBugs;

/// <summary>One planted bug of a <c>tests/corpus/planted-bugs</c> case, as its <c>bugs.json</c> lists it.</summary>
internal sealed record PlantedBug(string Id, string What, string Path, int Line, int EndLine, IReadOnlyList<int> AlsoLines, string Source)
{
    /// <summary>
    /// A finding matches when its line is within the bug's node (<see cref="Line"/> to <see cref="EndLine"/>: one
    /// line for a value, the key and its block for a bug in a whole resource or setting) widened by this many lines,
    /// or this close to one of <see cref="AlsoLines"/> (every other node that takes part: the other end of a
    /// cross-resource mistake, the other value of a forbidden combination). One line either way because a rule may
    /// point at the key of a block whose offending value is on the next line, or at a value whose key is the planted
    /// line; <see cref="PlantedBugsTests"/> checks that no other bug of the case is that close.
    /// </summary>
    public const int LineTolerance = 1;

    public IEnumerable<int> Lines => AlsoLines.Prepend(EndLine).Prepend(Line);

    public bool IsMatchedBy(Diagnostic finding) => finding.Span is { } span && Covers(span.Start.Line);

    public bool Covers(int line) =>
        (line >= Line - LineTolerance && line <= EndLine + LineTolerance)
        || AlsoLines.Any(other => Math.Abs(other - line) <= LineTolerance);
}

/// <summary>A case: a realistic service, its planted bugs (none when it is one of the clean services).</summary>
internal sealed record PlantedBugsCase(string Name, string SpecPath, bool Clean, IReadOnlyList<PlantedBug> Bugs)
{
    /// <summary>What <c>spec check</c> reports on the case that counts for the measure: errors and warnings, not infos.</summary>
    public IReadOnlyList<Diagnostic> Findings() =>
        [.. CataloguePipeline.CheckFile(SpecPath)
            .Where(f => !f.IsSuppressed && f.Diagnostic.Severity != Severity.Info)
            .Select(f => f.Diagnostic)];
}

/// <summary>
/// <c>tests/corpus/planted-bugs</c>: services with bugs planted from AWS's API references, quotas and the Framework's
/// validation, and clean services with traps (README.md there). Read from the source tree, like the rule fixtures.
/// </summary>
internal static class PlantedBugsCorpus
{
    private static readonly Lazy<IReadOnlyList<PlantedBugsCase>> All = new(Load);

    public static IReadOnlyList<PlantedBugsCase> Cases => All.Value;

    public static string Root { get; } = Locate();

    private static IReadOnlyList<PlantedBugsCase> Load() =>
        [.. Directory.GetDirectories(Root).Order(StringComparer.Ordinal).Select(Read)];

    private static PlantedBugsCase Read(string dir)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "bugs.json")));
        var root = json.RootElement;
        var bugs = root.GetProperty("bugs").EnumerateArray().Select(b => new PlantedBug(
            b.GetProperty("id").GetString()!,
            b.GetProperty("what").GetString()!,
            b.GetProperty("path").GetString()!,
            b.GetProperty("line").GetInt32(),
            b.TryGetProperty("endLine", out var end) ? end.GetInt32() : b.GetProperty("line").GetInt32(),
            b.TryGetProperty("alsoLines", out var also) ? [.. also.EnumerateArray().Select(l => l.GetInt32())] : [],
            b.GetProperty("source").GetString()!)).ToList();
        return new PlantedBugsCase(Path.GetFileName(dir), Path.Combine(dir, "serverless.yml"), root.GetProperty("clean").GetBoolean(), bugs);
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "corpus", "planted-bugs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/corpus/planted-bugs not found above " + AppContext.BaseDirectory);
    }
}
