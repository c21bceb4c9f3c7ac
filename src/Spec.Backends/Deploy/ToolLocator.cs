namespace Spec.Backends.Deploy;

/// <summary>
/// Finds the external tools a deployment runs (<c>aws</c>, <c>pulumi</c>) on <c>PATH</c> only. A spec's repository is
/// untrusted, so the working directory is never searched (the operating system's own lookup tries it first), and
/// neither are empty or relative <c>PATH</c> entries, which name it implicitly. The result is an absolute path, so the
/// process that is started is the one that was checked.
/// </summary>
public static class ToolLocator
{
    public static string? OnPath(string name, string? searchPath)
    {
        foreach (var dir in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathFullyQualified(dir))
            {
                continue;
            }

            foreach (var candidate in OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name])
            {
                var path = Path.Combine(dir, candidate);
                if (IsExecutableFile(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
