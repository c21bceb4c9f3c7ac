using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Pulumi;

/// <summary>
/// The Framework's custom resources with a faithful AWS classic equivalent. <c>Custom::EventBridge</c>
/// (<c>provider.eventBridge.useCloudFormation: false</c>) is what its Lambda would create: an
/// <c>aws:cloudwatch:EventRule</c> under the resource's logical id, its <c>&lt;Id&gt;Target1</c>
/// (<c>aws:cloudwatch:EventTarget</c>), the bus when the event names one to create (<c>&lt;Bus&gt;EventBridgeEventBus</c>,
/// declared once however many events name it) and the invoke permission <c>&lt;Id&gt;Permission</c>.
/// <c>Custom::CognitoUserPool</c> is not here: attaching triggers to a pool another stack owns rewrites that pool's
/// whole configuration, which no classic resource does, so it stays in the leftover CloudFormation stack.
/// </summary>
internal static partial class ResourceMappings
{
    private static ResourceMap CustomEventBridge() =>
        new("Custom::EventBridge", new("cloudwatch", "EventRule"),
        [
            Skip("ServiceToken"),
            Flat("EventBridgeConfig", S("RuleName", "name"), S("State", "state"), P("EventBus", "eventBusName", EventBusOfRule),
                S("Schedule", "scheduleExpression"), J("Pattern", "eventPattern"), Skip("Input"), Skip("InputPath"),
                Skip("InputTransformer")),
        ], "name", A("Arn", "arn"))
        {
            CompanionProperties = new HashSet<string>(StringComparer.Ordinal) { "FunctionName" },
            Companions = CustomEventBridgeParts,
        };

    /// <summary>A bus named by name (not <c>default</c>, not an ARN) is created by the service.</summary>
    private static bool IsCreatedBus(string? bus) =>
        bus is { Length: > 0 } && bus != "default" && !bus.StartsWith("arn", StringComparison.Ordinal);

    private static PulumiValue? EventBusOfRule(ValueConverter c, JsonNode? value)
    {
        var bus = ValueConverter.PlanText(value);
        if (bus is null)
        {
            return null;
        }

        return bus == "default" ? ValueConverter.NoValue
            : IsCreatedBus(bus) ? new PulumiAttribute(Naming.EventBridgeBus(bus), "name")
            : PulumiLiteral.String(bus);
    }

    private static IReadOnlyList<PulumiResource>? CustomEventBridgeParts(ValueConverter c, string logicalId, JsonObject properties)
    {
        if (ValueConverter.PlanText(properties["FunctionName"]) is not { } functionName ||
            properties["EventBridgeConfig"] is not JsonObject config ||
            ValueConverter.PlanText(config["RuleName"]) is not { } ruleName)
        {
            return null;
        }

        var result = new List<PulumiResource>();
        var bus = ValueConverter.PlanText(config["EventBus"]);
        PulumiValue? busInput = null;
        if (IsCreatedBus(bus))
        {
            var busResource = new PulumiResource(Naming.EventBridgeBus(bus!), new("cloudwatch", "EventBus"), logicalId);
            busResource.Properties.Add(new("name", PulumiLiteral.String(bus!)));
            result.Add(busResource);
            busInput = new PulumiAttribute(busResource.Name, "name");
        }
        else if (bus is { Length: > 0 } && bus != "default")
        {
            busInput = PulumiLiteral.String(bus);
        }

        var target = new PulumiResource($"{logicalId}Target1", new("cloudwatch", "EventTarget"), logicalId);
        target.Properties.Add(new("rule", new PulumiAttribute(logicalId, "name")));
        if (busInput is not null)
        {
            target.Properties.Add(new("eventBusName", busInput));
        }

        var functionArn = c.Str(Join(":", "arn", Partition(), "lambda", Region(), AccountId(), "function", functionName));
        if (functionArn is null)
        {
            return null;
        }

        target.Properties.Add(new("arn", functionArn));
        target.Properties.Add(new("targetId", PulumiLiteral.String(EventBridgeLowering.TargetId(ruleName))));
        if (config["Input"] is { } input)
        {
            if (ContainsIntrinsic(input))
            {
                return null;
            }

            target.Properties.Add(new("input", PulumiLiteral.String(EventLowering.Stringify(input))));
        }
        else if (config["InputPath"] is { } inputPath)
        {
            if (c.Str(inputPath) is not { } path)
            {
                return null;
            }

            target.Properties.Add(new("inputPath", path));
        }
        else if (config["InputTransformer"] is { } transformer)
        {
            if (Nested(c, transformer, "cloudwatch.EventTargetInputTransformer",
                    [M("InputPathsMap", "inputPaths"), S("InputTemplate", "inputTemplate")]) is not { } converted)
            {
                return null;
            }

            target.Properties.Add(new("inputTransformer", converted));
        }

        result.Add(target);
        var permission = new PulumiResource($"{logicalId}Permission", new("lambda", "Permission"), logicalId);
        permission.Properties.Add(new("function", PulumiLiteral.String(functionName)));
        permission.Properties.Add(new("action", PulumiLiteral.String("lambda:InvokeFunction")));
        permission.Properties.Add(new("principal", PulumiLiteral.String("events.amazonaws.com")));
        permission.Properties.Add(new("sourceArn", new PulumiAttribute(logicalId, "arn")));
        result.Add(permission);
        return result;
    }

    private static bool ContainsIntrinsic(JsonNode? node) => node switch
    {
        JsonObject o => ValueConverter.IsIntrinsic(o) || o.Any(p => ContainsIntrinsic(p.Value)),
        JsonArray a => a.Any(ContainsIntrinsic),
        _ => false,
    };
}
