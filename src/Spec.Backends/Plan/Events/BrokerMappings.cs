using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>What the broker event sources share: the mapping resource, batching settings, role statements.</summary>
internal static class BrokerMappings
{
    public static readonly string[] Ec2Actions =
    [
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
        "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
    ];

    /// <summary><c>activemq</c> and <c>rabbitmq</c>: the same plugin shape; RabbitMQ adds the virtual host.</summary>
    public static void MessageBroker(PlanContext ctx, string eventName, string kind,
        IReadOnlyList<(PlanFunction Function, SourceSpan Span, EventSourceMappingEvent Event,
            Node Arn, Node BasicAuthArn, Spanned<string?> Queue, Spanned<string?>? VirtualHost)> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var secrets = new JsonArray();
            var brokers = new JsonArray();
            foreach (var (fn, span, e, arn, basicAuth, queueName, virtualHost) in group)
            {
                if (queueName.Value is not { } queue)
                {
                    NeedsBroker(ctx, fn, eventName, span);
                    continue;
                }

                var configurations = Array(Object(("Type", "BASIC_AUTH"), ("URI", ctx.Json(basicAuth))));
                if (EventResources.IsTruthy(virtualHost))
                {
                    configurations.AddNode(Object(("Type", "VIRTUAL_HOST"), ("URI", ctx.Json(virtualHost))));
                }

                var props = Object(("FunctionName", fn.Target()), ("EventSourceArn", ctx.Json(arn)),
                    ("Queues", Strings([queue])), ("SourceAccessConfigurations", configurations));
                AddBatching(ctx, e, props);
                AddEnabled(ctx, e, props);
                EventResources.AddFilterCriteria(ctx, e, props);
                brokers.Add(ctx.Json(arn));
                secrets.Add(ctx.Json(basicAuth));
                Add(ctx, fn, span, Naming.FunctionName(fn.Key) + "EventSourceMapping" + kind + Cut(Naming.AlphaNumeric(queue), 150),
                    props);
            }

            if (brokers.Count > 0)
            {
                AddStatement(ctx, ["secretsmanager:GetSecretValue"], secrets);
                AddStatement(ctx, ["mq:DescribeBroker"], brokers);
                AddStatement(ctx, Ec2Actions, "*");
            }
        }
    }

    public static void NeedsBroker(PlanContext ctx, PlanFunction fn, string eventName, SourceSpan span) =>
        ctx.Unsupported($"the {eventName} event of function '{fn.Key}' needs 'arn', 'basicAuthArn' and 'queue'", span);

    /// <summary><c>batchSize</c> and <c>maximumBatchingWindow</c> when set (the Framework tests them for truthiness).</summary>
    public static void AddBatching(PlanContext ctx, EventSourceMappingEvent e, JsonObject props)
    {
        if (e.BatchSize.IsWritten && e.BatchSize.Value is not 0)
        {
            props["BatchSize"] = ctx.Json(e.BatchSize);
        }

        if (EventResources.IsTruthy(e.MaximumBatchingWindow))
        {
            props["MaximumBatchingWindowInSeconds"] = ctx.Json(e.MaximumBatchingWindow);
        }
    }

    /// <summary><c>enabled</c> when written (AWS enables a mapping by default).</summary>
    public static void AddEnabled(PlanContext ctx, EventSourceMappingEvent e, JsonObject props)
    {
        if (e.Enabled.IsWritten)
        {
            props["Enabled"] = ctx.Json(e.Enabled);
        }
    }

    public static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    public static bool CheckTimestamp(PlanContext ctx, PlanFunction fn, string eventName, SourceSpan span,
        string startingPosition, Spanned<long?>? timestamp)
    {
        if (startingPosition == "AT_TIMESTAMP" && timestamp is null)
        {
            ctx.Unsupported($"the {eventName} event of function '{fn.Key}' starts AT_TIMESTAMP without a " +
                            "startingPositionTimestamp", span, "add startingPositionTimestamp (Unix seconds)");
            return false;
        }

        return true;
    }

    public static void Add(PlanContext ctx, PlanFunction fn, SourceSpan span, string logicalId, JsonObject props)
    {
        ctx.Add(logicalId, Object(("Type", "AWS::Lambda::EventSourceMapping"), ("DependsOn", EventResources.MappingDependsOn(ctx, fn)),
            ("Properties", props)), PlanResourceKind.EventSourceMapping, span, fn.Key);
    }

    public static void AddStatement(PlanContext ctx, string[] actions, JsonNode resource) =>
        ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(actions)), ("Resource", resource)));
}
