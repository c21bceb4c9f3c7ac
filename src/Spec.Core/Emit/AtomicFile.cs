using System.Security.Cryptography;
using System.Text;
using Spec.Core.Files;

namespace Spec.Core.Emit;

/// <summary>
/// The one way Spec writes a file: readers see the old content or the new, never half of it, and a link is never
/// written through. Each file goes to a temporary sibling created exclusively (<see cref="FileMode.CreateNew"/>, so an
/// existing file or link at that name is never opened) under an unpredictable name, and is then renamed over the
/// destination. A destination that is a symbolic link is refused with <see cref="LinkRefusedException"/>.
/// Failures are <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>; the temporary files are gone.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void Write(string path, string text) => Write(path, Utf8.GetBytes(text));

    public static void Write(string path, byte[] content) => Write(path, stream => stream.Write(content));

    /// <summary>Writes what <paramref name="write"/> writes to the stream it is given (a large report need not be held whole).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temp = Stage(full, write);
        try
        {
            Commit(temp, full);
        }
        finally
        {
            Discard(temp);
        }
    }

    /// <summary>
    /// Writes several files into <paramref name="directory"/> (created when missing) as one step, as far as a file
    /// system allows: every file is staged first, and only when all are staged are they renamed into place, so a
    /// failure while writing leaves the previous output untouched. Paths are relative to the directory ('/'-separated),
    /// must stay inside it (<see cref="PathNames.ProblemWithRelativePath"/>: a name built from a spec never escapes) and
    /// may name subfolders, which are created; a subfolder that is a link is refused.
    /// </summary>
    public static void WriteAll(string directory, IEnumerable<KeyValuePair<string, byte[]>> files) =>
        WriteAll(directory, files.Select(f => KeyValuePair.Create(f.Key, (IReadOnlyList<ReadOnlyMemory<byte>>)[f.Value])));

    /// <summary><see cref="WriteAll(string, IEnumerable{KeyValuePair{string, byte[]}})"/> for files given by the
    /// segments of their bytes, written in order (a large file need not be joined into one array first).</summary>
    public static void WriteAll(string directory, IEnumerable<KeyValuePair<string, IReadOnlyList<ReadOnlyMemory<byte>>>> files)
    {
        var root = Path.GetFullPath(directory);
        var created = !Directory.Exists(root);
        Directory.CreateDirectory(root);
        var staged = new List<(string Temp, string Destination)>();
        var committed = 0;
        try
        {
            foreach (var (name, content) in files)
            {
                if (PathNames.ProblemWithRelativePath(name) is { } problem)
                {
                    throw new IOException($"'{name}' cannot be written into '{root}': {problem}");
                }

                var destination = Path.GetFullPath(Path.Combine(root, name));
                CreateFolders(root, destination);
                staged.Add((Stage(destination, stream => WriteSegments(stream, content)), destination));
            }

            for (; committed < staged.Count; committed++)
            {
                Commit(staged[committed].Temp, staged[committed].Destination);
            }
        }
        catch
        {
            foreach (var (temp, _) in staged.Skip(committed))
            {
                Discard(temp);
            }

            if (created)
            {
                RemoveIfEmpty(root);
            }

            throw;
        }
    }

    /// <summary>Creates the folders between <paramref name="root"/> and the file, refusing links and paths outside the root.</summary>
    private static void CreateFolders(string root, string destination)
    {
        var relative = Path.GetRelativePath(root, Path.GetDirectoryName(destination)!);
        if (relative == ".")
        {
            return;
        }

        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"'{destination}' is outside the output folder '{root}'");
        }

        var folder = root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            folder = Path.Combine(folder, part);
            RefuseLink(folder);
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>The name a staged file gets beside <paramref name="destination"/>: hidden, random, never reused.</summary>
    internal static string TempPathFor(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination)!,
            "." + Path.GetFileName(destination) + "." + RandomNumberGenerator.GetHexString(16, lowercase: true) + ".tmp");

    private static void WriteSegments(Stream stream, IReadOnlyList<ReadOnlyMemory<byte>> content)
    {
        foreach (var segment in content)
        {
            stream.Write(segment.Span);
        }
    }

    private static string Stage(string destination, Action<Stream> write)
    {
        RefuseLink(destination);
        var temp = TempPathFor(destination);
        try
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
        }
        catch
        {
            Discard(temp);
            throw;
        }

        return temp;
    }

    private static void Commit(string temp, string destination)
    {
        // checked again right before the rename: the link may have appeared while the file was staged. The rename
        // itself replaces a link rather than following it, so a link that appears after this check is not written through.
        RefuseLink(destination);
        File.Move(temp, destination, overwrite: true);
    }

    private static void RefuseLink(string destination)
    {
        if (new FileInfo(destination).LinkTarget is not null)
        {
            throw new LinkRefusedException(destination);
        }
    }

    private static void RemoveIfEmpty(string directory)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort, as for the staged files
        }
    }

    private static void Discard(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort: the name is random and hidden, and the original failure is what the caller reports
        }
    }
}

/// <summary>The destination of a write is a symbolic link: Spec never writes through a link.</summary>
public sealed class LinkRefusedException : IOException
{
    public LinkRefusedException(string path)
        : base($"'{path}' is a symbolic link; Spec never writes through a link (remove the link or write elsewhere)")
    {
        Path = path;
    }

    public LinkRefusedException()
    {
        Path = string.Empty;
    }

    public LinkRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    public string Path { get; }
}
