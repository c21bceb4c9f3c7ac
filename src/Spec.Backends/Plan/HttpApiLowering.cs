using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>The <c>httpApi</c> event: one HTTP API, its <c>$default</c> stage, authorizers, and per function a permission,
/// an integration and its routes (<c>compile/events/http-api.js</c>).</summary>
internal static class HttpApiLowering
{
    private static readonly string[] DefaultCorsHeaders =
    [
        "Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent",
        "X-Amzn-Trace-Id",
    ];

    private sealed record Route(PlanEvent Event, string RouteKey, string Method, Node? Authorizer);

    public static void Compile(PlanContext ctx, List<PlanEvent> events)
    {
        var settings = ctx.Provider["httpApi"] as MappingNode;
        var routes = new List<Route>();
        foreach (var e in events)
        {
            string? method;
            string? path;
            if (e.Value is ScalarNode s)
            {
                if (s.Text.Trim() == "*")
                {
                    routes.Add(new Route(e, "$default", "*", null));
                    continue;
                }

                var parts = s.Text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                method = parts.Length > 0 ? parts[0] : null;
                path = parts.Length > 1 ? parts[1] : null;
            }
            else
            {
                method = Text(Get(e.Value, "method")) ?? "*";
                path = Text(Get(e.Value, "path"));
            }

            if (path is null || method is null)
            {
                ctx.Unsupported($"the httpApi event of function '{e.Function.Key}' needs a path", e.Node.Span);
                continue;
            }

            var verb = method == "*" ? "ANY" : method.ToUpperInvariant();
            var routeKey = path == "*" ? (method == "*" ? "$default" : $"{verb} /{{proxy+}}") : $"{verb} {path}";
            routes.Add(new Route(e, routeKey, method == "*" ? "*" : verb, Get(e.Value, "authorizer")));
        }

        if (routes.Count == 0)
        {
            return;
        }

        var existingId = settings?["id"];
        JsonNode ApiRef() => existingId is not null && !IsNullOrMissing(existingId) ? ctx.Json(existingId)! : Ref(Naming.HttpApi);
        var providerTags = Bool(settings?["useProviderTags"]) == true ? ctx.Provider["tags"] as MappingNode : null;
        if (existingId is null || IsNullOrMissing(existingId))
        {
            var name = Text(settings?["name"]) ?? (Bool(settings?["shouldStartNameWithService"]) == true
                ? $"{ctx.Service}-{ctx.Stage}"
                : $"{ctx.Stage}-{ctx.Service}");
            var props = Object(("Name", name), ("ProtocolType", "HTTP"));
            var cors = settings?["cors"];
            if (!IsNullOrMissing(cors) && Bool(cors) != false)
            {
                props["CorsConfiguration"] = Cors(ctx, cors!, routes);
            }

            if (Bool(settings?["disableDefaultEndpoint"]) == true)
            {
                props["DisableExecuteApiEndpoint"] = true;
            }

            if (providerTags is not null)
            {
                props["Tags"] = TagMap(ctx, providerTags);
            }

            ctx.Add(Naming.HttpApi, Object(("Type", "AWS::ApiGatewayV2::Api"), ("Properties", props)), PlanResourceKind.Api, settings?.Span);
            var accessLogFormat = AccessLogFormat(ctx);
            if (accessLogFormat is not null)
            {
                AccessLogGroup(ctx);
            }

            var stage = Object(("ApiId", Ref(Naming.HttpApi)), ("StageName", "$default"), ("AutoDeploy", true),
                ("DefaultRouteSettings", Object(("DetailedMetricsEnabled", Bool(settings?["metrics"]) ?? false))));
            if (providerTags is not null)
            {
                stage["Tags"] = TagMap(ctx, providerTags);
            }

            var stageBody = Object(("Type", "AWS::ApiGatewayV2::Stage"), ("Properties", stage));
            if (accessLogFormat is not null)
            {
                stage["AccessLogSettings"] = Object(("DestinationArn", GetAtt(HttpApiLogGroup, "Arn")), ("Format", accessLogFormat));
                stageBody["DependsOn"] = HttpApiLogGroup;
            }

            ctx.Add(Naming.HttpApiStage, stageBody, PlanResourceKind.Api, settings?.Span);
        }
        else if (Path(ctx.Provider, "logs", "httpApi") is { } logs && IsTruthy(logs))
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, "cannot set up access logs for an externally configured HTTP API",
                logs.Span, "remove provider.logs.httpApi or let the service create the HTTP API (no provider.httpApi.id)");
        }

        Authorizers(ctx, settings, ApiRef);

        foreach (var group in routes.GroupBy(r => r.Event.Function))
        {
            var fn = group.Key;
            ctx.Add(Naming.HttpApiPermission(fn.Key), EventLowering.Permission(fn, "apigateway.amazonaws.com",
                    Join(string.Empty, "arn:", Partition(), ":execute-api:", Region(), ":", AccountId(), ":", ApiRef(), "/*")),
                PlanResourceKind.Permission, group.First().Event.Node.Span, fn.Key);
            var payload = Text(Path(fn.Node, "httpApi", "payload")) ?? Text(settings?["payload"]) ?? "2.0";
            var integrationId = Naming.HttpApiIntegration(fn.Key);
            var integration = Object(("Type", "AWS::ApiGatewayV2::Integration"), ("Properties", Object(("ApiId", ApiRef()),
                ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", fn.Target()), ("PayloadFormatVersion", payload),
                ("TimeoutInMillis", 30000))));
            if (fn.AliasLogicalId is not null)
            {
                integration["DependsOn"] = fn.AliasLogicalId;
            }

            ctx.Add(integrationId, integration, PlanResourceKind.Route, group.First().Event.Node.Span, fn.Key);
            foreach (var route in group)
            {
                var props = Object(("ApiId", ApiRef()), ("RouteKey", route.RouteKey),
                    ("Target", Join("/", "integrations", Ref(integrationId))));
                RouteAuthorizer(ctx, route, props);
                ctx.Add(Naming.HttpApiRoute(route.RouteKey == "$default" ? "*" : route.RouteKey),
                    Object(("Type", "AWS::ApiGatewayV2::Route"), ("Properties", props), ("DependsOn", integrationId)),
                    PlanResourceKind.Route, route.Event.Node.Span, fn.Key);
            }
        }

        if (existingId is null || IsNullOrMissing(existingId))
        {
            ctx.Plan.Outputs["HttpApiId"] = Object(("Description", "Id of the HTTP API"), ("Value", Ref(Naming.HttpApi)));
            ctx.Plan.Outputs["HttpApiUrl"] = Object(("Description", "URL of the HTTP API"), ("Value", Join(string.Empty,
                "https://", Ref(Naming.HttpApi), ".execute-api.", Region(), ".", Ref("AWS::URLSuffix"))));
        }
    }

    private static JsonObject TagMap(PlanContext ctx, MappingNode tags)
    {
        var result = new JsonObject();
        foreach (var e in tags.Entries)
        {
            result[e.Key.Text] = ctx.Json(e.Value);
        }

        return result;
    }

    private static JsonObject Cors(PlanContext ctx, Node cors, List<Route> routes)
    {
        var config = new JsonObject();
        if (Bool(Get(cors, "allowCredentials")) is { } credentials)
        {
            config["AllowCredentials"] = credentials;
        }

        config["AllowHeaders"] = Get(cors, "allowedHeaders") is SequenceNode headers ? ctx.Json(headers) : Strings(DefaultCorsHeaders);
        if (Get(cors, "allowedMethods") is SequenceNode methods)
        {
            config["AllowMethods"] = ctx.Json(methods);
        }
        else
        {
            var list = new List<string> { "OPTIONS" };
            foreach (var r in routes)
            {
                var m = r.Method == "*" ? "*" : r.Method;
                if (!list.Contains(m))
                {
                    list.Add(m);
                }
            }

            config["AllowMethods"] = Strings(list.Contains("*") ? ["*"] : list);
        }

        config["AllowOrigins"] = Get(cors, "allowedOrigins") is SequenceNode origins ? ctx.Json(origins) : Strings(["*"]);
        if (Get(cors, "exposedResponseHeaders") is SequenceNode exposed)
        {
            config["ExposeHeaders"] = ctx.Json(exposed);
        }

        if (Get(cors, "maxAge") is { } maxAge && !IsNullOrMissing(maxAge))
        {
            config["MaxAge"] = ctx.Json(maxAge);
        }

        return config;
    }

    private static void Authorizers(PlanContext ctx, MappingNode? settings, Func<JsonNode> apiRef)
    {
        foreach (var entry in Entries(settings?["authorizers"]))
        {
            var a = entry.Value;
            var name = Text(Get(a, "name")) ?? entry.Key.Text;
            var type = Text(Get(a, "type")) ?? "jwt";
            var id = Naming.HttpApiAuthorizer(entry.Key.Text);
            if (type == "jwt")
            {
                var audience = Get(a, "audience");
                var props = Object(("ApiId", apiRef()), ("AuthorizerType", "JWT"),
                    ("IdentitySource", Array(ctx.Json(Get(a, "identitySource")))),
                    ("JwtConfiguration", Object(("Audience", audience is SequenceNode ? ctx.Json(audience) : Array(ctx.Json(audience))),
                        ("Issuer", ctx.Json(Get(a, "issuerUrl"))))),
                    ("Name", name));
                ctx.Add(id, Object(("Type", "AWS::ApiGatewayV2::Authorizer"), ("Properties", props)), PlanResourceKind.Authorizer, a.Span);
                continue;
            }

            JsonNode? functionArn = Get(a, "functionArn") is { } arnNode ? ctx.Json(arnNode)
                : Text(Get(a, "functionName")) is { } fnName && ctx.FunctionByKey(fnName) is { } fn ? fn.Target() : null;
            if (functionArn is null)
            {
                ctx.Unsupported($"the HTTP API authorizer '{entry.Key.Text}' needs 'functionName' of a function here or 'functionArn'",
                    a.Span);
                continue;
            }

            var identity = Get(a, "identitySource");
            var lambdaProps = Object(("ApiId", apiRef()),
                ("AuthorizerPayloadFormatVersion", Text(Get(a, "payloadVersion")) ?? "2.0"),
                ("AuthorizerType", "REQUEST"),
                ("AuthorizerUri", Join(string.Empty, "arn:", Partition(), ":apigateway:", Region(),
                    ":lambda:path/2015-03-31/functions/", functionArn, "/invocations")),
                ("Name", name));
            if (Bool(Get(a, "enableSimpleResponses")) is { } simple)
            {
                lambdaProps["EnableSimpleResponses"] = simple;
            }

            if (identity is not null)
            {
                lambdaProps["IdentitySource"] = identity is SequenceNode ? ctx.Json(identity) : Array(ctx.Json(identity));
            }

            if (Get(a, "resultTtlInSeconds") is { } ttl && !IsNullOrMissing(ttl))
            {
                lambdaProps["AuthorizerResultTtlInSeconds"] = ctx.Json(ttl);
            }

            ctx.Add(id, Object(("Type", "AWS::ApiGatewayV2::Authorizer"), ("Properties", lambdaProps)), PlanResourceKind.Authorizer, a.Span);
            if (Bool(Get(a, "managedExternally")) != true)
            {
                ctx.Add(Naming.FunctionName(entry.Key.Text) + "LambdaAuthorizerPermissionHttpApi", Object(
                        ("Type", "AWS::Lambda::Permission"), ("Properties", Object(("FunctionName", functionArn.DeepClone()),
                            ("Action", "lambda:InvokeFunction"), ("Principal", "apigateway.amazonaws.com"),
                            ("SourceArn", Join(string.Empty, "arn:", Partition(), ":execute-api:", Region(), ":", AccountId(), ":",
                                apiRef(), "/*"))))),
                    PlanResourceKind.Permission, a.Span);
            }
        }
    }

    private static void RouteAuthorizer(PlanContext ctx, Route route, JsonObject props)
    {
        var a = route.Authorizer;
        if (IsNullOrMissing(a))
        {
            return;
        }

        if (Text(Get(a, "type")) == "aws_iam")
        {
            props["AuthorizationType"] = "AWS_IAM";
            return;
        }

        if (Get(a, "id") is { } existing && !IsNullOrMissing(existing))
        {
            props["AuthorizationType"] = Text(Get(a, "type")) == "request" ? "CUSTOM" : "JWT";
            props["AuthorizerId"] = ctx.Json(existing);
            return;
        }

        var name = a is ScalarNode s ? s.Text : Text(Get(a, "name"));
        var definition = name is null ? null : Path(ctx.Provider, "httpApi", "authorizers", name);
        if (definition is null)
        {
            ctx.Unsupported($"the httpApi authorizer '{name}' is not defined under provider.httpApi.authorizers", a!.Span);
            return;
        }

        var isJwt = (Text(Get(definition, "type")) ?? "jwt") == "jwt";
        props["AuthorizationType"] = isJwt ? "JWT" : "CUSTOM";
        props["AuthorizerId"] = Ref(Naming.HttpApiAuthorizer(name!));
        if (Get(a, "scopes") is { } scopes && !IsNullOrMissing(scopes))
        {
            props["AuthorizationScopes"] = ctx.Json(scopes);
        }
    }

    private const string HttpApiLogGroup = "HttpApiLogGroup";

    /// <summary>The access log format <c>provider.logs.httpApi</c> asks for (its <c>format</c> or the Framework's JSON
    /// default), or null when access logs are off.</summary>
    private static JsonNode? AccessLogFormat(PlanContext ctx)
    {
        var logs = Path(ctx.Provider, "logs", "httpApi");
        if (!IsTruthy(logs))
        {
            return null;
        }

        if (Get(logs, "format") is { } format && IsTruthy(format))
        {
            return ctx.Json(format);
        }

        return JsonValue.Create(DefaultAccessLogFormat);
    }

    private const string DefaultAccessLogFormat =
        "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\"," +
        "\"httpMethod\":\"$context.httpMethod\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\"," +
        "\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\"}";

    private static void AccessLogGroup(PlanContext ctx)
    {
        var props = Object(("LogGroupName", "/aws/http-api/" + ctx.Plan.StackName));
        if (ctx.Provider["logRetentionInDays"] is { } retention && IsTruthy(retention))
        {
            props["RetentionInDays"] = ctx.Json(retention);
        }

        if (ctx.Provider["logDataProtectionPolicy"] is { } policy && IsTruthy(policy))
        {
            props["DataProtectionPolicy"] = ctx.Json(policy);
        }

        ctx.Add(HttpApiLogGroup, Object(("Type", "AWS::Logs::LogGroup"), ("Properties", props)), PlanResourceKind.LogGroup,
            Path(ctx.Provider, "logs", "httpApi")?.Span);
    }
}
