using Spec.Tests.Backends;
using Xunit.Abstractions;

namespace Spec.Tests.Conformance;

/// <summary>
/// Runs one kind of conformance check (print, template, …) over a corpus against its checked-in exceptions list: fails
/// when an unlisted case differs and when a listed case has started to conform, so the list only shrinks. With
/// <c>SPEC_CONFORMANCE_REPORT=&lt;dir&gt;</c> every difference of every case is also written to
/// <c>&lt;dir&gt;/&lt;corpus&gt;-&lt;kind&gt;.txt</c> (for measuring, not for the verdict).
/// </summary>
internal static class ConformanceCheck
{
    public static void Run(ITestOutputHelper output, string corpus, string exceptionsFile, string kind,
        IReadOnlyList<CorpusCase> cases, Func<CorpusCase, IReadOnlyList<string>> differences) =>
        Run(output, corpus, exceptionsFile, ConformanceExceptions.Load(exceptionsFile, kind), kind, cases, differences);

    /// <summary>The same with the list already read (<paramref name="exceptionsFile"/> names it in the messages).</summary>
    public static void Run(ITestOutputHelper output, string corpus, string exceptionsFile, IReadOnlyDictionary<string, string> listed,
        string kind, IReadOnlyList<CorpusCase> cases, Func<CorpusCase, IReadOnlyList<string>> differences)
    {
        Assert.True(cases.Count > 0, $"no {corpus} cases found");
        var failures = new List<string>();
        var report = new List<string>();
        var passed = 0;
        foreach (var c in cases)
        {
            var diffs = DifferencesOrCrash(differences, c);
            if (diffs.Count == 0)
            {
                passed++;
                if (listed.ContainsKey(c.Name))
                {
                    failures.Add($"{c.Name}: listed as a {kind} exception but now conforms; remove it from {exceptionsFile}");
                }

                continue;
            }

            report.Add($"== {c.Name}");
            report.AddRange(diffs.Select(d => "   " + d));
            if (!listed.ContainsKey(c.Name))
            {
                failures.Add($"{c.Name}: {diffs.Count} difference(s); first: {diffs[0]}");
            }
            else
            {
                output.WriteLine($"{c.Name} (listed): {diffs[0]}");
            }
        }

        var unknown = listed.Keys.Except(cases.Select(c => c.Name)).ToList();
        failures.AddRange(unknown.Select(n => $"{n}: listed as a {kind} exception in {exceptionsFile} but there is no such case"));

        var reportDirectory = Environment.GetEnvironmentVariable("SPEC_CONFORMANCE_REPORT");
        if (!string.IsNullOrEmpty(reportDirectory))
        {
            Directory.CreateDirectory(reportDirectory);
            File.WriteAllLines(Path.Combine(reportDirectory, $"{corpus}-{kind}.txt"),
                [$"{corpus} {kind}: {passed} of {cases.Count} conform", .. report]);
        }

        output.WriteLine($"{corpus} {kind}: {passed} of {cases.Count} cases conform, {listed.Count} listed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// A case on which Spec throws is one difference that names the exception and the method that threw it, so one
    /// crash neither hides the verdict on every other case nor goes unlisted.
    /// </summary>
    private static IReadOnlyList<string> DifferencesOrCrash(Func<CorpusCase, IReadOnlyList<string>> differences, CorpusCase c)
    {
        try
        {
            return differences(c);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var site = e.TargetSite is { } method ? $" in {method.DeclaringType?.Name}.{method.Name}" : string.Empty;
            return [$"Spec throws {e.GetType().Name}{site}: {e.Message}"];
        }
    }
}
