namespace Spec.Benchmarks;

/// <summary>
/// The specs of <c>shared/corpus</c>: the 106 packaged cases and the 191 raw specs. The folder is found like the
/// tests find it (SPEC_SHARED_DIR, or a <c>shared/corpus</c> beside an ancestor of the working directory or binary).
/// </summary>
internal static class CorpusFiles
{
    public static IReadOnlyList<string> All()
    {
        var corpus = FindCorpus() ?? throw new DirectoryNotFoundException(
            "shared/corpus not found: set SPEC_SHARED_DIR or run from a checkout with shared/ beside it");
        var cases = Directory.GetDirectories(Path.Combine(corpus, "sls-examples"))
            .Select(d => Path.Combine(d, "serverless.yml"))
            .Where(File.Exists);
        var raw = Directory.EnumerateFiles(Path.Combine(corpus, "sls-examples-raw"), "serverless.y*ml",
            SearchOption.AllDirectories);
        return [.. cases.Concat(raw).Order(StringComparer.Ordinal)];
    }

    /// <summary>The <c>serverless.yml</c> of each conformance case (106 in <c>sls-examples</c>, 69 in <c>real-world</c>).</summary>
    public static IReadOnlyList<string> ConformanceSpecs()
    {
        var corpus = FindCorpus() ?? throw new DirectoryNotFoundException(
            "shared/corpus not found: set SPEC_SHARED_DIR or run from a checkout with shared/ beside it");
        return
        [
            .. new[] { "sls-examples", "real-world" }
                .SelectMany(set => Directory.GetDirectories(Path.Combine(corpus, set)))
                .Select(d => Path.Combine(d, "serverless.yml"))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Every YAML file of the conformance cases (106 in <c>sls-examples</c>, 69 in <c>real-world</c>): the specs and the
    /// files they include through <c>${file()}</c>.
    /// </summary>
    public static IReadOnlyList<string> ConformanceYaml()
    {
        var corpus = FindCorpus() ?? throw new DirectoryNotFoundException(
            "shared/corpus not found: set SPEC_SHARED_DIR or run from a checkout with shared/ beside it");
        return
        [
            .. new[] { "sls-examples", "real-world" }
                .SelectMany(set => Directory.EnumerateFiles(Path.Combine(corpus, set), "*.*", SearchOption.AllDirectories))
                .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal),
        ];
    }

    private static string? FindCorpus()
    {
        if (Environment.GetEnvironmentVariable("SPEC_SHARED_DIR") is { Length: > 0 } shared
            && Directory.Exists(Path.Combine(shared, "corpus")))
        {
            return Path.Combine(shared, "corpus");
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
