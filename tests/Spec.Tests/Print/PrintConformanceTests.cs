using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Print;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Xunit.Abstractions;

namespace Spec.Tests.Print;

/// <summary>
/// <c>spec print --format json</c> against <c>serverless print --format json</c> (3.40.0) for every packaged case
/// of the corpus, run with the case's <c>args</c> and <c>env</c>. Cases listed in
/// <c>print-conformance-exceptions.txt</c> differ on purpose, and the test checks that they still do.
/// </summary>
public sealed class PrintConformanceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Corpus_PrintMatchesServerlessPrint_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var exceptions = LoadExceptions();
        var failures = new List<string>();
        var stale = new List<string>();
        var passed = 0;
        var cases = SharedData.CorpusCases();
        foreach (var dir in cases)
        {
            var name = Path.GetFileName(dir);
            var difference = Compare(dir);
            if (exceptions.ContainsKey(name))
            {
                if (difference is null)
                {
                    stale.Add($"{name}: listed as an exception but now matches; remove it from the list");
                }

                continue;
            }

            if (difference is null)
            {
                passed++;
            }
            else
            {
                failures.Add($"{name}: {difference}");
            }
        }

        output.WriteLine($"print conformance: {passed} of {cases.Count} cases match, {exceptions.Count} listed exceptions");
        foreach (var f in failures.Concat(stale))
        {
            output.WriteLine(f);
        }

        Assert.True(cases.Count > 0, "no corpus cases found");
        Assert.Empty(stale);
        Assert.Empty(failures);
    }

    /// <summary>Null when the printed JSON equals the expected one, else the first differing JSON path.</summary>
    internal static string? Compare(string caseDirectory)
    {
        var caseInfo = JsonNode.Parse(File.ReadAllText(Path.Combine(caseDirectory, "case.json")))!;
        var config = caseInfo["config"]?.GetValue<string>() ?? "serverless.yml";
        var args = caseInfo["args"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [];
        var env = caseInfo["env"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [];

        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader().LoadFile(Path.Combine(caseDirectory, config), diagnostics);
        var resolved = VariableResolver.Resolve(loaded, ResolveOptions.FromArguments(args, env), diagnostics);
        var printed = ConfigPrinter.Print(resolved, PrintFormat.Json, null, diagnostics);
        var errors = diagnostics.Items.Where(d => d.Severity == Severity.Error).ToList();
        if (printed is null || errors.Count > 0)
        {
            return "errors: " + string.Join("; ", errors.Select(e => e.ToString()));
        }

        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(caseDirectory, "expected.print.json")));
        var actual = JsonNode.Parse(printed);
        return FirstDifference(expected, actual, "$");
    }

    internal static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject eo when actual is JsonObject ao:
                {
                    foreach (var (key, value) in eo)
                    {
                        if (!ao.ContainsKey(key))
                        {
                            return $"{path}.{key}: missing (expected {Short(value)})";
                        }

                        if (FirstDifference(value, ao[key], $"{path}.{key}") is { } d)
                        {
                            return d;
                        }
                    }

                    foreach (var (key, value) in ao)
                    {
                        if (!eo.ContainsKey(key))
                        {
                            return $"{path}.{key}: unexpected {Short(value)}";
                        }
                    }

                    var expectedOrder = eo.Select(p => p.Key).ToList();
                    var actualOrder = ao.Select(p => p.Key).ToList();
                    return expectedOrder.SequenceEqual(actualOrder)
                        ? null
                        : $"{path}: key order [{string.Join(", ", actualOrder)}], expected [{string.Join(", ", expectedOrder)}]";
                }

            case JsonArray ea when actual is JsonArray aa:
                for (var i = 0; i < Math.Min(ea.Count, aa.Count); i++)
                {
                    if (FirstDifference(ea[i], aa[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return ea.Count == aa.Count ? null : $"{path}: {aa.Count} items, expected {ea.Count}";
            default:
                return JsonNode.DeepEquals(expected, actual)
                    ? null
                    : $"{path}: {Short(actual)}, expected {Short(expected)}";
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }

    private static Dictionary<string, string> LoadExceptions()
    {
        var file = ExceptionsFile();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var line in File.ReadAllLines(file))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var split = trimmed.IndexOf(' ', StringComparison.Ordinal);
            result[split < 0 ? trimmed : trimmed[..split]] = split < 0 ? string.Empty : trimmed[(split + 1)..].Trim();
        }

        return result;
    }

    /// <summary>The checked-in list, found beside this test's source (walking up from the test assembly).</summary>
    private static string ExceptionsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(dir.FullName, "Print", ExceptionsName),
                         Path.Combine(dir.FullName, "tests", "Spec.Tests", "Print", ExceptionsName),
                     })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"cannot find tests/Spec.Tests/Print/{ExceptionsName}");
    }

    private const string ExceptionsName = "print-conformance-exceptions.txt";

    [Fact]
    public void FirstDifference_NamesThePathAndTheOrder()
    {
        var expected = JsonNode.Parse("""{"a":{"b":[1,2]},"c":1}""");
        Assert.Equal("$.a.b[1]: 3, expected 2", FirstDifference(expected, JsonNode.Parse("""{"a":{"b":[1,3]},"c":1}"""), "$"));
        Assert.StartsWith("$: key order [c, a]", FirstDifference(expected, JsonNode.Parse("""{"c":1,"a":{"b":[1,2]}}"""), "$"),
            StringComparison.Ordinal);
        Assert.Null(FirstDifference(expected, JsonNode.Parse("""{"a":{"b":[1,2]},"c":1.0}"""), "$"));
    }
}
