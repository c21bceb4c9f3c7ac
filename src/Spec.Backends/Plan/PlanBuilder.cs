using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>
/// Lowers a resolved service into the <see cref="ServicePlan"/>, following the Framework's package lifecycle
/// (§1.6): core template, log groups and role, layers, functions, versions, events in plugin order, outputs with export
/// names, then the user's <c>resources:</c> deep-merged in.
/// </summary>
public static class PlanBuilder
{
    public static ServicePlan Build(ResolvedSpec spec, DiagnosticBag diagnostics, PlanOptions? options = null)
    {
        options ??= PlanOptions.Default;
        var root = spec.Root as MappingNode;
        var service = Text(Get(root, "service")) ?? string.Empty;
        if (service.Length == 0)
        {
            diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, "the spec has no 'service' name to compile",
                root?.Span ?? SourceSpan.At(spec.Loaded.Source.Path, 1, 1), "add 'service: <name>' at the top level");
        }

        var plan = new ServicePlan { Service = service, Stage = spec.Stage, Region = spec.Region };
        var ctx = new PlanContext(spec, plan, diagnostics);
        plan.StackName = Text(ctx.Provider["stackName"]) ?? $"{service}-{spec.Stage}";
        plan.DeploymentPrefix = Text(ctx.Provider["deploymentPrefix"]) ?? "serverless";

        CollectFunctions(ctx);
        CoreLowering.DeploymentBucket(ctx);
        CoreLowering.LogGroupsAndRole(ctx);
        LayerLowering.Layers(ctx, options);
        FunctionLowering.Functions(ctx, options);
        EventLowering.All(ctx);
        CoreLowering.FinishRole(ctx);
        ResourcesMerge.Apply(ctx);
        return plan;
    }

    private static void CollectFunctions(PlanContext ctx)
    {
        foreach (var entry in Entries(ctx.Root["functions"]))
        {
            if (entry.Value is not MappingNode fn)
            {
                if (!IsNullOrMissing(entry.Value))
                {
                    ctx.Unsupported($"function '{entry.Key.Text}' must be a mapping", entry.Value.Span);
                }

                continue;
            }

            var name = Text(fn["name"]) ?? $"{ctx.Service}-{ctx.Stage}-{entry.Key.Text}";
            ctx.Functions.Add(new PlanFunction(entry.Key.Text, fn, name));
        }
    }

    internal static string Sha256Base64(string text) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
