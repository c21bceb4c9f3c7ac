using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Input;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-001: An Elastic Beanstalk file that cannot be read.</summary>
public sealed class UnreadableFile : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-001",
        Title = "Elastic Beanstalk file cannot be read",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "An `.ebextensions/*.config`, `cron.yaml` or `env.yaml` file is not valid YAML or JSON (tabs in the indentation, unclosed brackets, a binary file), or its top level is not a map.",
        Rationale = "Elastic Beanstalk skips a configuration file it cannot parse, logs a warning event and deploys without it: the options, resources and commands in it silently do not apply.",
        HowToFix = "Fix the YAML syntax (indent with spaces only); the file's top level must be a map of sections such as option_settings.",
        FailingExample = """
            option_settings:
            	aws:elasticbeanstalk:cloudwatch:logs:
                StreamLogs: true
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:cloudwatch:logs:
                StreamLogs: true
            """,
        Tags = [RuleTags.BestPractice],
        Anchors = ["AWS Elastic Beanstalk Developer Guide: ebextensions.html (YAML formatting)"],
    };

    public override void Check(EbRuleContext context)
    {
        foreach (var file in context.Bundle.Files)
        {
            foreach (var d in file.LoadDiagnostics.Where(d => !DuplicateKey.IsDuplicateKey(d)))
            {
                context.Report(d.Span ?? SourceSpan.At(file.Path, 1, 1), $"{Describe(file)} cannot be read: {d.Message}", d.Severity, d.Related);
            }

            if (file.Root is not null and not MappingNode && file.Kind != EbFileKind.Procfile)
            {
                context.Report(file.Root, $"{Describe(file)} must be a map at its top level, not {file.Root.Display}");
            }
        }
    }

    internal static string Describe(EbFile file) => file.Kind switch
    {
        EbFileKind.Config => "the configuration file",
        EbFileKind.Cron => "cron.yaml",
        EbFileKind.Manifest => "env.yaml",
        _ => "the Procfile",
    };
}
