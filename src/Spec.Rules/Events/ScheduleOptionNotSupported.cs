using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Events;

/// <summary>SLS-EVENTS-002: Schedule option not supported in this form.</summary>
public sealed class ScheduleOptionNotSupported : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EVENTS-002",
        Title = "Schedule option not supported in this form",
        DefaultSeverity = Severity.Error,
        Category = "Events",
        Description = "A `schedule` with `name` lists several rates, or `inputTransformer` is used with `method: scheduler`.",
        Rationale = "The Framework rejects the event: one name cannot be given to several rules, and EventBridge Scheduler has no input transformer.",
        HowToFix = "Split the rates into separate events, or drop `inputTransformer` / `method: scheduler`.",
        FailingExample = """
            - schedule:
                name: tick
                rate:
                  - rate(5 minutes)
                  - rate(1 hour)
            """,
        PassingExample = """
            - schedule:
                name: tick
                rate:
                  - rate(5 minutes)
            """,
        Anchors =
        [
            "Serverless SCHEDULE_NAME_NOT_ALLOWED_MULTIPLE_RATES",
            "Serverless SCHEDULE_PARAMETER_NOT_SUPPORTED",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var schedule in function.EventsOf<ScheduleEvent>())
            {
                if (schedule.Name is { } name && schedule.Rate.Count > 1)
                {
                    context.Report(name.Node, $"schedule name '{name.Node.Display}' of function '{function.Key}' cannot be given to {schedule.Rate.Count} rates");
                }

                if (schedule.InputTransformer is not null && schedule.Method.Value == "scheduler")
                {
                    context.Report(schedule.Value.KeyOf("inputTransformer") ?? schedule.InputTransformer,
                        $"inputTransformer is not supported with method: scheduler (function '{function.Key}')");
                }
            }
        }
    }
}
