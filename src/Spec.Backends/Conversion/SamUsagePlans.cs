using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Model;
using static Spec.Backends.Conversion.SamJson;

namespace Spec.Backends.Conversion;

/// <summary>
/// <c>provider.apiGateway.usagePlan</c> and <c>apiKeys</c> on the REST API (the Framework's <c>usage-plan.js</c>,
/// <c>api-keys.js</c>, <c>usage-plan-keys.js</c>). SAM's <c>Auth.UsagePlan</c> creates one plan with one API key whose
/// name and value CloudFormation generates, so it says exactly the one plan with one key that has neither a value nor
/// a customer; any other set of plans and keys is written as the plain CloudFormation the Framework writes, on the
/// SAM API's stage (<c>!Ref ApiGatewayRestApi.Stage</c>).
/// </summary>
internal static class SamUsagePlans
{
    private static readonly HashSet<string> PlanTypes = new(StringComparer.Ordinal)
    {
        "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::ApiKey", "AWS::ApiGateway::UsagePlanKey",
    };

    /// <summary>The API's <c>Auth.UsagePlan</c>, or null when the spec has none or SAM cannot say it (then the plans and
    /// keys are resources of the template).</summary>
    public static JsonObject? Write(SamContext ctx, ApiGatewayConfig? apiGateway)
    {
        if (apiGateway is not { HasApiKeysOrUsagePlan: true })
        {
            return null;
        }

        var keys = apiGateway.ApiKeyDefinitions;
        if (!apiGateway.UsagePlanIsList && keys is [var key] && IsGenerated(ctx, key))
        {
            if (!key.IsObject || key.Name is not null)
            {
                ctx.Approximated(key.Node, "the API key is the one key SAM's Auth.UsagePlan creates: CloudFormation names it " +
                    "(its value is generated either way)");
            }

            var plan = apiGateway.UsagePlans[0];
            var service = ctx.Service.Name.Value;
            return Props(
                ("CreateUsagePlan", "PER_API"),
                ("UsagePlanName", ctx.Staged(service + "-", string.Empty)),
                ("Description", ctx.Staged($"Usage plan for {service} ", " stage")),
                ("Quota", plan.HasQuota ? Props(("Limit", ctx.Json(plan.QuotaLimit)), ("Offset", ctx.Json(plan.QuotaOffset)), ("Period", ctx.Json(plan.QuotaPeriod))) : null),
                ("Throttle", plan.HasThrottle ? Props(("BurstLimit", ctx.Json(plan.ThrottleBurstLimit)), ("RateLimit", ctx.Json(plan.ThrottleRateLimit))) : null));
        }

        var written = new List<string>();
        foreach (var resource in ctx.FrameworkPlan.Resources.Where(r => PlanTypes.Contains(r.Type)))
        {
            var body = ctx.FrameworkResource(resource);
            body.Remove("DependsOn"); // the Framework's deployment; the stage reference below orders it after SAM's stage
            foreach (var stage in (body["Properties"]?["ApiStages"] as JsonArray ?? []).OfType<JsonObject>().Where(s => s.ContainsKey("Stage")))
            {
                stage["Stage"] = PlanJson.Ref(Naming.RestApi + ".Stage");
            }

            foreach (var stage in (body["Properties"]?["StageKeys"] as JsonArray ?? []).OfType<JsonObject>().Where(s => s.ContainsKey("StageName")))
            {
                stage["StageName"] = PlanJson.Ref(Naming.RestApi + ".Stage");
            }

            ctx.AddResource(resource.LogicalId, body);
            written.Add(resource.LogicalId);
        }

        ctx.Warn(ConvertDiagnostics.PlainCloudFormation, apiGateway.UsagePlan ?? apiGateway.ApiKeysValue ?? apiGateway.Node,
            "SAM's Auth.UsagePlan makes one plan with one generated API key: the usage plans and API keys are written as " +
            $"plain CloudFormation ({string.Join(", ", written)}) on the API's stage");
        return null;
    }

    /// <summary>A key SAM's generated key stands for: enabled, without a value, description, customer or group of its own.</summary>
    private static bool IsGenerated(SamContext ctx, ApiKeyDefinition key) =>
        !(key.IsObject && key.FirstValueIsStructured) && key.Value is null && key.CustomerId is null && key.Description is null &&
        (key.Enabled is null || ctx.Json(key.Enabled)?.GetValueKind() == System.Text.Json.JsonValueKind.True);
}
