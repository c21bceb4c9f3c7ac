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
        foreach (var function in context.Service.Functions)
        {
            var expressions = function.EventsOf<ScheduleEvent>().SelectMany(s => s.Rate)
                .Concat(function.EventsOf<EventBridgeEvent>().Select(e => e.Schedule).OfType<Spanned<string?>>());
            foreach (var expression in expressions)
            {
                if (expression.Value is not { } text || ScheduleExpression.Check(text) is not { } problem)
                {
                    continue;
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
    }
}
