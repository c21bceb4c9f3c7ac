using System.Runtime;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;

namespace Spec.Cli;

/// <summary>
/// A one-shot command (check, compile, print, …) keeps nearly everything it allocates until it exits: at 10,000
/// functions `spec check` allocates ~340 MB and still holds ~300 MB at its peak, so its collections only copy live
/// objects between generations (~0.25 s of pauses for ~40 MB given back). So the process defers collections with a
/// no-GC region sized to what the run is expected to allocate, when that is a small share of the memory it may use;
/// the region's memory is committed up front, in one range that can take huge pages (<see cref="HugePages"/>). A run
/// that allocates more than expected ends the region in one collection and then collects as usual. The language
/// server, which lives for hours, never defers.
/// </summary>
internal static class OneShotCollections
{
    /// <summary>What a command allocates besides its input: the rules, schemas and CloudFormation specs it loads
    /// (measured: ~23 MB for `spec check` of a small spec).</summary>
    private const long FixedAllocation = 32L << 20;

    /// <summary>Bytes allocated per byte of spec, with headroom: `spec check`, the command that allocates the most,
    /// takes ~190 per byte of 10,000 one-line functions each with an httpApi and an sqs event, and up to ~280 where each
    /// has a one-line REST `http` event (a resource, a method and a permission from a dozen bytes) or an `sns` topic.
    /// A run past its region pays one collection of everything it holds (~0.2 s at 10,000 functions); the region's
    /// untouched memory costs nothing.</summary>
    private const long AllocationPerSpecByte = 320;

    /// <summary>The share of the memory available to the process that a region may take.</summary>
    private const int AvailableShare = 8;

    /// <summary>Every command but the language server, which lives as long as its editor.</summary>
    public static bool AppliesTo(string commandName) => commandName != Commands.LspCommand.Name;

    /// <summary>
    /// The no-GC region for a run over <paramref name="specBytes"/> of spec: what the run is expected to allocate,
    /// when that is at most an eighth of <paramref name="availableBytes"/> (the machine's memory, or its container's
    /// limit); zero — collect as usual — when it is more, or the input's size is unknown (a glob, a link).
    /// </summary>
    public static long RegionFor(long? specBytes, long availableBytes)
    {
        if (specBytes is not { } bytes)
        {
            return 0;
        }

        var expected = FixedAllocation + (AllocationPerSpecByte * bytes);
        return expected <= availableBytes / AvailableShare ? expected : 0;
    }

    /// <summary>
    /// The size of the spec files a command names, as the pipeline finds them: each positional path (a file, or a
    /// folder's serverless.yml/.yaml/.json), else <c>--config</c>, else the working directory's spec. Null when a path
    /// is none of these (a glob, an identifier, a missing file) or is a link: the size of what it reads is unknown.
    /// </summary>
    public static long? SpecBytes(IReadOnlyList<string> paths, string workingDirectory)
    {
        long total = 0;
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            try
            {
                if (SpecFileOf(Path.GetFullPath(path, workingDirectory)) is not { } file)
                {
                    return null;
                }

                total += file.Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // The command reports what is wrong with the path; here its size is only unknown.
                return null;
            }
        }

        return total;
    }

    /// <summary>The spec file the pipeline reads for <paramref name="path"/>, found as it finds it
    /// (<see cref="ConfigDiscovery.Find"/>; what it refuses is the command's to report), unless a link is on the way.</summary>
    private static FileInfo? SpecFileOf(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is not null)
        {
            return null;
        }

        return ConfigDiscovery.Find(path, new DiagnosticBag()) is { } found && new FileInfo(found) is { Exists: true, LinkTarget: null } file
            ? file
            : null;
    }

    /// <summary>Defers collections for a run over <paramref name="specBytes"/> of spec (<see cref="RegionFor"/>); false
    /// when it does not, or the runtime refuses the region.</summary>
    public static bool Defer(long? specBytes)
    {
        var region = RegionFor(specBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        if (region == 0 || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return false;
        }

        try
        {
            if (!GC.TryStartNoGCRegion(region))
            {
                return false;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this runtime's heap layout lets one region defer: collect as usual.
            return false;
        }

        // The region committed its memory up front, in ranges large enough for huge pages.
        HugePages.AdviseLargeMappings();
        return true;
    }
}
