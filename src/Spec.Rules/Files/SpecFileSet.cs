using Spec.Rules.Suppression;

namespace Spec.Rules.Files;

/// <summary>The files a glob expanded to, and the patterns that matched nothing (to report, not to ignore).</summary>
public sealed record ExpandedFiles(IReadOnlyList<string> Paths, IReadOnlyList<string> Unmatched);

/// <summary>
/// Expands <c>spec check</c> arguments: an argument with <c>*</c>, <c>?</c> or <c>**</c> is a glob over files below its
/// literal prefix (relative to the base directory; <c>node_modules</c>, <c>.git</c> and <c>.serverless</c> are never
/// searched); any other argument (a file or a directory) is passed through unchanged, for the caller's discovery.
/// The result keeps argument order, each glob's matches sorted, without duplicates.
/// </summary>
public static class SpecFileSet
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "node_modules", ".git", ".serverless" };

    public static ExpandedFiles Expand(IEnumerable<string> arguments, string baseDirectory)
    {
        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var argument in arguments)
        {
            if (Glob.IsLiteral(argument))
            {
                if (seen.Add(Path.GetFullPath(argument, baseDirectory)))
                {
                    paths.Add(argument);
                }

                continue;
            }

            var matches = Matches(argument, baseDirectory);
            if (matches.Count == 0)
            {
                unmatched.Add(argument);
            }

            paths.AddRange(matches.Where(seen.Add));
        }

        return new ExpandedFiles(paths, unmatched);
    }

    private static List<string> Matches(string pattern, string baseDirectory)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var literal = segments.TakeWhile(Glob.IsLiteral).ToList();
        if (literal.Count == segments.Length)
        {
            literal.RemoveAt(literal.Count - 1);
        }

        var root = Path.GetFullPath(literal.Count == 0 ? "." : string.Join('/', literal) + "/", baseDirectory);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var rest = string.Join('/', segments.Skip(literal.Count));
        var glob = new Glob(rest.Contains('/', StringComparison.Ordinal) ? rest : "./" + rest);
        var recursive = rest.Contains("**", StringComparison.Ordinal) || rest.Contains('/', StringComparison.Ordinal);
        var found = new List<string>();
        Walk(root, root, glob, recursive, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Walk(string root, string directory, Glob glob, bool recursive, List<string> found)
    {
        IEnumerable<string> files;
        IEnumerable<string> directories;
        try
        {
            files = Directory.EnumerateFiles(directory);
            directories = recursive ? Directory.EnumerateDirectories(directory) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var file in files)
        {
            if (glob.IsMatch(Path.GetRelativePath(root, file).Replace('\\', '/')))
            {
                found.Add(file);
            }
        }

        foreach (var sub in directories)
        {
            if (!SkippedDirectories.Contains(Path.GetFileName(sub)))
            {
                Walk(root, sub, glob, recursive, found);
            }
        }
    }
}
