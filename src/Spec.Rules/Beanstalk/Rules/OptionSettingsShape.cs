using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-004: option_settings in a shape Elastic Beanstalk does not read.</summary>
public sealed class OptionSettingsShape : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-004",
        Title = "option_settings has the wrong shape",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "`option_settings` must be either a list of `{namespace, option_name, value}` maps or the shorthand `namespace: {option: value}`; each value is a single string (a list is written comma-separated). `OptionSettings` in env.yaml takes the shorthand only.",
        Rationale = "Elastic Beanstalk fails the deployment with \"Each option setting in configuration file … must be a map\" or skips the file; mixing the two forms is the usual cause.",
        HowToFix = "Write each setting as a map with option_name and value (list form), or put the options under their namespace (shorthand form).",
        FailingExample = """
            option_settings:
              - aws:elasticbeanstalk:cloudwatch:logs:StreamLogs=true
            """,
        PassingExample = """
            option_settings:
              - namespace: aws:elasticbeanstalk:cloudwatch:logs
                option_name: StreamLogs
                value: true
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: ebextensions-optionsettings.html"],
    };

    public override void Check(EbRuleContext context)
    {
        foreach (var problem in context.Facts.ShapeProblems)
        {
            context.Report(problem.Node, problem.Message);
        }
    }
}
