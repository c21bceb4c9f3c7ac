using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>cloudwatchEvent</c> event (<c>compile/events/cloud-watch-event.js</c>): an EventBridge rule on the
/// default bus with the function as its target, and the invoke permission, numbered per function.</summary>
internal sealed class CloudwatchEventLowering : EventLowering<CloudwatchEvent>
{
    public override EventKind Kind => EventKind.CloudwatchEvent;

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<CloudwatchEvent>> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var index = 0;
            foreach (var e in group)
            {
                var fn = e.Function;
                var rule = e.Event;
                index++;
                var target = new JsonObject();
                EventResources.AddTargetInput(ctx, rule.Input, rule.InputText, rule.InputPath, rule.InputTransformerSettings, target);
                target["Arn"] = fn.Target();
                target["Id"] = fn.Key + "CloudWatchEvent";
                var props = Object(("EventPattern", ctx.Json(rule.Event)),
                    ("State", rule.Enabled.Value == false ? "DISABLED" : "ENABLED"));
                if (rule.Name?.Value is { } name)
                {
                    props["Name"] = ctx.Derived(name, rule.Name);
                }

                if (rule.Description?.Value is { } description)
                {
                    props["Description"] = ctx.Derived(description, rule.Description);
                }

                props["Targets"] = Array(target);
                var ruleId = Naming.CloudWatchEventRule(fn.Key, index);
                ctx.Add(ruleId, EventResources.WaitForAlias(fn, Object(("Type", "AWS::Events::Rule"), ("Properties", props))), PlanResourceKind.Rule,
                    e.Span, fn.Key);
                ctx.Add(Naming.CloudWatchEventPermission(fn.Key, index),
                    EventResources.Permission(fn, "events.amazonaws.com", GetAtt(ruleId, "Arn")),
                    PlanResourceKind.Permission, e.Span, fn.Key);
            }
        }
    }
}
