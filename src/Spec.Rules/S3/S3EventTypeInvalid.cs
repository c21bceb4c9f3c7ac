using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Schema;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.S3;

/// <summary>SLS-S3-005: A bucket notification for an event type S3 does not have.</summary>
public sealed class S3EventTypeInvalid : Rule
{
    /// <summary>The Framework's default event, <c>s3:ObjectCreated:*</c> (from the key catalogue).</summary>
    private static readonly string Default = KeyCatalog.Serverless.Default<string?>("functions.*.events.s3.event")!;

    /// <summary>The event types S3 notifications accept (Amazon S3 User Guide, "Supported event types").</summary>
    private static readonly HashSet<string> EventTypes = new(StringComparer.Ordinal)
    {
        "s3:TestEvent",
        Default, "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
        "s3:ObjectCreated:CompleteMultipartUpload",
        "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
        "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
        "s3:ReducedRedundancyLostObject",
        "s3:Replication:*", "s3:Replication:OperationFailedReplication", "s3:Replication:OperationMissedThreshold",
        "s3:Replication:OperationReplicatedAfterThreshold", "s3:Replication:OperationNotTracked",
        "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated",
        "s3:LifecycleTransition", "s3:IntelligentTiering",
        "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
        "s3:ObjectAcl:Put",
    };

    private static readonly string[] ConfigurationLists = ["LambdaConfigurations", "QueueConfigurations", "TopicConfigurations"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-S3-005",
        Title = "S3 event type invalid",
        DefaultSeverity = Severity.Error,
        Category = "S3",
        Description = "An `s3` event's `event`, or an `Event` of a bucket's `NotificationConfiguration` in `resources:`, is not one of the event types S3 notifications support (names are case-sensitive: `s3:ObjectCreated:*`).",
        Rationale = "`PutBucketNotificationConfiguration` rejects an unknown event (`The event is not supported for notifications`) and the deployment fails; the Framework's schema only checks the `s3:` prefix.",
        HowToFix = "Use a supported event type, such as `s3:ObjectCreated:*`, `s3:ObjectCreated:Put` or `s3:ObjectRemoved:*`.",
        FailingExample = """
            - s3:
                bucket: uploads
                event: s3:ObjectCreated:Upload
            """,
        PassingExample = """
            - s3:
                bucket: uploads
                event: s3:ObjectCreated:Put
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var s3 in function.EventsOf<S3Event>())
            {
                if (s3.Event is { IsWritten: true, Value: { } name, Node: { } node } && !EventTypes.Contains(name))
                {
                    Report(context, node, name, $"the s3 event of function '{function.Key}'");
                }
            }
        }

        foreach (var bucket in context.Service.Resources.Buckets)
        {
            foreach (var list in ConfigurationLists)
            {
                foreach (var configuration in bucket.NotificationConfiguration.At(list).Items())
                {
                    if (configuration.At("Event") is ScalarNode { IsNull: false } node && !EventTypes.Contains(node.Text))
                    {
                        Report(context, node, node.Text, $"{list} of bucket '{bucket.LogicalId}'");
                    }
                }
            }
        }
    }

    private static void Report(RuleContext context, Node node, string name, string owner)
    {
        // A value from ${env:} or ${file()} gets no spelling hint: the hint would spell the value.
        var sameIgnoringCase = ShownText.IsHidden(node) ? null : EventTypes.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));
        context.Report(node, sameIgnoringCase is null
            ? $"'{node.Display}' in {owner} is not an S3 notification event type (for example {Default}, s3:ObjectCreated:Put, s3:ObjectRemoved:*)"
            : $"'{node.Display}' in {owner} is not an S3 notification event type; event names are case-sensitive: '{sameIgnoringCase}'");
    }
}
