using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-008: An option the console or EB CLI sets through the API, written in .ebextensions.</summary>
public sealed class RecommendedValueInExtensions : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-008",
        Title = "Recommended-value option set in .ebextensions",
        DefaultSeverity = Severity.Warning,
        Category = "Beanstalk",
        Description = "The option is one the Elastic Beanstalk console or EB CLI sets to a \"recommended value\" through the API when they create an environment (IamInstanceProfile, InstanceType, ServiceRole, SystemType, DeploymentPolicy, sqsd HttpConnections, …).",
        Rationale = "Settings applied through the API take precedence over configuration files, so the value in .ebextensions is silently overridden whenever the environment is created with the console or `eb create`.",
        HowToFix = "Pass the option with the API call that creates or updates the environment (`--option-settings`, the target's <env>.options.json) or in a saved configuration.",
        FailingExample = """
            option_settings:
              aws:autoscaling:launchconfiguration:
                IamInstanceProfile: orders-instance-profile
            """,
        PassingExample = """
            option_settings:
              aws:autoscaling:launchconfiguration:
                RootVolumeType: gp3
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: command-options.html#configuration-options-recommendedvalues"],
    };

    public override void Check(EbRuleContext context)
    {
        foreach (var setting in context.Facts.Settings.Where(s => s.Origin == EbSettingOrigin.Extension))
        {
            if (context.Catalog.Find(setting.Namespace, setting.Option) is { IsRecommendedValue: true } option)
            {
                var clients = string.Join(" and ", option.RecommendedBy.Select(c => c == "ebcli" ? "the EB CLI" : "the console"));
                context.Report(setting.OptionNode,
                    $"{setting.Option} of {setting.Namespace} is set by {clients} through the API when an environment is created, which overrides this file");
            }
        }
    }
}
