using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>msk</c> event (<c>compile/events/msk</c>): an event source mapping per event on an Amazon MSK cluster, and
/// per function the statements to describe the clusters and attach to their network.
/// </summary>
internal sealed class MskLowering : EventLowering<MskEvent>
{
    public override EventKind Kind => EventKind.Msk;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) => NeedsArnAndTopic(ctx, fn, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<MskEvent>> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var clusters = new JsonArray();
            foreach (var e in group)
            {
                var fn = e.Function;
                var msk = e.Event;
                var cluster = msk.ArnValue.ImportValueName ?? msk.ArnValue.RefName
                    ?? (msk.ArnValue.Literal?.Split('/') is { Length: > 1 } parts ? parts[1] : null);
                if (cluster is null || msk.Topic.Value is not { } topic)
                {
                    NeedsArnAndTopic(ctx, fn, e.Span);
                    continue;
                }

                var startingPosition = msk.StartingPosition.LiteralOrDefault!;
                if (!BrokerMappings.CheckTimestamp(ctx, e.Function, Name, e.Span, startingPosition, msk.StartingPositionTimestamp))
                {
                    continue;
                }

                var props = Object(("EventSourceArn", ctx.Json(msk.Arn)), ("FunctionName", fn.Target()),
                    ("StartingPosition", startingPosition), ("Topics", Strings([topic])));
                if (msk.StartingPositionTimestamp is { } timestamp)
                {
                    props["StartingPositionTimestamp"] = ctx.Json(timestamp);
                }

                BrokerMappings.AddBatching(ctx, msk, props);
                if (EventResources.IsTruthy(msk.ConsumerGroupId))
                {
                    props["AmazonManagedKafkaEventSourceConfig"] = Object(("ConsumerGroupId", ctx.Json(msk.ConsumerGroupId)));
                }

                BrokerMappings.AddEnabled(ctx, msk, props);
                if (msk.SaslScram512 is { } sasl)
                {
                    props["SourceAccessConfigurations"] = Array(Object(("Type", "SASL_SCRAM_512_AUTH"), ("URI", ctx.Json(sasl))));
                }

                EventResources.AddFilterCriteria(ctx, msk, props);
                clusters.Add(ctx.Json(msk.Arn));
                BrokerMappings.Add(ctx, e.Function, e.Span, MskMappingId(fn.Key, cluster, topic), props);
            }

            if (clusters.Count > 0)
            {
                BrokerMappings.AddStatement(ctx, ["kafka:DescribeCluster", "kafka:GetBootstrapBrokers"], clusters);
                BrokerMappings.AddStatement(ctx, BrokerMappings.Ec2Actions, "*");
            }
        }
    }

    /// <summary><c>getMSKEventLogicalId</c>: cluster and topic each alphanumeric and cut to 79 characters.</summary>
    internal static string MskMappingId(string functionKey, string cluster, string topic) =>
        Naming.FunctionName(functionKey) + "EventSourceMappingMSK" + BrokerMappings.Cut(Naming.AlphaNumeric(cluster), 79) +
        BrokerMappings.Cut(Naming.AlphaNumeric(topic), 79);

    private static void NeedsArnAndTopic(PlanContext ctx, PlanFunction fn, SourceSpan span) =>
        ctx.Unsupported($"the msk event of function '{fn.Key}' needs 'arn' (a cluster ARN, Ref or " +
                        "Fn::ImportValue) and 'topic'", span);
}
