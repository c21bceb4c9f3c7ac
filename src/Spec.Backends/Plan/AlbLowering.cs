using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>alb</c> event (<c>compile/events/alb</c>): per event a target group of the function and a listener rule on
/// the given listener, then per function the two load-balancer invoke permissions. All target groups are written
/// first, then all listener rules, then the permissions, as the Framework's three passes do.
/// </summary>
internal static partial class AlbLowering
{
    /// <summary>The Framework's <c>ALB_LISTENER_REGEXP</c>; groups 1 and 2 are the load balancer id and the listener id.</summary>
    [GeneratedRegex(@"^arn:aws[A-Za-z0-9_-]*:elasticloadbalancing:.+:listener/app/[A-Za-z0-9_-]+/([A-Za-z0-9_-]+)/([A-Za-z0-9_-]+)$")]
    private static partial Regex ListenerArn();

    private static readonly string[] ListConditions = ["path", "host", "method", "header", "query", "ip"];

    /// <summary>One validated event: <paramref name="AlbId"/> names the target group (the load balancer id or the Ref'd listener).</summary>
    private sealed record AlbEvent(
        PlanEvent Event,
        MappingNode Value,
        string AlbId,
        string ListenerId,
        string Priority,
        bool MultiValueHeaders,
        List<string> Authorizers)
    {
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

    public static void Compile(PlanContext ctx, List<PlanEvent> events)
    {
        var authorizers = Map(Path(ctx.Provider, "alb", "authorizers"));
        var prefix = Text(Path(ctx.Provider, "alb", "targetGroupPrefix")) ?? string.Empty;
        var valid = new List<AlbEvent>();
        var failed = false;
        foreach (var e in events)
        {
            if (Validate(ctx, e, authorizers, prefix) is { } albEvent)
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
            ListenerRule(ctx, e, authorizers);
        }

        foreach (var e in valid)
        {
            Permissions(ctx, e);
        }
    }

    private static void Fail(PlanContext ctx, string message, Node at, string? help = null) =>
        ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, message, at.Span, help);

    private static AlbEvent? Validate(PlanContext ctx, PlanEvent e, MappingNode? authorizers, string prefix)
    {
        var fn = e.Function;
        if (e.Value is not MappingNode value)
        {
            ctx.Unsupported($"the alb event of function '{fn.Key}' must be a mapping with listenerArn, priority and conditions",
                e.Node.Span);
            return null;
        }

        var listener = value["listenerArn"];
        string albId, listenerId;
        if (listener is MappingNode { Entries.Count: 1 } reference && Text(reference["Ref"]) is { } refName)
        {
            (albId, listenerId) = (refName, refName);
        }
        else if (Text(listener) is { } arn && ListenerArn().Match(arn) is { Success: true } match)
        {
            (albId, listenerId) = (match.Groups[1].Value, match.Groups[2].Value);
        }
        else if (listener is DeployTimeNode)
        {
            ctx.Unsupported($"the listenerArn of the alb event of function '{fn.Key}' is only known at deploy time, but the " +
                            "target group's logical id is made from the load balancer id inside it", listener.Span,
                "resolve it before compiling (--param or an environment variable) or use {Ref: <listener>}");
            return null;
        }
        else
        {
            Fail(ctx, $"Invalid ALB listenerArn in function \"{fn.Key}\" (ALB_INVALID_LISTENER_ARN)", listener ?? e.Node,
                "use the ARN of an application load balancer listener " +
                "(arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>) or {Ref: <listener>}");
            return null;
        }

        var priority = value["priority"];
        if (priority is not ScalarNode { Kind: ScalarKind.Int } || Text(priority) is not { } priorityText)
        {
            Fail(ctx, $"the alb event of function '{fn.Key}' needs an integer 'priority' (1 to 50000)", priority ?? e.Node);
            return null;
        }

        if (value["conditions"] is not MappingNode { Entries.Count: > 0 })
        {
            Fail(ctx, $"Cannot setup \"alb\" event in \"{fn.Key}\" function: At least one condition must be defined " +
                      "(ALB_NO_CONDITIONS)", value["conditions"] ?? e.Node,
                "set conditions.path, host, method, header, query or ip");
            return null;
        }

        if (IsTruthy(value["targetGroupName"]) && prefix.Length > 0)
        {
            Fail(ctx, "ALB \"targetGroupName\" setting is exclusive with \"provider.alb.targetGroupPrefix\": Please specify " +
                      "only one (ALB_TARGET_GROUP_NAME_EXCLUSIVE)", value["targetGroupName"]!);
            return null;
        }

        var names = new List<string>();
        var authorizer = value["authorizer"];
        if (IsTruthy(authorizer))
        {
            foreach (var item in authorizer is SequenceNode ? Items(authorizer) : [authorizer!])
            {
                var name = Text(item);
                if (name is null || authorizers?[name] is not MappingNode)
                {
                    Fail(ctx, $"No match for \"{name ?? "?"}\" in function \"{fn.Key}\" found in registered ALB authorizers " +
                              "(ALB_MISSING_AUTHORIZER)", item,
                        "define it under provider.alb.authorizers: " +
                        string.Join(", ", Entries(authorizers).Select(a => a.Key.Text)));
                    return null;
                }

                names.Add(name);
            }
        }

        return new AlbEvent(e, value, albId, listenerId, priorityText, IsTruthy(value["multiValueHeaders"]), names);
    }

    /// <summary>
    /// <c>validatePriorities</c>: a priority may not repeat on one listener across functions, nor on different listeners
    /// within one function (a Framework limitation: the rule's logical id carries only function and priority).
    /// </summary>
    private static bool PrioritiesAreFree(PlanContext ctx, List<AlbEvent> events)
    {
        static bool SameFunctionOtherListener(AlbEvent a, AlbEvent b) =>
            a.Priority == b.Priority && a.ListenerId != b.ListenerId && a.Function.Key == b.Function.Key;
        static bool SameListenerOtherFunction(AlbEvent a, AlbEvent b) =>
            a.Priority == b.Priority && a.ListenerId == b.ListenerId && a.Function.Key != b.Function.Key;

        if (FirstDuplicate(events, SameFunctionOtherListener) is { } d1)
        {
            Fail(ctx, $"ALB event in function \"{d1.Function.Key}\" cannot use priority \"{d1.Priority}\" because it is " +
                      "already in use (ALB_PRIORITY_ALREADY_IN_USE). Events in the same function cannot use the same priority " +
                      "even if they have a different listenerArn", d1.Value["priority"]!,
                "give each alb event of the function its own priority");
            return false;
        }

        if (FirstDuplicate(events, SameListenerOtherFunction) is { } d2)
        {
            Fail(ctx, $"ALB event in function \"{d2.Function.Key}\" cannot use priority \"{d2.Priority}\" because it is " +
                      "already in use (ALB_PRIORITY_ALREADY_IN_USE)", d2.Value["priority"]!,
                "rules of one listener need distinct priorities");
            return false;
        }

        return true;
    }

    /// <summary>lodash <c>_.difference(events, _.uniqWith(events, comparator))[0]</c>.</summary>
    private static AlbEvent? FirstDuplicate(List<AlbEvent> events, Func<AlbEvent, AlbEvent, bool> comparator)
    {
        var kept = new List<AlbEvent>();
        AlbEvent? first = null;
        foreach (var e in events)
        {
            if (kept.Exists(k => comparator(k, e)))
            {
                first ??= e;
            }
            else
            {
                kept.Add(e);
            }
        }

        return first;
    }

    private static void TargetGroup(PlanContext ctx, AlbEvent e, string prefix)
    {
        var fn = e.Function;
        var name = IsTruthy(e.Value["targetGroupName"])
            ? ctx.Json(e.Value["targetGroupName"])
            : JsonValue.Create(GeneratedTargetGroupName(ctx, fn.Key, e.AlbId, e.MultiValueHeaders, prefix));
        var props = Object(("TargetType", "lambda"), ("Targets", Array(Object(("Id", fn.Target())))), ("Name", name),
            ("Tags", Array(Object(("Key", "Name"), ("Value", TagValue(ctx, fn.Key, e.AlbId, multiValueHeaders: false))))),
            ("TargetGroupAttributes", Array(Object(("Key", "lambda.multi_value_headers.enabled"),
                ("Value", e.MultiValueHeaders ? ctx.Json(e.Value["multiValueHeaders"]) : false)))),
            ("HealthCheckEnabled", false));
        var healthCheck = e.Value["healthCheck"];
        if (IsTruthy(healthCheck))
        {
            // validateAlbHealthCheck forces enabled: true over whatever the event says.
            props["HealthCheckEnabled"] = true;
            props["HealthCheckPath"] = "/";
            props["HealthCheckIntervalSeconds"] = 35;
            props["HealthCheckTimeoutSeconds"] = 30;
            props["HealthyThresholdCount"] = 5;
            props["UnhealthyThresholdCount"] = 5;
            props["Matcher"] = Object(("HttpCode", "200"));
            foreach (var (key, prop) in new[] { ("intervalSeconds", "HealthCheckIntervalSeconds"), ("path", "HealthCheckPath"),
                         ("timeoutSeconds", "HealthCheckTimeoutSeconds"), ("healthyThresholdCount", "HealthyThresholdCount") })
            {
                if (!IsNullOrMissing(Get(healthCheck, key)))
                {
                    props[prop] = ctx.Json(Get(healthCheck, key));
                }
            }

            if (IsTruthy(Get(healthCheck, "unhealthyThresholdCount")))
            {
                props["UnhealthyThresholdCount"] = ctx.Json(Get(healthCheck, "unhealthyThresholdCount"));
            }

            if (IsTruthy(Path(healthCheck, "matcher", "httpCode")))
            {
                props["Matcher"] = Object(("HttpCode", ctx.Json(Path(healthCheck, "matcher", "httpCode"))));
            }
        }

        var dependsOn = Strings([RegisterTargetPermissionLogicalId(fn.Key)]);
        if (fn.AliasLogicalId is not null)
        {
            dependsOn.AddNode(fn.AliasLogicalId);
        }

        ctx.Add(e.TargetGroupId, Object(("Type", "AWS::ElasticLoadBalancingV2::TargetGroup"), ("Properties", props),
            ("DependsOn", dependsOn)), PlanResourceKind.Other, e.Event.Node.Span, fn.Key);
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

    private static void ListenerRule(PlanContext ctx, AlbEvent e, MappingNode? authorizers)
    {
        var actions = new JsonArray();
        var order = 0;
        foreach (var name in e.Authorizers)
        {
            var auth = (MappingNode)authorizers![name]!;
            if (Text(auth["type"]) == "cognito")
            {
                var config = Config(ctx, auth, ("userPoolArn", "UserPoolArn"), ("userPoolClientId", "UserPoolClientId"),
                    ("userPoolDomain", "UserPoolDomain"));
                actions.AddNode(Object(("Type", "authenticate-cognito"), ("Order", ++order), ("AuthenticateCognitoConfig", config)));
            }
            else
            {
                var config = Config(ctx, auth, ("authorizationEndpoint", "AuthorizationEndpoint"), ("clientId", "ClientId"),
                    ("issuer", "Issuer"), ("tokenEndpoint", "TokenEndpoint"), ("userInfoEndpoint", "UserInfoEndpoint"));
                if (IsTruthy(auth["clientSecret"]))
                {
                    config["ClientSecret"] = ctx.Json(auth["clientSecret"]);
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
                ("Properties", Object(("Actions", actions), ("Conditions", Conditions(ctx, (MappingNode)e.Value["conditions"]!)),
                    ("ListenerArn", ctx.Json(e.Value["listenerArn"])), ("Priority", ctx.Json(e.Value["priority"]))))),
            PlanResourceKind.Rule, e.Event.Node.Span, e.Function.Key);
    }

    /// <summary>An authenticate action's config: the type's own keys, then the settings both types share.</summary>
    private static JsonObject Config(PlanContext ctx, MappingNode auth, params (string Key, string Prop)[] own)
    {
        var config = new JsonObject();
        foreach (var (key, prop) in own)
        {
            if (auth[key] is { } v)
            {
                config[prop] = ctx.Json(v);
            }
        }

        config["OnUnauthenticatedRequest"] = IsTruthy(auth["onUnauthenticatedRequest"]) ? ctx.Json(auth["onUnauthenticatedRequest"]) : "deny";
        foreach (var (key, prop) in new[] { ("requestExtraParams", "AuthenticationRequestExtraParams"), ("scope", "Scope"),
                     ("sessionCookieName", "SessionCookieName"), ("sessionTimeout", "SessionTimeout") })
        {
            if (auth[key] is { } v)
            {
                config[prop] = ctx.Json(v);
            }
        }

        return config;
    }

    private static JsonArray Conditions(PlanContext ctx, MappingNode conditions)
    {
        // [].concat(value): a lone value becomes a one-element list.
        JsonArray List(Node node) => node is SequenceNode ? (JsonArray)ctx.Json(node)! : Array(ctx.Json(node));

        var result = new JsonArray();
        foreach (var key in ListConditions)
        {
            var node = conditions[key];
            if (!IsTruthy(node))
            {
                continue;
            }

            switch (key)
            {
                case "path":
                    result.AddNode(Object(("Field", "path-pattern"), ("Values", List(node!))));
                    break;
                case "host":
                    result.AddNode(Object(("Field", "host-header"), ("HostHeaderConfig", Object(("Values", List(node!))))));
                    break;
                case "method":
                    result.AddNode(Object(("Field", "http-request-method"),
                        ("HttpRequestMethodConfig", Object(("Values", List(node!))))));
                    break;
                case "header":
                    foreach (var header in node is SequenceNode ? Items(node) : [node!])
                    {
                        result.AddNode(Object(("Field", "http-header"), ("HttpHeaderConfig", Object(
                            ("HttpHeaderName", ctx.Json(Get(header, "name"))), ("Values", ctx.Json(Get(header, "values")))))));
                    }

                    break;
                case "query":
                    result.AddNode(Object(("Field", "query-string"), ("QueryStringConfig", Object(("Values", new JsonArray([..
                        Entries(node).Select(q => (JsonNode?)Object(("Key", q.Key.Text), ("Value", ctx.Json(q.Value))))]))))));
                    break;
                default:
                    result.AddNode(Object(("Field", "source-ip"), ("SourceIpConfig", Object(("Values", List(node!))))));
                    break;
            }
        }

        return result;
    }

    /// <summary>
    /// The two permissions of the function, lodash-merged into the template per event: the Alb one's SourceArn ends up
    /// naming the target group of the function's last alb event.
    /// </summary>
    private static void Permissions(PlanContext ctx, AlbEvent e)
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
            ctx.Add(albId, Permission(Ref(e.TargetGroupId)), PlanResourceKind.Permission, e.Event.Node.Span, fn.Key);
        }

        var registerId = RegisterTargetPermissionLogicalId(fn.Key);
        if (!ctx.Plan.Contains(registerId))
        {
            ctx.Add(registerId, Permission(null), PlanResourceKind.Permission, e.Event.Node.Span, fn.Key);
        }
    }
}
