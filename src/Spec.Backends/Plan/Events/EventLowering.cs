using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Backends.Plan;

/// <summary>One bound event of one function, as its lowering reads it.</summary>
internal sealed record PlanEvent<T>(PlanFunction Function, T Event) where T : FunctionEvent
{
    /// <summary>The event's item in the function's <c>events</c> list.</summary>
    public SourceSpan Span => Event.Node.Span;
}

/// <summary>
/// The lowering of one event type, as one event plugin of the Framework compiles it; found by the event's name in
/// <see cref="EventLowerings"/>, which runs them in the Framework's plugin order.
/// </summary>
internal abstract class EventLowering
{
    private static readonly JsonSerializerOptions CompactJs = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public abstract EventKind Kind { get; }

    /// <summary>The key as written in YAML (<c>httpApi</c>, <c>cloudwatchLog</c>…).</summary>
    public string Name => FunctionEvent.KeyName(Kind);

    /// <summary>True when the plugin has work even without events of its type.</summary>
    public virtual bool RunsWithoutEvents => false;

    /// <summary>Lowers every event of this type, function by function, in source order.</summary>
    public abstract void Lower(PlanContext ctx, IReadOnlyList<(PlanFunction Function, FunctionEvent Event)> events);

    /// <summary>JavaScript <c>JSON.stringify</c> of a spec value (schedule inputs, filter policies given as objects).</summary>
    public static string Stringify(JsonNode? node) => node?.ToJsonString(CompactJs) ?? "null";

    /// <summary>
    /// Refuses an event of this type the binder could not bind (it lacks what it requires, or has the wrong shape),
    /// with the plugin's own message.
    /// </summary>
    /// <remarks>By default the event is left out with a warning, as the Framework compiles it (into a resource
    /// CloudFormation rejects); plugins that refuse such events say so with an error.</remarks>
    public virtual void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        ctx.Diagnostics.Warning(CloudFormationDiagnosticIds.Unsupported,
            $"the {Name} event of function '{fn.Key}' is not valid" +
            (unbound.MissingKeys.Count > 0 ? $" (it needs '{string.Join("', '", unbound.MissingKeys)}')" : string.Empty) +
            ": it is left out of the stack",
            unbound.Item.Span, "run `spec check` for what is wrong with it");
}

/// <summary>The lowering of the events of one model type.</summary>
internal abstract class EventLowering<T> : EventLowering where T : FunctionEvent
{
    public sealed override void Lower(PlanContext ctx, IReadOnlyList<(PlanFunction Function, FunctionEvent Event)> events) =>
        Lower(ctx, [.. events.Select(e => new PlanEvent<T>(e.Function, (T)e.Event))]);

    protected abstract void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<T>> events);
}

/// <summary>What several event plugins share: invoke permissions, JSON text of spec values, mapping dependencies.</summary>
internal static class EventResources
{
    /// <summary>A permission for a service principal to invoke the function (<c>AWS::Lambda::Permission</c>).</summary>
    public static JsonObject Permission(PlanFunction fn, JsonNode principal, JsonNode? sourceArn, bool dependsOnAlias = true)
    {
        var props = PlanJson.Object(("FunctionName", fn.PermissionTarget()), ("Action", "lambda:InvokeFunction"),
            ("Principal", principal));
        if (sourceArn is not null)
        {
            props["SourceArn"] = sourceArn;
        }

        var body = PlanJson.Object(("Type", "AWS::Lambda::Permission"), ("Properties", props));
        if (dependsOnAlias && fn.AliasLogicalId is not null)
        {
            body["DependsOn"] = fn.AliasLogicalId;
        }

        return body;
    }

    /// <summary>JavaScript <c>JSON.stringify</c> of a spec value (schedule inputs, filter policies given as objects).</summary>
    public static string Stringify(JsonNode? node) => EventLowering.Stringify(node);

    /// <summary>
    /// What an event source mapping waits for: the function's own role when it names one by logical id, else the
    /// generated execution role when there is one.
    /// </summary>
    public static JsonArray MappingDependsOn(PlanContext ctx, PlanFunction fn)
    {
        if (fn.Model.RoleReference?.Literal is { } role && !role.StartsWith("arn:", StringComparison.Ordinal))
        {
            return PlanJson.Strings([role]);
        }

        return fn.Model.Role is null && ctx.Plan.Contains(Naming.Role) ? PlanJson.Strings([Naming.Role]) : [];
    }

    /// <summary><c>filterPatterns</c> as <c>FilterCriteria</c>: each pattern serialised.</summary>
    public static void AddFilterCriteria(PlanContext ctx, EventSourceMappingEvent e, JsonObject props)
    {
        if (e.FilterPatterns.Count > 0)
        {
            props["FilterCriteria"] = PlanJson.Object(("Filters", new JsonArray([.. e.FilterPatterns.Select(p =>
                (JsonNode?)PlanJson.Object(("Pattern", Stringify(ctx.Json(p)))))])));
        }
    }

    /// <summary>The input of an EventBridge target (<c>input</c>, <c>inputPath</c>, <c>inputTransformer</c>).</summary>
    public static void AddTargetInput(PlanContext ctx, Node? input, string? inputText, Spanned<string?>? inputPath,
        EventInputTransformer? transformer, JsonObject target)
    {
        if (input is not null)
        {
            target["Input"] = inputText ?? Stringify(ctx.Json(input));
        }

        if (inputPath?.Value is { } path)
        {
            target["InputPath"] = path;
        }

        if (transformer is not null)
        {
            var t = new JsonObject();
            if (transformer.InputPathsMap is { } paths)
            {
                t["InputPathsMap"] = ctx.Json(paths);
            }

            t["InputTemplate"] = ctx.Json(transformer.InputTemplate);
            target["InputTransformer"] = t;
        }
    }

    /// <summary>JavaScript truthiness of a written string (an intrinsic is an object: truthy).</summary>
    public static bool IsTruthy(Spanned<string?>? value) => value is not null && value.Value is not "";

    /// <summary>JavaScript truthiness of a written number (an intrinsic is an object: truthy).</summary>
    public static bool IsTruthy(Spanned<int?>? value) => value is not null && value.Value is not 0;
}
