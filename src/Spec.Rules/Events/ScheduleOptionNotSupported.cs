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
        Description = "A `schedule` with `name` lists several rates; `inputTransformer` or `inputPath` is used with `method: scheduler`, or `timezone` without it; " +
                      "or a `schedule`, `eventBridge` or `cloudwatchEvent` event sets more than one of `input`, `inputPath` and `inputTransformer`.",
        Rationale = "The Framework rejects the event (one name cannot be given to several rules; EventBridge Scheduler has no input transformer or input path; " +
                    "a time zone needs Scheduler; several inputs on an eventBridge event: EVENTBRIDGE_MULTIPLE_INPUT_PROPERTIES), or passes several inputs of a " +
                    "schedule on to an EventBridge target, which takes only one of Input, InputPath and InputTransformer.",
        HowToFix = "Split the rates into separate events, drop the option the method does not support, and keep one of `input`, `inputPath`, `inputTransformer`.",
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
            "Serverless EVENTBRIDGE_MULTIPLE_INPUT_PROPERTIES",
            "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html",
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

                var scheduler = schedule.Method.Value == "scheduler";
                if (schedule.InputTransformer is not null && scheduler)
                {
                    context.Report(schedule.Value.KeyOf("inputTransformer") ?? schedule.InputTransformer,
                        $"inputTransformer is not supported with method: scheduler (function '{function.Key}')");
                }

                if (schedule.InputPath is { } path && scheduler)
                {
                    context.Report(schedule.Value.KeyOf("inputPath") ?? path.Node,
                        $"inputPath is not supported with method: scheduler (function '{function.Key}')");
                }

                if (schedule.Timezone is { } zone && !scheduler)
                {
                    context.Report(schedule.Value.KeyOf("timezone") ?? zone.Node,
                        $"timezone is supported only with method: scheduler (function '{function.Key}'); an EventBridge rule's schedule is in UTC");
                }

                ReportSeveralInputs(context, function, schedule, schedule.Input, schedule.InputPath?.Node, schedule.InputTransformer);
            }

            foreach (var bridge in function.EventsOf<EventBridgeEvent>())
            {
                ReportSeveralInputs(context, function, bridge, bridge.Input, bridge.InputPath?.Node, bridge.InputTransformer);
            }

            foreach (var legacy in function.EventsOf<CloudwatchEvent>())
            {
                ReportSeveralInputs(context, function, legacy, legacy.Input, legacy.InputPath?.Node, legacy.InputTransformer);
            }
        }
    }

    /// <summary>An EventBridge target takes one of Input, InputPath and InputTransformer: report every one after the first.</summary>
    private static void ReportSeveralInputs(RuleContext context, Function function, FunctionEvent e, Node? input, Node? inputPath, Node? inputTransformer)
    {
        var given = new (string Key, Node? Node)[] { ("input", input), ("inputPath", inputPath), ("inputTransformer", inputTransformer) }
            .Where(i => i.Node is not null and not ScalarNode { IsNull: true })
            .ToList();
        foreach (var (key, node) in given.Skip(1))
        {
            context.Report(e.Value.KeyOf(key) ?? node!,
                $"{key} is set together with {given[0].Key} on the {e.KindName} event of function '{function.Key}'; an EventBridge target takes only one of input, inputPath and inputTransformer");
        }
    }
}
