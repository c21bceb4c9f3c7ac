using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-010: A commands or container_commands entry Elastic Beanstalk cannot run as written.</summary>
public sealed class CommandInvalid : EbRule
{
    private static readonly string[] CommandKeys = ["command", "cwd", "env", "test", "ignoreErrors"];
    private static readonly string[] ContainerCommandKeys = [.. CommandKeys, "leader_only"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-010",
        Title = "Invalid commands or container_commands entry",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "Each entry of `commands` and `container_commands` is a named map with a `command`; its keys are cwd, env, test and ignoreErrors (and leader_only for container commands, which cannot be combined with test); leader_only and ignoreErrors are booleans and env is a map.",
        Rationale = "A container command with both leader_only and test runs on the leader only and ignores its test; leader_only in `commands` or a misspelt key makes Elastic Beanstalk reject the configuration file.",
        HowToFix = "Keep leader_only or test (not both), spell the keys as documented, and give every entry a command.",
        FailingExample = """
            container_commands:
              01_migrate:
                command: ./migrate.sh
                leader_only: true
                test: '[ -f ./migrate.sh ]'
            """,
        PassingExample = """
            container_commands:
              01_migrate:
                command: ./migrate.sh
                leader_only: true
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: customize-containers-ec2.html (Commands, Container commands)"],
    };

    public override void Check(EbRuleContext context)
    {
        foreach (var file in context.Bundle.Configs)
        {
            if (file.Root is not MappingNode root)
            {
                continue;
            }

            if (root.Entry("commands") is { } commands)
            {
                CheckSection(context, commands, CommandKeys, container: false);
            }

            if (root.Entry("container_commands") is { } containerCommands)
            {
                CheckSection(context, containerCommands, ContainerCommandKeys, container: true);
            }
        }
    }

    private static void CheckSection(EbRuleContext context, MappingEntry section, string[] keys, bool container)
    {
        if (section.Value is ScalarNode { IsNull: true })
        {
            return;
        }

        if (section.Value is not MappingNode entries)
        {
            context.Report(section.Value, $"{section.Key.Text} maps command names to {{command: …}} maps, in the order they run");
            return;
        }

        foreach (var entry in entries.Entries)
        {
            if (entry.Value is not MappingNode command)
            {
                context.Report(entry.Value, $"{section.Key.Text} '{entry.Key.Text}' must be a map with a 'command' key");
                continue;
            }

            foreach (var key in command.Entries.Select(e => e.Key).Where(k => !keys.Contains(k.Text, StringComparer.Ordinal)))
            {
                var hint = !container && key.Text == "leader_only"
                    ? "; leader_only applies only to container_commands"
                    : Suggestions.DidYouMean(key.Text, keys);
                context.Report(key, $"'{key.Text}' is not a key of {section.Key.Text} '{entry.Key.Text}'{hint}");
            }

            if (command["command"] is null)
            {
                context.Report(entry.Key, $"{section.Key.Text} '{entry.Key.Text}' has no 'command'");
            }

            if (command.Entry("leader_only") is { } leader && command.Entry("test") is { } test)
            {
                context.Report(test.Key, $"container command '{entry.Key.Text}' sets both leader_only and test; Elastic Beanstalk honours leader_only and skips the test",
                    related: [new RelatedLocation(leader.Key.Span, "leader_only is set here")]);
            }

            foreach (var flag in new[] { "leader_only", "ignoreErrors" })
            {
                if (command[flag] is { } value && !IsBoolean(value))
                {
                    context.Report(value, $"{flag} of '{entry.Key.Text}' must be true or false, not {value.Display}");
                }
            }

            if (command["env"] is { } env and not MappingNode and not ScalarNode { IsNull: true })
            {
                context.Report(env, $"env of '{entry.Key.Text}' must map variable names to values");
            }
        }
    }

    private static bool IsBoolean(Node node) =>
        node is ScalarNode s && (s.Kind == ScalarKind.Bool || s.Text is "true" or "false");
}
