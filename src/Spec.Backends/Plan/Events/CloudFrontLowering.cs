using System.Text.Json.Nodes;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>cloudFront</c> event (<c>compile/events/cloud-front.js</c>, Lambda@Edge): the user's cache policies, one
/// invoke permission per function, and one <c>CloudFrontDistribution</c> whose origins and cache behaviors collect every
/// event. The function side (always versioned, 128 MB and 5 s unless set, no VPC or environment, retained) and the
/// role side (edgelambda trust, logs in every region) are the Framework's too.
/// </summary>
internal sealed class CloudFrontLowering : EventLowering<CloudFrontEvent>
{
    public const string DistributionLogicalId = "CloudFrontDistribution";
    public const string DomainNameOutput = "CloudFrontDistributionDomainName";

    /// <summary>Managed-CachingOptimized, the Framework's cache policy when the event names none.</summary>
    private const string DefaultCachePolicyId = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    private static readonly Dictionary<string, (int MaxTimeout, int MaxMemorySize)> Limits = new(StringComparer.Ordinal)
    {
        ["origin-request"] = (30, 10240),
        ["origin-response"] = (30, 10240),
        ["viewer-request"] = (5, 128),
        ["viewer-response"] = (5, 128),
    };

    public static string CachePolicyLogicalId(string name) => "CloudFrontCachePolicy" + Naming.FunctionName(name);

    public static string InvokePermissionLogicalId(string functionKey) => Naming.Lambda(functionKey) + "InvokePermission";

    /// <summary>Whether <c>prepareFunctions</c> treats the function as Lambda@Edge (any event with a <c>cloudFront</c> value).</summary>
    public static bool IsLambdaAtEdge(PlanFunction fn) => fn.Model.EventsOf<CloudFrontEvent>().Any();

    private static void Fail(PlanContext ctx, string message, Node at, string? help = null) =>
        ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, message, at.Span, help);

    public override EventKind Kind => EventKind.CloudFront;

    /// <summary>Runs at the cloudFront plugin's place even without events: the cache policies are compiled regardless.</summary>
    public override bool RunsWithoutEvents => true;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        Fail(ctx, $"the cloudFront event of function '{fn.Key}' must be a mapping with eventType and origin", unbound.Item);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<CloudFrontEvent>> events)
    {
        var failed = !MemoryAndTimeoutFit(ctx, events);
        var policies = CachePolicies(ctx);
        if (!failed && events.Count > 0)
        {
            Distribution(ctx, events, policies);
        }
    }

    /// <summary><c>validate</c>: a function's own memorySize and timeout must fit the Lambda@Edge limits of each event type.</summary>
    private static bool MemoryAndTimeoutFit(PlanContext ctx, IReadOnlyList<PlanEvent<CloudFrontEvent>> events)
    {
        var ok = true;
        foreach (var e in events)
        {
            var fn = e.Function;
            var eventType = e.Event.EventType;
            var typeName = eventType?.Value ?? "default";
            if (eventType is not null && !Limits.ContainsKey(typeName))
            {
                Fail(ctx, $"the cloudFront event of function '{fn.Key}' has eventType '{typeName}'", eventType.Node,
                    "eventType is one of: " + string.Join(", ", Limits.Keys));
                ok = false;
                continue;
            }

            var (maxTimeout, maxMemory) = Limits.GetValueOrDefault(typeName, (5, 128));
            if (fn.Model.MemorySize is { Source: SettingSource.Function, Value: { } memory, Node: { } memoryNode } && memory > maxMemory)
            {
                Fail(ctx, $"\"{fn.Key}\" memorySize is greater than {maxMemory} which is not supported by Lambda@Edge " +
                          $"functions of type \"{typeName}\" (LAMBDA_EDGE_UNSUPPORTED_MEMORY_SIZE)", memoryNode);
                ok = false;
            }

            if (fn.Model.Timeout is { Source: SettingSource.Function, Value: { } timeout, Node: { } timeoutNode } && timeout > maxTimeout)
            {
                Fail(ctx, $"\"{fn.Key}\" timeout is greater than {maxTimeout} which is not supported by Lambda@Edge " +
                          $"functions of type \"{typeName}\" (LAMBDA_EDGE_UNSUPPORTED_TIMEOUT_VALUE)", timeoutNode);
                ok = false;
            }
        }

        return ok;
    }

    private static HashSet<string> CachePolicies(PlanContext ctx)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ctx.Model.Provider.CloudFrontCachePolicies)
        {
            var name = entry.Key;
            names.Add(name);
            var config = ctx.Json(entry.Value) as JsonObject ?? [];
            config["Name"] = $"{ctx.Service}-{ctx.Stage}-{name}";
            ctx.Add(CachePolicyLogicalId(name), Object(("Type", "AWS::CloudFront::CachePolicy"),
                ("Properties", Object(("CachePolicyConfig", config)))), PlanResourceKind.Other, entry.KeySpan);
        }

        return names;
    }

    /// <summary>The first <c>AWS::Lambda::Version</c> of each function (by the logical id its <c>FunctionName</c> refers
    /// to), in plan order: looked up once instead of a walk of every resource per event.</summary>
    private static Dictionary<string, string> VersionIdsByFunction(ServicePlan plan)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in plan.Resources)
        {
            if (r.Type == "AWS::Lambda::Version" && AsString(r.Properties["FunctionName"]?["Ref"]) is { } function)
            {
                ids.TryAdd(function, r.LogicalId);
            }
        }

        return ids;
    }

    private static void Distribution(PlanContext ctx, IReadOnlyList<PlanEvent<CloudFrontEvent>> events, HashSet<string> policies)
    {
        var origins = new List<JsonObject>();
        var behaviors = new List<JsonObject>();
        JsonObject? defaultOrigin = null;
        var edgeFunctions = new List<(PlanFunction Fn, string VersionId)>();
        Dictionary<string, string>? versionIds = null;
        foreach (var e in events)
        {
            var fn = e.Function;
            var value = e.Event;
            if (ctx.Plan[fn.LogicalId] is not { } function)
            {
                continue;
            }

            versionIds ??= VersionIdsByFunction(ctx.Plan);
            var versionId = versionIds.GetValueOrDefault(fn.LogicalId);
            if (versionId is null)
            {
                ctx.Unsupported($"function '{fn.Key}' has a cloudFront event but no version to associate", e.Span);
                return;
            }

            // Lambda@Edge has neither VPC nor environment; the stack keeps the function when removed (replicas linger).
            function.Properties.Remove("VpcConfig");
            function.Properties.Remove("Environment");
            function.Body["DeletionPolicy"] = "Retain";

            if (Origin(ctx, fn, value) is not { } origin)
            {
                return;
            }

            if (origins.Find(o => AsString(o["Id"]) == AsString(origin["Id"])) is { } existingOrigin)
            {
                origin = ExtendDeep(existingOrigin, origin);
            }
            else
            {
                origins.Add(origin);
            }

            if (value.DefaultOriginFlag is { } isDefaultOrigin)
            {
                if (defaultOrigin is not null && !ReferenceEquals(defaultOrigin, origin))
                {
                    Fail(ctx, "Found more than one cloudfront event with \"isDefaultOrigin\" defined " +
                              "(CLOUDFRONT_MULTIPLE_DEFAULT_ORIGIN_EVENTS)", isDefaultOrigin);
                    return;
                }

                defaultOrigin = origin;
            }

            if (Behavior(ctx, fn, value, policies, versionId, AsString(origin["Id"])!) is not { } behavior)
            {
                return;
            }

            var pathPattern = AsString(behavior["PathPattern"]);
            var targetOrigin = AsString(behavior["TargetOriginId"]);
            if (behaviors.Find(b => AsString(b["PathPattern"]) == pathPattern && AsString(b["TargetOriginId"]) == targetOrigin)
                is { } existingBehavior)
            {
                ExtendDeep(existingBehavior, behavior);
            }
            else
            {
                behaviors.Add(behavior);
            }

            edgeFunctions.Add((fn, versionId));
        }

        if (edgeFunctions.Count == 0)
        {
            return;
        }

        // Stable: behaviors without a PathPattern first.
        behaviors = [.. behaviors.OrderBy(b => b["PathPattern"] is null ? 0 : 1)];
        var first = events[0].Event.Node;
        if (ctx.Plan.Region != "us-east-1")
        {
            Fail(ctx, "CloudFront associated functions have to be deployed to the us-east-1 region " +
                      $"(CLOUDFRONT_INVALID_REGION); this stack is for {ctx.Plan.Region}", first,
                "deploy this service with --region us-east-1");
            return;
        }

        if (behaviors.GroupBy(b => AsString(b["PathPattern"])).Any(g => g.Count() > 1))
        {
            Fail(ctx, "Found more than one behavior with the same PathPattern " +
                      "(CLOUDFRONT_MULTIPLE_BEHAVIORS_FOR_SINGLE_PATH_PATTERN)", first,
                "events with one pathPattern must use the same origin");
            return;
        }

        if (behaviors.Any(b => (b["LambdaFunctionAssociations"] as JsonArray ?? [])
                .GroupBy(a => AsString(a?["EventType"])).Any(g => g.Count() > 1)))
        {
            Fail(ctx, "The event type of a function association must be unique in the cache behavior " +
                      "(CLOUDFRONT_EVENT_TYPE_NON_UNIQUE_CACHE_BEHAVIOR)", first,
                "give events of one pathPattern and origin different eventTypes");
            return;
        }

        if (behaviors[0]["PathPattern"] is not null)
        {
            if (defaultOrigin is null && origins.Count > 1)
            {
                Fail(ctx, "Found more than one origin but none of the cloudfront event has \"isDefaultOrigin\" defined " +
                          "(CLOUDFRONT_MULTIPLE_DEFAULT_ORIGIN_EVENTS)", first,
                    "set isDefaultOrigin: true on the event whose origin serves paths no pathPattern matches");
                return;
            }

            var defaultBehavior = (JsonObject)behaviors[0].DeepClone();
            defaultBehavior.Remove("PathPattern");
            defaultBehavior.Remove("LambdaFunctionAssociations");
            defaultBehavior["TargetOriginId"] = (defaultOrigin ?? origins[0])["Id"]!.DeepClone();
            behaviors.Insert(0, defaultBehavior);
        }

        foreach (var (fn, versionId) in edgeFunctions)
        {
            var permission = Object(("Type", "AWS::Lambda::Permission"), ("Properties", Object(
                ("FunctionName", Ref(versionId)), ("Action", "lambda:InvokeFunction"), ("Principal", "edgelambda.amazonaws.com"),
                ("SourceArn", Join(string.Empty, string.Empty, "arn:", Partition(), ":cloudfront::", AccountId(),
                    ":distribution/", Ref(DistributionLogicalId))))));
            ctx.Add(InvokePermissionLogicalId(fn.Key), permission, PlanResourceKind.Permission, fn.Span, fn.Key);
        }

        if (ctx.Plan.Contains(Naming.Role))
        {
            ctx.ExtraTrustedServices.Add("edgelambda.amazonaws.com");

            // Lambda@Edge writes its logs in the region closest to where it ran.
            ctx.EventStatements.Add(Object(("Effect", "Allow"),
                ("Action", Strings(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:TagResource"])),
                ("Resource", Array(Sub("arn:${AWS::Partition}:logs:*:*:*")))));
        }

        var config = Object(("Comment", $"{ctx.Service} {ctx.Stage}"), ("Enabled", true), ("DefaultCacheBehavior", behaviors[0]),
            ("Origins", new JsonArray([.. origins])));
        if (behaviors.Count > 1)
        {
            config["CacheBehaviors"] = new JsonArray([.. behaviors.Skip(1)]);
        }

        ctx.Add(DistributionLogicalId, Object(("Type", "AWS::CloudFront::Distribution"),
            ("Properties", Object(("DistributionConfig", config)))), PlanResourceKind.Other, first.Span);
        ctx.Plan.Outputs[DistributionLogicalId] = Object(("Description", "CloudFront Distribution Id"),
            ("Value", Ref(DistributionLogicalId)));
        ctx.Plan.Outputs[DomainNameOutput] = Object(("Description", "CloudFront Distribution Domain Name"),
            ("Value", GetAtt(DistributionLogicalId, "DomainName")));
    }

    /// <summary><c>createOrigin</c>: a URI string (s3:// for a bucket, anything else a custom origin) or the origin object.</summary>
    private static JsonObject? Origin(PlanContext ctx, PlanFunction fn, CloudFrontEvent value)
    {
        var node = value.Origin;
        JsonObject origin;
        if (value.OriginUri is { } uri)
        {
            var (protocol, host, path) = ParseUrl(uri);
            origin = Object(("DomainName", host));
            if (path.Length > 1)
            {
                origin["OriginPath"] = path;
            }

            origin[protocol == "s3:" ? "S3OriginConfig" : "CustomOriginConfig"] = protocol == "s3:"
                ? new JsonObject()
                : Object(("OriginProtocolPolicy", "match-viewer"));
        }
        else if (value.OriginIsObject && ctx.Json(node) is JsonObject o && o["DomainName"] is not null)
        {
            origin = o;
        }
        else if (value.OriginIsDeployTime)
        {
            ctx.Unsupported($"the origin of the cloudFront event of function '{fn.Key}' is only known at deploy time, but the " +
                            "distribution's origin id is made from its host name", node!.Span,
                "resolve it before compiling (--param or an environment variable) or give the origin as an object with DomainName");
            return null;
        }
        else
        {
            Fail(ctx, $"the cloudFront event of function '{fn.Key}' needs an 'origin': a URI or an object with DomainName",
                node ?? value.Node, "for example origin: s3://bucket.s3.amazonaws.com/files or https://example.com");
            return null;
        }

        var domain = origin["DomainName"];
        var id = (origin["S3OriginConfig"] is not null ? "s3" : "custom") + "/" +
                 (AsString(domain) ?? Naming.AlphaNumeric(EventLowering.Stringify(domain)));
        if (AsString(origin["OriginPath"]) is { Length: > 0 } originPath)
        {
            id += originPath;
        }

        origin["Id"] = id;
        return origin;
    }

    /// <summary>
    /// Node's legacy <c>url.parse</c>, the parts the Framework reads: the lower-cased protocol with its colon, the
    /// lower-cased host name without credentials or port, and the path without query or fragment.
    /// </summary>
    internal static (string Protocol, string Host, string Path) ParseUrl(string url)
    {
        var rest = url.Trim();
        var protocol = string.Empty;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && rest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            protocol = rest[..(colon + 1)].ToLowerInvariant();
            rest = rest[(colon + 1)..];
        }

        var host = string.Empty;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var end = rest.IndexOfAny(['/', '?', '#']);
            var authority = end < 0 ? rest : rest[..end];
            rest = end < 0 ? string.Empty : rest[end..];
            var at = authority.LastIndexOf('@');
            host = at >= 0 ? authority[(at + 1)..] : authority;
            var port = host.LastIndexOf(':');
            if (port >= 0 && !host.EndsWith(']'))
            {
                host = host[..port];
            }

            host = host.ToLowerInvariant();
        }

        var stop = rest.IndexOfAny(['?', '#']);
        var path = stop < 0 ? rest : rest[..stop];
        return (protocol, host, path.Length == 0 && host.Length > 0 ? "/" : path);
    }

    private static JsonObject? Behavior(PlanContext ctx, PlanFunction fn, CloudFrontEvent value, HashSet<string> policies,
        string versionId, string originId)
    {
        var behavior = Object(("ViewerProtocolPolicy", "allow-all"));
        var assignDefaultPolicy = true;
        if (ctx.Json(value.BehaviorObject) is JsonObject user)
        {
            foreach (var (key, v) in user.ToList())
            {
                user.Remove(key);
                behavior[key] = v;
            }

            if (value.BehaviorSetsCaching)
            {
                assignDefaultPolicy = false;
            }
        }

        if (value.CachePolicy is { } cachePolicy)
        {
            var name = cachePolicy.Name;
            if (cachePolicy.Id is { } id)
            {
                behavior["CachePolicyId"] = ctx.Json(id);
            }
            else if (name is not null && policies.Contains(name))
            {
                behavior["CachePolicyId"] = Ref(CachePolicyLogicalId(name));
            }
            else
            {
                Fail(ctx, name is null
                        ? $"the cachePolicy of the cloudFront event of function '{fn.Key}' needs 'id' or 'name'"
                        : $"Event references not configured cache policy '{name}' (UNRECOGNIZED_CLOUDFRONT_CACHE_POLICY)",
                    cachePolicy.Node, "define it under provider.cloudFront.cachePolicies: " +
                                 string.Join(", ", policies.Order(StringComparer.Ordinal)));
                return null;
            }

            assignDefaultPolicy = false;
        }

        if (assignDefaultPolicy)
        {
            behavior["CachePolicyId"] = DefaultCachePolicyId;
        }

        var association = new JsonObject();
        if (value.EventType is { } eventType)
        {
            association["EventType"] = ctx.Json(eventType);
        }

        association["LambdaFunctionARN"] = Ref(versionId);
        if (value.IncludeBody is { } includeBody)
        {
            association["IncludeBody"] = ctx.Json(includeBody);
        }

        behavior["TargetOriginId"] = originId;
        behavior["LambdaFunctionAssociations"] = Array(association);
        if (value.PathPatternText is { } pathPattern)
        {
            behavior["PathPattern"] = pathPattern;
        }

        return behavior;
    }

    /// <summary>
    /// The Framework's <c>extendDeep</c> (<c>_.assignWith</c>): keys the target lacks are added, lists are concatenated
    /// without deep-equal duplicates, objects merge recursively, and any other value the target has is kept.
    /// </summary>
    private static JsonObject ExtendDeep(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            if (!target.TryGetPropertyValue(key, out var existing))
            {
                target[key] = value?.DeepClone();
                continue;
            }

            switch (existing)
            {
                case JsonArray list:
                    foreach (var item in value is JsonArray more ? [.. more] : new List<JsonNode?> { value })
                    {
                        if (!list.Any(i => JsonNode.DeepEquals(i, item)))
                        {
                            list.AddNode(item?.DeepClone());
                        }
                    }

                    break;
                case JsonObject o when value is JsonObject v:
                    ExtendDeep(o, v);
                    break;
            }
        }

        return target;
    }
}
