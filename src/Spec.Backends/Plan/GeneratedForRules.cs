using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Backends.Plan;

/// <summary>
/// The plan's generated resources as the rules check them (<see cref="ResourcePlanner"/>): every resource the plan
/// lowers from functions, events and provider settings, each property located at the spec key that produced it — the
/// value the plan copied from the spec (<see cref="ServicePlan.ValueSources"/>: an event's <c>batchSize</c>, a
/// function's <c>description</c> on its version, a nested filter value), or for what the plan computes from a
/// function's setting (<c>FunctionName</c>, <c>TracingConfig</c>, …) the key of that setting, on the function or on
/// <c>provider</c>; a property the plan makes up itself is located at the event or function the resource was made for. Resources written in
/// <c>resources:</c> are left to the rules, which read them with their own spans (one with the logical id of a
/// generated resource is merged into it by the plan, and checked here as merged).
/// </summary>
public static class GeneratedForRules
{
    public static IReadOnlyList<GeneratedResource> Plan(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var plan = PlanBuilder.Build(service, new DiagnosticBag(), new PlanOptions { RecordValueSources = true, ResourcesOnly = true });
        var functions = new Dictionary<string, Function>(service.Functions.Count, StringComparer.Ordinal);
        foreach (var function in service.Functions)
        {
            functions.TryAdd(function.Key, function);
        }

        var fallback = service.Name.Node.Span;
        var generated = new List<GeneratedResource>(plan.Resources.Count);
        foreach (var r in plan.Resources)
        {
            if (r.Kind == PlanResourceKind.UserResource)
            {
                continue;
            }

            var function = r.FunctionKey is { } key ? functions.GetValueOrDefault(key) : null;
            var origin = r.Origin ?? function?.KeyNode.Span ?? fallback;
            generated.Add(GeneratedResource.FromJson(r.LogicalId, r.Type, r.Body["Properties"] as JsonObject, origin,
                Setter(r.Kind, function), plan.ValueSources, r.IdSource));
        }

        return generated;
    }

    private static readonly Func<string, Node?> NoSetting = static _ => null;

    /// <summary>Where the function's own settings put a property of its resource: a delegate is made only for the kinds
    /// that have such settings (the loop over every resource would otherwise make one per resource), bound to the
    /// function itself, with no closure beside it.</summary>
    private static Func<string, Node?> Setter(PlanResourceKind kind, Function? function) => (kind, function) switch
    {
        (PlanResourceKind.Function, { } f) => f.FunctionSetting,
        (PlanResourceKind.LogGroup, { } f) => f.LogGroupSetting,
        _ => NoSetting,
    };

    private static Node? LogGroupSetting(this Function f, string property) =>
        property == "RetentionInDays" ? f.LogRetentionInDays.Node : null;

    /// <summary>The spec node that sets a property of a function's <c>AWS::Lambda::Function</c>.</summary>
    private static Node? FunctionSetting(this Function f, string property) => property switch
    {
        "FunctionName" => f.Name.Node,
        "Runtime" => f.Runtime.Node,
        "MemorySize" => f.MemorySize.Node,
        "Timeout" => f.Timeout.Node,
        "Handler" => f.Handler?.Node,
        "Description" => f.Description?.Node,
        "Architectures" => f.Architecture.Node,
        "KmsKeyArn" => f.KmsKeyArn.Node,
        "TracingConfig" => f.Tracing.Node,
        "Layers" => f.Layers.Node,
        "VpcConfig" => f.Vpc.Node,
        "EphemeralStorage" => f.EphemeralStorageSize?.Node,
        "Role" => f.Role,
        _ => null,
    };
}
