using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
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
        var buckets = new List<NewBucket>();
        var bucketsByName = new Dictionary<string, NewBucket>(StringComparer.Ordinal);
        var enabled = new List<(PlanFunction Fn, NewBucket Bucket)>();
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

            if (s3.Bucket.Value is not { } bucketRef)
            {
                NeedsBucket(ctx, fn, e.Span);
                continue;
            }

            var providerBucket = ProviderBucket(ctx, bucketRef);
            var nameSource = providerBucket?.Name is { Value: not null } named ? named : s3.Bucket;
            var bucketName = nameSource.Value ?? bucketRef;
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

            if (!bucketsByName.TryGetValue(bucketName, out var bucket))
            {
                bucket = new NewBucket(bucketName, nameSource, e);
                buckets.Add(bucket);
                bucketsByName.Add(bucketName, bucket);
            }

            // An event naming a provider.s3 key gives the bucket that key's logical id and settings (the last such
            // event wins, as newS3Buckets keeps one bucketsMeta entry per bucket name).
            if (providerBucket is not null)
            {
                bucket.Settings = providerBucket;
            }

            bucket.Configurations.AddNode(config);
            bucket.Functions.Add(fn);
            enabled.Add((fn, bucket));
        }

        foreach (var bucket in buckets)
        {
            var props = Object(("BucketName", ctx.Derived(bucket.Name, bucket.NameSource)), ("NotificationConfiguration", Object(("LambdaConfigurations", bucket.Configurations))));
            foreach (var setting in bucket.Settings?.Settings.Where(x => x.Key != "name") ?? [])
            {
                var property = Naming.NormalizeName(setting.Key);
                var value = ctx.Json(setting.Value);
                if (property == "NotificationConfiguration")
                {
                    // Its keys go over the notifications the events make (Object.assign), LambdaConfigurations included.
                    var notifications = (JsonObject)props[property]!;
                    foreach (var (key, node) in (value as JsonObject)?.ToList() ?? [])
                    {
                        notifications[key] = node?.DeepClone();
                    }

                    continue;
                }

                props[property] = value;
            }

            // The Framework lists the permission once per event, duplicates included.
            var dependsOn = Strings(bucket.Functions.SelectMany(fn => fn.AliasLogicalId is { } alias
                ? new[] { Naming.S3Permission(fn.Key, bucket.Ref), alias }
                : [Naming.S3Permission(fn.Key, bucket.Ref)]));
            ctx.Add(Naming.Bucket(bucket.Ref), Object(("Type", "AWS::S3::Bucket"), ("Properties", props), ("DependsOn", dependsOn)),
                PlanResourceKind.Bucket, bucket.First.Span, idSource: bucket.RefSource);
        }

        // The permissions follow all the buckets, one per event in function order, merged by id (s3EnabledFunctions).
        foreach (var (fn, bucket) in enabled)
        {
            var permission = EventResources.Permission(fn, "s3.amazonaws.com",
                Join(string.Empty, "arn:", Partition(), ":s3:::" + bucket.Name));
            permission["Properties"]!["SourceAccount"] = AccountId();
            ctx.Merge(Naming.S3Permission(fn.Key, bucket.Ref), permission, PlanResourceKind.Permission, bucket.First.Span, fn.Key,
                bucket.RefSource);
        }

        ExistingS3Lowering.Compile(ctx, existing);
    }

    private static void NeedsBucket(PlanContext ctx, PlanFunction fn, SourceSpan span) =>
        ctx.Unsupported($"the s3 event of function '{fn.Key}' needs 'bucket' as a bucket name", span,
            "write the bucket name; to use a bucket defined in resources, add 'existing: true'");

    /// <summary>The <c>provider.s3</c> entry whose key the event names as its bucket, or null.</summary>
    private static ProviderS3Bucket? ProviderBucket(PlanContext ctx, string key) =>
        ctx.Model.Provider.S3.FirstOrDefault(b => b.Key == key);

    /// <summary>A bucket the service creates: its name, the notifications and functions of its events in order, and the
    /// <c>provider.s3</c> entry an event named it by.</summary>
    private sealed class NewBucket(string name, Spanned<string?> nameSource, PlanEvent<S3Event> first)
    {
        public string Name { get; } = name;

        /// <summary>Where the name was written: the event's <c>bucket</c>, or the <c>name</c> of the provider.s3 entry.</summary>
        public Spanned<string?> NameSource { get; } = nameSource;

        public PlanEvent<S3Event> First { get; } = first;

        public ProviderS3Bucket? Settings { get; set; }

        public JsonArray Configurations { get; } = [];

        public List<PlanFunction> Functions { get; } = [];

        /// <summary>What the bucket's and its permissions' logical ids are made from: the provider.s3 key, else the name.</summary>
        public string Ref => Settings?.Key ?? Name;

        /// <summary>The value <see cref="Ref"/> is made from when it is the name, not a provider.s3 key.</summary>
        public Node? RefSource => Settings is null ? NameSource.Node : null;
    }
}
