using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// A REST API's <c>Auth.UsagePlan</c> as serverless.yml says it. SAM's <c>PER_API</c> or <c>SHARED</c> plan is one usage
/// plan with one API key whose name and value CloudFormation generates: <c>provider.apiGateway.usagePlan</c> with its
/// <c>quota</c> and <c>throttle</c>, and <c>apiKeys</c> with one unnamed, enabled key (the Framework's
/// <c>usage-plan.js</c>, <c>api-keys.js</c>, <c>usage-plan-keys.js</c> then write the same three resources).
/// <c>NONE</c> creates nothing. The plan's name, description and tags have no serverless.yml form (the Framework names
/// the plan after the service and stage): each is a note naming it.
/// </summary>
internal static class SamUsagePlanReader
{
    private static readonly (string Sam, string Serverless)[] QuotaKeys = [("Limit", "limit"), ("Offset", "offset"), ("Period", "period")];

    private static readonly (string Sam, string Serverless)[] ThrottleKeys = [("BurstLimit", "burstLimit"), ("RateLimit", "rateLimit")];

    public static void Read(SamReadContext ctx, SamMapping apiGateway, MappingEntry usagePlan)
    {
        if (usagePlan.Value is not MappingNode plan)
        {
            ctx.LeftOut(usagePlan.Key, "the REST API's Auth.UsagePlan is not a mapping: left out");
            return;
        }

        var create = SamNodes.Literal(plan["CreateUsagePlan"]);
        if (create is not ("PER_API" or "SHARED"))
        {
            if (create != "NONE")
            {
                ctx.LeftOut(usagePlan.Key, "the REST API's Auth.UsagePlan has no literal CreateUsagePlan (PER_API, SHARED or NONE): left out");
            }

            return;
        }

        var settings = new SamMapping(plan.Span);
        settings.Add("quota", plan.Entry("Quota")?.Key.Span ?? plan.Span, Limits(ctx, plan.Entry("Quota"), QuotaKeys));
        settings.Add("throttle", plan.Entry("Throttle")?.Key.Span ?? plan.Span, Limits(ctx, plan.Entry("Throttle"), ThrottleKeys));
        var key = SamNodes.Key("usagePlan", usagePlan.Key.Span);
        apiGateway.Add(key.Text, key.Span, settings.Build());
        ctx.Comment(key, "the REST API's Auth.UsagePlan");
        var createKey = plan.Entry("CreateUsagePlan")!.Key;
        var keys = SamNodes.Key("apiKeys", createKey.Span);
        var createValue = plan["CreateUsagePlan"]!.Span;
        apiGateway.Add(keys.Text, keys.Span, SamNodes.List(createValue,
            [new SamMapping(createValue).Add("enabled", createValue, SamNodes.Bool(true, createValue)).Build()]));
        ctx.Comment(keys, "the one API key SAM's usage plan creates: CloudFormation names it and generates its value");

        if (create == "SHARED")
        {
            ctx.Approximated(createKey,
                "the SHARED usage plan is the REST API's own: the Framework has one REST API, which the other APIs' routes join");
        }

        foreach (var entry in plan.Entries.Where(e => e.Key.Text is not ("CreateUsagePlan" or "Quota" or "Throttle")))
        {
            ctx.LeftOut(entry.Key, $"the usage plan's {entry.Key.Text} has no serverless.yml form: left out" + entry.Key.Text switch
            {
                "UsagePlanName" or "Description" => " (the Framework names and describes the plan after the service and stage)",
                "Tags" => " (provider.stackTags tag every resource of the stack)",
                _ => string.Empty,
            });
        }
    }

    /// <summary>A quota or throttle with its keys in serverless.yml's case; an unknown key is noted.</summary>
    private static MappingNode? Limits(SamReadContext ctx, MappingEntry? entry, (string Sam, string Serverless)[] keys)
    {
        if (entry?.Value is not MappingNode limits)
        {
            if (entry is not null)
            {
                ctx.LeftOut(entry.Key, $"the usage plan's {entry.Key.Text} is not a mapping: left out");
            }

            return null;
        }

        var mapping = new SamMapping(limits.Span);
        foreach (var e in limits.Entries)
        {
            if (Array.Find(keys, k => k.Sam == e.Key.Text) is { Serverless: { } name })
            {
                mapping.Add(name, e.Key.Span, e.Value);
            }
            else
            {
                ctx.LeftOut(e.Key, $"the usage plan's {entry.Key.Text}.{e.Key.Text} has no serverless.yml form: left out");
            }
        }

        return mapping.Count == 0 ? null : mapping.Build();
    }
}
