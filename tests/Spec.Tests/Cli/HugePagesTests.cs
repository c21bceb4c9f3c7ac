using System.Runtime.InteropServices;
using Spec.Cli;

namespace Spec.Tests.Cli;

/// <summary>The large anonymous mappings of the process (the GC heap's reservation and the range a no-GC region
/// committed) are found in <c>/proc/self/maps</c> and advised for transparent huge pages (issue 17: 4 KB page faults
/// were a third of a 10,000-function check).</summary>
public sealed partial class HugePagesTests
{
    private static readonly string[] Maps =
    [
        "00400000-02fa0000 r-xp 00000000 08:01 1234 /usr/local/bin/spec",
        "7f5d7f001000-7f5d81000000 ---p 00000000 00:00 0 ",
        "7f5da2c00000-7f5dc459a000 rw-p 00000000 00:00 0 ",
        "7f5dc459a000-7f6941548000 ---p 00000000 00:00 0",
        "7f6941549000-7f6941d49000 rw-p 00000000 00:00 0 ",
        "7f6942000000-7f6945000000 rw-p 00000000 00:00 0                          [anon:named]",
        "7f6946000000-7f6949000000 rw-s 00000000 00:05 77 /dev/shm/x",
        "7f694a000000-7f694d000000 rw-p 00000000 08:01 99 /tmp/mapped.bin",
        "not a mapping line",
    ];

    [Fact]
    public void Private_anonymous_mappings_of_16_MB_or_more_are_the_ones_advised() =>
        Assert.Equal(
        [
            (0x7f5d7f001000UL, 0x7f5d81000000UL), // a 31 MB reservation
            (0x7f5da2c00000UL, 0x7f5dc459a000UL), // committed heap
            (0x7f5dc459a000UL, 0x7f6941548000UL), // the heap's reserved rest
            (0x7f6942000000UL, 0x7f6945000000UL), // a named anonymous mapping
        ], HugePages.LargeAnonymousMappings(Maps));

    [SkippableFact]
    public void On_linux_a_large_anonymous_reservation_is_advised_and_what_is_committed_in_it_later_keeps_the_advice()
    {
        const string Mode = "/sys/kernel/mm/transparent_hugepage/enabled";
        TestSkip.If(!OperatingSystem.IsLinux() || !File.Exists(Mode) ||
            File.ReadAllText(Mode).Contains("[never]", StringComparison.Ordinal),
            "needs Linux with transparent huge pages not disabled");

        // The test reserves its own range, as the GC reserves its heap: the test host's own mappings change under other
        // threads meanwhile (the GC decommits by mapping fresh pages over a range, which drops that range's advice).
        const nuint Size = 32 << 20;
        var start = Libc.Mmap(0, Size, Libc.ProtNone, Libc.MapPrivate | Libc.MapAnonymous | Libc.MapNoReserve, -1, 0);
        Assert.NotEqual(Libc.MapFailed, start);
        try
        {
            var advised = HugePages.AdviseLargeMappings();
            Assert.Equal(0, Libc.Mprotect(start, 4 << 20, Libc.ProtRead | Libc.ProtWrite)); // commit a piece, as the GC does
            Marshal.WriteByte(start, 1);

            var (first, end) = ((ulong)start, (ulong)start + Size);
            var ours = VmFlagsOfMappings().Where(v => v.Start < end && v.End > first).ToList();
            Assert.True(advised >= 1, $"advised {advised}");
            Assert.Contains(ours, v => v.Flags.Contains(" rd wr", StringComparison.Ordinal)); // the committed piece
            Assert.All(ours, v => Assert.Contains(" hg", v.Flags, StringComparison.Ordinal));
        }
        finally
        {
            _ = Libc.Munmap(start, Size);
        }
    }

    /// <summary>Each mapping's range and its <c>VmFlags</c> line in <c>/proc/self/smaps</c> (<c>hg</c>: advised for
    /// huge pages).</summary>
    private static List<(ulong Start, ulong End, string Flags)> VmFlagsOfMappings()
    {
        var mappings = new List<(ulong Start, ulong End, string Flags)>();
        (ulong Start, ulong End) range = (0, 0);
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                mappings.Add((range.Start, range.End, line));
            }
            else if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Split(' ')[0].Split('-') is [var s, var e])
            {
                range = (Convert.ToUInt64(s, 16), Convert.ToUInt64(e, 16));
            }
        }

        return mappings;
    }

    private static partial class Libc
    {
        public const int ProtNone = 0, ProtRead = 1, ProtWrite = 2;
        public const int MapPrivate = 0x02, MapAnonymous = 0x20, MapNoReserve = 0x4000;
        public static readonly nint MapFailed = -1;

        [LibraryImport("libc", EntryPoint = "mmap")]
        public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

        [LibraryImport("libc", EntryPoint = "mprotect")]
        public static partial int Mprotect(nint address, nuint length, int protection);

        [LibraryImport("libc", EntryPoint = "munmap")]
        public static partial int Munmap(nint address, nuint length);
    }
}
