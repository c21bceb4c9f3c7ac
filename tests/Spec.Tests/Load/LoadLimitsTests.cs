using System.Diagnostics;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Files;
using Spec.Core.Syntax;
using Spec.Tests.Cli;

namespace Spec.Tests.Load;

/// <summary>
/// Limits in nodes, bytes and time (issues 14 and 17): aliases are charged for what they add, once; a document without
/// aliases is never an alias bomb; a 1 MB spec loads within a bounded allocation whatever its aliases.
/// </summary>
public class LoadLimitsTests
{
    // Generous for CI: a 1 MB spec must never need more than 200 MB (allocations are an upper bound of the memory).
    private const long AllocationBudget = 200L * 1024 * 1024;

    private static (Node? Root, DiagnosticBag Diagnostics, long Allocated) Load(string yaml)
    {
        var bag = new DiagnosticBag();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var root = new YamlLoader().LoadText("serverless.yml", yaml, bag).Root;
        return (root, bag, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_30000_function_spec_without_aliases_loads()
    {
        var (root, bag, _) = Load(ScaleSpecs.Functions(30_000));

        Assert.Empty(bag.Items);
        Assert.Equal(30_000, ((MappingNode)((MappingNode)root!)["functions"]!).Entries.Count);
    }

    [Fact]
    public void Aliases_of_a_megabyte_string_are_refused_by_the_text_they_add()
    {
        var yaml = new StringBuilder("big: &s ").Append('x', 1024 * 1024).Append("\nlist:\n");
        for (var i = 0; i < 300; i++)
        {
            yaml.Append("  - *s\n");
        }

        var (root, bag, allocated) = Load(yaml.ToString());

        Assert.Null(root);
        var error = Assert.Single(bag.Items);
        Assert.Contains("aliases expand the document by more than 10 MB", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < AllocationBudget, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_few_aliases_of_a_large_block_still_load()
    {
        var yaml = new StringBuilder("defaults: &d\n");
        for (var i = 0; i < 2000; i++)
        {
            yaml.Append("  key").Append(i).Append(": value-").Append(i).Append('\n');
        }

        yaml.Append("functions:\n");
        for (var i = 0; i < 50; i++)
        {
            yaml.Append("  f").Append(i).Append(": *d\n");
        }

        var (root, bag, _) = Load(yaml.ToString());

        Assert.Empty(bag.Items);
        Assert.NotNull(root);
    }

    public static TheoryData<string> HostileMegabyteSpecs() => new()
    {
        "billion-laughs",
        "many-aliases-of-a-mapping",
        "merge-keys",
        "keys-from-aliased-lists",
        "deep-anchors",
    };

    [Theory]
    [MemberData(nameof(HostileMegabyteSpecs))]
    public void A_megabyte_spec_loads_or_is_refused_within_the_memory_budget(string kind)
    {
        var yaml = Hostile(kind);
        Assert.InRange(yaml.Length, 900_000, 1_100_000);

        var (root, bag, allocated) = Load(yaml);

        Assert.True(root is not null || bag.Items.Any(d => d.Severity == Severity.Error && d.Span is not null));
        Assert.True(allocated < AllocationBudget, $"{kind}: {allocated:N0} bytes allocated");
    }

    private static string Hostile(string kind)
    {
        var sb = new StringBuilder();
        switch (kind)
        {
            case "billion-laughs":
                sb.Append("a: &a [").Append(string.Join(", ", Enumerable.Repeat("lol", 10))).Append("]\n");
                for (var i = 1; i < 10; i++)
                {
                    sb.Append('l').Append(i).Append(": &l").Append(i).Append(" [")
                        .Append(string.Join(", ", Enumerable.Repeat(i == 1 ? "*a" : $"*l{i - 1}", 10))).Append("]\n");
                }

                Pad(sb);
                break;
            case "many-aliases-of-a-mapping":
                sb.Append("m: &m {").Append(string.Join(", ", Enumerable.Range(0, 50).Select(i => $"k{i}: v{i}"))).Append("}\nl:\n");
                while (sb.Length < 1_000_000)
                {
                    sb.Append("  - *m\n");
                }

                break;
            case "merge-keys":
                sb.Append("m: &m {").Append(string.Join(", ", Enumerable.Range(0, 50).Select(i => $"k{i}: v{i}"))).Append("}\n");
                for (var i = 0; sb.Length < 1_000_000; i++)
                {
                    sb.Append('f').Append(i).Append(": {<<: [*m, *m, *m]}\n");
                }

                break;
            case "keys-from-aliased-lists":
                sb.Append("s: &s [").Append(string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"item{i}"))).Append("]\n");
                for (var i = 0; sb.Length < 1_000_000; i++)
                {
                    sb.Append("? [*s, ").Append(i).Append("]\n: v\n");
                }

                break;
            default:
                for (var i = 0; sb.Length < 1_000_000; i++)
                {
                    sb.Append('a').Append(i).Append(": &a").Append(i).Append(" [")
                        .Append(i == 0 ? "x" : $"*a{i - 1}, *a{i - 1}").Append("]\n");
                }

                break;
        }

        return sb.ToString();
    }

    private static void Pad(StringBuilder sb)
    {
        sb.Append("pad: |\n");
        while (sb.Length < 1_000_000)
        {
            sb.Append("  ").Append('p', 78).Append('\n');
        }
    }

    [Theory]
    [InlineData("plain", "{0}")]
    [InlineData("double-quoted", "\"{0}\"")]
    [InlineData("literal block", "|\n    {0}")]
    public void A_scalar_over_a_megabyte_is_refused_where_it_starts(string style, string format)
    {
        var scalar = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, new string('x', 2 * 1024 * 1024));

        var (root, bag, _) = Load("service: demo\ncustom:\n  big: " + scalar + "\n");

        Assert.Null(root);
        var error = Assert.Single(bag.Items);
        Assert.Contains("longer than the limit", error.Message, StringComparison.Ordinal);
        Assert.True(error.Span is { Line: 3, Column: 8 }, $"{style}: {error.Span}");
        Assert.DoesNotContain("xxxx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_frameworks_depth_is_refused()
    {
        var (root, bag, _) = Load("x: " + new string('[', 100) + new string(']', 100) + "\n");
        Assert.Null(root);
        Assert.Contains("nesting deeper than 100 levels", Assert.Single(bag.Items).Message, StringComparison.Ordinal);
        Assert.NotNull(Load("x: " + new string('[', 99) + new string(']', 99) + "\n").Root);
    }
}

/// <summary>Reading spec files without hanging on FIFOs or reading devices without end (issue 14).</summary>
public class SpecFileReadingTests
{
    [SkippableFact]
    public void A_device_behind_a_symlink_is_not_read()
    {
        TestSkip.IfNot(File.Exists("/dev/zero"), "no /dev/zero here");
        using var dir = new TempDir();
        var link = Path.Combine(dir.Path, "serverless.yml");
        File.CreateSymbolicLink(link, "/dev/zero");

        var bag = new DiagnosticBag();
        var load = Task.Run(() => new YamlLoader().LoadFile(link, bag));

        Assert.True(load.Wait(TimeSpan.FromSeconds(30)), "reading /dev/zero did not stop");
        Assert.Null(load.Result.Root);
        Assert.Contains("not a regular file", Assert.Single(bag.Items).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_fifo_is_not_opened()
    {
        using var dir = new TempDir();
        var fifo = Path.Combine(dir.Path, "serverless.yml");
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false });
            mkfifo!.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            TestSkip.If(true, "mkfifo is not available");
        }

        TestSkip.IfNot(File.Exists(fifo), "mkfifo made no FIFO");
        var link = Path.Combine(dir.Path, "linked.yml");
        File.CreateSymbolicLink(link, fifo);
        foreach (var path in new[] { fifo, link })
        {
            var bag = new DiagnosticBag();
            var load = Task.Run(() => new YamlLoader().LoadFile(path, bag));

            Assert.True(load.Wait(TimeSpan.FromSeconds(30)), $"opening {path} blocked");
            Assert.Null(load.Result.Root);
            Assert.Contains("not a regular file", Assert.Single(bag.Items).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_over_the_cap_is_not_read()
    {
        using var dir = new TempDir();
        var path = dir.Write("serverless.yml", "service: " + new string('x', 5000) + "\n");

        Assert.Throws<FileTooLargeException>(() => UntrustedFile.ReadAllBytes(path, 1000));
        Assert.Equal(5010, UntrustedFile.ReadAllBytes(path, 10_000).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(81_920)]
    [InlineData(300_001)]
    public void A_file_is_read_whole_and_exactly_whatever_its_size(int size)
    {
        using var dir = new TempDir();
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = Path.Combine(dir.Path, "blob.bin");
        File.WriteAllBytes(path, bytes);

        Assert.Equal(bytes, UntrustedFile.ReadAllBytes(path, 1_000_000));
        if (size > 0)
        {
            Assert.Throws<FileTooLargeException>(() => UntrustedFile.ReadAllBytes(path, size - 1));
        }
    }
}
