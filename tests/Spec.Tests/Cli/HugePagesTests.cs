using Spec.Cli;

namespace Spec.Tests.Cli;

/// <summary>The large anonymous mappings of the process (the GC heap's reservation and the range a no-GC region
/// committed) are found in <c>/proc/self/maps</c> and advised for transparent huge pages (issue 17: 4 KB page faults
/// were a third of a 10,000-function check).</summary>
public sealed class HugePagesTests
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
    public void On_linux_each_large_anonymous_mapping_is_advised_for_huge_pages()
    {
        const string Mode = "/sys/kernel/mm/transparent_hugepage/enabled";
        TestSkip.If(!OperatingSystem.IsLinux() || !File.Exists(Mode) ||
            File.ReadAllText(Mode).Contains("[never]", StringComparison.Ordinal),
            "needs Linux with transparent huge pages not disabled");

        // Other threads of the test host map memory meanwhile: only what was there before the advice is checked, with
        // every piece a later commit or split made of it (a piece keeps its mapping's advice). The JIT maps its code
        // shared (`sh`) over parts of its own reservations: those are new mappings, not pieces.
        var before = HugePages.LargeAnonymousMappings(File.ReadAllLines("/proc/self/maps")).ToList();
        var advised = HugePages.AdviseLargeMappings();

        var pieces = VmFlagsOfMappings()
            .Where(v => before.Exists(m => v.Start >= m.Start && v.End <= m.End) && !v.Flags.Contains(" sh", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(before); // the test host's GC heap
        Assert.True(advised >= 1, $"advised {advised} of {before.Count}");
        Assert.NotEmpty(pieces);
        Assert.All(pieces, v => Assert.Contains(" hg", v.Flags, StringComparison.Ordinal));
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
}
