using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Options;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-009: A worker-only option in a web environment's bundle, or a web-only one in a worker's.</summary>
public sealed class OptionForOtherTier : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-009",
        Title = "Option or file for the other environment tier",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "The bundle sets worker-only options (aws:elasticbeanstalk:sqsd) or has a cron.yaml while env.yaml declares a web server environment, or sets load balancer, listener, process or traffic-splitting options in a worker environment. Without env.yaml the tier is taken from the sqsd settings.",
        Rationale = "A worker environment has no load balancer and a web environment has no worker daemon: the settings either fail the deployment or do nothing, and the tier cannot be changed after the environment is created.",
        HowToFix = "Split web and worker settings into separate bundles (one per environment), and declare a worker with `EnvironmentTier: {Name: Worker, Type: SQS/HTTP}` in env.yaml.",
        FailingExample = """
            # env.yaml declares EnvironmentTier: {Name: Worker, Type: SQS/HTTP}
            option_settings:
              aws:elbv2:loadbalancer:
                IdleTimeout: 120
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                InactivityTimeout: 120
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: using-features-managing-env-tiers.html, using-features-managing-env-types.html"],
    };

    public override void Check(EbRuleContext context)
    {
        var tiered = context.Facts.Settings
            .Select(s => (Setting: s, Tier: TierOf(context, s)))
            .Where(x => x.Tier is not null)
            .ToList();
        var declared = context.Bundle.DeclaredTier;
        var firstWorker = tiered.FirstOrDefault(x => x.Tier == EbTier.Worker).Setting;
        var tier = declared ?? (firstWorker is not null ? EbTier.Worker : (EbTier?)null);
        if (tier is null)
        {
            return;
        }

        var because = declared is not null
            ? context.Bundle.TierNode is { } node
                ? new RelatedLocation(node.Span, "env.yaml declares the tier here")
                : new RelatedLocation(Start(context.Bundle.Manifest!.Path), "env.yaml declares no EnvironmentTier, so this is a web server environment")
            : new RelatedLocation(firstWorker!.OptionNode.Span, "the worker daemon is configured here, so this is a worker bundle");
        foreach (var (setting, optionTier) in tiered.Where(x => x.Tier != tier))
        {
            var what = optionTier == EbTier.Worker ? "worker environments" : "web server environments (with a load balancer)";
            context.Report(setting.OptionNode, $"{setting.Namespace} {setting.Option} applies only to {what}", related: [because]);
        }

        if (tier == EbTier.Web && context.Bundle.Cron is { } cron)
        {
            context.Report(Start(cron.Path), "cron.yaml schedules periodic tasks of a worker environment; a web server environment ignores it",
                related: [because]);
        }
    }

    private static EbTier? TierOf(EbRuleContext context, EbSetting setting)
    {
        var ns = context.Catalog.Find(setting.Namespace);
        var option = ns?.Option(setting.Option);
        return ns is null ? null : option is null ? ns.Tier : ns.TierOf(option);
    }

    private static SourceSpan Start(string path) => SourceSpan.At(path, 1, 1);
}
