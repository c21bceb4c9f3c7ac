using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Model;

namespace Spec.Backends.Conversion;

/// <summary>
/// A resource the template copies from the Framework's plan (<see cref="FrameworkPlan"/>) with what the spec leaves open
/// left open, as in the rest of the template. A value the plan converted from the spec is converted again as the writer
/// converts it (a <c>${param:}</c> value, a string with <c>${sls:stage}</c> in it). A name the Framework builds from the
/// stage (<c>shop-free-dev</c>, <c>Usage plan for shop dev stage</c>) is found where the stage text sits in it by
/// lowering the model once more for a marker stage: each string that has the marker where this plan has the stage
/// refers to the <c>Stage</c> parameter there when <see cref="StageIsOpen"/>.
/// </summary>
internal sealed partial class SamContext
{
    /// <summary>The stage of the marked plan: plain enough to pass the Framework's stage-name checks, unlike any name.</summary>
    private const string StageMarker = "SpecStageMarker7q";

    /// <summary>Converts a spec value as the plan does, to tell a value the plan copied from one it derived.</summary>
    private readonly SpecValues _planValues = new(new DiagnosticBag());

    private ServicePlan? _markedPlan;

    /// <summary>The plan of the same model for <see cref="StageMarker"/>, built when the stage is open.</summary>
    private ServicePlan MarkedPlan => _markedPlan ??= PlanBuilder.Build(MarkedService(), new DiagnosticBag());

    /// <summary>The model for <see cref="StageMarker"/>: its stage, and the stack name the binder derives from the stage
    /// when the spec gives none (the HTTP API's log group is named after it).</summary>
    private Service MarkedService()
    {
        var provider = Service.Provider;
        return Service with
        {
            Stage = StageMarker,
            Provider = provider.StackName.IsWritten
                ? provider
                : provider with { StackName = Setting<string?>.Default(Defaults.StackName(Service.Name.Value, StageMarker)) },
        };
    }

    /// <summary>The body of the Framework's <paramref name="resource"/> as the template writes it.</summary>
    public JsonObject FrameworkResource(PlanResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var marked = StageIsOpen ? MarkedPlan[resource.LogicalId]?.Body : null;
        return (JsonObject)FrameworkValue(resource.Body, marked)!;
    }

    /// <summary><paramref name="value"/> of the plan as the template writes it; <paramref name="marked"/> is the value at the
    /// same place of the marked plan, or null.</summary>
    private JsonNode? FrameworkValue(JsonNode? value, JsonNode? marked)
    {
        if (value is not null && FrameworkPlan.ValueSources!.TryGetValue(value, out var source) &&
            JsonNode.DeepEquals(value, _planValues.ToJson(source)))
        {
            return Json(source);
        }

        switch (value)
        {
            case JsonObject o:
                return new JsonObject(o.Select(m => KeyValuePair.Create(m.Key, FrameworkValue(m.Value, (marked as JsonObject)?[m.Key]))));
            case JsonArray a:
                var markedItems = marked is JsonArray m && m.Count == a.Count ? m : null;
                return new JsonArray([.. a.Select((item, i) => FrameworkValue(item, markedItems?[i]))]);
            default:
                return PlanJson.AsString(value) is { } text && PlanJson.AsString(marked) is { } markedText && StagePieces(text, markedText) is { } pieces
                    ? Staged(pieces)
                    : value?.DeepClone();
        }
    }

    /// <summary>The text around the stage in <paramref name="text"/> when <paramref name="markedText"/> is it with the
    /// marker in place of the stage; null when the marker is not there or something else differs.</summary>
    private string[]? StagePieces(string text, string markedText)
    {
        if (!markedText.Contains(StageMarker, StringComparison.Ordinal))
        {
            return null;
        }

        var pieces = markedText.Split(StageMarker);
        return string.Join(Service.Stage, pieces) == text ? pieces : null;
    }
}
