using Spec.Core.Emit;

namespace Spec.Tests.Emit;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "spec-atomic-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_replaces_the_content_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir, "a.txt");
        AtomicFile.Write(path, "one");
        AtomicFile.Write(path, "twö");
        Assert.Equal("twö"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["a.txt"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Temporary_names_are_hidden_siblings_that_differ_every_time()
    {
        var destination = Path.Combine(_dir, "out.json");
        var names = Enumerable.Range(0, 50).Select(_ => AtomicFile.TempPathFor(destination)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n =>
        {
            Assert.Equal(_dir, Path.GetDirectoryName(n));
            Assert.StartsWith(".out.json.", Path.GetFileName(n), StringComparison.Ordinal);
            Assert.Matches("^\\.out\\.json\\.[0-9a-f]{16}\\.tmp$", Path.GetFileName(n));
        });
    }

    [Fact]
    public void A_destination_that_is_a_link_is_refused_and_its_target_is_untouched()
    {
        var target = Path.Combine(_dir, "elsewhere.txt");
        File.WriteAllText(target, "keep");
        var link = Path.Combine(_dir, "out.txt");
        File.CreateSymbolicLink(link, target);

        var e = Assert.Throws<LinkRefusedException>(() => AtomicFile.Write(link, "overwritten"));
        Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(2, Directory.GetFileSystemEntries(_dir).Length);
    }

    [Fact]
    public void A_dangling_link_is_refused_too()
    {
        var link = Path.Combine(_dir, "out.txt");
        var target = Path.Combine(_dir, "would-be-created.txt");
        File.CreateSymbolicLink(link, target);
        Assert.Throws<LinkRefusedException>(() => AtomicFile.WriteAll(_dir, [KeyValuePair.Create("out.txt", "x"u8.ToArray())]));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void WriteAll_writes_nothing_when_one_file_cannot_be_staged()
    {
        AtomicFile.WriteAll(_dir, [KeyValuePair.Create("a", "v1"u8.ToArray())]);
        var elsewhere = Directory.CreateTempSubdirectory("spec-atomic-elsewhere-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(_dir, "linked"), elsewhere);
        Assert.Throws<LinkRefusedException>(() => AtomicFile.WriteAll(_dir,
        [
            KeyValuePair.Create("a", "v2"u8.ToArray()),
            KeyValuePair.Create("linked/b", "x"u8.ToArray()),
        ]));
        Assert.Equal("v1", File.ReadAllText(Path.Combine(_dir, "a")));
        Assert.Equal(["a", "linked"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        Directory.Delete(elsewhere);
    }

    [Fact]
    public void WriteAll_creates_the_folder_and_removes_it_again_when_nothing_could_be_written()
    {
        var output = Path.Combine(_dir, "new", "deeper");
        AtomicFile.WriteAll(output, [KeyValuePair.Create("x", "1"u8.ToArray()), KeyValuePair.Create("y", "2"u8.ToArray())]);
        Assert.Equal("2", File.ReadAllText(Path.Combine(output, "y")));

        var fresh = Path.Combine(_dir, "fresh");
        Assert.Throws<IOException>(() => AtomicFile.WriteAll(fresh, [KeyValuePair.Create("../z", "1"u8.ToArray())]));
        Assert.False(Directory.Exists(fresh));
        Assert.False(File.Exists(Path.Combine(_dir, "z")));
    }

    [Fact]
    public void WriteAll_creates_the_subfolders_the_paths_name()
    {
        AtomicFile.WriteAll(_dir, [KeyValuePair.Create("web/.ebextensions/00.config", "a"u8.ToArray()), KeyValuePair.Create("web/Procfile", "b"u8.ToArray())]);

        Assert.Equal("a", File.ReadAllText(Path.Combine(_dir, "web", ".ebextensions", "00.config")));
        Assert.Equal("b", File.ReadAllText(Path.Combine(_dir, "web", "Procfile")));
    }

    [Fact]
    public void WriteAll_writes_a_file_given_by_segments_as_their_bytes_in_order()
    {
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        IReadOnlyList<ReadOnlyMemory<byte>> segments =
            [content.AsMemory(0, 1), ReadOnlyMemory<byte>.Empty, content.AsMemory(1, 131_071), content.AsMemory(131_072)];

        AtomicFile.WriteAll(_dir, [KeyValuePair.Create("t.json", segments)]);

        Assert.Equal(content, File.ReadAllBytes(Path.Combine(_dir, "t.json")));
        Assert.Equal(["t.json"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }
}
