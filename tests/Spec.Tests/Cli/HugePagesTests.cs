using Spec.Cli;

namespace Spec.Tests.Cli;

/// <summary>The heap mapping a no-GC region allocates into is found in <c>/proc/self/maps</c> and advised for
/// transparent huge pages (issue 17: page faults were a third of a 10,000-function check).</summary>
public sealed class HugePagesTests
{
    private static readonly string[] Maps =
    [
        "00400000-00fa0000 r-xp 00000000 08:01 1234 /usr/local/bin/spec",
        "7f5d7f001000-7f5d81000000 ---p 00000000 00:00 0 ",
        "7f5da2c00000-7f5dc459a000 rw-p 00000000 00:00 0 ",
        "7f5dc459a000-7f6941548000 ---p 00000000 00:00 0",
        "7f6941549000-7f6941d49000 rw-p 00000000 00:00 0                          [anon:named]",
        "7f6942000000-7f6942100000 rw-s 00000000 00:05 77 /dev/shm/x",
        "7f6943000000-7f6943100000 rw-p 00000000 08:01 99 /tmp/mapped.bin",
    ];

    [Theory]
    [InlineData(0x7f5da2c00000UL, 0x7f5da2c00000UL, 0x7f5dc459a000UL)] // the start of the heap range
    [InlineData(0x7f5db0000123UL, 0x7f5da2c00000UL, 0x7f5dc459a000UL)]
    [InlineData(0x7f6941549100UL, 0x7f6941549000UL, 0x7f6941d49000UL)] // a named anonymous mapping
    public void The_private_anonymous_writable_mapping_holding_the_address_is_found(ulong address, ulong start, ulong end) =>
        Assert.Equal((start, end), HugePages.MappingContaining(Maps, address));

    [Theory]
    [InlineData(0x7f5dc459a000UL)] // the reserved, inaccessible rest of the heap (end is exclusive above)
    [InlineData(0x00400100UL)] // the executable
    [InlineData(0x7f6942000010UL)] // a shared mapping
    [InlineData(0x7f6943000010UL)] // a file mapping
    [InlineData(0x10UL)] // nothing
    public void Any_other_mapping_is_left_alone(ulong address) =>
        Assert.Null(HugePages.MappingContaining(Maps, address));

    [SkippableFact]
    public void On_linux_the_heap_mapping_of_an_object_is_advised()
    {
        const string Mode = "/sys/kernel/mm/transparent_hugepage/enabled";
        TestSkip.If(!OperatingSystem.IsLinux() || !File.Exists(Mode) ||
            File.ReadAllText(Mode).Contains("[never]", StringComparison.Ordinal),
            "needs Linux with transparent huge pages not disabled");

        var probe = new byte[1];

        Assert.True(HugePages.AdviseMappingOf(probe));
        Assert.Contains("hg", AdvisedFlagsOfHeap(), StringComparison.Ordinal);
        GC.KeepAlive(probe);
    }

    /// <summary>The <c>VmFlags</c> line of <c>/proc/self/smaps</c> for the mapping of a fresh object (<c>hg</c>: advised
    /// for huge pages).</summary>
    private static string AdvisedFlagsOfHeap()
    {
        var probe = new byte[1];
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(probe, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            var address = (ulong)handle.AddrOfPinnedObject();
            var inMapping = false;
            foreach (var line in File.ReadLines("/proc/self/smaps"))
            {
                if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Split(' ')[0].Split('-') is [var s, var e])
                {
                    inMapping = address >= Convert.ToUInt64(s, 16) && address < Convert.ToUInt64(e, 16);
                }
                else if (inMapping && line.StartsWith("VmFlags:", StringComparison.Ordinal))
                {
                    return line;
                }
            }

            return string.Empty;
        }
        finally
        {
            handle.Free();
        }
    }
}
