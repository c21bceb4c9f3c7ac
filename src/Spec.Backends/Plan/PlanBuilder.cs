using System.Text.Json.Nodes;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Rules.General;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// Lowers a resolved service into the <see cref="ServicePlan"/>, following the Framework's package lifecycle
/// (§1.6): core template, log groups and role, layers, functions, versions, events in plugin order, outputs with export
/// names, then the user's <c>resources:</c> deep-merged in.
/// </summary>
public static class PlanBuilder
{
    /// <summary>
    /// Binds <paramref name="spec"/> as the backends do (<see cref="Binder.BindForBackends"/>) and lowers the model;
    /// an empty plan with the binder's errors when there is no model.
    /// </summary>
    public static ServicePlan Build(ResolvedSpec spec, DiagnosticBag diagnostics, PlanOptions? options = null) =>
        Bind(spec, diagnostics) is { } service ? Build(service, diagnostics, options) : Empty(spec);

    /// <summary>
    /// The model the backends lower (<see cref="Binder.BindForBackends"/>), or null with an error saying why there is
    /// none. With <c>configValidationMode: error</c> the values outside the Framework schema's constraints are errors
    /// here, as the Framework's config validation refuses them before its compilers run (SLS-GEN-010, the Check stage's
    /// own reading of the resolved spec: the backends read only the model).
    /// </summary>
    public static Service? Bind(ResolvedSpec spec, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        if (Binder.BindForBackends(spec, diagnostics) is { } service)
        {
            foreach (var refusal in ValueOutsideFrameworkSchema.Refusals(service))
            {
                diagnostics.Add(refusal);
            }

            return service;
        }

        if (diagnostics.Items.Count(d => d.Severity == Severity.Error) == errors)
        {
            diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, "the spec has no 'service' name to compile",
                spec.Root?.Span ?? SourceSpan.At(spec.Loaded.Source.Path, 1, 1), "add 'service: <name>' at the top level");
        }

        return null;
    }

    /// <summary>The plan of a spec there is no model of: nothing in it.</summary>
    public static ServicePlan Empty(ResolvedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ServicePlan { Service = string.Empty, Stage = spec.Stage, Region = spec.Region };
    }

    /// <summary>Lowers the bound <paramref name="model"/> into the plan.</summary>
    public static ServicePlan Build(Service model, DiagnosticBag diagnostics, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        options ??= PlanOptions.Default;
        var service = model.HasPlainName ? model.Name.Value : string.Empty;
        if (service.Length == 0)
        {
            diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, "the spec has no 'service' name to compile",
                model.Name.Node.Span, "add 'service: <name>' at the top level");
        }

        var plan = new ServicePlan
        {
            Service = service, Stage = model.Stage, Region = model.Region,
            ValueSources = options.RecordValueSources ? new Dictionary<JsonNode, Node>(ReferenceEqualityComparer.Instance) : null,
        };
        var ctx = new PlanContext(model, plan, diagnostics) { ResourcesOnly = options.ResourcesOnly };
        plan.StackName = model.Provider.StackName.LiteralOrDefault!;
        plan.DeploymentPrefix = model.Provider.DeploymentPrefix.LiteralOrDefault!;

        CollectFunctions(ctx);
        CoreLowering.DeploymentBucket(ctx);
        CoreLowering.LogGroupsAndRole(ctx);
        LayerLowering.Layers(ctx, options);
        FunctionLowering.Functions(ctx, options);
        EventLowerings.All(ctx);
        CoreLowering.FinishRole(ctx);
        ResourcesMerge.Apply(ctx, options);
        return plan;
    }

    private static void CollectFunctions(PlanContext ctx)
    {
        foreach (var unbound in ctx.Model.UnboundFunctions)
        {
            ctx.Unsupported($"function '{unbound.Key}' must be a mapping", unbound.Value.Span);
        }

        foreach (var function in ctx.Model.Functions)
        {
            ctx.Functions.Add(new PlanFunction(function));
        }
    }

    internal static string Sha256Base64(string text) => Sha256.Base64OfUtf8(text);
}
