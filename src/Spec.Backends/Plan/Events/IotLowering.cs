using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>iot</c> event (<c>compile/events/iot.js</c>): an IoT topic rule with the function as its action, and
/// the invoke permission, numbered per function.</summary>
internal sealed class IotLowering : EventLowering<IotEvent>
{
    public override EventKind Kind => EventKind.Iot;

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<IotEvent>> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var index = 0;
            foreach (var e in group)
            {
                var fn = e.Function;
                var iot = e.Event;
                index++;
                var payload = new JsonObject();
                if (iot.SqlVersion is { } version)
                {
                    payload["AwsIotSqlVersion"] = ctx.Json(version);
                }

                if (iot.Description is { } description)
                {
                    payload["Description"] = ctx.Json(description);
                }

                payload["RuleDisabled"] = iot.Enabled.LiteralOrDefault == false;
                payload["Sql"] = ctx.Json(iot.Sql);
                payload["Actions"] = Array(Object(("Lambda", Object(("FunctionArn", fn.Target())))));
                var props = new JsonObject();
                if (iot.Name?.Value is { } name)
                {
                    props["RuleName"] = name;
                }

                props["TopicRulePayload"] = payload;
                var ruleId = Naming.IotRule(fn.Key, index);
                ctx.Add(ruleId, EventResources.WaitForAlias(fn, Object(("Type", "AWS::IoT::TopicRule"), ("Properties", props))), PlanResourceKind.Rule,
                    e.Span, fn.Key);
                ctx.Add(Naming.IotPermission(fn.Key, index), EventResources.Permission(fn, "iot.amazonaws.com",
                        Join(string.Empty, "arn:", Partition(), ":iot:", Region(), ":", AccountId(), ":rule/", Ref(ruleId))),
                    PlanResourceKind.Permission, e.Span, fn.Key);
            }
        }
    }
}
