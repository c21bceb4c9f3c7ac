using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-014: CloudWatch alarm period CloudWatch rejects.</summary>
public sealed class AlarmPeriodInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-014",
        Title = "CloudWatch alarm period invalid",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "An `AWS::CloudWatch::Alarm` in `resources` (or a metric of its `Metrics`) has a `Period` that is not 10, 30 or a multiple of 60 seconds.",
        Rationale = "`PutMetricAlarm` accepts only those periods (10 and 30 for high-resolution metrics), so the deployment fails; the CloudFormation schema only requires a number.",
        HowToFix = "Use 60 or a multiple of it (10 or 30 for a high-resolution metric).",
        FailingExample = """
            Type: AWS::CloudWatch::Alarm
            Properties:
              Period: 45
            """,
        PassingExample = """
            Type: AWS::CloudWatch::Alarm
            Properties:
              Period: 60
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var alarm in context.Service.Resources.Resources.Where(r => r.IsType("AWS::CloudWatch::Alarm")))
        {
            var periods = alarm.Property("Metrics").Items().Select(m => m.At("MetricStat", "Period")).Prepend(alarm.Property("Period"));
            foreach (var period in periods.OfType<ScalarNode>())
            {
                if (period.Integer() is { } seconds && !(seconds is 10 or 30 || (seconds > 0 && seconds % 60 == 0)))
                {
                    context.Report(period, $"alarm '{alarm.LogicalId}' has a period of {period.Display} s; CloudWatch accepts 10, 30 or a multiple of 60");
                }
            }
        }
    }
}
