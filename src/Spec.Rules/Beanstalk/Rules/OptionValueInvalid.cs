using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Options;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-007: An option value outside its documented type, range or values.</summary>
public sealed class OptionValueInvalid : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-007",
        Title = "Option value outside its range or values",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "An option's value is not of its type (number, boolean, ISO 8601 duration, list), lies outside the documented range, is not one of the documented values (case-sensitive), or does not match the documented form.",
        Rationale = "Elastic Beanstalk validates option values when the environment is created or updated and rolls the update back (\"Invalid option value\"); a range error in sqsd or the load balancer is found only at deploy time.",
        HowToFix = "Use a value inside the documented range or one of the listed values.",
        FailingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                InactivityTimeout: 40000
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                InactivityTimeout: 36000
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: command-options-general.html (Valid values)"],
    };

    public override void Check(EbRuleContext context)
    {
        foreach (var setting in context.Facts.Settings.Where(s => !s.IsDynamic && s.Value is not null))
        {
            var ns = context.Catalog.Find(setting.Namespace);
            var option = ns?.Option(setting.Option);
            var text = setting.ValueText;
            if (ns is null || text is null)
            {
                continue;
            }

            if (option is null)
            {
                if (ns.Open && ns.ValuePattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    context.Report(setting.Value!, $"the value of {setting.Option} in {setting.Namespace} must match {pattern}");
                }

                continue;
            }

            if (option.Problem(text) is { } problem)
            {
                context.Report(setting.Value!, $"{setting.Option} of {setting.Namespace}: {problem}{Hint(option)}");
            }
        }
    }

    private static string Hint(EbOption option) => option.Default is { } d ? $" (default {d})" : string.Empty;
}
