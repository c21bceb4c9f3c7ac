using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-006: An option its namespace does not have.</summary>
public sealed class UnknownOption : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-006",
        Title = "Unknown option in its namespace",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "An option setting names an option its namespace does not have (option names are case-sensitive), a static-file path that does not start with '/', or an option the guide marks deprecated (warning).",
        Rationale = "Elastic Beanstalk fails the deployment with \"Invalid option specification\" or \"Unknown or duplicate parameter\", usually minutes into an environment update.",
        HowToFix = "Use the option name as the Developer Guide spells it (see the suggestion).",
        FailingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                InactivityTimeOut: 300
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                InactivityTimeout: 300
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: command-options-general.html"],
    };

    public override void Check(EbRuleContext context)
    {
        foreach (var setting in context.Facts.Settings)
        {
            var ns = context.Catalog.Find(setting.Namespace);
            if (ns is null)
            {
                continue;
            }

            var option = ns.Option(setting.Option);
            if (option is not null)
            {
                if (option.Deprecated)
                {
                    context.Report(setting.OptionNode, $"{setting.Option} of {setting.Namespace} is deprecated", Severity.Warning);
                }

                continue;
            }

            if (ns.Open)
            {
                if (ns.OpenKeyPattern is { } pattern && !Regex.IsMatch(setting.Option, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    context.Report(setting.OptionNode, $"'{setting.Option}' in {setting.Namespace} must match {pattern} (a URL path such as /static)");
                }

                continue;
            }

            var known = ns.Options.Keys.Order(StringComparer.Ordinal).ToList();
            var sameButCase = known.FirstOrDefault(k => k.Equals(setting.Option, StringComparison.OrdinalIgnoreCase));
            var hint = sameButCase is not null
                ? $"; option names are case-sensitive: '{sameButCase}'"
                : Suggestions.DidYouMean(setting.Option, known);
            context.Report(setting.OptionNode, $"{setting.Namespace} has no option '{setting.Option}'{hint}");
        }
    }
}
