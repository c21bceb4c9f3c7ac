namespace Spec.Tests;

/// <summary>Finds Node.js for the tests that run npm tools (the js-yaml oracle, yaml-language-server).</summary>
internal static class NodeJs
{
    /// <summary>The <c>node</c> executable on PATH, or null when there is none.</summary>
    public static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "node");
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
