using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>s3</c> event (<c>compile/events/s3</c>): one <c>AWS::S3::Bucket</c> per bucket name with every notification
/// of every function, <c>provider.s3</c> settings merged in, and one permission per function and bucket. Events on an
/// <c>existing</c> bucket go to <see cref="ExistingS3Lowering"/>.
/// </summary>
internal sealed class S3Lowering : EventLowering<S3Event>
{
    public override EventKind Kind => EventKind.S3;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) => NeedsBucket(ctx, fn, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<S3Event>> events)
    {
        var buckets = new List<(string Name, ProviderS3Bucket? Config, JsonArray Configurations, JsonArray DependsOn, PlanEvent<S3Event> First)>();
        var existing = new List<PlanEvent<S3Event>>();
        foreach (var e in events)
        {
            var fn = e.Function;
            var s3 = e.Event;
            if (s3.IsExisting)
            {
                existing.Add(e);
                continue;
            }

            if (s3.Bucket.Value is not { } configKey)
            {
                NeedsBucket(ctx, fn, e.Span);
                continue;
            }

            var providerBucket = ProviderBucket(ctx, configKey);
            var bucketName = providerBucket?.Name?.Value ?? configKey;
            var config = Object(("Event", s3.Event.LiteralOrDefault), ("Function", fn.Target()));
            if (s3.Rules.Count > 0)
            {
                var ruleList = new JsonArray();
                foreach (var filter in s3.Rules.SelectMany(r => r.Filters))
                {
                    ruleList.AddNode(Object(("Name", filter.Key), ("Value", ctx.Json(filter.Value))));
                }

                config["Filter"] = Object(("S3Key", Object(("Rules", ruleList))));
            }

            var index = buckets.FindIndex(b => b.Name == bucketName);
            if (index < 0)
            {
                buckets.Add((bucketName, providerBucket, [], [], e));
                index = buckets.Count - 1;
            }

            buckets[index].Configurations.AddNode(config);
            // The Framework lists the permission once per event, duplicates included.
            buckets[index].DependsOn.AddNode(Naming.S3Permission(fn.Key, bucketName));
            if (fn.AliasLogicalId is { } alias)
            {
                buckets[index].DependsOn.AddNode(alias);
            }
        }

        foreach (var (name, providerBucket, configurations, dependsOn, first) in buckets)
        {
            var props = Object(("BucketName", name));
            foreach (var setting in providerBucket?.Settings.Where(x => x.Key != "name") ?? [])
            {
                props[Naming.NormalizeName(setting.Key)] = ctx.Json(setting.Value);
            }

            props["NotificationConfiguration"] = Object(("LambdaConfigurations", configurations));
            ctx.Add(Naming.Bucket(name), Object(("Type", "AWS::S3::Bucket"), ("Properties", props), ("DependsOn", dependsOn)),
                PlanResourceKind.Bucket, first.Span);
            foreach (var fn in events.Where(x => BucketNameOf(ctx, x.Event) == name).Select(x => x.Function).Distinct())
            {
                var permission = EventResources.Permission(fn, "s3.amazonaws.com",
                    Join(string.Empty, "arn:", Partition(), ":s3:::" + name));
                permission["Properties"]!["SourceAccount"] = AccountId();
                ctx.Add(Naming.S3Permission(fn.Key, name), permission, PlanResourceKind.Permission, first.Span, fn.Key);
            }
        }

        ExistingS3Lowering.Compile(ctx, existing);
    }

    private static void NeedsBucket(PlanContext ctx, PlanFunction fn, SourceSpan span) =>
        ctx.Unsupported($"the s3 event of function '{fn.Key}' needs 'bucket' as a bucket name", span,
            "write the bucket name; to use a bucket defined in resources, add 'existing: true'");

    /// <summary>The <c>provider.s3</c> entry whose key the event names as its bucket, or null.</summary>
    private static ProviderS3Bucket? ProviderBucket(PlanContext ctx, string key) =>
        ctx.Model.Provider.S3.FirstOrDefault(b => b.Key == key);

    private static string? BucketNameOf(PlanContext ctx, S3Event e) =>
        e.IsExisting || e.Bucket.Value is not { } key ? null : ProviderBucket(ctx, key)?.Name?.Value ?? key;
}
