using System.Text;

namespace Spec.Core.Files;

/// <summary>
/// Names from a spec (service, stage, function and layer keys) become file names: an output path built from one must
/// stay inside its folder. A safe name is one path segment: not empty, not <c>.</c> or <c>..</c>, no <c>/</c>, no
/// <c>\</c>, no control character, at most 255 bytes (the file-name limit of common file systems).
/// </summary>
public static class PathNames
{
    public const int MaxSegmentBytes = 255;

    /// <summary>Why <paramref name="name"/> cannot be one file name, or null when it can.</summary>
    public static string? ProblemWithFileName(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name is "." or "..")
        {
            return $"'{name}' names a folder, not a file";
        }

        if (name.IndexOfAny(['/', '\\']) >= 0)
        {
            return "it contains a path separator ('/' or '\\')";
        }

        if (name.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        return Encoding.UTF8.GetByteCount(name) > MaxSegmentBytes ? $"it is longer than {MaxSegmentBytes} bytes" : null;
    }

    /// <summary>Why the relative path <paramref name="path"/> ('/'-separated) could leave its folder, or null when it cannot.</summary>
    public static string? ProblemWithRelativePath(string path)
    {
        if (path.Length == 0 || Path.IsPathRooted(path) || path[0] == '/')
        {
            return "it is not a relative path";
        }

        foreach (var segment in path.Split('/'))
        {
            if (ProblemWithFileName(segment) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
