using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>eventBridge</c> event as the Framework's native CloudFormation path compiles it (<c>event-bridge/index.js</c>):
/// one rule per event, a permission per event, and an event bus when the event names one that is not <c>default</c>.
/// </summary>
internal sealed class EventBridgeLowering : EventLowering<EventBridgeEvent>
{
    public override EventKind Kind => EventKind.EventBridge;

    /// <summary>An event without pattern or schedule is left out (the Framework compiles a rule that matches nothing);
    /// anything but a mapping is refused.</summary>
    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound)
    {
        if (unbound.MissingKeys.Count > 0)
        {
            base.Refuse(ctx, fn, unbound);
            return;
        }

        ctx.Unsupported($"the eventBridge event of function '{fn.Key}' must be a mapping with a pattern or a schedule",
            unbound.Item.Span);
    }

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<EventBridgeEvent>> events)
    {
        if (ctx.Model.Provider.EventBridgeUseCloudFormation == false)
        {
            CustomResourceEvents(ctx, events);
            return;
        }

        foreach (var e in events)
        {
            Event(ctx, e);
        }
    }

    private static void Event(PlanContext ctx, PlanEvent<EventBridgeEvent> e)
    {
        var fn = e.Function;
        var value = e.Event;
        var index = value.Index + 1;
        var inputTransformer = value.InputTransformerSettings;
        if (InputsSet(value) > 1)
        {
            ctx.Unsupported($"the eventBridge event of function '{fn.Key}' sets more than one of input, inputPath and " +
                            "inputTransformer", e.Span, "keep one of them");
            return;
        }

        var ruleName = value.Name?.Value is { Length: > 0 } given ? given : HashedRuleName(fn.DeployedName, index);
        var busExists = value.EventBusIsIntrinsic;
        JsonNode? busName = busExists ? ctx.Json(value.EventBus) : value.EventBusLiteral is { Length: > 0 } t ? t : null;
        if (value.EventBusLiteral is { } busText && busText.StartsWith("arn", StringComparison.Ordinal))
        {
            busExists = true;
            busName = busText[(busText.IndexOf('/', StringComparison.Ordinal) + 1)..];
        }

        var busLiteral = busName is JsonValue ? busName.GetValue<string>() : null;
        var createsBus = !busExists && busLiteral is not null && busLiteral != "default";
        if (createsBus)
        {
            ctx.Add(Naming.EventBridgeBus(busLiteral!), Object(("Type", "AWS::Events::EventBus"),
                ("Properties", Object(("Name", ctx.DerivedFrom(busLiteral!, value.EventBus))))), PlanResourceKind.Rule, value.EventBus!.Span, fn.Key,
                value.EventBus);
        }

        var target = Object(("Arn", fn.Target()), ("Id", TargetId(ruleName)));
        if (value.RetryPolicy is not null)
        {
            var policy = new JsonObject();
            if (value.RetryPolicyMaximumEventAge is { } age)
            {
                policy["MaximumEventAgeInSeconds"] = ctx.Json(age);
            }

            if (value.RetryPolicyMaximumRetryAttempts is { } attempts)
            {
                policy["MaximumRetryAttempts"] = ctx.Json(attempts);
            }

            target["RetryPolicy"] = policy;
        }

        if (value.DeadLetterQueueArn is { } deadLetterQueue)
        {
            target["DeadLetterConfig"] = Object(("Arn", ctx.Json(deadLetterQueue)));
        }

        if (value.Input is { } input)
        {
            target["Input"] = EventResources.Stringify(ctx.Json(input));
        }
        else if (value.InputPath?.Value is { Length: > 0 } inputPath)
        {
            target["InputPath"] = inputPath;
        }
        else if (inputTransformer is not null)
        {
            target["InputTransformer"] = Capitalized(ctx, inputTransformer);
        }

        var props = new JsonObject();
        if (value.Description is { } description)
        {
            props["Description"] = ctx.Json(description);
        }

        if (busName is not null && busLiteral != "default")
        {
            props["EventBusName"] = busName.DeepClone();
        }

        if (value.Pattern is { } pattern)
        {
            props["EventPattern"] = ctx.Json(pattern);
        }

        props["Name"] = ctx.DerivedFrom(ruleName, value.Name?.Value is { Length: > 0 } ? value.Name.Node : fn.Model.Name.Node);
        if (value.Schedule is { } schedule)
        {
            props["ScheduleExpression"] = ctx.Json(schedule);
        }

        props["State"] = value.Enabled.Value == false ? "DISABLED" : "ENABLED";
        props["Targets"] = Array(target);

        var rule = Object(("Type", "AWS::Events::Rule"));
        var dependsOn = createsBus ? Naming.EventBridgeBus(busLiteral!) : fn.AliasLogicalId;
        if (dependsOn is not null)
        {
            rule["DependsOn"] = dependsOn;
        }

        rule["Properties"] = props;
        // The id spells the function's deployed name, which its 'name' may give.
        ctx.Add(Naming.EventBridgeRule(RuleName(fn.DeployedName, index)), rule, PlanResourceKind.Rule, e.Span, fn.Key, fn.Model.Name.Node);

        JsonNode rulePath = busName is null
            ? Join("/", "rule", ruleName)
            : Join("/", "rule", busName.DeepClone(), ruleName);
        var sourceArn = Join(":", "arn", Partition(), "events", Region(), AccountId(), rulePath);
        var permission = Object(("Type", "AWS::Lambda::Permission"));
        EventResources.WaitForAlias(fn, permission);

        permission["Properties"] = Object(("Action", "lambda:InvokeFunction"), ("FunctionName", fn.PermissionTarget()),
            ("Principal", "events.amazonaws.com"), ("SourceArn", sourceArn));
        ctx.Add(Naming.EventBridgePermission(fn.Key, index), permission, PlanResourceKind.Permission, e.Span, fn.Key);
    }

    /// <summary>How many of <c>input</c>, <c>inputPath</c> and <c>inputTransformer</c> the event sets.</summary>
    private static int InputsSet(EventBridgeEvent value) =>
        new[] { value.Input is not null, value.InputPath?.Value is { Length: > 0 }, value.InputTransformerSettings is not null }
            .Count(b => b);

    /// <summary>The transformer's keys with their first letter upper-cased (<c>inputTemplate</c> → <c>InputTemplate</c>).</summary>
    private static JsonObject Capitalized(PlanContext ctx, EventInputTransformer transformer)
    {
        var result = new JsonObject();
        foreach (var entry in transformer.Entries)
        {
            var key = entry.Key;
            result[key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..]] = ctx.Json(entry.Value);
        }

        return result;
    }

    /// <summary>
    /// <c>compileWithCustomResource</c>: with <c>provider.eventBridge.useCloudFormation: false</c> every event is a
    /// <c>Custom::EventBridge</c> whose function creates the bus, the rule, the target and the permission itself.
    /// </summary>
    private static void CustomResourceEvents(PlanContext ctx, IReadOnlyList<PlanEvent<EventBridgeEvent>> events)
    {
        var statements = new List<JsonObject>();
        var busStatementAdded = false;
        var added = false;
        foreach (var e in events)
        {
            var fn = e.Function;
            var value = e.Event;
            if (!CustomResourceEventIsValid(ctx, fn, value, e.Span))
            {
                continue;
            }

            var index = value.Index + 1;
            var ruleName = value.Name?.Value is { Length: > 0 } given ? given : HashedRuleName(fn.DeployedName, index);
            var bus = value.EventBusLiteral;
            var config = Object(("RuleName", ruleName), ("State", value.Enabled.Value == false ? "DISABLED" : "ENABLED"));
            if (bus is { Length: > 0 })
            {
                config["EventBus"] = bus;
            }

            if (value.Schedule is { } schedule)
            {
                config["Schedule"] = ctx.Json(schedule);
            }

            if (value.Pattern is { } pattern)
            {
                config["Pattern"] = ctx.Json(pattern);
            }

            if (value.Input is { } input)
            {
                config["Input"] = ctx.Json(input);
            }

            if (value.InputPath?.Value is { Length: > 0 } inputPath)
            {
                config["InputPath"] = inputPath;
            }

            if (value.InputTransformerSettings is { } inputTransformer)
            {
                config["InputTransformer"] = Capitalized(ctx, inputTransformer);
            }

            ctx.Add(Naming.FunctionName(fn.Key) + "CustomEventBridge" + index.ToString(CultureInfo.InvariantCulture),
                Object(("Type", "Custom::EventBridge"), ("Version", 1),
                    ("DependsOn", Strings([fn.LogicalId, CustomResources.EventBridge.LogicalId])),
                    ("Properties", Object(("ServiceToken", GetAtt(CustomResources.EventBridge.LogicalId, "Arn")),
                        ("FunctionName", fn.DeployedName), ("EventBridgeConfig", config)))),
                PlanResourceKind.Rule, e.Span, fn.Key);
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
        CustomResources.Add(ctx, CustomResources.EventBridge, statements, events[0].Span);
    }

    private static bool CustomResourceEventIsValid(PlanContext ctx, PlanFunction fn, EventBridgeEvent value, SourceSpan span)
    {
        const string help = "remove provider.eventBridge.useCloudFormation to use native AWS::Events::Rule resources";
        if (InputsSet(value) > 1)
        {
            ctx.Unsupported($"the eventBridge event of function '{fn.Key}' sets more than one of input, inputPath and " +
                            "inputTransformer", span, "keep one of them");
            return false;
        }

        foreach (var (setting, what) in new[] { (value.RetryPolicy, "a retry policy"), (value.DeadLetterQueueArn, "a dead-letter queue") })
        {
            if (setting is not null)
            {
                ctx.Unsupported($"the eventBridge event of function '{fn.Key}' sets {what}, which the custom resource " +
                                "of provider.eventBridge.useCloudFormation: false cannot configure", setting.Span, help);
                return false;
            }
        }

        if (value.EventBus is { } bus && value.EventBusLiteral is null)
        {
            ctx.Unsupported($"the eventBridge event of function '{fn.Key}' names its event bus with an intrinsic " +
                            "function, which the custom resource of provider.eventBridge.useCloudFormation: false cannot " +
                            "resolve", bus.Span, help + ", or write the bus name or ARN");
            return false;
        }

        return true;
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
