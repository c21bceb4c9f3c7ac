namespace Spec.Tests.Conformance;

/// <summary>
/// Reads a checked-in list of conformance cases that still differ, one per line: <c>&lt;kind&gt; &lt;case&gt;: &lt;reason&gt;</c>
/// (<c>#</c> starts a comment). Found beside this file's source, walking up from the test assembly.
/// </summary>
internal static class ConformanceExceptions
{
    public static Dictionary<string, string> Load(string fileName, string kind)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Find(fileName)))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            Assert.True(space > 0 && colon > space, $"{fileName}: malformed line '{trimmed}' (expected '<kind> <case>: <reason>')");
            if (trimmed[..space] == kind)
            {
                result[trimmed[(space + 1)..colon].Trim()] = trimmed[(colon + 1)..].Trim();
            }
        }

        return result;
    }

    private static string Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Spec.Tests", "Conformance", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"cannot find tests/Spec.Tests/Conformance/{fileName}");
    }
}
