using System.IO.Compression;
using Spec.Core.Files;

namespace Spec.Backends.Packaging;

/// <summary>
/// Zips files so that the same files always give the same bytes: entries sorted by path (ordinal), one fixed
/// timestamp, fixed Unix permissions (0644, or 0755 for files that are executable on disk), no directory entries.
/// </summary>
public static class DeterministicZip
{
    /// <summary>The most one packaged file may hold: Lambda's limit for a whole unzipped package (250 MB).</summary>
    public const long MaxFileBytes = 250L * 1024 * 1024;

    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Create(string baseDirectory, IEnumerable<string> relativePaths)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var relative in relativePaths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var full = Path.Combine(baseDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
                using var source = new MemoryStream(UntrustedFile.ReadAllBytes(full, MaxFileBytes), writable: false);
                AddEntry(zip, relative, IsExecutable(full), source);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Zips in-memory files (path → bytes) with the same fixed metadata, all 0644.</summary>
    public static byte[] Create(IEnumerable<KeyValuePair<string, byte[]>> files) => Create(files, _ => false);

    /// <summary>Zips in-memory files with the same fixed metadata: 0755 where <paramref name="executable"/> says so, else 0644.</summary>
    public static byte[] Create(IEnumerable<KeyValuePair<string, byte[]>> files, Func<string, bool> executable)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files.DistinctBy(f => f.Key, StringComparer.Ordinal).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                using var source = new MemoryStream(bytes, writable: false);
                AddEntry(zip, path, executable(path), source);
            }
        }

        return buffer.ToArray();
    }

    private static void AddEntry(ZipArchive zip, string path, bool executable, Stream source)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        var mode = executable ? 0b111_101_101 : 0b110_100_100;
        entry.ExternalAttributes = (0x8000 | mode) << 16;
        using var target = entry.Open();
        source.CopyTo(target);
    }

    /// <summary>True when the file on disk has its owner's execute bit (never on Windows).</summary>
    public static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
}
