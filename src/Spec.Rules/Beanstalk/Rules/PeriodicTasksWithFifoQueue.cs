using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-015: Periodic tasks on a worker that reads a FIFO queue.</summary>
public sealed class PeriodicTasksWithFifoQueue : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-015",
        Title = "Periodic tasks with a FIFO worker queue",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "The bundle has a cron.yaml while its worker queue (aws:elasticbeanstalk:sqsd WorkerQueueURL) is a FIFO queue.",
        Rationale = "Elastic Beanstalk does not support periodic tasks with a FIFO worker queue: the tasks never run.",
        HowToFix = "Run the periodic tasks in a worker environment of their own (with a standard queue), or read a standard queue.",
        FailingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                WorkerQueueURL: https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo
            # and a cron.yaml in the same bundle
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                WorkerQueueURL: https://sqs.eu-west-1.amazonaws.com/123456789012/orders
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: using-features-managing-env-tiers.html#worker-periodictasks"],
    };

    public override void Check(EbRuleContext context)
    {
        if (context.Bundle.Cron is not { Root: MappingNode cron }
            || context.Facts.Effective("aws:elasticbeanstalk:sqsd", "WorkerQueueURL") is not { ValueText: { } url } setting
            || !url.TrimEnd('/').EndsWith(".fifo", StringComparison.Ordinal))
        {
            return;
        }

        var at = cron.Entry("cron")?.Key ?? (Node)cron;
        context.Report(at, "periodic tasks are not supported with a FIFO worker queue",
            related: [new RelatedLocation(setting.Value!.Span, "the worker reads this FIFO queue")]);
    }
}
