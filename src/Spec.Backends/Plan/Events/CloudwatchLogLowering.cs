using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>cloudwatchLog</c> event (<c>compile/events/cloud-watch-log.js</c>): a subscription filter per event
/// and one permission per function for the log groups (their common prefix).</summary>
internal sealed class CloudwatchLogLowering : EventLowering<CloudwatchLogEvent>
{
    public override EventKind Kind => EventKind.CloudwatchLog;

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<CloudwatchLogEvent>> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var fn = group.Key;
            var index = 0;
            var logGroups = new List<string>();
            var permissionId = Naming.LogsPermission(fn.Key);
            foreach (var e in group)
            {
                index++;
                logGroups.Add(e.Event.LogGroup.Value ?? string.Empty);
                var props = Object(("LogGroupName", ctx.Json(e.Event.LogGroup)),
                    ("FilterPattern", ctx.Json(e.Event.Filter) ?? string.Empty), ("DestinationArn", fn.Target()));
                ctx.Add(Naming.LogsSubscriptionFilter(fn.Key, index), Object(("Type", "AWS::Logs::SubscriptionFilter"),
                        ("DependsOn", permissionId), ("Properties", props)), PlanResourceKind.Other, e.Span, fn.Key);
            }

            var prefix = logGroups.Count == 1 ? logGroups[0] : CommonPrefix(logGroups) + "*";
            ctx.Add(permissionId, EventResources.Permission(fn, Join(string.Empty, "logs.", Region(), ".amazonaws.com"),
                    Join(string.Empty, "arn:", Partition(), ":logs:", Region(), ":", AccountId(), ":log-group:", prefix + ":*")),
                PlanResourceKind.Permission, group.First().Span, fn.Key);
        }
    }

    private static string CommonPrefix(List<string> values)
    {
        var prefix = values[0];
        foreach (var v in values.Skip(1))
        {
            var i = 0;
            while (i < prefix.Length && i < v.Length && prefix[i] == v[i])
            {
                i++;
            }

            prefix = prefix[..i];
        }

        return prefix;
    }
}
