using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Events;

/// <summary>SLS-EVENTS-006: More subscription filters on one log group than CloudWatch Logs allows.</summary>
public sealed class TooManySubscriptionFilters : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EVENTS-006",
        Title = "More than two subscription filters on a log group",
        DefaultSeverity = Severity.Error,
        Category = "Events",
        Description = "More than two `cloudwatchLog` events, and `AWS::Logs::SubscriptionFilter` resources in `resources`, subscribe to the same log group (named literally).",
        Rationale = "CloudWatch Logs allows two subscription filters per log group, a quota that cannot be raised: `PutSubscriptionFilter` fails with LimitExceededException for the third, and so does the deployment.",
        HowToFix = "Subscribe one function to the log group and dispatch in code, or combine the filter patterns (`?ERROR ?WARN`).",
        FailingExample = """
            functions:
              a: {handler: a.h, events: [{cloudwatchLog: /aws/ecs/app}]}
              b: {handler: b.h, events: [{cloudwatchLog: /aws/ecs/app}]}
              c: {handler: c.h, events: [{cloudwatchLog: /aws/ecs/app}]}
            """,
        PassingExample = """
            functions:
              a: {handler: a.h, events: [{cloudwatchLog: /aws/ecs/app}]}
              b: {handler: b.h, events: [{cloudwatchLog: /aws/ecs/app}]}
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html",
            "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutSubscriptionFilter.html",
        ],
    };

    private const int FiltersPerLogGroup = 2;

    public override void Check(RuleContext context)
    {
        // Shown: the log group as a message shows it (a value from ${env:} by its expression).
        var filters = new List<(string LogGroup, string Shown, Node Node, string Owner)>();
        foreach (var function in context.Service.Functions)
        {
            foreach (var log in function.EventsOf<CloudwatchLogEvent>())
            {
                if (log.LogGroup.Value is { } group)
                {
                    filters.Add((group, log.LogGroup.Node.Display, log.Node, $"the cloudwatchLog event of function '{function.Key}'"));
                }
            }
        }

        foreach (var resource in context.Service.Resources.Resources.Where(r => r.IsType("AWS::Logs::SubscriptionFilter")))
        {
            if (resource.Property("LogGroupName") is { } name && name.Text() is { } group)
            {
                filters.Add((group, name.Display, resource.KeyNode, $"subscription filter '{resource.LogicalId}'"));
            }
        }

        foreach (var group in filters.GroupBy(f => f.LogGroup, StringComparer.Ordinal).Where(g => g.Count() > FiltersPerLogGroup))
        {
            var first = group.Take(FiltersPerLogGroup).ToList();
            foreach (var extra in group.Skip(FiltersPerLogGroup))
            {
                context.Report(extra.Node,
                    $"{extra.Owner} is subscription filter {group.Count()} on log group '{extra.Shown}'; CloudWatch Logs allows {FiltersPerLogGroup} per log group",
                    related: first.Select(f => f.Node.Related($"{f.Owner} subscribes to '{f.Shown}' here")));
            }
        }
    }
}
