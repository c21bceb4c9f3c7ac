using System.Globalization;
using System.Runtime.InteropServices;

namespace Spec.Cli;

/// <summary>
/// Linux: asks for transparent huge pages on the heap memory a no-GC region committed (<see cref="OneShotCollections"/>).
/// A one-shot run touches every byte it allocates for the first time; with 4 KB pages that is one page fault per
/// 4 KB (~86,000 for a 10,000-function check, at several microseconds each on a virtual machine), with 2 MB pages one
/// per 2 MB. Most distributions enable huge pages only where a program asks (<c>madvise</c> mode); elsewhere the
/// advice changes nothing.
/// </summary>
internal static partial class HugePages
{
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE

    /// <summary>Advises the anonymous mapping that holds <paramref name="probe"/>, a fresh object of the region; false
    /// off Linux or when the mapping is not found or the kernel refuses.</summary>
    public static bool AdviseMappingOf(object probe)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        try
        {
            var address = (ulong)handle.AddrOfPinnedObject();
            return MappingContaining(File.ReadLines("/proc/self/maps"), address) is { } mapping &&
                   Madvise((nint)mapping.Start, (nuint)(mapping.End - mapping.Start), AdviseHugePage) == 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>The private, anonymous, writable mapping of <c>/proc/self/maps</c> that contains
    /// <paramref name="address"/>, or null (a file mapping, a shared one, or none).</summary>
    public static (ulong Start, ulong End)? MappingContaining(IEnumerable<string> mapsLines, ulong address)
    {
        foreach (var line in mapsLines)
        {
            // start-end perms offset dev inode [path]
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5 || fields[0].Split('-') is not [var startText, var endText] ||
                !ulong.TryParse(startText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start) ||
                !ulong.TryParse(endText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end) ||
                address < start || address >= end)
            {
                continue;
            }

            var anonymous = fields[4] == "0" && (fields.Length == 5 || fields[5].StartsWith("[anon:", StringComparison.Ordinal));
            return fields[1] == "rw-p" && anonymous ? (start, end) : null;
        }

        return null;
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
