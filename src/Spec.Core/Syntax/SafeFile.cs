namespace Spec.Core.Syntax;

/// <summary>Why <see cref="SafeFile.Read"/> gave no content.</summary>
public enum SafeFileProblem
{
    None,
    NotFound,
    Directory,

    /// <summary>Nothing to read: an empty file, or not a regular file at all (a FIFO or a device reports no size).</summary>
    NoContent,
    TooLarge,
    Unreadable,
}

/// <summary>What <see cref="SafeFile.Read"/> found: the bytes, or the problem (and the size or the error text).</summary>
public readonly record struct SafeFileContent(byte[]? Bytes, SafeFileProblem Problem, long Length, string? Error = null);

/// <summary>
/// Reads a file that came from an untrusted repository without hanging or reading without end: only what reports a
/// size is opened (a FIFO, whose opening blocks until a writer comes, and a device such as <c>/dev/zero</c>, which
/// never ends, report none), and never more than a byte cap, even when the file grows while it is read. Symbolic
/// links are followed (the target's size is what counts); whether a link may leave the service is the caller's call.
/// </summary>
public static class SafeFile
{
    public static SafeFileContent Read(string path, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                return new SafeFileContent(null, SafeFileProblem.Directory, 0);
            }

            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                // A link's own size is its target's name: what counts is the final target's.
                switch (info.ResolveLinkTarget(returnFinalTarget: true))
                {
                    case FileInfo { Exists: true } target:
                        info = target;
                        break;
                    case DirectoryInfo { Exists: true }:
                        return new SafeFileContent(null, SafeFileProblem.Directory, 0);
                    default:
                        return new SafeFileContent(null, SafeFileProblem.NotFound, 0);
                }
            }

            if (!info.Exists)
            {
                return new SafeFileContent(null, SafeFileProblem.NotFound, 0);
            }

            var length = info.Length;
            if (length == 0)
            {
                return new SafeFileContent(null, SafeFileProblem.NoContent, 0);
            }

            if (length > maxBytes)
            {
                return new SafeFileContent(null, SafeFileProblem.TooLarge, length);
            }

            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[Math.Min(length, maxBytes) + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }

            if (read > maxBytes)
            {
                return new SafeFileContent(null, SafeFileProblem.TooLarge, read);
            }

            return new SafeFileContent(read == buffer.Length ? buffer : buffer[..read], SafeFileProblem.None, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SafeFileContent(null, SafeFileProblem.Unreadable, 0, e.Message);
        }
    }
}
