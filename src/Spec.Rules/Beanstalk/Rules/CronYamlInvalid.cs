using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-013: A cron.yaml the worker daemon cannot read.</summary>
public sealed class CronYamlInvalid : EbRule
{
    private static readonly string[] TaskKeys = ["name", "url", "schedule"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-013",
        Title = "Invalid cron.yaml",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "cron.yaml needs `version: 1` and a `cron` list of tasks, each with a unique `name`, a `url` path starting with '/', and a `schedule` in 5-field cron syntax (minute hour day-of-month month day-of-week, UTC).",
        Rationale = "The worker daemon ignores a cron.yaml it cannot parse, and a task whose name repeats another's or whose schedule is EventBridge's 6-field syntax never runs; nothing fails at deploy time.",
        HowToFix = "Give every task a unique name, a url such as /cron/nightly and a 5-field schedule (EventBridge's cron(0 3 ? * MON-FRI *) is 0 3 * * 1-5).",
        FailingExample = """
            version: 1
            cron:
              - name: nightly
                url: /cron/nightly
                schedule: "0 3 ? * MON-FRI *"
            """,
        PassingExample = """
            version: 1
            cron:
              - name: nightly
                url: /cron/nightly
                schedule: "0 3 * * MON-FRI"
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: using-features-managing-env-tiers.html#worker-periodictasks"],
    };

    public override void Check(EbRuleContext context)
    {
        if (context.Bundle.Cron is not { Root: MappingNode root })
        {
            if (context.Bundle.Cron is { IsEmpty: true } empty)
            {
                context.Report(SourceSpan.At(empty.Path, 1, 1), "cron.yaml is empty; it needs 'version: 1' and a 'cron' list of tasks");
            }

            return;
        }

        foreach (var key in root.Entries.Select(e => e.Key).Where(k => k.Text is not ("version" or "cron")))
        {
            context.Report(key, $"'{key.Text}' is not a key of cron.yaml (version, cron){Suggestions.DidYouMean(key.Text, ["version", "cron"])}");
        }

        var version = root.Entry("version");
        if (version is null)
        {
            context.Report(root.Entries.Count > 0 ? root.Entries[0].Key : root, "cron.yaml has no 'version: 1'");
        }
        else if (version.Value is not ScalarNode { Text: "1" })
        {
            context.Report(version.Value, $"cron.yaml version must be 1, not {version.Value.Display}");
        }

        switch (root.Entry("cron"))
        {
            case null:
                context.Report(root.Entries.Count > 0 ? root.Entries[0].Key : root, "cron.yaml has no 'cron' list of tasks");
                break;
            case { Value: SequenceNode tasks }:
                CheckTasks(context, tasks);
                break;
            case var other:
                context.Report(other.Value, "'cron' must be a list of tasks (- name: …, url: …, schedule: …)");
                break;
        }
    }

    private static void CheckTasks(EbRuleContext context, SequenceNode tasks)
    {
        var names = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var item in tasks.Items)
        {
            if (item is not MappingNode task)
            {
                context.Report(item, "each task must be a map with name, url and schedule");
                continue;
            }

            foreach (var key in task.Entries.Select(e => e.Key).Where(k => !TaskKeys.Contains(k.Text, StringComparer.Ordinal)))
            {
                context.Report(key, $"'{key.Text}' is not a key of a task (name, url, schedule){Suggestions.DidYouMean(key.Text, TaskKeys)}");
            }

            foreach (var missing in TaskKeys.Where(k => task[k] is null or ScalarNode { IsNull: true }))
            {
                context.Report(task, $"the task has no '{missing}'");
            }

            if (task["name"] is ScalarNode { IsNull: false } name)
            {
                if (names.TryGetValue(name.Text, out var first))
                {
                    context.Report(name, $"task name '{name.Text}' is used twice; names must be unique",
                        related: [new RelatedLocation(first, "first used here")]);
                }
                else
                {
                    names[name.Text] = name.Span;
                }
            }

            if (task["url"] is ScalarNode { IsNull: false } url && !url.Text.StartsWith('/'))
            {
                context.Report(url, $"url '{url.Text}' must be a path starting with '/' (the daemon posts to the local application)");
            }

            if (task["schedule"] is ScalarNode { IsNull: false } schedule && CronSyntax.Problem(schedule.Text) is { } problem)
            {
                context.Report(schedule, problem);
            }
        }
    }
}
