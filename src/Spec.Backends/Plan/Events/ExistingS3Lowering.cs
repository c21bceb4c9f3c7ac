using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// <c>s3</c> events with <c>existing: true</c> (<c>s3/index.js</c>, <c>existingS3Buckets</c>): one <c>Custom::S3</c>
/// per function holding all its notification configurations, chained by <c>DependsOn</c> when several functions
/// share a bucket, backed by the <c>custom-resource-existing-s3</c> function.
/// </summary>
internal static class ExistingS3Lowering
{
    public static void Compile(PlanContext ctx, List<PlanEvent<S3Event>> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var statements = new List<JsonObject>();
        var resourcesByBucket = new OrderedDictionary<string, List<string>>(StringComparer.Ordinal);
        var resources = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var forced = new List<(JsonObject Resource, SourceSpan Span, string Owner)>();
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var fn = group.Key;
            string? functionBucket = null;
            foreach (var e in group)
            {
                var s3 = e.Event;
                var bucket = ctx.Json(s3.Bucket);
                var bucketKey = bucket is JsonValue ? AsString(bucket) ?? bucket!.ToJsonString() : bucket!.ToJsonString();
                functionBucket ??= bucketKey;
                if (functionBucket != bucketKey)
                {
                    ctx.Unsupported($"function '{fn.Key}' subscribes to two existing buckets; the Framework allows " +
                                    "one existing bucket per function", e.Span,
                        "move the second bucket's events to another function");
                    continue;
                }

                var config = Object(("Event", s3.Event.LiteralOrDefault), ("Rules", Rules(ctx, s3)));
                var id = Naming.FunctionName(fn.Key) + "CustomS31";
                if (resources.TryGetValue(id, out var existing))
                {
                    existing["Properties"]!["BucketConfigs"]!.AsArray().AddNode(config);
                    continue;
                }

                var resource = Object(("Type", "Custom::S3"), ("Version", 1),
                    ("DependsOn", Strings([fn.LogicalId, CustomResources.S3.LogicalId])),
                    ("Properties", Object(("ServiceToken", GetAtt(CustomResources.S3.LogicalId, "Arn")),
                        ("FunctionName", fn.DeployedName), ("BucketName", bucket), ("BucketConfigs", Array(config)))));
                resources[id] = resource;
                if (s3.ForceDeploy is { Value: true } forceDeploy)
                {
                    forced.Add((resource, forceDeploy.Node.Span, $"the s3 event of function '{fn.Key}'"));
                }

                ctx.Add(id, resource, PlanResourceKind.Other, e.Span, fn.Key);
                statements.Add(CustomResources.Statement(Join(":", "arn", Partition(), "s3", string.Empty, string.Empty,
                    bucket?.DeepClone()), "s3:PutBucketNotification", "s3:GetBucketNotification"));
                if (!resourcesByBucket.TryGetValue(bucketKey, out var ids))
                {
                    resourcesByBucket[bucketKey] = ids = [];
                }

                ids.Add(id);
            }
        }

        if (resources.Count == 0)
        {
            return;
        }

        foreach (var (resource, span, owner) in forced)
        {
            CustomResources.StampForceDeploy(ctx, resource, span, owner);
        }

        statements.Add(CustomResources.Statement(Join(":", "arn", Partition(), "lambda", Region(), AccountId(), "function", "*"),
            "lambda:AddPermission", "lambda:RemovePermission"));
        // Custom resources on one bucket run one after the other: each rewrites the bucket's whole configuration.
        foreach (var (_, ids) in resourcesByBucket)
        {
            for (var i = 1; i < ids.Count; i++)
            {
                resources[ids[i]]["DependsOn"]!.AsArray().AddNode(ids[i - 1]);
            }
        }

        CustomResources.Add(ctx, CustomResources.S3, statements, events[0].Span);
    }

    /// <summary>Each rule's first filter, its name normalized (<c>prefix</c> → <c>Prefix</c>).</summary>
    private static JsonArray Rules(PlanContext ctx, S3Event s3)
    {
        var rules = new JsonArray();
        foreach (var rule in s3.Rules)
        {
            if (rule.Filters.Count > 0)
            {
                rules.AddNode(Object((Naming.NormalizeName(rule.Filters[0].Key), ctx.Json(rule.Filters[0].Value))));
            }
        }

        return rules;
    }
}
