using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
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
            CustomResourceEvents(ctx, events);
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

    /// <summary>
    /// <c>compileWithCustomResource</c>: with <c>provider.eventBridge.useCloudFormation: false</c> every event is a
    /// <c>Custom::EventBridge</c> whose function creates the bus, the rule, the target and the permission itself.
    /// </summary>
    private static void CustomResourceEvents(PlanContext ctx, List<PlanEvent> events)
    {
        var statements = new List<JsonObject>();
        var busStatementAdded = false;
        var added = false;
        foreach (var e in events)
        {
            var fn = e.Function;
            if (e.Value is not MappingNode value)
            {
                ctx.Unsupported($"the eventBridge event of function '{fn.Key}' must be a mapping with a pattern or a schedule",
                    e.Node.Span);
                continue;
            }

            if (!CustomResourceEventIsValid(ctx, fn, value, e.Node.Span))
            {
                continue;
            }

            var index = EventIndex(fn, e.Node);
            var ruleName = Text(value["name"]) is { Length: > 0 } given ? given : HashedRuleName(fn.DeployedName, index);
            var bus = Text(value["eventBus"]);
            var config = Object(("RuleName", ruleName), ("State", Bool(value["enabled"]) == false ? "DISABLED" : "ENABLED"));
            if (bus is { Length: > 0 })
            {
                config["EventBus"] = bus;
            }

            AddIfPresent(ctx, config, "Schedule", value["schedule"]);
            AddIfPresent(ctx, config, "Pattern", value["pattern"]);
            AddIfPresent(ctx, config, "Input", value["input"]);
            if (Text(value["inputPath"]) is { Length: > 0 } inputPath)
            {
                config["InputPath"] = inputPath;
            }

            if (value["inputTransformer"] is MappingNode inputTransformer)
            {
                var transformer = new JsonObject();
                foreach (var entry in inputTransformer.Entries)
                {
                    var key = entry.Key.Text;
                    transformer[key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..]] = ctx.Json(entry.Value);
                }

                config["InputTransformer"] = transformer;
            }

            ctx.Add(Naming.FunctionName(fn.Key) + "CustomEventBridge" + index.ToString(CultureInfo.InvariantCulture),
                Object(("Type", "Custom::EventBridge"), ("Version", 1),
                    ("DependsOn", Strings([fn.LogicalId, CustomResources.EventBridge.LogicalId])),
                    ("Properties", Object(("ServiceToken", GetAtt(CustomResources.EventBridge.LogicalId, "Arn")),
                        ("FunctionName", fn.DeployedName), ("EventBridgeConfig", config)))),
                PlanResourceKind.Rule, e.Node.Span, fn.Key);
            added = true;
            var busName = bus is not null && bus.StartsWith("arn", StringComparison.Ordinal) ? bus[(bus.IndexOf('/', StringComparison.Ordinal) + 1)..] : bus;
            if (!busStatementAdded && busName is { Length: > 0 } && busName != "default")
            {
                statements.Add(CustomResources.Statement(Join(":", "arn", Partition(), "events", Region(), AccountId(), "event-bus/*"),
                    "events:CreateEventBus", "events:DeleteEventBus"));
                busStatementAdded = true;
            }
        }

        if (!added)
        {
            return;
        }

        statements.Add(CustomResources.Statement(Join(":", "arn", Partition(), "events", Region(), AccountId(), "rule/*"),
            "events:PutRule", "events:RemoveTargets", "events:PutTargets", "events:DeleteRule"));
        statements.Add(CustomResources.Statement(Join(":", "arn", Partition(), "lambda", Region(), AccountId(), "function", "*"),
            "lambda:AddPermission", "lambda:RemovePermission"));
        CustomResources.Add(ctx, CustomResources.EventBridge, statements, events[0].Node.Span);
    }

    private static bool CustomResourceEventIsValid(PlanContext ctx, PlanFunction fn, MappingNode value, SourceSpan span)
    {
        const string help = "remove provider.eventBridge.useCloudFormation to use native AWS::Events::Rule resources";
        if (new[] { !IsNullOrMissing(value["input"]), Text(value["inputPath"]) is { Length: > 0 }, value["inputTransformer"] is MappingNode }
                .Count(b => b) > 1)
        {
            ctx.Unsupported($"the eventBridge event of function '{fn.Key}' sets more than one of input, inputPath and " +
                            "inputTransformer", span, "keep one of them");
            return false;
        }

        foreach (var (key, what) in new[] { ("retryPolicy", "a retry policy"), ("deadLetterQueueArn", "a dead-letter queue") })
        {
            if (!IsNullOrMissing(value[key]))
            {
                ctx.Unsupported($"the eventBridge event of function '{fn.Key}' sets {what}, which the custom resource " +
                                "of provider.eventBridge.useCloudFormation: false cannot configure", value[key]!.Span, help);
                return false;
            }
        }

        if (value["eventBus"] is { } bus && bus is not ScalarNode)
        {
            ctx.Unsupported($"the eventBridge event of function '{fn.Key}' names its event bus with an intrinsic " +
                            "function, which the custom resource of provider.eventBridge.useCloudFormation: false cannot " +
                            "resolve", bus.Span, help + ", or write the bus name or ARN");
            return false;
        }

        return true;
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
