namespace Spec.Tests;

/// <summary>
/// Finds the project's <c>shared/</c> folder (reference docs and the corpus), which CI places beside the clone, or
/// takes it from <c>SPEC_SHARED_DIR</c> when that is set (then only from there: a wrong setting makes the data missing
/// rather than silently found elsewhere). Tests that need it are named <c>*_RequiresShared</c> and skip with
/// <see cref="SkipReason"/> when it is absent (through <see cref="TestSkip"/>, so under <c>CI=true</c> they fail).
/// </summary>
internal static class SharedData
{
    public const string SkipReason =
        "needs ../shared/corpus (the Serverless Framework corpus beside the checkout, or SPEC_SHARED_DIR); present in CI, absent here";

    private static readonly Lazy<string?> RootPath = new(FindRoot);

    /// <summary>The <c>shared</c> folder, or null when it cannot be found.</summary>
    public static string? Root => RootPath.Value;

    public static string? Corpus => Root is null ? null : Path.Combine(Root, "corpus");

    public static bool Missing => Root is null;

    /// <summary>The 106 packaged AWS cases (folders under corpus/sls-examples), sorted by name.</summary>
    public static IReadOnlyList<string> CorpusCases() =>
        Corpus is null
            ? []
            : [.. Directory.GetDirectories(Path.Combine(Corpus, "sls-examples")).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The 69 cases of corpus/real-world (Framework fixtures <c>fw-*</c> and real services <c>rw-*</c>), sorted by name.
    /// </summary>
    public static IReadOnlyList<string> RealWorldCases() =>
        Corpus is null || !Directory.Exists(Path.Combine(Corpus, "real-world"))
            ? []
            : [.. Directory.GetDirectories(Path.Combine(Corpus, "real-world")).Order(StringComparer.Ordinal)];

    private static string? FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SPEC_SHARED_DIR");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Directory.Exists(Path.Combine(fromEnv, "corpus")) ? fromEnv : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        return null;
    }
}
