using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>One event of one function: its type, its value (the mapping or shorthand) and its node.</summary>
internal sealed record PlanEvent(PlanFunction Function, string Type, Node? Value, Node Node);

/// <summary>
/// Events, compiled plugin by plugin in the Framework's order (<c>lib/plugins/index.js</c>): each plugin walks every
/// function's events, so resource order and per-function counters match the Framework's.
/// </summary>
internal static class EventLowering
{
    private static readonly string[] PluginOrder =
    [
        "schedule", "s3", "http", "websocket", "sns", "stream", "kafka", "activemq", "rabbitmq", "msk", "alb",
        "alexaSkill", "alexaSmartHome", "iot", "iotFleetProvisioning", "cloudwatchEvent", "cloudwatchLog",
        "cognitoUserPool", "eventBridge", "sqs", "cloudFront", "httpApi",
    ];

    public static void All(PlanContext ctx)
    {
        var events = new List<PlanEvent>();
        foreach (var fn in ctx.Functions)
        {
            foreach (var node in fn.Events)
            {
                switch (node)
                {
                    case MappingNode { Entries.Count: 1 } m:
                        events.Add(new PlanEvent(fn, m.Entries[0].Key.Text, m.Entries[0].Value, node));
                        break;
                    case ScalarNode { Kind: ScalarKind.String } s:
                        events.Add(new PlanEvent(fn, s.Text, null, node));
                        break;
                    default:
                        ctx.Unsupported($"an event of function '{fn.Key}' must be a mapping with exactly one event type",
                            node.Span);
                        break;
                }
            }
        }

        foreach (var e in events.Where(e => !PluginOrder.Contains(e.Type)))
        {
            ctx.Unsupported($"unknown event type '{e.Type}' on function '{e.Function.Key}'", e.Node.Span,
                "the event types are: " + string.Join(", ", PluginOrder));
        }

        foreach (var plugin in PluginOrder)
        {
            var ofType = events.Where(e => e.Type == plugin).ToList();

            // The cloudFront plugin compiles provider.cloudFront.cachePolicies even when no function has the event.
            if (ofType.Count == 0 && plugin != "cloudFront")
            {
                continue;
            }

            switch (plugin)
            {
                case "schedule": SimpleEvents.Schedule(ctx, ofType); break;
                case "s3": SimpleEvents.S3(ctx, ofType); break;
                case "http": RestApiLowering.Compile(ctx, ofType); break;
                case "websocket": WebsocketLowering.Compile(ctx, ofType); break;
                case "sns": SimpleEvents.Sns(ctx, ofType); break;
                case "stream": SimpleEvents.Stream(ctx, ofType); break;
                case "alexaSkill": SimpleEvents.Alexa(ctx, ofType, "AlexaSkill", "alexa-appkit.amazon.com"); break;
                case "alexaSmartHome": SimpleEvents.Alexa(ctx, ofType, "AlexaSmartHome", "alexa-connectedhome.amazon.com"); break;
                case "iot": SimpleEvents.Iot(ctx, ofType); break;
                case "cloudwatchEvent": SimpleEvents.CloudWatchEvent(ctx, ofType); break;
                case "cloudwatchLog": SimpleEvents.CloudWatchLog(ctx, ofType); break;
                case "cognitoUserPool": CognitoUserPoolLowering.Compile(ctx, ofType); break;
                case "iotFleetProvisioning": IotFleetProvisioningLowering.Compile(ctx, ofType); break;
                case "eventBridge": EventBridgeLowering.Compile(ctx, ofType); break;
                case "msk": KafkaFamilyLowering.Msk(ctx, ofType); break;
                case "kafka": KafkaFamilyLowering.Kafka(ctx, ofType); break;
                case "activemq": KafkaFamilyLowering.MessageBroker(ctx, ofType, rabbit: false); break;
                case "rabbitmq": KafkaFamilyLowering.MessageBroker(ctx, ofType, rabbit: true); break;
                case "sqs": SimpleEvents.Sqs(ctx, ofType); break;
                case "httpApi": HttpApiLowering.Compile(ctx, ofType); break;
                case "alb": AlbLowering.Compile(ctx, ofType); break;
                case "cloudFront": CloudFrontLowering.Compile(ctx, ofType); break;
                default:
                    foreach (var e in ofType)
                    {
                        ctx.Unsupported($"the '{e.Type}' event of function '{e.Function.Key}' is not supported by the " +
                                        "CloudFormation backend yet; it would be left out of the stack", e.Node.Span,
                            "remove the event or deploy this service with the Serverless Framework");
                    }

                    break;
            }
        }
    }

    /// <summary>A permission for a service principal to invoke the function (<c>AWS::Lambda::Permission</c>).</summary>
    public static JsonObject Permission(PlanFunction fn, JsonNode principal, JsonNode? sourceArn, bool dependsOnAlias = true)
    {
        var props = Object(("FunctionName", fn.PermissionTarget()), ("Action", "lambda:InvokeFunction"), ("Principal", principal));
        if (sourceArn is not null)
        {
            props["SourceArn"] = sourceArn;
        }

        var body = Object(("Type", "AWS::Lambda::Permission"), ("Properties", props));
        if (dependsOnAlias && fn.AliasLogicalId is not null)
        {
            body["DependsOn"] = fn.AliasLogicalId;
        }

        return body;
    }

    /// <summary>JavaScript <c>JSON.stringify</c> of a spec value (schedule inputs, filter policies given as objects).</summary>
    public static string Stringify(JsonNode? node) => node?.ToJsonString(CompactJs) ?? "null";

    private static readonly JsonSerializerOptions CompactJs = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
