using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-003: A configuration file section Elastic Beanstalk does not know.</summary>
public sealed class UnknownTopLevelKey : EbRule
{
    /// <summary>The sections of a configuration file (ebextensions.html, customize-containers-ec2.html, environment-resources.html).</summary>
    public static readonly IReadOnlyList<string> Sections =
    [
        "option_settings", "Resources", "Outputs", "Parameters", "Mappings",
        "packages", "groups", "users", "sources", "files", "commands", "services", "container_commands",
    ];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-003",
        Title = "Unknown section in a configuration file",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "A top-level key of an `.ebextensions/*.config` file is not one of option_settings, Resources, Outputs, Parameters, Mappings, packages, groups, users, sources, files, commands, services and container_commands.",
        Rationale = "Elastic Beanstalk rejects a configuration file with an invalid key and skips the whole file; `OptionSettings` (the env.yaml spelling) and misspelt sections are the common cases.",
        HowToFix = "Use one of the documented section names (option_settings in .ebextensions, OptionSettings only in env.yaml).",
        FailingExample = """
            container_command:
              01_migrate:
                command: ./migrate.sh
            """,
        PassingExample = """
            container_commands:
              01_migrate:
                command: ./migrate.sh
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: ebextensions.html"],
    };

    public override void Check(EbRuleContext context)
    {
        foreach (var file in context.Bundle.Configs)
        {
            if (file.Root is not MappingNode root)
            {
                continue;
            }

            foreach (var key in root.Entries.Select(e => e.Key).Where(k => !Sections.Contains(k.Text, StringComparer.Ordinal)))
            {
                var hint = key.Text == "OptionSettings"
                    ? "; OptionSettings is the env.yaml key, a configuration file uses option_settings"
                    : Suggestions.DidYouMean(key.Text, Sections);
                context.Report(key, $"'{key.Text}' is not a section of a configuration file{hint}");
            }
        }
    }
}
