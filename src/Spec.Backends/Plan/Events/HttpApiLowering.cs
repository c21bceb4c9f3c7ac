using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>httpApi</c> event: one HTTP API, its <c>$default</c> stage, authorizers, and per function a permission,
/// an integration and its routes (<c>compile/events/http-api.js</c>).</summary>
internal sealed class HttpApiLowering : EventLowering<HttpApiEvent>
{
    private const string HttpApiLogGroup = "HttpApiLogGroup";

    /// <summary>The headers <c>cors: true</c> allows on the HTTP API (also read by the SAM writer).</summary>
    internal static readonly string[] DefaultCorsHeaders =
    [
        "Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent",
        "X-Amzn-Trace-Id",
    ];

    /// <summary>The methods an HTTP API route may name, in the Framework's order.</summary>
    private static readonly string[] AllowedMethods = ["ANY", "GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD", "DELETE"];

    internal const string DefaultAccessLogFormat =
        "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\"," +
        "\"httpMethod\":\"$context.httpMethod\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\"," +
        "\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\"}";

    private sealed record Route(PlanEvent<HttpApiEvent> Event, string RouteKey, string Method, HttpApiEventAuthorizer? Authorizer)
    {
        /// <summary>What the route key, and the route's id, are made from: the path and the method.</summary>
        public Node? KeySource => LogicalIdSource.Of(Event.Event.Path.Node, Event.Event.Method.Node);
    }

    public override EventKind Kind => EventKind.HttpApi;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        ctx.Unsupported($"the httpApi event of function '{fn.Key}' needs a path", unbound.Item.Span);

    /// <summary>The Framework resolves <c>provider.httpApi</c> (and refuses what it cannot set up) even without events.</summary>
    public override bool RunsWithoutEvents => true;

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<HttpApiEvent>> events)
    {
        var settings = ctx.Model.Provider.HttpApi;
        if (!HttpApiConfiguration.Validate(ctx, settings, events))
        {
            return;
        }

        var routes = new List<Route>(events.Count);
        var routesByKey = new Dictionary<string, Route>(events.Count, StringComparer.Ordinal);
        foreach (var e in events)
        {
            var method = e.Event.Method.LiteralOrDefault;
            var path = e.Event.Path.Value;
            if (path is null || method is null)
            {
                ctx.Unsupported($"the httpApi event of function '{e.Function.Key}' needs a path", e.Span);
                continue;
            }

            var verb = method == "*" ? "ANY" : method.ToUpperInvariant();
            var routeKey = path == "*" ? (method == "*" ? "$default" : $"{verb} /{{proxy+}}") : $"{verb} {path}";
            ref var sameKey = ref CollectionsMarshal.GetValueRefOrAddDefault(routesByKey, routeKey, out _);
            if (sameKey is { } first)
            {
                // http-api.js:resolveConfiguration refuses a method and path (or '*') given twice, in any functions.
                var shown = routeKey == "$default" ? "*" : routeKey;
                ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec,
                    $"Duplicate route '{shown}' configuration in function {e.Function.Key} for httpApi event " +
                    $"(function '{first.Event.Function.Key}' defines it first)", e.Span, "remove or change one of the two routes");
                continue;
            }

            var route = new Route(e, routeKey, method == "*" ? "*" : verb, e.Event.Authorizer);
            routes.Add(route);
            sameKey = route;
        }

        if (routes.Count == 0)
        {
            return;
        }

        var existingId = settings?.Id;
        JsonNode ApiRef() => existingId is not null ? ctx.Json(existingId)! : Ref(Naming.HttpApi);
        // Provider tags always go on the HTTP API and its stage (useProviderTags is a no-op kept for v2 configs).
        var providerTags = ctx.Model.Provider.Tags.Count > 0 ? ctx.Model.Provider.Tags : null;
        if (existingId is null)
        {
            var name = settings?.Name?.Value ?? (settings?.ShouldStartNameWithService?.Value == true
                ? $"{ctx.Service}-{ctx.Stage}"
                : $"{ctx.Stage}-{ctx.Service}");
            var props = Object(("Name", name), ("ProtocolType", "HTTP"));
            if (settings?.Cors is { Enabled: true } cors)
            {
                props["CorsConfiguration"] = Cors(ctx, cors, routes);
            }

            // An explicit false is written too: only a missing value is left out (`disableDefaultEndpoint == null ? undefined`).
            if (settings?.DisableDefaultEndpoint?.Value is { } disableDefaultEndpoint)
            {
                props["DisableExecuteApiEndpoint"] = disableDefaultEndpoint;
            }

            if (providerTags is not null)
            {
                props["Tags"] = CoreLowering.TagMap(ctx, providerTags);
            }

            ctx.Add(Naming.HttpApi, Object(("Type", "AWS::ApiGatewayV2::Api"), ("Properties", props)), PlanResourceKind.Api,
                settings?.Node.Span);
            var accessLogFormat = AccessLogFormat(ctx);
            if (accessLogFormat is not null)
            {
                AccessLogGroup(ctx);
            }

            var stage = Object(("ApiId", Ref(Naming.HttpApi)), ("StageName", "$default"), ("AutoDeploy", true),
                ("DefaultRouteSettings", Object(("DetailedMetricsEnabled", settings?.Metrics?.Value ?? false))));
            if (providerTags is not null)
            {
                stage["Tags"] = CoreLowering.TagMap(ctx, providerTags);
            }

            var stageBody = Object(("Type", "AWS::ApiGatewayV2::Stage"), ("Properties", stage));
            if (accessLogFormat is not null)
            {
                stage["AccessLogSettings"] = Object(("DestinationArn", GetAtt(HttpApiLogGroup, "Arn")), ("Format", accessLogFormat));
                stageBody["DependsOn"] = HttpApiLogGroup;
            }

            ctx.Add(Naming.HttpApiStage, stageBody, PlanResourceKind.Api, settings?.Node.Span);
        }
        else if (ctx.Model.Provider.Logs is { HttpApi: { } logs, HttpApiEnabled: true })
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, "cannot set up access logs for an externally configured HTTP API",
                logs.Span, "remove provider.logs.httpApi or let the service create the HTTP API (no provider.httpApi.id)");
        }

        Authorizers(ctx, settings, ApiRef);

        // A function's events are next to each other (events come function by function): its routes are a run.
        for (var first = 0; first < routes.Count;)
        {
            var fn = routes[first].Event.Function;
            var end = first + 1;
            while (end < routes.Count && routes[end].Event.Function == fn)
            {
                end++;
            }

            var span = routes[first].Event.Span;
            ctx.Add(Naming.HttpApiPermission(fn), EventResources.Permission(fn, "apigateway.amazonaws.com",
                    Join(string.Empty, "arn:", Partition(), ":execute-api:", Region(), ":", AccountId(), ":", ApiRef(), "/*")),
                PlanResourceKind.Permission, span, fn.Key);
            var payload = fn.Model.HttpApiPayloadVersion.LiteralOrDefault;
            var integrationId = Naming.HttpApiIntegration(fn);
            var integration = Object(("Type", "AWS::ApiGatewayV2::Integration"), ("Properties", Object(("ApiId", ApiRef()),
                ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", fn.Target()), ("PayloadFormatVersion", payload),
                ("TimeoutInMillis", 30000))));
            EventResources.WaitForAlias(fn, integration);

            ctx.Add(integrationId, integration, PlanResourceKind.Route, span, fn.Key);
            for (; first < end; first++)
            {
                var route = routes[first];
                var props = Object(("ApiId", ApiRef()), ("RouteKey", ctx.DerivedFrom(route.RouteKey, route.KeySource)),
                    ("Target", Join("/", "integrations", Ref(integrationId))));
                RouteAuthorizer(ctx, route, props);
                ctx.Add(Naming.HttpApiRoute(route.RouteKey == "$default" ? "*" : route.RouteKey),
                    Object(("Type", "AWS::ApiGatewayV2::Route"), ("Properties", props), ("DependsOn", integrationId)),
                    PlanResourceKind.Route, route.Event.Span, fn.Key, route.KeySource);
            }
        }

        if (existingId is null)
        {
            ctx.Plan.Outputs["HttpApiId"] = Object(("Description", "Id of the HTTP API"), ("Value", Ref(Naming.HttpApi)));
            ctx.Plan.Outputs["HttpApiUrl"] = Object(("Description", "URL of the HTTP API"), ("Value", Join(string.Empty,
                "https://", Ref(Naming.HttpApi), ".execute-api.", Region(), ".", Ref("AWS::URLSuffix"))));
        }
    }

    /// <summary>The methods <c>cors: true</c> allows: <c>OPTIONS</c> and each route's (upper-cased, <c>*</c> or
    /// <c>ANY</c> for any), a catch-all method allowing every method but <c>ANY</c> itself
    /// (<c>http-api.js:resolveConfiguration</c>; also read by the SAM writer).</summary>
    internal static List<string> DefaultCorsMethods(IEnumerable<string> routeMethods)
    {
        var list = new List<string> { "OPTIONS" };
        foreach (var method in routeMethods.SelectMany(m => m is "*" or "ANY" ? AllowedMethods.Where(a => a != "ANY") : [m]))
        {
            if (!list.Contains(method))
            {
                list.Add(method);
            }
        }

        return list;
    }

    private static JsonObject Cors(PlanContext ctx, HttpApiCors cors, List<Route> routes)
    {
        var config = new JsonObject();
        if (cors.AllowCredentials?.Value is { } credentials)
        {
            config["AllowCredentials"] = credentials;
        }

        config["AllowHeaders"] = cors.AllowedHeaders.Count > 0 ? ctx.Json(cors.AllowedHeaders) : Strings(DefaultCorsHeaders);
        if (cors.AllowedMethods.Count > 0)
        {
            config["AllowMethods"] = ctx.Json(cors.AllowedMethods);
        }
        else
        {
            config["AllowMethods"] = Strings(DefaultCorsMethods(routes.Select(r => r.Method)));
        }

        config["AllowOrigins"] = cors.AllowedOrigins.Count > 0 ? ctx.Json(cors.AllowedOrigins) : Strings(["*"]);
        if (cors.ExposedResponseHeaders.Count > 0)
        {
            config["ExposeHeaders"] = ctx.Json(cors.ExposedResponseHeaders);
        }

        if (cors.MaxAge is { } maxAge)
        {
            config["MaxAge"] = ctx.Json(maxAge);
        }

        return config;
    }

    private static void Authorizers(PlanContext ctx, HttpApiConfig? settings, Func<JsonNode> apiRef)
    {
        foreach (var a in settings?.Authorizers ?? [])
        {
            var name = a.Name?.Value ?? a.Key;
            var id = Naming.HttpApiAuthorizer(a.Key);
            if (a.Type.LiteralOrDefault == "jwt")
            {
                var props = Object(("ApiId", apiRef()), ("AuthorizerType", "JWT"),
                    ("IdentitySource", Array(ctx.Json(a.IdentitySourceValue))),
                    ("JwtConfiguration", Object(("Audience", a.AudienceIsList ? ctx.Json(a.AudienceValue) : Array(ctx.Json(a.AudienceValue))),
                        ("Issuer", ctx.Json(a.IssuerUrl)))),
                    ("Name", name));
                ctx.Add(id, Object(("Type", "AWS::ApiGatewayV2::Authorizer"), ("Properties", props)), PlanResourceKind.Authorizer, a.Node.Span);
                continue;
            }

            // The function named by functionName (when it is one here): its alias is what the authorizer and its
            // permission wait for, even when functionArn is what they invoke (http-api.js:compileAuthorizers).
            var authorizerFunction = a.FunctionName?.Value is { } fnName ? ctx.FunctionByKey(fnName) : null;
            JsonNode? functionArn = a.FunctionArn is { } arn ? ctx.Json(arn) : authorizerFunction?.Target();
            if (functionArn is null)
            {
                ctx.Unsupported($"the HTTP API authorizer '{a.Key}' needs 'functionName' of a function here or 'functionArn'",
                    a.Node.Span);
                continue;
            }

            var lambdaProps = Object(("ApiId", apiRef()),
                ("AuthorizerPayloadFormatVersion", a.PayloadVersion.LiteralOrDefault),
                ("AuthorizerType", "REQUEST"),
                ("AuthorizerUri", Join(string.Empty, "arn:", Partition(), ":apigateway:", Region(),
                    ":lambda:path/2015-03-31/functions/", functionArn, "/invocations")),
                ("Name", name));
            if (a.EnableSimpleResponses?.Value is { } simple)
            {
                lambdaProps["EnableSimpleResponses"] = simple;
            }

            // Without identitySource the Framework writes an empty list (compileAuthorizers).
            lambdaProps["IdentitySource"] = a.IdentitySourceValue is not { } identity ? new JsonArray()
                : a.IdentitySourceIsList ? ctx.Json(identity) : Array(ctx.Json(identity));

            if (a.ResultTtlInSeconds is { } ttl)
            {
                lambdaProps["AuthorizerResultTtlInSeconds"] = ctx.Json(ttl);
            }

            // The permission comes before the authorizer in the template: compileAuthorizers adds it first
            // (compileAuthorizerLambdaPermission) and stores the authorizer after.
            if (a.ManagedExternally?.Value != true)
            {
                var permission = Object(("Type", "AWS::Lambda::Permission"), ("Properties", Object(("FunctionName", functionArn.DeepClone()),
                    ("Action", "lambda:InvokeFunction"), ("Principal", "apigateway.amazonaws.com"),
                    ("SourceArn", Join(string.Empty, "arn:", Partition(), ":execute-api:", Region(), ":", AccountId(), ":",
                        apiRef(), "/*")))));
                ctx.Add(Naming.FunctionName(a.Key) + "LambdaAuthorizerPermissionHttpApi",
                    authorizerFunction is null ? permission : EventResources.WaitForAlias(authorizerFunction, permission),
                    PlanResourceKind.Permission, a.Node.Span);
            }

            var authorizer = Object(("Type", "AWS::ApiGatewayV2::Authorizer"), ("Properties", lambdaProps));
            ctx.Add(id, authorizerFunction is null ? authorizer : EventResources.WaitForAlias(authorizerFunction, authorizer),
                PlanResourceKind.Authorizer, a.Node.Span);
        }
    }

    private static void RouteAuthorizer(PlanContext ctx, Route route, JsonObject props)
    {
        if (route.Authorizer is not { } a)
        {
            return;
        }

        if (a.Type?.Value == "aws_iam")
        {
            props["AuthorizationType"] = "AWS_IAM";
            return;
        }

        if (a.Id is { } existing)
        {
            props["AuthorizationType"] = a.Type?.Value == "request" ? "CUSTOM" : "JWT";
            props["AuthorizerId"] = ctx.Json(existing);
            if (a.Scopes.Count > 0)
            {
                props["AuthorizationScopes"] = ctx.Json(a.Scopes);
            }

            return;
        }

        var name = a.Name?.Value;
        var definition = name is null ? null : ctx.Model.Provider.HttpApi?.FindAuthorizer(name);
        if (definition is null)
        {
            ctx.Unsupported($"the httpApi authorizer '{name}' is not defined under provider.httpApi.authorizers", a.Node.Span);
            return;
        }

        props["AuthorizationType"] = definition.Type.LiteralOrDefault == "jwt" ? "JWT" : "CUSTOM";
        props["AuthorizerId"] = Ref(Naming.HttpApiAuthorizer(name!));
        if (a.Scopes.Count > 0)
        {
            props["AuthorizationScopes"] = ctx.Json(a.Scopes);
        }
    }

    /// <summary>The access log format <c>provider.logs.httpApi</c> asks for (its <c>format</c> or the Framework's JSON
    /// default), or null when access logs are off.</summary>
    private static JsonNode? AccessLogFormat(PlanContext ctx)
    {
        if (ctx.Model.Provider.Logs is not { HttpApiEnabled: true } logs)
        {
            return null;
        }

        return logs.HttpApiFormat is { } format ? ctx.Json(format) : JsonValue.Create(DefaultAccessLogFormat);
    }

    private static void AccessLogGroup(PlanContext ctx) =>
        ApiGatewayLogging.LogGroup(ctx, HttpApiLogGroup, "/aws/http-api/" + ctx.Plan.StackName, ctx.Model.Provider.Logs?.HttpApi?.Span);
}
