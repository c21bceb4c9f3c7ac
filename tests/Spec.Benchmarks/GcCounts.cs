using System.Diagnostics;
using System.Diagnostics.Tracing;
using static System.FormattableString;
using Spec.Core.Resolve;
using Spec.Rules.Checking;
using Spec.Rules.Suppression;
using Spec.Tests.Load;

namespace Spec.Benchmarks;

/// <summary>
/// <c>--gc [size]</c>: one cold <c>spec check</c> of the generated N-function spec (<see cref="ScaleSpecs"/>) in a
/// fresh process, as the CLI runs it, and the collections it took per generation with their total pause: how much of a
/// whole-process run is the GC, and whether a change removes full (generation 2) collections.
/// </summary>
public static class GcCounts
{
    public static void Report(int size) => Report(ScaleSpecs.Functions(size), $"{size} functions");

    /// <summary>The same for a spec of one's own (<c>--gc path/to/serverless.yml</c>).</summary>
    public static void Report(string yaml, string name)
    {
        var dir = Directory.CreateTempSubdirectory("spec-gc-");
        try
        {
            var file = Path.Combine(dir.FullName, "serverless.yml");
            File.WriteAllText(file, yaml);
            var checker = new SpecChecker(new SpecCheckOptions
            {
                Resolve = ResolveOptions.Empty,
                AsOf = new DateOnly(2026, 11, 23),
                Config = SpecConfig.Empty,
                BaseDirectory = dir.FullName,
                Planner = Spec.Backends.Plan.GeneratedForRules.Plan,
            });
            using var listener = new GcStarts();
            var before = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var findings = checker.Check(file).Result.Findings.Count;
            watch.Stop();
            Console.WriteLine(Invariant(
                $"check of {name} ({findings} findings): {watch.Elapsed.TotalMilliseconds:0} ms; collections gen0 {GC.CollectionCount(0) - before.Item1}, gen1 {GC.CollectionCount(1) - before.Item2}, gen2 {GC.CollectionCount(2) - before.Item3}; pause {(GC.GetTotalPauseDuration() - before.Item4).TotalMilliseconds:0} ms; allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
            Console.WriteLine("  collections (generation: reason): " + string.Join(", ", listener.Starts));
            Console.WriteLine("  large-object allocations, sampled (~100 KB a tick): " + string.Join(", ",
                listener.Large.OrderByDescending(p => p.Value).Take(12).Select(p => Invariant($"{p.Key} {p.Value / 1048576.0:0.0} MB"))));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Each collection's generation and the runtime's reason for it (GCStart events).</summary>
    private sealed class GcStarts : EventListener
    {
        private static readonly string[] Reasons =
        [
            "small alloc", "induced", "low memory", "empty", "large alloc", "SOH out of space", "LOH out of space",
            "induced not forced", "stress", "low memory induced", "induced compacting", "low memory host",
            "PM full GC", "low memory host blocking",
        ];

        public List<string> Starts { get; } = [];

        public Dictionary<string, long> Large { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
            {
                return;
            }

            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true)
            {
                if (Convert.ToInt32(payload[names.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture) == 1)
                {
                    var type = payload[names.IndexOf("TypeName")] as string ?? "?";
                    lock (Large)
                    {
                        Large[type] = Large.GetValueOrDefault(type) + Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                return;
            }

            if (eventData.EventName?.StartsWith("GCStart", StringComparison.Ordinal) != true)
            {
                return;
            }

            var depth = Convert.ToInt32(payload[names.IndexOf("Depth")], System.Globalization.CultureInfo.InvariantCulture);
            var reason = Convert.ToInt32(payload[names.IndexOf("Reason")], System.Globalization.CultureInfo.InvariantCulture);
            lock (Starts)
            {
                Starts.Add(Invariant($"{depth}: {(reason < Reasons.Length ? Reasons[reason] : reason.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
            }
        }
    }
}
