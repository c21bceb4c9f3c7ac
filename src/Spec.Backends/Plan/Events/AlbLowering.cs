using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>alb</c> event (<c>compile/events/alb</c>): per event a target group of the function and a listener rule on
/// the given listener, then per function the two load-balancer invoke permissions. All target groups are written
/// first, then all listener rules, then the permissions, as the Framework's three passes do.
/// </summary>
internal sealed partial class AlbLowering : EventLowering<AlbEvent>
{
    /// <summary>The Framework's <c>ALB_LISTENER_REGEXP</c>; groups 1 and 2 are the load balancer id and the listener id.</summary>
    [GeneratedRegex(@"^arn:aws[A-Za-z0-9_-]*:elasticloadbalancing:.+:listener/app/[A-Za-z0-9_-]+/([A-Za-z0-9_-]+)/([A-Za-z0-9_-]+)$")]
    private static partial Regex ListenerArn();

    private static readonly string[] ListConditions = ["path", "host", "method", "header", "query", "ip"];

    /// <summary>One validated event: <paramref name="AlbId"/> names the target group (the load balancer id or the Ref'd listener).</summary>
    private sealed record ValidEvent(
        PlanEvent<AlbEvent> Event,
        string AlbId,
        string ListenerId,
        string Priority,
        bool MultiValueHeaders,
        List<AlbAuthorizer> Authorizers)
    {
        public AlbEvent Value => Event.Event;

        public PlanFunction Function => Event.Function;

        public string TargetGroupId => TargetGroupLogicalId(Function.Key, AlbId, MultiValueHeaders);
    }

    public static string TargetGroupLogicalId(string functionKey, string albId, bool multiValueHeaders) =>
        Naming.FunctionName(functionKey) + "Alb" + (multiValueHeaders ? "MultiValue" : string.Empty) + "TargetGroup" + albId;

    public static string ListenerRuleLogicalId(string functionKey, string priority) =>
        Naming.FunctionName(functionKey) + "AlbListenerRule" + priority;

    public static string AlbPermissionLogicalId(string functionKey) => Naming.FunctionName(functionKey) + "LambdaPermissionAlb";

    public static string RegisterTargetPermissionLogicalId(string functionKey) =>
        Naming.FunctionName(functionKey) + "LambdaPermissionRegisterTarget";

    public override EventKind Kind => EventKind.Alb;

    /// <summary>An event the binder could not bind lacks (or cannot read) its listener, priority or conditions, or is not
    /// a mapping.</summary>
    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound)
    {
        var at = unbound.Item;
        if (unbound.MissingKeys.Contains("listenerArn"))
        {
            InvalidListener(ctx, fn, at);
        }
        else if (unbound.MissingKeys.Contains("priority"))
        {
            NeedsPriority(ctx, fn, at);
        }
        else if (unbound.MissingKeys.Contains("conditions"))
        {
            NoConditions(ctx, fn, at);
        }
        else
        {
            ctx.Unsupported($"the alb event of function '{fn.Key}' must be a mapping with listenerArn, priority and conditions",
                at.Span);
        }
    }

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<AlbEvent>> events)
    {
        var settings = ctx.Model.Provider.Alb;
        var prefix = settings?.TargetGroupPrefix?.Value ?? string.Empty;
        var valid = new List<ValidEvent>();
        var failed = false;
        foreach (var e in events)
        {
            if (Validate(ctx, e, settings, prefix) is { } albEvent)
            {
                valid.Add(albEvent);
            }
            else
            {
                failed = true;
            }
        }

        if (failed || !PrioritiesAreFree(ctx, valid))
        {
            return;
        }

        foreach (var e in valid)
        {
            TargetGroup(ctx, e, prefix);
        }

        foreach (var e in valid)
        {
            ListenerRule(ctx, e);
        }

        foreach (var e in valid)
        {
            Permissions(ctx, e);
        }
    }

    private static void Fail(PlanContext ctx, string message, Node at, string? help = null) =>
        ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, message, at.Span, help);

    private static void InvalidListener(PlanContext ctx, PlanFunction fn, Node at) =>
        Fail(ctx, $"Invalid ALB listenerArn in function \"{fn.Key}\" (ALB_INVALID_LISTENER_ARN)", at,
            "use the ARN of an application load balancer listener " +
            "(arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>) or {Ref: <listener>}");

    private static void NeedsPriority(PlanContext ctx, PlanFunction fn, Node at) =>
        Fail(ctx, $"the alb event of function '{fn.Key}' needs an integer 'priority' (1 to 50000)", at);

    private static void NoConditions(PlanContext ctx, PlanFunction fn, Node at) =>
        Fail(ctx, $"Cannot setup \"alb\" event in \"{fn.Key}\" function: At least one condition must be defined " +
                  "(ALB_NO_CONDITIONS)", at, "set conditions.path, host, method, header, query or ip");

    private static ValidEvent? Validate(PlanContext ctx, PlanEvent<AlbEvent> e, AlbConfig? settings, string prefix)
    {
        var fn = e.Function;
        var value = e.Event;
        string albId, listenerId;
        if (value.ListenerRefName is { } refName)
        {
            (albId, listenerId) = (refName, refName);
        }
        else if (value.ListenerLiteral is { } arn && ListenerArn().Match(arn) is { Success: true } match)
        {
            (albId, listenerId) = (match.Groups[1].Value, match.Groups[2].Value);
        }
        else if (value.ListenerIsDeployTime)
        {
            ctx.Unsupported($"the listenerArn of the alb event of function '{fn.Key}' is only known at deploy time, but the " +
                            "target group's logical id is made from the load balancer id inside it", value.ListenerArn.Span,
                "resolve it before compiling (--param or an environment variable) or use {Ref: <listener>}");
            return null;
        }
        else
        {
            InvalidListener(ctx, fn, value.ListenerArn);
            return null;
        }

        if (value.PriorityLiteral is not { } priorityText)
        {
            NeedsPriority(ctx, fn, value.Priority.Node);
            return null;
        }

        if (!value.HasConditions)
        {
            NoConditions(ctx, fn, value.Conditions.Node);
            return null;
        }

        if (value.HasTargetGroupName && prefix.Length > 0)
        {
            Fail(ctx, "ALB \"targetGroupName\" setting is exclusive with \"provider.alb.targetGroupPrefix\": Please specify " +
                      "only one (ALB_TARGET_GROUP_NAME_EXCLUSIVE)", value.TargetGroupName!.Node);
            return null;
        }

        var authorizers = new List<AlbAuthorizer>();
        foreach (var (item, name) in value.AuthorizerNames)
        {
            if (name is null || settings?.FindAuthorizer(name) is not { } authorizer)
            {
                Fail(ctx, $"No match for \"{name ?? "?"}\" in function \"{fn.Key}\" found in registered ALB authorizers " +
                          "(ALB_MISSING_AUTHORIZER)", item,
                    "define it under provider.alb.authorizers: " + string.Join(", ", settings?.AuthorizerNames ?? []));
                return null;
            }

            authorizers.Add(authorizer);
        }

        return new ValidEvent(e, albId, listenerId, priorityText, value.MultiValueHeadersEnabled, authorizers);
    }

    /// <summary>
    /// <c>validatePriorities</c>: a priority may not repeat on one listener across functions, nor on different listeners
    /// within one function (a Framework limitation: the rule's logical id carries only function and priority).
    /// </summary>
    private static bool PrioritiesAreFree(PlanContext ctx, List<ValidEvent> events)
    {
        static bool SameFunctionOtherListener(ValidEvent a, ValidEvent b) =>
            a.Priority == b.Priority && a.ListenerId != b.ListenerId && a.Function.Key == b.Function.Key;
        static bool SameListenerOtherFunction(ValidEvent a, ValidEvent b) =>
            a.Priority == b.Priority && a.ListenerId == b.ListenerId && a.Function.Key != b.Function.Key;

        if (FirstDuplicate(events, SameFunctionOtherListener) is { } d1)
        {
            Fail(ctx, $"ALB event in function \"{d1.Function.Key}\" cannot use priority \"{d1.Value.Priority.Shown}\" because it is " +
                      "already in use (ALB_PRIORITY_ALREADY_IN_USE). Events in the same function cannot use the same priority " +
                      "even if they have a different listenerArn", d1.Value.Priority.Node,
                "give each alb event of the function its own priority");
            return false;
        }

        if (FirstDuplicate(events, SameListenerOtherFunction) is { } d2)
        {
            Fail(ctx, $"ALB event in function \"{d2.Function.Key}\" cannot use priority \"{d2.Value.Priority.Shown}\" because it is " +
                      "already in use (ALB_PRIORITY_ALREADY_IN_USE)", d2.Value.Priority.Node,
                "rules of one listener need distinct priorities");
            return false;
        }

        return true;
    }

    /// <summary>
    /// lodash <c>_.difference(events, _.uniqWith(events, comparator))[0]</c>: the first event that matches an earlier kept
    /// one. Both comparators hold only between events of one priority, so an event is compared with the kept events of
    /// its own priority alone (not with every kept event: pairwise over a service's ALB events).
    /// </summary>
    private static ValidEvent? FirstDuplicate(List<ValidEvent> events, Func<ValidEvent, ValidEvent, bool> samePriorityComparator)
    {
        var kept = new Dictionary<string, List<ValidEvent>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!kept.TryGetValue(e.Priority, out var samePriority))
            {
                kept.Add(e.Priority, samePriority = []);
            }

            if (samePriority.Exists(k => samePriorityComparator(k, e)))
            {
                return e;
            }

            samePriority.Add(e);
        }

        return null;
    }

    private static void TargetGroup(PlanContext ctx, ValidEvent e, string prefix)
    {
        var fn = e.Function;
        var name = e.Value.HasTargetGroupName
            ? ctx.Json(e.Value.TargetGroupName)
            : JsonValue.Create(GeneratedTargetGroupName(ctx, fn.Key, e.AlbId, e.MultiValueHeaders, prefix));
        var props = Object(("TargetType", "lambda"), ("Targets", Array(Object(("Id", fn.Target())))), ("Name", name),
            ("Tags", Array(Object(("Key", "Name"), ("Value", ctx.DerivedFrom(TagValue(ctx, fn.Key, e.AlbId, multiValueHeaders: false), e.Value.ListenerArn))))),
            ("TargetGroupAttributes", Array(Object(("Key", "lambda.multi_value_headers.enabled"),
                ("Value", e.MultiValueHeaders ? ctx.Json(e.Value.MultiValueHeaders) : false)))),
            ("HealthCheckEnabled", false));
        if (e.Value.HealthCheckSettings is { } healthCheck)
        {
            // validateAlbHealthCheck forces enabled: true over whatever the event says.
            props["HealthCheckEnabled"] = true;
            props["HealthCheckPath"] = "/";
            props["HealthCheckIntervalSeconds"] = 35;
            props["HealthCheckTimeoutSeconds"] = 30;
            props["HealthyThresholdCount"] = 5;
            props["UnhealthyThresholdCount"] = 5;
            props["Matcher"] = Object(("HttpCode", "200"));
            foreach (var (value, prop) in new[] { (healthCheck.IntervalSeconds, "HealthCheckIntervalSeconds"),
                         (healthCheck.Path, "HealthCheckPath"), (healthCheck.TimeoutSeconds, "HealthCheckTimeoutSeconds"),
                         (healthCheck.HealthyThresholdCount, "HealthyThresholdCount") })
            {
                if (value is not null)
                {
                    props[prop] = ctx.Json(value);
                }
            }

            if (healthCheck.UnhealthyThresholdCount is { } unhealthy)
            {
                props["UnhealthyThresholdCount"] = ctx.Json(unhealthy);
            }

            if (healthCheck.MatcherHttpCode is { } httpCode)
            {
                props["Matcher"] = Object(("HttpCode", ctx.Json(httpCode)));
            }
        }

        var dependsOn = Strings([RegisterTargetPermissionLogicalId(fn.Key)]);
        if (fn.AliasLogicalId is not null)
        {
            dependsOn.AddNode(fn.AliasLogicalId);
        }

        ctx.Add(e.TargetGroupId, Object(("Type", "AWS::ElasticLoadBalancingV2::TargetGroup"), ("Properties", props),
            ("DependsOn", dependsOn)), PlanResourceKind.Other, e.Event.Span, fn.Key, e.Value.ListenerArn);
    }

    private static string TagValue(PlanContext ctx, string functionKey, string albId, bool multiValueHeaders) =>
        $"{ctx.Service}-{functionKey}-{albId}-{(multiValueHeaders ? "multi-value-" : string.Empty)}{ctx.Stage}";

    /// <summary><c>generateAlbTargetGroupName</c>: the prefix and the MD5 of the tag value, cut to ALB's 32 characters.</summary>
    private static string GeneratedTargetGroupName(PlanContext ctx, string functionKey, string albId, bool multiValueHeaders,
        string prefix)
    {
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(TagValue(ctx, functionKey, albId, multiValueHeaders))));
        var name = prefix + hash;
        return name.Length > 32 ? name[..32] : name;
    }

    private static void ListenerRule(PlanContext ctx, ValidEvent e)
    {
        var actions = new JsonArray();
        var order = 0;
        foreach (var auth in e.Authorizers)
        {
            if (auth.Type == "cognito")
            {
                var config = Config(ctx, auth, ("userPoolArn", "UserPoolArn"), ("userPoolClientId", "UserPoolClientId"),
                    ("userPoolDomain", "UserPoolDomain"));
                actions.AddNode(Object(("Type", "authenticate-cognito"), ("Order", ++order), ("AuthenticateCognitoConfig", config)));
            }
            else
            {
                var config = Config(ctx, auth, ("authorizationEndpoint", "AuthorizationEndpoint"), ("clientId", "ClientId"),
                    ("issuer", "Issuer"), ("tokenEndpoint", "TokenEndpoint"), ("userInfoEndpoint", "UserInfoEndpoint"));
                if (auth.ClientSecret is { } secret)
                {
                    config["ClientSecret"] = ctx.Json(secret);
                }
                else
                {
                    config["UseExistingClientSecret"] = true;
                }

                actions.AddNode(Object(("Type", "authenticate-oidc"), ("Order", ++order), ("AuthenticateOidcConfig", config)));
            }
        }

        var forward = Object(("Type", "forward"), ("TargetGroupArn", Ref(e.TargetGroupId)));
        if (order > 0)
        {
            forward["Order"] = ++order;
        }

        actions.AddNode(forward);
        ctx.Add(ListenerRuleLogicalId(e.Function.Key, e.Priority), Object(("Type", "AWS::ElasticLoadBalancingV2::ListenerRule"),
                ("Properties", Object(("Actions", actions), ("Conditions", Conditions(ctx, e.Value.Conditions)),
                    ("ListenerArn", ctx.Json(e.Value.ListenerArn)), ("Priority", ctx.Json(e.Value.Priority))))),
            PlanResourceKind.Rule, e.Event.Span, e.Function.Key, e.Value.Priority.Node);
    }

    /// <summary>An authenticate action's config: the type's own keys, then the settings both types share.</summary>
    private static JsonObject Config(PlanContext ctx, AlbAuthorizer auth, params (string Key, string Prop)[] own)
    {
        var config = new JsonObject();
        foreach (var (key, prop) in own)
        {
            if (auth.Written(key) is { } v)
            {
                config[prop] = ctx.Json(v);
            }
        }

        config["OnUnauthenticatedRequest"] = auth.OnUnauthenticatedRequest is { } onUnauthenticated ? ctx.Json(onUnauthenticated) : "deny";
        foreach (var (key, prop) in new[] { ("requestExtraParams", "AuthenticationRequestExtraParams"), ("scope", "Scope"),
                     ("sessionCookieName", "SessionCookieName"), ("sessionTimeout", "SessionTimeout") })
        {
            if (auth.Written(key) is { } v)
            {
                config[prop] = ctx.Json(v);
            }
        }

        return config;
    }

    private static JsonArray Conditions(PlanContext ctx, AlbConditions conditions)
    {
        JsonArray List(IReadOnlyList<Node> values) => new([.. values.Select(ctx.Json)]);

        var result = new JsonArray();
        foreach (var key in ListConditions)
        {
            switch (key)
            {
                case "path" when conditions.Values(key) is { } values:
                    result.AddNode(Object(("Field", "path-pattern"), ("Values", List(values))));
                    break;
                case "host" when conditions.Values(key) is { } values:
                    result.AddNode(Object(("Field", "host-header"), ("HostHeaderConfig", Object(("Values", List(values))))));
                    break;
                case "method" when conditions.Values(key) is { } values:
                    result.AddNode(Object(("Field", "http-request-method"),
                        ("HttpRequestMethodConfig", Object(("Values", List(values))))));
                    break;
                case "header" when conditions.Headers is { } headers:
                    foreach (var (name, values) in headers)
                    {
                        result.AddNode(Object(("Field", "http-header"), ("HttpHeaderConfig", Object(
                            ("HttpHeaderName", ctx.Json(name)), ("Values", ctx.Json(values))))));
                    }

                    break;
                case "query" when conditions.QueryValues is { } query:
                    result.AddNode(Object(("Field", "query-string"), ("QueryStringConfig", Object(("Values", new JsonArray([..
                        query.Select(q => (JsonNode?)Object(("Key", q.Key), ("Value", ctx.Json(q.Value))))]))))));
                    break;
                case "ip" when conditions.Values(key) is { } values:
                    result.AddNode(Object(("Field", "source-ip"), ("SourceIpConfig", Object(("Values", List(values))))));
                    break;
            }
        }

        return result;
    }

    /// <summary>
    /// The two permissions of the function, lodash-merged into the template per event: the Alb one's SourceArn ends up
    /// naming the target group of the function's last alb event.
    /// </summary>
    private static void Permissions(PlanContext ctx, ValidEvent e)
    {
        var fn = e.Function;
        JsonObject Permission(JsonObject? sourceArn)
        {
            var props = Object(("FunctionName", fn.Target()), ("Action", "lambda:InvokeFunction"),
                ("Principal", "elasticloadbalancing.amazonaws.com"));
            if (sourceArn is not null)
            {
                props["SourceArn"] = sourceArn;
            }

            var body = Object(("Type", "AWS::Lambda::Permission"), ("Properties", props));
            if (fn.AliasLogicalId is not null)
            {
                body["DependsOn"] = Strings([fn.AliasLogicalId]);
            }

            return body;
        }

        var albId = AlbPermissionLogicalId(fn.Key);
        if (ctx.Plan[albId] is { } existing)
        {
            existing.Properties["SourceArn"] = Ref(e.TargetGroupId);
        }
        else
        {
            ctx.Add(albId, Permission(Ref(e.TargetGroupId)), PlanResourceKind.Permission, e.Event.Span, fn.Key);
        }

        var registerId = RegisterTargetPermissionLogicalId(fn.Key);
        if (!ctx.Plan.Contains(registerId))
        {
            ctx.Add(registerId, Permission(null), PlanResourceKind.Permission, e.Event.Span, fn.Key);
        }
    }
}
