using System.Collections.Immutable;
using Spec.Core.Files;

namespace Spec.Backends.Packaging;

/// <summary>A file the walk did not package, and why (said as a warning: nothing is left out silently).</summary>
public sealed record SkippedFile(string RelativePath, string Reason);

/// <summary>
/// The files below a folder that packaging may zip. The Framework follows every symbolic link (globby with
/// <c>follow</c>); Spec follows links whose real path stays inside the folder and skips, with a reason, links that
/// lead outside it (a repository is untrusted: a link to <c>~/.aws</c> must not be uploaded), dangling links, links
/// that loop, FIFOs, devices and sockets (reading one blocks or never ends), and names with a backslash (zip tools
/// read it as a separator).
/// </summary>
public static class PackageWalk
{
    public static (List<string> Files, List<SkippedFile> Skipped) Files(string root)
    {
        var files = new List<string>();
        var skipped = new List<SkippedFile>();
        var realRoot = UntrustedFile.RealPath(root);
        var pending = new Stack<(string Path, string Relative, ImmutableHashSet<string> Ancestors)>();
        pending.Push((root, string.Empty, ImmutableHashSet.Create(StringComparer.Ordinal, realRoot)));
        while (pending.TryPop(out var folder))
        {
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder.Path).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new(folder.Relative, "cannot be listed: " + e.Message));
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                var relative = folder.Relative.Length == 0 ? name : folder.Relative + "/" + name;
                if (name.Contains('\\', StringComparison.Ordinal))
                {
                    skipped.Add(new(relative, "its name holds a backslash, which zip tools read as a folder separator"));
                    continue;
                }

                var kind = UntrustedFile.KindOf(entry, followLinks: false);
                if (kind == FileKind.Link)
                {
                    if (Follow(entry, realRoot, relative, skipped) is not { } target)
                    {
                        continue;
                    }

                    kind = target;
                }

                switch (kind)
                {
                    case FileKind.Regular:
                        files.Add(relative);
                        break;
                    case FileKind.Directory when UntrustedFile.RealPath(entry) is var real && !folder.Ancestors.Contains(real):
                        pending.Push((entry, relative, folder.Ancestors.Add(real)));
                        break;
                    case FileKind.Directory:
                        skipped.Add(new(relative, "it is a link to a folder that contains it (a directory loop)"));
                        break;
                    case FileKind.Special:
                        skipped.Add(new(relative, "it is a FIFO, device or socket, not a regular file"));
                        break;
                }
            }
        }

        return (files, skipped);
    }

    /// <summary>What a link leads to when packaging may follow it; null (with the reason recorded) when it may not.</summary>
    private static FileKind? Follow(string link, string realRoot, string relative, List<SkippedFile> skipped)
    {
        string real;
        try
        {
            real = UntrustedFile.RealPath(link);
        }
        catch (IOException)
        {
            skipped.Add(new(relative, "it is a symbolic link that loops"));
            return null;
        }

        if (!UntrustedFile.IsInside(real, realRoot))
        {
            skipped.Add(new(relative, "it is a symbolic link that leads outside the folder being packaged"));
            return null;
        }

        var kind = UntrustedFile.KindOf(real, followLinks: false);
        if (kind == FileKind.Missing)
        {
            skipped.Add(new(relative, "it is a dangling symbolic link"));
            return null;
        }

        return kind;
    }
}
