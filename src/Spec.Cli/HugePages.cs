using System.Globalization;
using System.Runtime.InteropServices;
using Spec.Core.Files;

namespace Spec.Cli;

/// <summary>
/// Linux: asks for transparent huge pages on the process's large anonymous mappings — the GC heap's reservation,
/// the range a no-GC region committed (<see cref="OneShotCollections"/>), the GC's bookkeeping. A one-shot run touches
/// every byte it allocates for the first time; with 4 KB pages that is one page fault per 4 KB (~80,000 for a
/// 10,000-function check, at several microseconds each on a virtual machine), with 2 MB pages one per 2 MB. Most
/// distributions give huge pages only where a program asks (<c>madvise</c> mode); where they are off the advice
/// changes nothing. The advice changes page size only: what is not touched is still not resident.
/// </summary>
internal static partial class HugePages
{
    /// <summary>Smaller mappings are left alone: thread stacks (8 MB) and the runtime's own small allocations.</summary>
    public const ulong MinimumMapping = 16UL << 20;

    private const int AdviseHugePage = 14; // MADV_HUGEPAGE

    /// <summary>A process of a few hundred mappings lists them in tens of kilobytes.</summary>
    private const long MaxMapsBytes = 4L << 20;

    /// <summary>Advises every private anonymous mapping of at least <see cref="MinimumMapping"/>; the number advised
    /// (0 off Linux or when <c>/proc/self/maps</c> cannot be read).</summary>
    public static int AdviseLargeMappings()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        try
        {
            var maps = UntrustedFile.ReadAllText("/proc/self/maps", MaxMapsBytes).Split('\n');
            return LargeAnonymousMappings(maps)
                .Count(m => Madvise((nint)m.Start, (nuint)(m.End - m.Start), AdviseHugePage) == 0);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The private anonymous mappings of at least <see cref="MinimumMapping"/> in <c>/proc/self/maps</c>
    /// lines, committed or only reserved (advice on a reservation holds for what is committed in it later).</summary>
    public static IEnumerable<(ulong Start, ulong End)> LargeAnonymousMappings(IEnumerable<string> mapsLines)
    {
        foreach (var line in mapsLines)
        {
            // start-end perms offset dev inode [path]
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5 || fields[0].Split('-') is not [var startText, var endText] ||
                !ulong.TryParse(startText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start) ||
                !ulong.TryParse(endText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end))
            {
                continue;
            }

            var anonymous = fields[4] == "0" && (fields.Length == 5 || fields[5].StartsWith("[anon:", StringComparison.Ordinal));
            if (anonymous && fields[1] is [_, _, _, 'p'] && end - start >= MinimumMapping)
            {
                yield return (start, end);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
