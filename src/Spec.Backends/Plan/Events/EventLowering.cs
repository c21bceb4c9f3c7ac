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
