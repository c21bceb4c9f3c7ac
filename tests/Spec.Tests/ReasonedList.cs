namespace Spec.Tests;

/// <summary>
/// A checked-in list of <c>name: reason</c> lines (blank lines and <c>#</c> comments ignored), such as the accepted
/// conformance differences and the platform skips CI accepts.
/// </summary>
internal static class ReasonedList
{
    public static Dictionary<string, string> Read(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            result[colon < 0 ? trimmed : trimmed[..colon].Trim()] = colon < 0 ? string.Empty : trimmed[(colon + 1)..].Trim();
        }

        return result;
    }
}
