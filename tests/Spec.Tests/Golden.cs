namespace Spec.Tests;

/// <summary>
/// Golden files: compare output with a checked-in file, or (re)write the file when <c>SPEC_BLESS=1</c>.
/// A mismatch names the first differing line so the diff is easy to read in test output.
/// </summary>
internal static class Golden
{
    /// <summary>
    /// True when the tests should (re)write the expected files. Under <c>CI=true</c> blessing fails the test instead:
    /// a blessing test writes whatever the code produces and passes, so in CI it would accept any output.
    /// </summary>
    public static bool Blessing => BlessingIn(Environment.GetEnvironmentVariable("SPEC_BLESS"), TestSkip.InCi);

    internal static bool BlessingIn(string? blessVariable, bool inCi)
    {
        if (blessVariable != "1")
        {
            return false;
        }

        Assert.False(inCi, "SPEC_BLESS=1 under CI=true: blessing rewrites the expected files and cannot fail, so CI " +
            "refuses it; bless on a workstation and commit the reviewed files");
        return true;
    }

    /// <summary>The repository root (the folder holding Spec.sln), found upward from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static void Verify(string goldenPath, string actual)
    {
        var path = Path.IsPathRooted(goldenPath) ? goldenPath : Path.Combine(RepositoryRoot, goldenPath);
        if (Blessing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{goldenPath} is missing; run the tests with SPEC_BLESS=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail($"{goldenPath} differs at line {line + 1}:\n  expected: {At(expectedLines, line)}\n  actual:   {At(actualLines, line)}\n" +
            "review the change, then re-bless with SPEC_BLESS=1");
    }

    private static string At(string[] lines, int index) => index < lines.Length ? lines[index] : "<end of file>";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spec.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find Spec.sln above the test assembly");
    }
}
