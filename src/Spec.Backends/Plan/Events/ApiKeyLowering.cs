using System.Text.Json.Nodes;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// <c>provider.apiGateway.apiKeys</c> and <c>usagePlan</c> of the REST API: the keys, the usage plans and the keys'
/// plan memberships (<c>api-gateway/lib/api-keys.js</c>, <c>usage-plan.js</c>, <c>usage-plan-keys.js</c>). A key is a
/// name, an object (<c>name</c>, <c>value</c>, <c>description</c>, <c>customerId</c>, <c>enabled</c>) or, when
/// <c>usagePlan</c> is a list of named plans, a group <c>{planName: [keys]}</c> whose keys join that plan.
/// </summary>
internal static class ApiKeyLowering
{
    private sealed record Key(string LogicalId, string UsagePlanKeyId, string UsagePlanId, ApiKeyDefinition Definition);

    public static void Compile(PlanContext ctx, ApiGatewayConfig? apiGateway, string deploymentId, Func<JsonNode> restApiRef)
    {
        if (apiGateway is not { HasApiKeysOrUsagePlan: true })
        {
            return;
        }

        var namedPlans = apiGateway.UsagePlanIsList;
        var plans = apiGateway.UsagePlans;
        var keys = Keys(ctx, apiGateway.ApiKeyDefinitions, namedPlans, [.. plans.Select(p => p.Name)]);

        foreach (var key in keys)
        {
            ctx.Add(key.LogicalId, ApiKey(ctx, key.Definition, deploymentId, restApiRef), PlanResourceKind.Other,
                key.Definition.Node.Span);
        }

        foreach (var plan in plans)
        {
            var id = namedPlans ? "ApiGatewayUsagePlan" + Naming.NormalizeName(plan.Name) : "ApiGatewayUsagePlan";
            ctx.Add(id, UsagePlan(ctx, plan, deploymentId, restApiRef), PlanResourceKind.Other, plan.Span);
        }

        foreach (var key in keys)
        {
            ctx.Add(key.UsagePlanKeyId, Object(("Type", "AWS::ApiGateway::UsagePlanKey"), ("Properties", Object(
                    ("KeyId", Ref(key.LogicalId)), ("KeyType", "API_KEY"), ("UsagePlanId", Ref(key.UsagePlanId))))),
                PlanResourceKind.Other, key.Definition.Node.Span);
        }
    }

    /// <summary>
    /// Every key with its logical ids. Keys are numbered from 1 in order; a plan group restarts the count and names its
    /// keys after the plan (<c>ApiGatewayApiKeyFree1</c>), other keys continue it (<c>ApiGatewayApiKey2</c>).
    /// </summary>
    private static List<Key> Keys(PlanContext ctx, IReadOnlyList<ApiKeyDefinition> apiKeys, bool namedPlans, List<string> planNames)
    {
        var keys = new List<Key>();
        var number = 0;
        foreach (var definition in apiKeys)
        {
            if (definition.FirstKey is { } first && namedPlans && planNames.Contains(first))
            {
                var plan = Naming.NormalizeName(first);
                number = 0;
                foreach (var member in definition.GroupMembers)
                {
                    number++;
                    keys.Add(new Key($"ApiGatewayApiKey{plan}{number}", $"ApiGatewayUsagePlanKey{plan}{number}",
                        "ApiGatewayUsagePlan" + plan, member));
                }

                continue;
            }

            if (definition.FirstValueIsStructured)
            {
                ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, $"API key \"{definition.FirstKey}\" has no usage plan defined",
                    definition.FirstKeySpan,
                    $"add a plan named '{definition.FirstKey}' to provider.apiGateway.usagePlan (a list of named plans)");
                continue;
            }

            number++;
            keys.Add(new Key($"ApiGatewayApiKey{number}", $"ApiGatewayUsagePlanKey{number}", "ApiGatewayUsagePlan", definition));
        }

        return keys;
    }

    private static JsonObject ApiKey(PlanContext ctx, ApiKeyDefinition key, string deploymentId, Func<JsonNode> restApiRef)
    {
        var props = new JsonObject();
        if (key.IsObject)
        {
            props["Enabled"] = key.Enabled is { } enabled ? ctx.Json(enabled) : true;
            AddIfPresent(ctx, props, "Name", key.Name);
            AddIfPresent(ctx, props, "Value", key.Value);
            AddIfPresent(ctx, props, "Description", key.Description);
            AddIfPresent(ctx, props, "CustomerId", key.CustomerId);
        }
        else
        {
            props["Enabled"] = true;
            props["Name"] = ctx.Json(key.Node);
        }

        props["StageKeys"] = Array(Object(("RestApiId", restApiRef()), ("StageName", ctx.Stage)));
        return Object(("Type", "AWS::ApiGateway::ApiKey"), ("Properties", props), ("DependsOn", deploymentId));
    }

    private static JsonObject UsagePlan(PlanContext ctx, UsagePlanDefinition plan, string deploymentId, Func<JsonNode> restApiRef)
    {
        var isDefault = plan.Name == "default";
        var props = Object(
            ("ApiStages", Array(Object(("ApiId", restApiRef()), ("Stage", ctx.Stage)))),
            ("Description", isDefault
                ? $"Usage plan for {ctx.Service} {ctx.Stage} stage"
                : $"Usage plan \"{plan.Name}\" for {ctx.Service} {ctx.Stage} stage"),
            ("UsagePlanName", isDefault ? $"{ctx.Service}-{ctx.Stage}" : $"{ctx.Service}-{plan.Name}-{ctx.Stage}"));
        if (plan.HasQuota)
        {
            var quota = new JsonObject();
            AddIfPresent(ctx, quota, "Limit", plan.QuotaLimit);
            AddIfPresent(ctx, quota, "Offset", plan.QuotaOffset);
            AddIfPresent(ctx, quota, "Period", plan.QuotaPeriod);
            props["Quota"] = quota;
        }

        if (plan.HasThrottle)
        {
            var throttle = new JsonObject();
            AddIfPresent(ctx, throttle, "BurstLimit", plan.ThrottleBurstLimit);
            AddIfPresent(ctx, throttle, "RateLimit", plan.ThrottleRateLimit);
            props["Throttle"] = throttle;
        }

        return Object(("Type", "AWS::ApiGateway::UsagePlan"), ("DependsOn", deploymentId), ("Properties", props));
    }

    private static void AddIfPresent(PlanContext ctx, JsonObject target, string property, Node? value)
    {
        if (value is not null)
        {
            target[property] = ctx.Json(value);
        }
    }
}
