using System.Text.Json.Nodes;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>schedule</c> event (<c>compile/events/schedule.js</c>): per rate an EventBridge rule and its invoke
/// permission, or with <c>method: scheduler</c> an EventBridge Scheduler schedule that assumes the execution role.
/// </summary>
internal sealed class ScheduleLowering : EventLowering<ScheduleEvent>
{
    public override EventKind Kind => EventKind.Schedule;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        ctx.Unsupported($"the schedule event of function '{fn.Key}' has no 'rate'", unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<ScheduleEvent>> events)
    {
        var schedulerTargets = new JsonArray();
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var index = 0;
            var scheduled = false;
            foreach (var e in group)
            {
                var fn = e.Function;
                var schedule = e.Event;
                if (schedule.Rate.Count == 0)
                {
                    ctx.Unsupported($"the schedule event of function '{fn.Key}' has no 'rate'", e.Span);
                    continue;
                }

                if (Conflict(schedule) is { } conflict)
                {
                    ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec,
                        $"cannot set up the schedule event of function '{fn.Key}': {conflict.Message}", conflict.At.Span);
                    continue;
                }

                var enabled = schedule.Enabled.LiteralOrDefault != false;
                foreach (var rate in schedule.Rate)
                {
                    index++;
                    if (schedule.Method.LiteralOrDefault == "scheduler")
                    {
                        scheduled |= Scheduler(ctx, e, rate, index, enabled);
                        continue;
                    }

                    var target = new JsonObject();
                    EventResources.AddTargetInput(ctx, schedule.Input, schedule.InputText, schedule.InputPath,
                        schedule.InputTransformerSettings, target);
                    target["Arn"] = fn.Target();
                    target["Id"] = fn.Key + "Schedule";
                    var props = Object(("ScheduleExpression", ctx.Json(rate)), ("State", enabled ? "ENABLED" : "DISABLED"));
                    if (schedule.Name?.Value is { } name)
                    {
                        props["Name"] = ctx.Derived(name, schedule.Name);
                    }

                    if (schedule.Description?.Value is { } description)
                    {
                        props["Description"] = ctx.Derived(description, schedule.Description);
                    }

                    props["Targets"] = Array(target);
                    var rule = Object(("Type", "AWS::Events::Rule"));
                    EventResources.WaitForAlias(fn, rule);

                    rule["Properties"] = props;
                    var ruleId = Naming.ScheduleRule(fn.Key, index);
                    ctx.Add(ruleId, rule, PlanResourceKind.Rule, e.Span, fn.Key);
                    ctx.Add(Naming.SchedulePermission(fn.Key, index),
                        EventResources.Permission(fn, "events.amazonaws.com", GetAtt(ruleId, "Arn")),
                        PlanResourceKind.Permission, e.Span, fn.Key);
                }
            }

            if (scheduled)
            {
                // The function by the name it is deployed under, any version or alias of it.
                var functionArn = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + group.Key.DeployedName;
                schedulerTargets.AddNode(Sub(functionArn));
                schedulerTargets.AddNode(Sub(functionArn + ":*"));
            }
        }

        // The scheduler assumes the generated role, which may invoke every function it schedules; without that role
        // the function's own role must allow it (the Framework only logs a reminder).
        if (schedulerTargets.Count > 0 && ctx.Plan.Contains(Naming.Role))
        {
            if (!ctx.ExtraTrustedServices.Contains("scheduler.amazonaws.com"))
            {
                ctx.ExtraTrustedServices.Add("scheduler.amazonaws.com");
            }

            ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["lambda:InvokeFunction"])),
                ("Resource", schedulerTargets)));
        }
    }

    /// <summary>The settings <c>compileScheduledEvents</c> refuses together: a name shared by several rates (each rate
    /// is a rule of its own, and names are unique), and what only one of the two modes supports.</summary>
    private static (string Message, Node At)? Conflict(ScheduleEvent schedule)
    {
        var scheduler = schedule.Method.LiteralOrDefault == "scheduler";
        return schedule switch
        {
            { Rate.Count: > 1, Name: { Value: not "" } name } =>
                ("a name cannot be given to more than one rate expression", name.Node),
            { InputTransformer: { } transformer } when scheduler => ("'inputTransformer' is not supported with method 'scheduler'", transformer),
            { InputPath: { Value: not "" } path } when scheduler => ("'inputPath' is not supported with method 'scheduler'", path.Node),
            { Timezone: { Value: not "" } timezone } when !scheduler => ("'timezone' is only supported with method 'scheduler'", timezone.Node),
            _ => null,
        };
    }

    /// <summary>An EventBridge Scheduler schedule that assumes the function's own role; false when there is no function
    /// resource to take the role from.</summary>
    private static bool Scheduler(PlanContext ctx, PlanEvent<ScheduleEvent> e, Spanned<string?> rate, int index, bool enabled)
    {
        var fn = e.Function;
        var schedule = e.Event;
        if (ctx.Plan[fn.LogicalId]?.Body["Properties"]?["Role"] is not { } role)
        {
            ctx.Unsupported($"the scheduler schedule of function '{fn.Key}' needs the function's execution role", e.Span);
            return false;
        }

        var target = Object(("Arn", fn.Target()), ("RoleArn", role.DeepClone()));
        if (schedule.Input is { } input)
        {
            target["Input"] = schedule.InputText ?? EventResources.Stringify(ctx.Json(input));
        }

        var props = Object(("ScheduleExpression", ctx.Json(rate)), ("State", enabled ? "ENABLED" : "DISABLED"));
        if (schedule.Timezone?.Value is { } tz)
        {
            props["ScheduleExpressionTimezone"] = ctx.Derived(tz, schedule.Timezone);
        }

        if (schedule.Name?.Value is { } name)
        {
            props["Name"] = ctx.Derived(name, schedule.Name);
        }

        if (schedule.Description?.Value is { } description)
        {
            props["Description"] = ctx.Derived(description, schedule.Description);
        }

        props["FlexibleTimeWindow"] = Object(("Mode", "OFF"));
        props["Target"] = target;
        ctx.Add(Naming.SchedulerSchedule(fn.Key, index),
            EventResources.WaitForAlias(fn, Object(("Type", "AWS::Scheduler::Schedule"), ("Properties", props))),
            PlanResourceKind.Rule, e.Span, fn.Key);
        return true;
    }
}
