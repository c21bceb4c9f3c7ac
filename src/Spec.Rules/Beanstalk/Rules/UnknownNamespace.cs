using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-005: An option namespace Elastic Beanstalk does not have (or only had on retired platforms).</summary>
public sealed class UnknownNamespace : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-005",
        Title = "Unknown option namespace",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "An option setting names a namespace that is not in the Developer Guide's option reference (error), or one that only the retired Amazon Linux AMI platforms read (warning).",
        Rationale = "Elastic Beanstalk rejects unknown namespaces at deploy time (\"Unknown or duplicate parameter\"); namespaces such as aws:elasticbeanstalk:container:nodejs stopped working on Amazon Linux 2, so their settings are ignored or fail.",
        HowToFix = "Correct the namespace (see the suggestion), or move the setting to the namespace current platforms use.",
        FailingExample = """
            option_settings:
              aws:elasticbeanstalk:cloudwatch:log:
                StreamLogs: true
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:cloudwatch:logs:
                StreamLogs: true
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: command-options-general.html, command-options-specific.html"],
    };

    public override void Check(EbRuleContext context)
    {
        var names = context.Catalog.Namespaces.Where(n => !n.IsPattern).Select(n => n.Name).ToList();
        var reported = new HashSet<(string, int)>();
        foreach (var setting in context.Facts.Settings)
        {
            var span = setting.NamespaceSpan;
            if (!reported.Add((span.File, span.Start.Offset)))
            {
                continue;
            }

            var ns = context.Catalog.Find(setting.Namespace);
            if (ns is null)
            {
                context.Report(span, $"'{setting.Namespace}' is not an Elastic Beanstalk option namespace{Suggestions.DidYouMean(setting.Namespace, names)}");
            }
            else if (ns.Legacy)
            {
                var instead = ns.Replacement is null ? string.Empty : $"; on current platforms use {ns.Replacement}";
                context.Report(span, $"{setting.Namespace} applies only to the retired Amazon Linux AMI platforms{instead}", Severity.Warning);
            }
        }
    }
}
