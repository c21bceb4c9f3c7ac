namespace Spec.Tests.Conformance;

/// <summary>
/// Reads a checked-in list of conformance cases that still differ, one per line: <c>&lt;kind&gt; &lt;case&gt;: &lt;reason&gt;</c>
/// (a <see cref="ReasonedList"/> whose names carry the kind). Found beside this file's source, walking up from the test
/// assembly. Every line must name a kind and a case and give a reason.
/// </summary>
internal static class ConformanceExceptions
{
    public static Dictionary<string, string> Load(string fileName, string kind)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, reason) in ReasonedList.Read(Find(fileName)))
        {
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            Assert.True(space > 0 && reason.Length > 0, $"{fileName}: malformed line '{name}' (expected '<kind> <case>: <reason>')");
            if (name[..space] == kind)
            {
                result[name[(space + 1)..].Trim()] = reason;
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
