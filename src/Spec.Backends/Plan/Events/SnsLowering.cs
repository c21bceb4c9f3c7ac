using System.Text.Json.Nodes;
using Spec.Core.Model;
using Spec.Core.Syntax;
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
            JsonNode? topicArn = sns.Arn is null ? null : ctx.Json(sns.Arn);
            string? region = null;
            var topicName = sns.TopicName?.Value;
            // The ids of the topic, subscription and permission spell the topic name: the topicName, else the ARN's.
            var nameSource = topicName is null ? sns.Arn : sns.TopicName!.Node;
            if (sns.ArnLiteral is { } arnText)
            {
                // '::' (an empty field) does not split the ARN; a topic of another region is subscribed with Region.
                var parts = arnText.Replace("::", "@@", StringComparison.Ordinal).Split(':')
                    .Select(p => p.Replace("@@", "::", StringComparison.Ordinal)).ToArray();
                topicName ??= parts[^1];
                if (!sns.IsShorthand && parts.Length > 3 && parts[3] != ctx.Model.Region)
                {
                    region = parts[3];
                }
            }

            if (topicName is null)
            {
                ctx.Unsupported($"the sns event of function '{fn.Key}' needs a topic name or 'topicName' with 'arn'", e.Span);
                continue;
            }

            var redrivePolicy = sns.RedrivePolicy is { } redrive ? DeadLetterQueue(ctx, fn, redrive, topicName, nameSource, topicArn) : null;
            var endpoint = fn.Target();
            var subscriptionId = Naming.SnsSubscription(fn.Key, topicName);
            if (topicArn is not null)
            {
                var props = Object(("TopicArn", topicArn.DeepClone()), ("Protocol", "lambda"), ("Endpoint", endpoint));
                AddFilterAndRedrive(ctx, sns, redrivePolicy, props);
                if (region is not null)
                {
                    props["Region"] = region;
                }

                var subscription = Object(("Type", "AWS::SNS::Subscription"));
                if (fn.AliasLogicalId is not null)
                {
                    subscription["DependsOn"] = fn.AliasLogicalId;
                }

                subscription["Properties"] = props;
                ctx.Add(subscriptionId, subscription, PlanResourceKind.Other, e.Span, fn.Key, nameSource);
            }
            else
            {
                topicArn = Join(string.Empty, "arn:", Partition(), ":sns:", Region(), ":", AccountId(), ":", topicName);
                var topicId = Naming.Topic(topicName);
                if (ctx.Plan[topicId] is not { } topic)
                {
                    var props = Object(("TopicName", ctx.DerivedFrom(topicName, nameSource)));
                    if (sns.DisplayName?.Value is { Length: > 0 } displayName)
                    {
                        props["DisplayName"] = displayName;
                    }

                    var body = Object(("Type", "AWS::SNS::Topic"));
                    if (fn.AliasLogicalId is not null)
                    {
                        body["DependsOn"] = fn.AliasLogicalId;
                    }

                    body["Properties"] = props;
                    topic = ctx.Add(topicId, body, PlanResourceKind.Topic, e.Span, idSource: nameSource);
                }

                if (sns.FilterPolicy is not null || redrivePolicy is not null)
                {
                    var props = Object(("Endpoint", endpoint), ("Protocol", "lambda"), ("TopicArn", Ref(topicId)));
                    AddFilterAndRedrive(ctx, sns, redrivePolicy, props);
                    ctx.Add(subscriptionId, Object(("Type", "AWS::SNS::Subscription"), ("Properties", props)),
                        PlanResourceKind.Other, e.Span, fn.Key, nameSource);
                }
                else
                {
                    if (topic.Properties["Subscription"] is not JsonArray subscriptions)
                    {
                        topic.Properties["Subscription"] = subscriptions = [];
                    }

                    subscriptions.AddNode(Object(("Endpoint", endpoint), ("Protocol", "lambda")));
                }
            }

            ctx.Add(Naming.SnsPermission(fn.Key, topicName), EventResources.Permission(fn, "sns.amazonaws.com", topicArn),
                PlanResourceKind.Permission, e.Span, fn.Key, nameSource);
        }
    }

    private static void AddFilterAndRedrive(PlanContext ctx, SnsEvent sns, JsonObject? redrivePolicy, JsonObject props)
    {
        if (sns.FilterPolicy is { } filterPolicy)
        {
            props["FilterPolicy"] = ctx.Json(filterPolicy);
        }

        if (sns.FilterPolicyScope?.Value is { } scope)
        {
            props["FilterPolicyScope"] = scope;
        }

        if (redrivePolicy is not null)
        {
            props["RedrivePolicy"] = redrivePolicy;
        }
    }

    /// <summary>
    /// The redrive policy of a subscription and the queue policy that lets the topic send to its dead-letter queue
    /// (<c>sns.js:compileSNSEvents</c>): the queue by ARN (its URL built from the ARN), by logical id, or by exports.
    /// </summary>
    private static JsonObject DeadLetterQueue(PlanContext ctx, PlanFunction fn, SnsRedrivePolicy redrive, string topicName,
        Node? nameSource, JsonNode? topicArn)
    {
        JsonNode? targetArn;
        JsonNode? targetUrl;
        if (redrive.DeadLetterTargetArn is { } arn)
        {
            targetArn = ctx.Json(arn);
            var parts = (redrive.DeadLetterTargetArnText ?? string.Empty).Split(':').Reverse().ToArray();
            targetUrl = parts.Length > 2
                ? Join(string.Empty, $"https://sqs.{parts[2]}.", Ref("AWS::URLSuffix"), $"/{parts[1]}/{parts[0]}")
                : null;
        }
        else if (redrive.DeadLetterTargetRef?.Value is { } queueId)
        {
            targetArn = GetAtt(queueId, "Arn");
            targetUrl = Ref(queueId);
        }
        else
        {
            targetArn = Object(("Fn::ImportValue", ctx.Json(redrive.DeadLetterTargetImportArn)));
            targetUrl = Object(("Fn::ImportValue", ctx.Json(redrive.DeadLetterTargetImportUrl)));
        }

        var policyId = $"{Naming.AlphaNumeric(topicName)}To{Naming.FunctionName(fn.Key)}DLQPolicy";
        var statement = Object(("Effect", "Allow"), ("Principal", Object(("Service", "sns.amazonaws.com"))), ("Action", "sqs:SendMessage"),
            ("Resource", targetArn?.DeepClone()));
        // A topic the Framework creates has no ARN yet when the policy is written: its `aws:SourceArn` is undefined,
        // which JSON drops, so the condition stays as an empty ArnEquals.
        var arnEquals = new JsonObject();
        if (topicArn is not null)
        {
            arnEquals["aws:SourceArn"] = topicArn.DeepClone();
        }

        statement["Condition"] = Object(("ArnEquals", arnEquals));

        ctx.Add(policyId, Object(("Type", "AWS::SQS::QueuePolicy"), ("Properties", Object(
                ("PolicyDocument", Object(("Version", "2012-10-17"), ("Id", ctx.DerivedFrom(policyId, nameSource)), ("Statement", Array(statement)))),
                ("Queues", Array(targetUrl))))),
            PlanResourceKind.Other, redrive.Node.Span, fn.Key, nameSource);
        return Object(("deadLetterTargetArn", targetArn));
    }
}
