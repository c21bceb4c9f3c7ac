using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.S3;

/// <summary>SLS-S3-004: Two s3 events on one bucket overlap.</summary>
public sealed class OverlappingS3Notifications : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-S3-004",
        Title = "Overlapping S3 notifications on one bucket",
        DefaultSeverity = Severity.Error,
        Category = "S3",
        Description = "Two `s3` events on the same bucket share an event type (`s3:ObjectCreated:*` includes `s3:ObjectCreated:Put`) and their filters overlap: " +
                      "each prefix is empty or a prefix of the other, and each suffix is empty or a suffix of the other.",
        Rationale = "S3's `PutBucketNotificationConfiguration` rejects overlapping configurations (\"Configurations overlap\") and the deployment fails.",
        HowToFix = "Give the events disjoint `rules` (different prefixes or suffixes) or different event types, or let one function handle both.",
        FailingExample = """
            thumbnails:
              events:
                - s3: { bucket: photos, event: s3:ObjectCreated:* }
            index:
              events:
                - s3: { bucket: photos, event: s3:ObjectCreated:Put }
            """,
        PassingExample = """
            thumbnails:
              events:
                - s3: { bucket: photos, event: s3:ObjectCreated:*, rules: [{ prefix: images/ }] }
            index:
              events:
                - s3: { bucket: photos, event: s3:ObjectCreated:*, rules: [{ prefix: docs/ }] }
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        // Shown: the event type and filter as a message shows them (a value from ${env:} by its expression).
        var seen = new List<(S3Event Event, string Function, string Type, string? Prefix, string? Suffix, string Shown)>();
        foreach (var function in context.Service.Functions)
        {
            foreach (var s3 in function.EventsOf<S3Event>())
            {
                if (s3.Bucket.Value is not { } bucket || s3.Event.Value is not { } type
                    || s3.Rules.Any(r => r.Prefix is { Value: null } || r.Suffix is { Value: null }))
                {
                    continue;
                }

                var prefixSetting = s3.Rules.Select(r => r.Prefix).FirstOrDefault(p => p?.Value is not null);
                var suffixSetting = s3.Rules.Select(r => r.Suffix).FirstOrDefault(p => p?.Value is not null);
                var (prefix, suffix) = (prefixSetting?.Value, suffixSetting?.Value);
                var shown = s3.Event.Shown() + Filter(prefixSetting?.Node.Display, suffixSetting?.Node.Display);
                var earlier = seen.FirstOrDefault(o => o.Event.Bucket.Value == bucket && o.Event.IsExisting == s3.IsExisting
                    && TypesOverlap(o.Type, type)
                    && Overlap(o.Prefix, prefix, static (a, b) => a.StartsWith(b, StringComparison.Ordinal))
                    && Overlap(o.Suffix, suffix, static (a, b) => a.EndsWith(b, StringComparison.Ordinal)));
                if (earlier.Event is not null)
                {
                    context.Report(s3.Node,
                        $"the s3 event of function '{function.Key}' on bucket '{s3.Bucket.Node.Display}' ({shown}) overlaps the one of function '{earlier.Function}' ({earlier.Shown}): S3 rejects overlapping notifications",
                        related: [earlier.Event.Node.Related("the overlapping notification is here")]);
                }

                seen.Add((s3, function.Key, type, prefix, suffix, shown));
            }
        }
    }

    private static bool TypesOverlap(string a, string b) =>
        a == b || Covers(a, b) || Covers(b, a);

    private static bool Covers(string wildcard, string type) =>
        wildcard.EndsWith('*') && type.StartsWith(wildcard[..^1], StringComparison.Ordinal);

    private static bool Overlap(string? a, string? b, Func<string, string, bool> extends) =>
        string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b) || extends(a, b) || extends(b, a);

    private static string Filter(string? prefix, string? suffix) =>
        (prefix is null ? string.Empty : $", prefix '{prefix}'") + (suffix is null ? string.Empty : $", suffix '{suffix}'");
}
