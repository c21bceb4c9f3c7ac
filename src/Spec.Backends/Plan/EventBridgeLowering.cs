using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>eventBridge</c> event as the Framework's native CloudFormation path compiles it (<c>event-bridge/index.js</c>):
/// one rule per event, a permission per event, and an event bus when the event names one that is not <c>default</c>.
/// </summary>
internal static class EventBridgeLowering
{
    public static void Compile(PlanContext ctx, List<PlanEvent> events)
    {
        if (Bool(SpecValues.Path(ctx.Provider, "eventBridge", "useCloudFormation")) == false)
        {
            foreach (var e in events)
            {
                ctx.Unsupported($"the eventBridge event of function '{e.Function.Key}' asks for the legacy custom " +
                                "resource (provider.eventBridge.useCloudFormation: false), which the CloudFormation " +
                                "backend does not build", e.Node.Span,
                    "remove provider.eventBridge.useCloudFormation to use native AWS::Events::Rule resources");
            }

            return;
        }

        foreach (var e in events)
        {
            Event(ctx, e);
        }
    }

    private static void Event(PlanContext ctx, PlanEvent e)
    {
        var fn = e.Function;
        if (e.Value is not MappingNode value)
        {
            ctx.Unsupported($"the eventBridge event of function '{fn.Key}' must be a mapping with a pattern or a schedule",
                e.Node.Span);
            return;
        }

        var index = EventIndex(fn, e.Node);
        var input = value["input"];
        var inputPath = Text(value["inputPath"]);
        var inputTransformer = value["inputTransformer"] as MappingNode;
        if (new[] { !IsNullOrMissing(input), inputPath is { Length: > 0 }, inputTransformer is not null }.Count(b => b) > 1)
        {
            ctx.Unsupported($"the eventBridge event of function '{fn.Key}' sets more than one of input, inputPath and " +
                            "inputTransformer", e.Node.Span, "keep one of them");
            return;
        }

        var ruleName = Text(value["name"]) is { Length: > 0 } given ? given : HashedRuleName(fn.DeployedName, index);
        var busNode = value["eventBus"];
        var busExists = busNode is MappingNode;
        JsonNode? busName = busNode is MappingNode ? ctx.Json(busNode) : Text(busNode) is { Length: > 0 } t ? t : null;
        if (Text(busNode) is { } busText && busText.StartsWith("arn", StringComparison.Ordinal))
        {
            busExists = true;
            busName = busText[(busText.IndexOf('/', StringComparison.Ordinal) + 1)..];
        }

        var busLiteral = busName is JsonValue ? busName.GetValue<string>() : null;
        var createsBus = !busExists && busLiteral is not null && busLiteral != "default";
        if (createsBus)
        {
            ctx.Add(Naming.EventBridgeBus(busLiteral!), Object(("Type", "AWS::Events::EventBus"),
                ("Properties", Object(("Name", busLiteral)))), PlanResourceKind.Rule, busNode!.Span, fn.Key);
        }

        var target = Object(("Arn", fn.Target()), ("Id", TargetId(ruleName)));
        if (value["retryPolicy"] is MappingNode retry)
        {
            var policy = new JsonObject();
            AddIfPresent(ctx, policy, "MaximumEventAgeInSeconds", retry["maximumEventAge"]);
            AddIfPresent(ctx, policy, "MaximumRetryAttempts", retry["maximumRetryAttempts"]);
            target["RetryPolicy"] = policy;
        }

        if (!IsNullOrMissing(value["deadLetterQueueArn"]))
        {
            target["DeadLetterConfig"] = Object(("Arn", ctx.Json(value["deadLetterQueueArn"])));
        }

        if (!IsNullOrMissing(input))
        {
            target["Input"] = EventLowering.Stringify(ctx.Json(input));
        }
        else if (inputPath is { Length: > 0 })
        {
            target["InputPath"] = inputPath;
        }
        else if (inputTransformer is not null)
        {
            var transformer = new JsonObject();
            foreach (var entry in inputTransformer.Entries)
            {
                var key = entry.Key.Text;
                transformer[key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..]] = ctx.Json(entry.Value);
            }

            target["InputTransformer"] = transformer;
        }

        var props = new JsonObject();
        AddIfPresent(ctx, props, "Description", value["description"]);
        if (busName is not null && busLiteral != "default")
        {
            props["EventBusName"] = busName.DeepClone();
        }

        AddIfPresent(ctx, props, "EventPattern", value["pattern"]);
        props["Name"] = ruleName;
        AddIfPresent(ctx, props, "ScheduleExpression", value["schedule"]);
        props["State"] = Bool(value["enabled"]) == false ? "DISABLED" : "ENABLED";
        props["Targets"] = Array(target);

        var rule = Object(("Type", "AWS::Events::Rule"));
        var dependsOn = createsBus ? Naming.EventBridgeBus(busLiteral!) : fn.AliasLogicalId;
        if (dependsOn is not null)
        {
            rule["DependsOn"] = dependsOn;
        }

        rule["Properties"] = props;
        ctx.Add(Naming.EventBridgeRule(RuleName(fn.DeployedName, index)), rule, PlanResourceKind.Rule, e.Node.Span, fn.Key);

        JsonNode rulePath = busName is null
            ? Join("/", "rule", ruleName)
            : Join("/", "rule", busName.DeepClone(), ruleName);
        var sourceArn = Join(":", "arn", Partition(), "events", Region(), AccountId(), rulePath);
        var permission = Object(("Type", "AWS::Lambda::Permission"));
        if (fn.AliasLogicalId is not null)
        {
            permission["DependsOn"] = fn.AliasLogicalId;
        }

        permission["Properties"] = Object(("Action", "lambda:InvokeFunction"), ("FunctionName", fn.PermissionTarget()),
            ("Principal", "events.amazonaws.com"), ("SourceArn", sourceArn));
        ctx.Add(Naming.EventBridgePermission(fn.Key, index), permission, PlanResourceKind.Permission, e.Node.Span, fn.Key);
    }

    private static void AddIfPresent(PlanContext ctx, JsonObject target, string key, Node? node)
    {
        if (!IsNullOrMissing(node))
        {
            target[key] = ctx.Json(node);
        }
    }

    /// <summary>The Framework numbers eventBridge rules by the event's position among all the function's events.</summary>
    private static int EventIndex(PlanFunction fn, Node eventNode)
    {
        var position = 0;
        foreach (var node in fn.Events)
        {
            position++;
            if (ReferenceEquals(node, eventNode))
            {
                return position;
            }
        }

        return position;
    }

    internal static string RuleName(string deployedFunctionName, int index) =>
        deployedFunctionName + "-" + RuleSuffix(index);

    internal static string HashedRuleName(string deployedFunctionName, int index)
    {
        var name = RuleName(deployedFunctionName, index);
        return name.Length > 64 ? HashName(name, RuleSuffix(index)) : name;
    }

    internal static string TargetId(string ruleName)
    {
        var id = ruleName + "-target";
        return id.Length > 64 ? HashName(id, "target") : id;
    }

    private static string RuleSuffix(int index) => "rule-" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>hashName</c> of <c>event-bridge/utils.js</c>: a prefix, the md5 of the whole name, the suffix.</summary>
    private static string HashName(string name, string suffix)
    {
#pragma warning disable CA5351 // md5 names the resource exactly as the Framework does; it protects nothing
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(name)));
#pragma warning restore CA5351
        return name[..Math.Min(name.Length, 31 - suffix.Length)] + hash + "-" + suffix;
    }
}
