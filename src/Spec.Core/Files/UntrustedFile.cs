using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Spec.Core.Files;

/// <summary>What a path names on disk: only a <see cref="Regular"/> file is ever read.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A FIFO, a character or block device, or a socket: reading one can block forever or never end.</summary>
    Special,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    Link,
}

/// <summary>The file is a FIFO, a device or a socket: Spec never reads one.</summary>
public sealed class NotRegularFileException(string path)
    : IOException($"'{path}' is not a regular file (a FIFO, device or socket); Spec does not read it")
{
    public string Path { get; } = path;
}

/// <summary>The file holds more bytes than the limit (counted while reading, not taken from its reported length).</summary>
public sealed class FileTooLargeException(string path, long limit)
    : IOException($"'{path}' is larger than {limit / (1024 * 1024)} MB")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Reads files from a spec's repository, which is untrusted input: only regular files (a FIFO would block forever and
/// a device such as <c>/dev/zero</c> never ends, also behind a link), at most a limit of bytes counted as they are
/// read, and real paths resolved link by link so a sandbox check sees where a path really leads.
/// </summary>
public static partial class UntrustedFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int OpenReadOnlyNonBlocking = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC (Linux)
    private const int MaxLinkHops = 40;

    /// <summary>What <paramref name="path"/> is; links are followed unless <paramref name="followLinks"/> is false.</summary>
    public static FileKind KindOf(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsLinux() && StatxMode(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow) is { } mode)
        {
            return mode < 0 ? FileKind.Missing : KindOfMode(mode);
        }

        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
        {
            return FileKind.Link;
        }

        return info switch
        {
            DirectoryInfo => FileKind.Directory,
            { Exists: true } => FileKind.Regular,
            _ => FileKind.Missing,
        };
    }

    /// <summary>
    /// The bytes of the regular file at <paramref name="path"/>, at most <paramref name="maxBytes"/>. Throws
    /// <see cref="FileNotFoundException"/>, <see cref="NotRegularFileException"/>, <see cref="FileTooLargeException"/>
    /// or another <see cref="IOException"/>/<see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        switch (KindOf(path))
        {
            case FileKind.Missing:
                throw new FileNotFoundException($"no such file: '{path}'", path);
            case FileKind.Directory:
                throw new UnauthorizedAccessException($"'{path}' is a directory");
            case FileKind.Special:
                throw new NotRegularFileException(path);
        }

        using var stream = OpenRegular(path);
        // Sized from the file's length, so a file that does not change while read is one allocation, returned as is
        // (growing by doubling and copying out made a 2 MB spec 7 MB of large-object garbage). The limit is still
        // checked on what is read, not on the length, which the file can outgrow.
        var buffer = new MemoryStream((int)Math.Min(stream.Length, Math.Min(maxBytes, Array.MaxLength)));
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FileTooLargeException(path, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary><see cref="ReadAllBytes"/> decoded as UTF-8 (a byte order mark is dropped).</summary>
    public static string ReadAllText(string path, long maxBytes)
    {
        var bytes = ReadAllBytes(path, maxBytes);
        var span = bytes.AsSpan();
        if (span.StartsWith("\xEF\xBB\xBF"u8))
        {
            span = span[3..];
        }

        return Encoding.UTF8.GetString(span);
    }

    /// <summary>
    /// The path with every symbolic link resolved, component by component (a link to a folder in the middle of the
    /// path counts as much as a link at its end). Components that do not exist are kept as written.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var current = System.IO.Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Components(full).Reverse());
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = System.IO.Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = System.IO.Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"'{path}': too many levels of symbolic links");
            }

            if (System.IO.Path.IsPathRooted(target))
            {
                current = System.IO.Path.GetPathRoot(target)!;
            }

            foreach (var t in Components(target).Reverse())
            {
                pending.Push(t);
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it (both full paths).</summary>
    public static bool IsInside(string path, string directory)
    {
        var dir = directory.EndsWith(System.IO.Path.DirectorySeparatorChar) ? directory : directory + System.IO.Path.DirectorySeparatorChar;
        return path.StartsWith(dir, StringComparison.Ordinal) || path == directory.TrimEnd(System.IO.Path.DirectorySeparatorChar);
    }

    private static IEnumerable<string> Components(string path)
    {
        var root = System.IO.Path.GetPathRoot(path) ?? string.Empty;
        return path[root.Length..].Split([System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar],
            StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Opens the file without blocking and checks, on the open handle, that it is still a regular file: a FIFO swapped
    /// in after <see cref="KindOf"/> looked is refused rather than waited on.
    /// </summary>
    private static FileStream OpenRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        var fd = Open(path, OpenReadOnlyNonBlocking);
        if (fd < 0)
        {
            // errno-level detail is not worth more than the managed exception the usual open gives
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (StatxMode(fd, string.Empty, AtEmptyPath) is { } mode && KindOfMode(mode) != FileKind.Regular)
        {
            handle.Dispose();
            throw new NotRegularFileException(path);
        }

        return new FileStream(handle, FileAccess.Read);
    }

    private static FileKind KindOfMode(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.Link,
        _ => FileKind.Special,
    };

    /// <summary>The st_mode of a path (or of <paramref name="dirFd"/> itself with an empty path); -1 when it does not
    /// exist; null when statx is not available.</summary>
    private static int? StatxMode(int dirFd, string path, int flags)
    {
        var buffer = new byte[256];
        try
        {
            if (Statx(dirFd, path, flags, StatxType, buffer) == 0)
            {
                return BitConverter.ToUInt16(buffer, 28); // struct statx: mask, blksize, attributes, nlink, uid, gid, mode
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }

        return Marshal.GetLastPInvokeError() is 2 or 20 ? -1 : null; // ENOENT, ENOTDIR
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);
}
