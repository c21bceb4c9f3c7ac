using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Conversion.SamJson;

namespace Spec.Backends.Conversion;

/// <summary>
/// <c>http</c> routes as SAM <c>Api</c> events and <c>httpApi</c> routes as <c>HttpApi</c> events, on an explicit
/// <c>AWS::Serverless::Api</c> / <c>AWS::Serverless::HttpApi</c> under the Framework's logical ids
/// (<c>ApiGatewayRestApi</c>, <c>HttpApi</c>), so <c>resources:</c> that refer to them keep working and the REST
/// stage keeps the service's stage name. The APIs' authorizers and CORS are collected from the routes.
/// </summary>
internal static class SamApis
{
    public static JsonObject? RestRoute(SamContext ctx, Function f, HttpEvent e)
    {
        var state = ctx.Rest;
        if (ctx.Service.Provider.ApiGateway?.RestApiId is not null)
        {
            ctx.Warn(ConvertDiagnostics.PlainCloudFormation, e.Node, "a SAM Api event needs an API in the template: the route on " +
                "the REST API 'restApiId' imports is written as plain CloudFormation (the Framework's resources, method and permission)");
            return null;
        }

        var integration = e.Integration.Value?.ToLowerInvariant();
        if (integration is "http" or "http-proxy" or "mock")
        {
            ctx.LeftOut(e.Node, $"a SAM Api event always invokes its function: the '{integration}' integration of " +
                $"{e.NormalizedMethod} {e.NormalizedPath} is left out (write it in the API's OpenAPI definition)");
            return null;
        }

        if (integration is "lambda" or "aws")
        {
            ctx.Approximated(e.Node, $"{e.NormalizedMethod} {e.NormalizedPath} becomes a Lambda proxy integration: SAM's Api " +
                "event has no custom ('lambda') integration, so request and response templates are left out");
        }

        if (e.Async?.Value == true)
        {
            ctx.Approximated(e.Node, "'async: true' is left out: the route invokes the function synchronously");
        }

        state.Used = true;
        state.Routes++;
        if (e.Cors is { Enabled: true } cors)
        {
            Cors(ctx, state, cors);
        }

        var auth = new JsonObject();
        if (e.Authorizer is { } authorizer && RestAuthorizer(ctx, authorizer) is { } name)
        {
            auth["Authorizer"] = name;
            if (authorizer.ScopesValue is { } scopes)
            {
                auth["AuthorizationScopes"] = ctx.Json(scopes);
            }
        }

        if (e.Private?.Value == true)
        {
            auth["ApiKeyRequired"] = true;
        }

        var parameters = e.RequestSettings?.Parameters
            .Select(p => (JsonNode?)new JsonObject { [$"method.request.{p.Location}.{p.Name}"] = Props(("Required", p.Required)) })
            .ToArray() ?? [];
        return Props(
            ("RestApiId", PlanJson.Ref(Naming.RestApi)),
            ("Path", RoutePath(e)),
            ("Method", e.NormalizedMethod?.ToLowerInvariant() ?? ctx.Json(e.Method.Node)),
            ("Auth", NonEmpty(auth)),
            ("RequestParameters", parameters.Length == 0 ? null : new JsonArray(parameters)));
    }

    /// <summary>The route's path as the Framework creates it: one leading <c>/</c> and no trailing one
    /// (<c>/minimal/</c> is the resource <c>/minimal</c>).</summary>
    internal static string? RoutePath(HttpEvent e)
    {
        if (e.NormalizedPath is not { } path)
        {
            return null;
        }

        var trimmed = path.TrimEnd();
        return trimmed.Length > 1 && trimmed.EndsWith('/') ? trimmed[..^1] : trimmed;
    }

    private static void Cors(SamContext ctx, RestApiState state, HttpCors cors)
    {
        state.CorsRoutes++;
        var origin = cors.Origin ?? cors.OriginsList?.FirstOrDefault() ?? "*";
        if ((cors.OriginsList?.Count ?? 0) > 1)
        {
            ctx.Approximated(cors.Node, $"SAM's API CORS allows one origin: '{origin}' (the first of 'origins')");
        }

        state.CorsOrigin ??= origin;
        foreach (var header in cors.HeadersList ?? RestApiLowering.DefaultCorsHeaders)
        {
            if (!state.CorsHeaders.Contains(header))
            {
                state.CorsHeaders.Add(header);
            }
        }

        if (cors.AllowCredentials?.Value == true && origin == "*")
        {
            ctx.Approximated(cors.Node, "SAM refuses 'allowCredentials' with the origin '*' (browsers ignore it too): left out");
        }
        else
        {
            state.CorsCredentials |= cors.AllowCredentials?.Value == true;
        }
        state.CorsMaxAge ??= ctx.Json(cors.MaxAgeValue);
    }

    /// <summary>The authorizer's name in <c>Auth.Authorizers</c>, added there the first time; null when SAM cannot
    /// express it (an existing authorizer id).</summary>
    private static string? RestAuthorizer(SamContext ctx, HttpAuthorizer a)
    {
        var type = a.Type?.Value?.ToLowerInvariant() ?? (a.Shorthand == "aws_iam" ? "aws_iam" : null);
        if (type == "aws_iam")
        {
            return "AWS_IAM";
        }

        if (a.ExistingId is not null)
        {
            ctx.LeftOut(a.Node, "SAM cannot attach an existing authorizer ('authorizerId'): the route is written without it");
            return null;
        }

        var arnNode = a.ExistingArn ?? (a.Shorthand?.StartsWith("arn:", StringComparison.Ordinal) == true ? a.Node : null);
        var arnText = arnNode is null ? null : PlanJson.AsString(ctx.Json(arnNode));
        var functionName = a.Name?.Value ?? (arnNode is null ? a.Shorthand : null);
        var name = functionName ?? arnText?[(arnText.LastIndexOf(':') + 1)..] ?? "Authorizer";
        var key = Naming.AlphaNumeric(name);
        if (ctx.Rest.Authorizers.ContainsKey(key))
        {
            return key;
        }

        var cognito = type == "cognito_user_pools" || arnText?.Contains(":cognito-idp:", StringComparison.Ordinal) == true;
        var sources = (a.IdentitySource.Value ?? a.IdentitySource.DefaultValue ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ttl = a.IsObject ? ctx.Json(a.ResultTtlInSeconds) : null;
        JsonObject authorizer;
        if (cognito)
        {
            authorizer = Props(
                ("UserPoolArn", arnNode is null ? null : ctx.Json(arnNode)),
                ("Identity", Props(("Header", Header(sources[0])), ("ReauthorizeEvery", ttl))));
        }
        else
        {
            JsonNode? functionArn = arnNode is not null ? ctx.Json(arnNode)
                : ctx.Service.FindFunction(name) is { } local ? PlanJson.GetAtt(Naming.Lambda(local.Key), "Arn") : null;
            if (functionArn is null)
            {
                ctx.LeftOut(a.Node, $"the authorizer '{name}' is neither a function of the service nor an ARN: the route is written without it");
                return null;
            }

            var request = type == "request";
            authorizer = Props(
                ("FunctionArn", functionArn),
                ("FunctionPayloadType", request ? "REQUEST" : "TOKEN"),
                ("Identity", request
                    ? Props(
                        ("Headers", List(sources.Select(Header).Where(h => h is not null).Select(h => (JsonNode?)h))),
                        ("QueryStrings", List(sources.Where(x => x.StartsWith("method.request.querystring.", StringComparison.Ordinal))
                            .Select(x => (JsonNode?)x["method.request.querystring.".Length..]))),
                        ("ReauthorizeEvery", ttl))
                    : Props(
                        ("Header", Header(sources[0])),
                        ("ValidationExpression", ctx.Json(a.IdentityValidationExpression)),
                        ("ReauthorizeEvery", ttl))));
        }

        ctx.Rest.Authorizers[key] = authorizer;
        return key;
    }

    private static string? Header(string source) =>
        source.StartsWith("method.request.header.", StringComparison.Ordinal) ? source["method.request.header.".Length..] : null;

    public static JsonObject HttpApiRoute(SamContext ctx, Function f, HttpApiEvent e)
    {
        ctx.Http.Used = true;
        if (ctx.Service.Provider.HttpApi?.Id is { } external)
        {
            ctx.Approximated(external.Node, "SAM routes belong to an API in the template: the routes of the external HTTP API " +
                "'httpApi.id' names are written on an HTTP API of this template");
        }

        var auth = new JsonObject();
        if (e.Authorizer is { } authorizer)
        {
            if (authorizer.Type?.Value == "aws_iam")
            {
                auth["Authorizer"] = "AWS_IAM";
                ctx.Http.IamAuthorizer = true;
            }
            else if (authorizer.Name?.Value is { } name)
            {
                auth["Authorizer"] = Naming.AlphaNumeric(name);
                if (ctx.Json(authorizer.Scopes) is { } scopes)
                {
                    auth["AuthorizationScopes"] = scopes;
                }
            }
            else
            {
                ctx.LeftOut(authorizer.Node, "SAM cannot attach an existing authorizer ('id'): the route is written without it");
            }
        }

        var method = e.Method.Value is null or "*" ? "ANY" : e.Method.Value.ToUpperInvariant();
        return Props(
            ("ApiId", PlanJson.Ref(Naming.HttpApi)),
            // The shorthand 'GET /path' is one node: its path is the bound value, not the node's text.
            ("Path", e.IsDefaultRoute ? null : e.Path.Value is { } path ? path : ctx.Json(e.Path)),
            ("Method", e.IsDefaultRoute ? null : method),
            ("PayloadFormatVersion", ctx.Json(f.HttpApiPayloadVersion)),
            ("Auth", NonEmpty(auth)));
    }

    /// <summary>The APIs the routes use, once all functions are written.</summary>
    public static void Write(SamContext ctx)
    {
        var provider = ctx.Service.Provider;
        if (ctx.Rest.Used)
        {
            var rest = ctx.Rest;
            if (rest.CorsRoutes > 0 && rest.CorsRoutes < rest.Routes)
            {
                ctx.Approximated(provider.Node, "SAM configures CORS for the whole REST API: routes without 'cors' answer preflight requests too");
            }

            var startWithService = provider.ApiGateway?.ShouldStartNameWithService?.Value == true;
            var name = ctx.Json(provider.ApiName) ?? (startWithService
                ? ctx.Staged($"{ctx.Service.Name.Value}-", string.Empty)
                : ctx.Staged(string.Empty, $"-{ctx.Service.Name.Value}"));
            var auth = Props(
                ("Authorizers", rest.Authorizers.Count == 0 ? null : rest.Authorizers),
                ("AddDefaultAuthorizerToCorsPreflight", rest.Authorizers.Count == 0 ? null : false),
                ("ApiKeyRequired", null),
                ("UsagePlan", SamUsagePlans.Write(ctx, provider.ApiGateway)));
            ctx.AddResource(Naming.RestApi, Resource("AWS::Serverless::Api", Props(
                ("Name", name),
                ("StageName", ctx.Staged(string.Empty, string.Empty)),
                ("Description", ctx.Json(provider.ApiGateway?.Description)),
                ("EndpointConfiguration", Props(("Type", ctx.Json(provider.EndpointType) is JsonValue v && v.TryGetValue<string>(out var t)
                    ? t.ToUpperInvariant() : ctx.Json(provider.EndpointType)))),
                ("BinaryMediaTypes", List(provider.ApiGateway?.BinaryMediaTypes.Select(m => ctx.Json(m.Node)) ?? [])),
                ("MinimumCompressionSize", ctx.Json(provider.ApiGateway?.MinimumCompressionSize)),
                ("TracingEnabled", provider.Tracing?.ApiGateway?.Value == true ? true : null),
                ("Cors", rest.CorsOrigin is null ? null : Props(
                    ("AllowOrigin", Quoted(rest.CorsOrigin)),
                    ("AllowHeaders", Quoted(string.Join(",", rest.CorsHeaders))),
                    ("AllowCredentials", rest.CorsCredentials ? true : null),
                    ("MaxAge", rest.CorsMaxAge is JsonValue age ? Quoted(age.ToJsonString()) : null))),
                ("Auth", NonEmpty(auth)))));
            SamStageLogs.Rest(ctx, (JsonObject)ctx.Resources[Naming.RestApi]!["Properties"]!);
        }

        if (ctx.Http.Used)
        {
            var settings = provider.HttpApi;
            var authorizers = new JsonObject();
            foreach (var a in settings?.Authorizers ?? [])
            {
                authorizers[Naming.AlphaNumeric(a.Key)] = HttpAuthorizer(ctx, a);
            }

            if (ctx.Http.IamAuthorizer)
            {
                authorizers["AWS_IAM"] = new JsonObject();
            }

            ctx.AddResource(Naming.HttpApi, Resource("AWS::Serverless::HttpApi", Props(
                ("Name", ctx.Json(settings?.Name) ?? ctx.Staged(string.Empty, $"-{ctx.Service.Name.Value}")),
                ("CorsConfiguration", settings?.Cors is { Enabled: true } cors ? HttpCors(ctx, cors) : null),
                ("DisableExecuteApiEndpoint", ctx.Json(settings?.DisableDefaultEndpoint)),
                ("AccessLogSettings", SamStageLogs.Http(ctx)),
                ("DefaultRouteSettings", ctx.Json(settings?.Metrics) is { } metrics ? Props(("DetailedMetricsEnabled", metrics)) : null),
                ("Auth", authorizers.Count == 0 ? null : Props(
                    ("Authorizers", authorizers),
                    ("EnableIamAuthorizer", ctx.Http.IamAuthorizer ? true : null))))));
        }
    }

    private static string Quoted(string value) => "'" + value + "'";

    private static JsonObject HttpCors(SamContext ctx, HttpApiCors cors) => Props(
        ("AllowCredentials", ctx.Json(cors.AllowCredentials)),
        ("AllowHeaders", ctx.Json(cors.AllowedHeaders) ?? PlanJson.Strings(HttpApiLowering.DefaultCorsHeaders)),
        ("AllowMethods", ctx.Json(cors.AllowedMethods) ?? PlanJson.Strings(HttpApiLowering.DefaultCorsMethods(
            ctx.Service.Functions.SelectMany(f => f.Events.OfType<HttpApiEvent>()).Select(e => e.Method.LiteralOrDefault?.ToUpperInvariant() ?? "*")))),
        ("AllowOrigins", ctx.Json(cors.AllowedOrigins) ?? new JsonArray("*")),
        ("ExposeHeaders", ctx.Json(cors.ExposedResponseHeaders)),
        ("MaxAge", ctx.Json(cors.MaxAge)));

    private static JsonObject HttpAuthorizer(SamContext ctx, HttpApiAuthorizer a)
    {
        if (a.Type.Value == "request")
        {
            JsonNode? arn = ctx.Json(a.FunctionArn) ?? (a.FunctionName?.Value is { } fn && ctx.Service.FindFunction(fn) is { } local
                ? PlanJson.GetAtt(Naming.Lambda(local.Key), "Arn") : null);
            var headers = a.IdentitySource.Select(s => s.Value).OfType<string>()
                .Where(s => s.StartsWith("$request.header.", StringComparison.Ordinal))
                .Select(s => (JsonNode?)s["$request.header.".Length..]);
            return Props(
                ("FunctionArn", arn),
                ("AuthorizerPayloadFormatVersion", ctx.Json(a.PayloadVersion)),
                ("EnableSimpleResponses", ctx.Json(a.EnableSimpleResponses)),
                ("Identity", NonEmpty(Props(("Headers", List(headers)), ("ReauthorizeEvery", ctx.Json(a.ResultTtlInSeconds))))));
        }

        return Props(
            ("IdentitySource", ctx.Json(a.IdentitySourceValue)),
            ("JwtConfiguration", Props(("issuer", ctx.Json(a.IssuerUrl)), ("audience", ctx.Json(a.AudienceValue) is JsonArray list
                ? list : ctx.Json(a.AudienceValue) is { } one ? new JsonArray(one) : null))));
    }
}

/// <summary>What the REST routes say about their API: SAM configures CORS and authorizers per API.</summary>
internal sealed class RestApiState
{
    public bool Used { get; set; }

    public int Routes { get; set; }

    public int CorsRoutes { get; set; }

    public string? CorsOrigin { get; set; }

    public List<string> CorsHeaders { get; } = [];

    public bool CorsCredentials { get; set; }

    public JsonNode? CorsMaxAge { get; set; }

    public JsonObject Authorizers { get; } = [];
}

/// <summary>What the HTTP API routes say about their API.</summary>
internal sealed class HttpApiState
{
    public bool Used { get; set; }

    public bool IamAuthorizer { get; set; }
}
