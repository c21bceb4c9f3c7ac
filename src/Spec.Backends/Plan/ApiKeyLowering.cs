using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>
/// <c>provider.apiGateway.apiKeys</c> and <c>usagePlan</c> of the REST API: the keys, the usage plans and the keys'
/// plan memberships (<c>api-gateway/lib/api-keys.js</c>, <c>usage-plan.js</c>, <c>usage-plan-keys.js</c>). A key is a
/// name, an object (<c>name</c>, <c>value</c>, <c>description</c>, <c>customerId</c>, <c>enabled</c>) or, when
/// <c>usagePlan</c> is a list of named plans, a group <c>{planName: [keys]}</c> whose keys join that plan.
/// </summary>
internal static class ApiKeyLowering
{
    private sealed record Key(string LogicalId, string UsagePlanKeyId, string UsagePlanId, Node Definition);

    public static void Compile(PlanContext ctx, MappingNode? apiGateway, string deploymentId, Func<JsonNode> restApiRef)
    {
        var apiKeys = apiGateway?["apiKeys"];
        var usagePlan = apiGateway?["usagePlan"];
        if (IsNullOrMissing(apiKeys) && IsNullOrMissing(usagePlan))
        {
            return;
        }

        var planList = usagePlan as SequenceNode;
        var plans = planList is null
            ? [(Name: "default", Settings: usagePlan, Span: usagePlan?.Span ?? apiKeys!.Span)]
            : planList.Items.OfType<MappingNode>().Where(p => p.Entries.Count > 0)
                .Select(p => (Name: p.Entries[0].Key.Text, Settings: (Node?)p.Entries[0].Value, p.Span)).ToList();
        var keys = Keys(ctx, apiKeys, planList is not null, plans.Select(p => p.Name).ToList());

        foreach (var key in keys)
        {
            ctx.Add(key.LogicalId, ApiKey(ctx, key.Definition, deploymentId, restApiRef), PlanResourceKind.Other, key.Definition.Span);
        }

        foreach (var (name, settings, span) in plans)
        {
            var id = planList is null ? "ApiGatewayUsagePlan" : "ApiGatewayUsagePlan" + Naming.NormalizeName(name);
            ctx.Add(id, UsagePlan(ctx, name, settings, deploymentId, restApiRef), PlanResourceKind.Other, span);
        }

        foreach (var key in keys)
        {
            ctx.Add(key.UsagePlanKeyId, Object(("Type", "AWS::ApiGateway::UsagePlanKey"), ("Properties", Object(
                    ("KeyId", Ref(key.LogicalId)), ("KeyType", "API_KEY"), ("UsagePlanId", Ref(key.UsagePlanId))))),
                PlanResourceKind.Other, key.Definition.Span);
        }
    }

    /// <summary>
    /// Every key with its logical ids. Keys are numbered from 1 in order; a plan group restarts the count and names its
    /// keys after the plan (<c>ApiGatewayApiKeyFree1</c>), other keys continue it (<c>ApiGatewayApiKey2</c>).
    /// </summary>
    private static List<Key> Keys(PlanContext ctx, Node? apiKeys, bool namedPlans, List<string> planNames)
    {
        var keys = new List<Key>();
        var number = 0;
        foreach (var definition in Items(apiKeys))
        {
            var first = (definition as MappingNode)?.Entries.FirstOrDefault();
            if (first is not null && namedPlans && planNames.Contains(first.Key.Text))
            {
                var plan = Naming.NormalizeName(first.Key.Text);
                number = 0;
                foreach (var member in Items(first.Value))
                {
                    number++;
                    keys.Add(new Key($"ApiGatewayApiKey{plan}{number}", $"ApiGatewayUsagePlanKey{plan}{number}",
                        "ApiGatewayUsagePlan" + plan, member));
                }

                continue;
            }

            if (first?.Value is MappingNode or SequenceNode)
            {
                ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, $"API key \"{first.Key.Text}\" has no usage plan defined",
                    first.Key.Span,
                    $"add a plan named '{first.Key.Text}' to provider.apiGateway.usagePlan (a list of named plans)");
                continue;
            }

            number++;
            keys.Add(new Key($"ApiGatewayApiKey{number}", $"ApiGatewayUsagePlanKey{number}", "ApiGatewayUsagePlan", definition));
        }

        return keys;
    }

    private static JsonObject ApiKey(PlanContext ctx, Node definition, string deploymentId, Func<JsonNode> restApiRef)
    {
        var props = new JsonObject();
        if (definition is MappingNode key)
        {
            props["Enabled"] = IsNullOrMissing(key["enabled"]) ? true : ctx.Json(key["enabled"]);
            AddIfPresent(ctx, props, "Name", key["name"]);
            if (IsTruthy(key["value"]))
            {
                props["Value"] = ctx.Json(key["value"]);
            }

            AddIfPresent(ctx, props, "Description", key["description"]);
            AddIfPresent(ctx, props, "CustomerId", key["customerId"]);
        }
        else
        {
            props["Enabled"] = true;
            props["Name"] = ctx.Json(definition);
        }

        props["StageKeys"] = Array(Object(("RestApiId", restApiRef()), ("StageName", ctx.Stage)));
        return Object(("Type", "AWS::ApiGateway::ApiKey"), ("Properties", props), ("DependsOn", deploymentId));
    }

    private static JsonObject UsagePlan(PlanContext ctx, string name, Node? settings, string deploymentId, Func<JsonNode> restApiRef)
    {
        var isDefault = name == "default";
        var props = Object(
            ("ApiStages", Array(Object(("ApiId", restApiRef()), ("Stage", ctx.Stage)))),
            ("Description", isDefault
                ? $"Usage plan for {ctx.Service} {ctx.Stage} stage"
                : $"Usage plan \"{name}\" for {ctx.Service} {ctx.Stage} stage"),
            ("UsagePlanName", isDefault ? $"{ctx.Service}-{ctx.Stage}" : $"{ctx.Service}-{name}-{ctx.Stage}"));
        if (Limits(ctx, Get(settings, "quota"), ("Limit", "limit"), ("Offset", "offset"), ("Period", "period")) is { } quota)
        {
            props["Quota"] = quota;
        }

        if (Limits(ctx, Get(settings, "throttle"), ("BurstLimit", "burstLimit"), ("RateLimit", "rateLimit")) is { } throttle)
        {
            props["Throttle"] = throttle;
        }

        return Object(("Type", "AWS::ApiGateway::UsagePlan"), ("DependsOn", deploymentId), ("Properties", props));
    }

    /// <summary>The plan's <c>quota</c>/<c>throttle</c> with the properties it sets; null when it sets none.</summary>
    private static JsonObject? Limits(PlanContext ctx, Node? node, params (string Property, string Key)[] fields)
    {
        if (node is not MappingNode map || map.Entries.Count == 0)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (property, key) in fields)
        {
            AddIfPresent(ctx, result, property, map[key]);
        }

        return result;
    }

    private static void AddIfPresent(PlanContext ctx, JsonObject target, string property, Node? value)
    {
        if (!IsNullOrMissing(value))
        {
            target[property] = ctx.Json(value);
        }
    }
}
