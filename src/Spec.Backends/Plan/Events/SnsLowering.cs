using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>sns</c> event (<c>compile/events/sns</c>): a topic the Framework creates (named in the event) with the
/// function subscribed inline, or a subscription to an existing topic (an ARN, or with a filter or redrive policy),
/// and the invoke permission.
/// </summary>
internal sealed class SnsLowering : EventLowering<SnsEvent>
{
    public override EventKind Kind => EventKind.Sns;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        ctx.Unsupported($"the sns event of function '{fn.Key}' needs a topic name or 'topicName' with 'arn'", unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<SnsEvent>> events)
    {
        foreach (var e in events)
        {
            var fn = e.Function;
            var sns = e.Event;
            var topicName = sns.TopicName?.Value ?? sns.ArnLiteral?.Split(':')[^1];
            if (topicName is null)
            {
                ctx.Unsupported($"the sns event of function '{fn.Key}' needs a topic name or 'topicName' with 'arn'", e.Span);
                continue;
            }

            JsonNode topicArn;
            if (sns.Arn is null && sns.FilterPolicy is null && sns.RedrivePolicy is null)
            {
                var topicId = Naming.Topic(topicName);
                var subscription = Object(("Endpoint", fn.Target()), ("Protocol", "lambda"));
                if (ctx.Plan[topicId] is { } existing)
                {
                    (existing.Properties["Subscription"] as JsonArray)?.AddNode(subscription);
                }
                else
                {
                    var props = Object(("TopicName", topicName));
                    if (sns.DisplayName?.Value is { } displayName)
                    {
                        props["DisplayName"] = displayName;
                    }

                    props["Subscription"] = Array(subscription);
                    ctx.Add(topicId, Object(("Type", "AWS::SNS::Topic"), ("Properties", props)), PlanResourceKind.Topic, e.Span);
                }

                topicArn = Join(string.Empty, "arn:", Partition(), ":sns:", Region(), ":", AccountId(), ":", topicName);
            }
            else
            {
                if (sns.Arn is null)
                {
                    var topicId = Naming.Topic(topicName);
                    if (!ctx.Plan.Contains(topicId))
                    {
                        ctx.Add(topicId, Object(("Type", "AWS::SNS::Topic"), ("Properties", Object(("TopicName", topicName)))),
                            PlanResourceKind.Topic, e.Span);
                    }

                    topicArn = Ref(topicId);
                }
                else
                {
                    topicArn = ctx.Json(sns.Arn)!;
                }

                var props = Object(("TopicArn", topicArn.DeepClone()), ("Protocol", "lambda"), ("Endpoint", fn.Target()));
                if (sns.FilterPolicy is { } filterPolicy)
                {
                    props["FilterPolicy"] = ctx.Json(filterPolicy);
                }

                if (sns.FilterPolicyScope?.Value is { } scope)
                {
                    props["FilterPolicyScope"] = scope;
                }

                if (sns.RedrivePolicy is { } redrive)
                {
                    var target = redrive.DeadLetterTargetArn is { } dlq ? ctx.Json(dlq)
                        : redrive.DeadLetterTargetRef?.Value is { } dlqRef ? GetAtt(dlqRef, "Arn")
                        : ctx.Json(redrive.DeadLetterTargetImportArn);
                    props["RedrivePolicy"] = Object(("deadLetterTargetArn", target));
                }

                ctx.Add(Naming.SnsSubscription(fn.Key, topicName), Object(("Type", "AWS::SNS::Subscription"), ("Properties", props)),
                    PlanResourceKind.Other, e.Span, fn.Key);
            }

            ctx.Add(Naming.SnsPermission(fn.Key, topicName), EventResources.Permission(fn, "sns.amazonaws.com", topicArn),
                PlanResourceKind.Permission, e.Span, fn.Key);
        }
    }
}
