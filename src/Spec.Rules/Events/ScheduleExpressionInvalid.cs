using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Events;

/// <summary>SLS-EVENTS-001: Schedule expression invalid.</summary>
public sealed class ScheduleExpressionInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EVENTS-001",
        Title = "Schedule expression invalid",
        DefaultSeverity = Severity.Error,
        Category = "Events",
        Description = "A `schedule` must be `rate(N unit)` with N > 0 and a singular unit when N is 1, or `cron(...)` with 6 fields where day-of-month or day-of-week is `?`.",
        Rationale = "EventBridge rejects the rule and the deployment fails.",
        HowToFix = "Fix the expression; `rate(1 minutes)` becomes `rate(1 minute)` (the fix does this).",
        FailingExample = """
            - schedule: rate(1 minutes)
            """,
        PassingExample = """
            - schedule: rate(1 minute)
            """,
        Anchors =
        [
            "cfn-lint E3027",
            "Serverless schedule.js pattern",
        ],
    };

    public override void Check(RuleContext context)
    {
        // Loops rather than a query: a query's iterators per function were most of the rule's memory at 10,000 functions.
        foreach (var function in context.Service.Functions)
        {
            foreach (var schedule in function.EventsOf<ScheduleEvent>())
            {
                for (var i = 0; i < schedule.Rate.Count; i++)
                {
                    Check(context, function, schedule.Rate[i]);
                }
            }

            foreach (var eventBridge in function.EventsOf<EventBridgeEvent>())
            {
                if (eventBridge.Schedule is { } expression)
                {
                    Check(context, function, expression);
                }
            }
        }
    }

    private static void Check(RuleContext context, Function function, Spanned<string?> expression)
    {
        if (expression.Value is not { } text || ScheduleExpression.Check(text) is not { } problem)
        {
            return;
        }

        var fix = problem.Correction is { } corrected && expression.Node is ScalarNode && expression.Node.IsEditable()
            ? context.ReplaceValue($"write {corrected}", expression.Node, corrected)
            : null;
        var message = expression.Node.IsSensitive
            ? $"schedule {expression.Node.Display} of function '{function.Key}' is not a valid rate(...) or cron(...) expression"
            : $"schedule of function '{function.Key}': {problem.Message}";
        context.Report(expression.Node, message, fix);
    }
}
