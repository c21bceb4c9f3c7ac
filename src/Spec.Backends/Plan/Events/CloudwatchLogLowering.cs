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
            // The filters wait for the permission and the alias, the permission for the alias: always as lists.
            string[] aliasDependsOn = fn.AliasLogicalId is { } alias ? new[] { alias } : [];
            var filters = new List<(string Id, JsonObject Body, PlanEvent<CloudwatchLogEvent> Event)>();
            foreach (var e in group)
            {
                index++;
                logGroups.Add(e.Event.LogGroup.Value ?? string.Empty);
                var props = Object(("LogGroupName", ctx.Json(e.Event.LogGroup)),
                    ("FilterPattern", ctx.Json(e.Event.Filter) ?? string.Empty), ("DestinationArn", fn.Target()));
                filters.Add((Naming.LogsSubscriptionFilter(fn.Key, index), Object(("Type", "AWS::Logs::SubscriptionFilter"),
                    ("DependsOn", Strings([permissionId, .. aliasDependsOn])), ("Properties", props)), e));
            }

            var permission = EventResources.Permission(fn, Join(string.Empty, "logs.", Region(), ".amazonaws.com"),
                Join(string.Empty, "arn:", Partition(), ":logs:", Region(), ":", AccountId(), ":log-group:",
                    LongestCommonPrefix(logGroups), ":*"), dependsOnAlias: false);
            if (aliasDependsOn.Length > 0)
            {
                permission["DependsOn"] = Strings(aliasDependsOn);
            }

            // Each event merges its filter and then the permission (its log group prefix as it stands) into the
            // template: the permission sits after the first filter and holds what the last event wrote.
            for (var i = 0; i < filters.Count; i++)
            {
                ctx.Add(filters[i].Id, filters[i].Body, PlanResourceKind.Other, filters[i].Event.Span, fn.Key);
                if (i == 0)
                {
                    ctx.Add(permissionId, permission, PlanResourceKind.Permission, group.First().Span, fn.Key);
                }
            }
        }
    }

    /// <summary>
    /// The Framework's <c>longestCommonSuffix</c> (a prefix, despite the name): with several log groups it ends in a
    /// wildcard, unless the common part already does.
    /// </summary>
    private static string LongestCommonPrefix(List<string> logGroups)
    {
        var common = CommonPrefix(logGroups);
        return logGroups.Count > 1 && !common.EndsWith('*') ? common + "*" : common;
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
