using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-011: Kinesis stream settings the Kinesis API rejects.</summary>
public sealed class KinesisStreamSettingsInvalid : Rule
{
    private const long MinimumRetentionHours = 24;

    private const long MaximumRetentionHours = 8760;

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-011",
        Title = "Kinesis stream settings invalid",
        DefaultSeverity = Severity.Error,
        Category = "Streams",
        Description = "An `AWS::Kinesis::Stream` in `resources` sets `ShardCount` with `StreamModeDetails.StreamMode: ON_DEMAND`, or a `RetentionPeriodHours` outside 24-8760.",
        Rationale = "An on-demand stream scales its own shards: `CreateStream` rejects a shard count with it. A stream keeps records at least 24 hours and at most 365 days " +
                    "(`IncreaseStreamRetentionPeriod`/`DecreaseStreamRetentionPeriod`); the CloudFormation schema allows 1 hour, so only the deployment fails.",
        HowToFix = "Drop `ShardCount` from an on-demand stream (or switch it to PROVISIONED), and keep `RetentionPeriodHours` within 24-8760.",
        FailingExample = """
            Type: AWS::Kinesis::Stream
            Properties:
              StreamModeDetails: {StreamMode: ON_DEMAND}
              ShardCount: 2
              RetentionPeriodHours: 12
            """,
        PassingExample = """
            Type: AWS::Kinesis::Stream
            Properties:
              StreamModeDetails: {StreamMode: ON_DEMAND}
              RetentionPeriodHours: 24
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html",
            "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DecreaseStreamRetentionPeriod.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var stream in context.Service.Resources.Resources.Where(r => r.IsType("AWS::Kinesis::Stream")))
        {
            var mode = stream.Property("StreamModeDetails").At("StreamMode").Text();
            if (mode == "ON_DEMAND" && stream.Property("ShardCount") is { } shards and not ScalarNode { IsNull: true })
            {
                context.Report(shards, $"stream '{stream.LogicalId}' is ON_DEMAND; Kinesis rejects a ShardCount for an on-demand stream");
            }

            if (stream.Property("RetentionPeriodHours") is ScalarNode retention && retention.Integer() is { } hours
                && hours is < MinimumRetentionHours or > MaximumRetentionHours)
            {
                context.Report(retention, $"RetentionPeriodHours {retention.Display} of stream '{stream.LogicalId}' is outside {MinimumRetentionHours}-{MaximumRetentionHours}: Kinesis keeps records 24 hours to 365 days");
            }
        }
    }
}
