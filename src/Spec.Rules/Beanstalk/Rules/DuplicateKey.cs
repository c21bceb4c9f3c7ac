using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-002: A key or an option set twice in one file.</summary>
public sealed class DuplicateKey : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-002",
        Title = "Key or option set twice in one file",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "A YAML key appears twice in the same map (two `option_settings:` sections, a namespace written twice), or one option is set twice in the same file's `option_settings`.",
        Rationale = "The Developer Guide requires each key once per configuration file: with a duplicate, one of the sections is dropped without a word, so half the settings never apply.",
        HowToFix = "Merge the duplicate sections into one, or move one of them to its own configuration file.",
        FailingExample = """
            option_settings:
              aws:elasticbeanstalk:environment:
                EnvironmentType: LoadBalanced
            option_settings:
              aws:elasticbeanstalk:cloudwatch:logs:
                StreamLogs: true
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:environment:
                EnvironmentType: LoadBalanced
              aws:elasticbeanstalk:cloudwatch:logs:
                StreamLogs: true
            """,
        Tags = [RuleTags.BestPractice],
        Anchors = ["AWS Elastic Beanstalk Developer Guide: ebextensions.html (Uniqueness)"],
    };

    /// <summary>The loader reports duplicate keys as parse errors; this rule reports them with Elastic Beanstalk's consequence.</summary>
    internal static bool IsDuplicateKey(Diagnostic d) =>
        d.Id == DiagnosticIds.Parse && d.Message.StartsWith("duplicate key '", StringComparison.Ordinal);

    public override void Check(EbRuleContext context)
    {
        foreach (var file in context.Bundle.Files)
        {
            foreach (var d in file.LoadDiagnostics.Where(IsDuplicateKey))
            {
                context.Report(d.Span!, $"{d.Message} in {UnreadableFile.Describe(file)}: Elastic Beanstalk keeps only one of them", related: d.Related);
            }
        }

        foreach (var group in context.Facts.Settings
            .GroupBy(s => (s.File, s.ResourceName, s.Namespace, s.Option))
            .Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var again in group.Skip(1))
            {
                context.Report(again.OptionNode, $"option '{again.Option}' of {again.Namespace} is already set in this file",
                    related: [new RelatedLocation(first.OptionNode.Span, "first set here")]);
            }
        }
    }
}
