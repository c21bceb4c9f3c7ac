using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// The settings of the APIs a SAM template's routes use (an <c>AWS::Serverless::Api</c> or <c>AWS::Serverless::HttpApi</c>,
/// or SAM's implicit APIs, with <c>Globals.Api</c> / <c>Globals.HttpApi</c> under them) the way serverless.yml says them:
/// a REST API's authorizers, CORS and API-key requirement on each of its <c>http</c> events, its stage, tracing, endpoint
/// and media types under <c>provider</c>; an HTTP API's authorizers, CORS and name under <c>provider.httpApi</c>. The
/// Framework has one API of each kind, so every API's routes move to it; a setting serverless.yml cannot say is a
/// <c>SPEC-CONVERT-006</c> note naming it, never dropped without one.
/// </summary>
internal static class SamApiReader
{
    /// <summary>The REST API properties read here (the rest are noted as left out).</summary>
    private static readonly HashSet<string> RestRead = new(StringComparer.Ordinal)
    {
        "Name", "StageName", "Description", "TracingEnabled", "EndpointConfiguration", "BinaryMediaTypes",
        "MinimumCompressionSize", "DisableExecuteApiEndpoint", "Cors", "Auth", "MethodSettings", "AccessLogSetting",
        // SAM's choice of OpenAPI version and stage-alias only shapes SAM's own output.
        "OpenApiVersion",
    };

    private static readonly HashSet<string> RestAuthRead = new(StringComparer.Ordinal)
    {
        "Authorizers", "DefaultAuthorizer", "ApiKeyRequired", "AddDefaultAuthorizerToCorsPreflight", "AddApiKeyRequiredToCorsPreflight",
    };

    private static readonly HashSet<string> HttpRead = new(StringComparer.Ordinal)
    {
        "Name", "CorsConfiguration", "Auth", "DisableExecuteApiEndpoint", "AccessLogSettings",
    };

    private const string HeaderSource = "method.request.header.";

    /// <summary>The REST API kind: <c>RestApiId</c>, SAM's implicit <c>ServerlessRestApi</c>, the Framework's <c>ApiGatewayRestApi</c>.</summary>
    private static readonly ApiKind Rest = new("RestApiId", "ServerlessRestApi", "ApiGatewayRestApi", "Api", "REST API",
        "its authorizers, CORS and stage settings are read as serverless.yml says them");

    /// <summary>The HTTP API kind: <c>ApiId</c>, SAM's implicit <c>ServerlessHttpApi</c>, the Framework's <c>HttpApi</c>.</summary>
    private static readonly ApiKind Http = new("ApiId", "ServerlessHttpApi", "HttpApi", "HttpApi", "HTTP API",
        "its authorizers, CORS and name are read into provider.httpApi");

    /// <summary>The API a route names (null: SAM's implicit one), renamed to the Framework's, with the authorizer the
    /// route uses (its own, else the API's default) and where that is written.</summary>
    private static Route RouteOf(SamReadContext ctx, MappingNode p, ApiKind kind)
    {
        var apiId = SamNodes.ReferencedId(p[kind.IdProperty]);
        var apis = ctx.ApisOf(kind.GlobalsKey);
        if (apiId is null || apiId == kind.ImplicitId)
        {
            apiId = null;
            ctx.ImplicitApis.Add(kind.GlobalsKey);
            ctx.Renames.TryAdd(kind.ImplicitId, kind.FrameworkId);
        }
        else
        {
            if (apiId != kind.FrameworkId && ctx.Renames.TryAdd(apiId, kind.FrameworkId))
            {
                ctx.Approximated(p.Entry(kind.IdProperty)!.Key,
                    $"the route moves to the Framework's {kind.Name}: '{apiId}' becomes {kind.FrameworkId} ({kind.Note})");
            }

            if (ctx.Consumed.Add(apiId))
            {
                apis.Add(apiId);
            }
        }

        var api = new ApiProperties(ctx, apiId, kind.GlobalsKey);
        var apiAuth = api["Auth"] as MappingNode;
        var routeAuth = p["Auth"] as MappingNode;
        var authorizer = routeAuth?.Entry("Authorizer") ?? apiAuth?.Entry("DefaultAuthorizer");
        var name = SamNodes.Literal(authorizer?.Value);
        return new Route(api, apiAuth, routeAuth, name is null or "NONE" ? null : name, authorizer?.Key);
    }

    /// <summary>Adds the route's authorizer, CORS and API-key requirement as its API declares them to an <c>http</c> event.</summary>
    public static void RestRoute(SamReadContext ctx, SamMapping m, MappingNode p)
    {
        var (api, apiAuth, routeAuth, name, at) = RouteOf(ctx, p, Rest);
        if (routeAuth?["ApiKeyRequired"] is ScalarNode { AsBool: true } routeKey)
        {
            m.Add("private", routeAuth.Entry("ApiKeyRequired")!.Key.Span, routeKey);
        }
        else if (apiAuth?["ApiKeyRequired"] is ScalarNode { AsBool: true } apiKey && routeAuth?["ApiKeyRequired"] is not ScalarNode { AsBool: false })
        {
            m.Add("private", apiAuth.Entry("ApiKeyRequired")!.Key.Span, apiKey);
        }

        if (name == "AWS_IAM")
        {
            m.Add("authorizer", at!.Span, SamNodes.Text("aws_iam", at.Span));
        }
        else if (name is not null && at is not null)
        {
            if ((apiAuth?["Authorizers"] as MappingNode)?.Entry(name) is { Value: MappingNode definition } entry)
            {
                m.Add("authorizer", at.Span, RestAuthorizer(ctx, name, entry.Key, definition, routeAuth));
            }
            else
            {
                ctx.LeftOut(at, $"the authorizer '{name}' is not among the API's Auth.Authorizers: the route is read without it");
            }
        }

        if (api.Entry("Cors") is { } cors && RestCors(ctx, cors) is { } value)
        {
            m.Add("cors", cors.Key.Span, value);
        }
    }

    /// <summary>Adds the route's authorizer (its own, else the API's default) to an <c>httpApi</c> event.</summary>
    public static void HttpRoute(SamReadContext ctx, SamMapping m, MappingNode p)
    {
        var (_, apiAuth, routeAuth, name, at) = RouteOf(ctx, p, Http);
        if (name is null || at is null)
        {
            return;
        }

        if (name == "AWS_IAM")
        {
            m.Add("authorizer", at.Span, new SamMapping(at.Span).Add("type", at.Span, SamNodes.Text("aws_iam", at.Span)).Build());
        }
        else if ((apiAuth?["Authorizers"] as MappingNode)?[name] is MappingNode definition)
        {
            var scopes = routeAuth?.Entry("AuthorizationScopes") ?? definition.Entry("AuthorizationScopes");
            m.Add("authorizer", at.Span, new SamMapping(at.Span)
                .Add("name", at.Span, SamNodes.Text(name, at.Span))
                .Add("scopes", scopes?.Key.Span ?? at.Span, scopes?.Value).Build());
        }
        else
        {
            ctx.LeftOut(at, $"the authorizer '{name}' is not among the HTTP API's Auth.Authorizers: the route is read without it");
        }
    }

    /// <summary>The REST and HTTP APIs' own settings under <c>provider</c>, once every route has been read.</summary>
    public static void Provider(SamReadContext ctx, SamMapping provider)
    {
        if (ctx.RestApis.Count > 0 || ctx.ImplicitApis.Contains(Rest.GlobalsKey))
        {
            RestProvider(ctx, provider, new ApiProperties(ctx, ctx.RestApis.FirstOrDefault(), "Api"));
        }

        if (ctx.HttpApis.Count > 0 || ctx.ImplicitApis.Contains(Http.GlobalsKey))
        {
            HttpProvider(ctx, provider, new ApiProperties(ctx, ctx.HttpApis.FirstOrDefault(), "HttpApi"));
        }

        foreach (var extra in ctx.RestApis.Skip(1).Concat(ctx.HttpApis.Skip(1)))
        {
            ctx.Approximated(ctx.Resources.Entry(extra)!.Key, $"the Framework has one API of each kind: the routes of '{extra}' join it, " +
                "and its settings give way to the first API's");
        }
    }

    /// <summary>The stage name the REST API gives, when it is a literal (or a parameter's default).</summary>
    public static string? StageName(SamReadContext ctx)
    {
        if (ctx.RestApis.Count == 0)
        {
            return null;
        }

        var stage = new ApiProperties(ctx, ctx.RestApis[0], "Api")["StageName"];
        return SamNodes.Literal(stage) ??
            (SamNodes.ReferencedId(stage) is { } parameter && ctx.ParameterDefaults.TryGetValue(parameter, out var d) ? SamNodes.Literal(d) : null);
    }

    private static void RestProvider(SamReadContext ctx, SamMapping provider, ApiProperties api)
    {
        var apiGateway = new SamMapping(provider.Span);
        MappingEntry? methodSettings = null, accessLog = null;
        foreach (var entry in api.Entries)
        {
            var key = entry.Key;
            switch (key.Text)
            {
                case "MethodSettings":
                    methodSettings = entry;
                    break;
                case "AccessLogSetting":
                    accessLog = entry;
                    break;
                case "Name":
                    provider.Add("apiName", key.Span, entry.Value);
                    break;
                case "StageName" when StageName(ctx) is { } stage:
                    provider.Add("stage", key.Span, SamNodes.Text(stage, entry.Value.Span));
                    ctx.Comment(SamNodes.Key("stage", key.Span), "the REST API's StageName: the Framework names the API's stage after the service's");
                    break;
                case "StageName":
                    ctx.LeftOut(key, "the REST API's StageName is neither a literal nor a parameter with a default: the stage is --stage's");
                    break;
                case "Description":
                    apiGateway.Add("description", key.Span, entry.Value);
                    break;
                case "TracingEnabled":
                    var tracing = provider["tracing"] as MappingNode;
                    provider.Add("tracing", key.Span, new MappingNode(tracing?.Span ?? key.Span,
                        [.. tracing?.Entries ?? [], new MappingEntry(SamNodes.Key("apiGateway", key.Span), entry.Value)]));
                    break;
                case "EndpointConfiguration":
                    var endpoint = entry.Value as MappingNode;
                    provider.Add("endpointType", key.Span, endpoint is null ? entry.Value : endpoint["Type"]);
                    provider.Add("vpcEndpointIds", key.Span, endpoint?["VPCEndpointIds"]);
                    break;
                case "BinaryMediaTypes":
                    // SAM writes a '/' in a media type as '~1' (an OpenAPI path escape).
                    apiGateway.Add("binaryMediaTypes", key.Span, SamNodes.List(entry.Value.Span, SamNodes.Items(entry.Value).Select(t =>
                        SamNodes.Literal(t) is { } text ? SamNodes.Text(text.Replace("~1", "/", StringComparison.Ordinal), t.Span) : t)));
                    break;
                case "MinimumCompressionSize":
                    apiGateway.Add("minimumCompressionSize", key.Span, entry.Value);
                    break;
                case "DisableExecuteApiEndpoint":
                    apiGateway.Add("disableDefaultEndpoint", key.Span, entry.Value);
                    break;
                case "Auth":
                    foreach (var setting in (entry.Value as MappingNode)?.Entries.Where(e => !RestAuthRead.Contains(e.Key.Text)) ?? [])
                    {
                        if (setting.Key.Text == "UsagePlan")
                        {
                            SamUsagePlanReader.Read(ctx, apiGateway, setting);
                            continue;
                        }

                        ctx.LeftOut(setting.Key, $"the REST API's Auth.{setting.Key.Text} has no serverless.yml form: left out" +
                            (setting.Key.Text == "ResourcePolicy" ? " (provider.apiGateway.resourcePolicy takes IAM statements)" : string.Empty));
                    }

                    break;
                default:
                    if (!RestRead.Contains(key.Text))
                    {
                        ctx.LeftOut(key, $"the REST API's {key.Text} has no serverless.yml form: left out" + RestHint(key.Text));
                    }

                    break;
            }
        }

        if (methodSettings is not null || accessLog is not null)
        {
            SamStageLogsReader.Rest(ctx, provider, apiGateway, methodSettings, accessLog);
        }

        if (apiGateway.Count > 0)
        {
            provider.Add("apiGateway", api.Span, apiGateway.Build());
        }
    }

    private static string RestHint(string property) => property switch
    {
        "GatewayResponses" => " (write AWS::ApiGateway::GatewayResponse resources under resources:)",
        "Domain" => " (a custom domain is a plugin's or resources:' job)",
        "DefinitionBody" or "DefinitionUri" => " (the OpenAPI definition's own routes are not read; its functions' events are)",
        _ => string.Empty,
    };

    private static void HttpProvider(SamReadContext ctx, SamMapping provider, ApiProperties api)
    {
        var httpApi = new SamMapping(provider.Span);
        foreach (var entry in api.Entries)
        {
            var key = entry.Key;
            switch (key.Text)
            {
                case "Name":
                    httpApi.Add("name", key.Span, entry.Value);
                    break;
                case "DisableExecuteApiEndpoint":
                    httpApi.Add("disableDefaultEndpoint", key.Span, entry.Value);
                    break;
                case "CorsConfiguration":
                    httpApi.Add("cors", key.Span, HttpCors(entry.Value));
                    break;
                case "AccessLogSettings":
                    SamStageLogsReader.Http(ctx, provider, entry);
                    break;
                case "DefaultRouteSettings":
                    SamStageLogsReader.HttpRouteSettings(ctx, httpApi, entry);
                    break;
                case "Auth" when entry.Value is MappingNode auth:
                    var authorizers = new SamMapping(auth.Span);
                    foreach (var a in (auth["Authorizers"] as MappingNode)?.Entries ?? [])
                    {
                        if (a.Key.Text != "AWS_IAM" && a.Value is MappingNode definition && HttpAuthorizer(ctx, a.Key, definition) is { } value)
                        {
                            authorizers.Add(a.Key.Text, a.Key.Span, value);
                        }
                    }

                    if (authorizers.Count > 0)
                    {
                        httpApi.Add("authorizers", auth.Entry("Authorizers")!.Key.Span, authorizers.Build());
                    }

                    foreach (var setting in auth.Entries.Where(e => e.Key.Text is not "Authorizers" and not "DefaultAuthorizer" and not "EnableIamAuthorizer"))
                    {
                        ctx.LeftOut(setting.Key, $"the HTTP API's Auth.{setting.Key.Text} has no serverless.yml form: left out");
                    }

                    break;
                default:
                    if (!HttpRead.Contains(key.Text))
                    {
                        ctx.LeftOut(key, $"the HTTP API's {key.Text} has no serverless.yml form: left out" + (key.Text == "StageName"
                            ? " (the Framework's HTTP API deploys to its $default stage)"
                            : string.Empty));
                    }

                    break;
            }
        }

        if (httpApi.Count > 0)
        {
            provider.Add("httpApi", api.Span, httpApi.Build());
        }
    }

    private static Node RestAuthorizer(SamReadContext ctx, string name, ScalarNode key, MappingNode definition, MappingNode? routeAuth)
    {
        var a = new SamMapping(definition.Span);
        var identity = definition["Identity"] as MappingNode;
        var header = SamNodes.Literal(identity?["Header"]) ?? "Authorization";
        if (definition.Entry("UserPoolArn") is { } pool)
        {
            var pools = SamNodes.Items(pool.Value);
            if (pools.Count > 1)
            {
                ctx.Approximated(pool.Key, "a Framework Cognito authorizer takes one user pool: the first of UserPoolArn");
            }

            a.Add("name", key.Span, SamNodes.Text(name, key.Span))
                .Add("type", key.Span, SamNodes.Text("COGNITO_USER_POOLS", key.Span))
                .Add("arn", pool.Key.Span, pools.Count > 0 ? pools[0] : pool.Value)
                .Add("identitySource", identity?.Entry("Header")?.Key.Span ?? key.Span, SamNodes.Text(HeaderSource + header, key.Span));
        }
        else
        {
            var function = definition.Entry("FunctionArn");
            var id = SamNodes.ReferencedId(function?.Value);
            if (id is not null && ctx.FunctionKeys.TryGetValue(id, out var functionKey))
            {
                a.Add("name", function!.Key.Span, SamNodes.Text(functionKey, function.Value.Span));
            }
            else
            {
                a.Add("name", key.Span, SamNodes.Text(name, key.Span)).Add("arn", function?.Key.Span ?? key.Span, function?.Value);
            }

            var request = SamNodes.Literal(definition["FunctionPayloadType"]) == "REQUEST";
            a.Add("type", definition.Entry("FunctionPayloadType")?.Key.Span ?? key.Span, SamNodes.Text(request ? "request" : "token", key.Span));
            var sources = request ? RequestSources(identity) : HeaderSource + header;
            if (sources.Length > 0)
            {
                a.Add("identitySource", identity?.Span ?? key.Span, SamNodes.Text(sources, identity?.Span ?? key.Span));
            }

            a.Copy("identityValidationExpression", identity, "ValidationExpression");
            if (definition.Entry("FunctionInvokeRole") is { } role)
            {
                ctx.LeftOut(role.Key, "the Framework invokes an authorizer through a permission, not a role: FunctionInvokeRole is left out");
            }
        }

        a.Copy("resultTtlInSeconds", identity, "ReauthorizeEvery");
        var scopes = routeAuth?.Entry("AuthorizationScopes") ?? definition.Entry("AuthorizationScopes");
        a.Add("scopes", scopes?.Key.Span ?? key.Span, scopes?.Value);
        return a.Build();
    }

    /// <summary>A REQUEST authorizer's identity sources as the Framework's comma-separated <c>identitySource</c>.</summary>
    private static string RequestSources(MappingNode? identity)
    {
        var prefixes = new[]
        {
            ("Headers", HeaderSource), ("QueryStrings", "method.request.querystring."), ("StageVariables", "stageVariables."),
            ("Context", "context."),
        };
        return string.Join(", ", prefixes.SelectMany(p => SamNodes.Items(identity?[p.Item1]).Select(SamNodes.Literal).OfType<string>()
            .Select(v => p.Item2 + v)));
    }

    /// <summary>SAM's REST <c>Cors</c> (a quoted origin, or the object with quoted values) as an <c>http</c> event's
    /// <c>cors</c>; null when a value is not a literal.</summary>
    private static Node? RestCors(SamReadContext ctx, MappingEntry cors)
    {
        var at = cors.Value.Span;
        if (cors.Value is ScalarNode origin)
        {
            return new SamMapping(at).Add("origin", at, Unquoted(origin)).Build();
        }

        if (cors.Value is not MappingNode c || c.Entries.Any(e => e.Value is not ScalarNode))
        {
            ctx.LeftOut(cors.Key, "the API's Cors is not a literal: left out (write the http events' 'cors')");
            return null;
        }

        var m = new SamMapping(at)
            .Copy("origin", c, "AllowOrigin", v => Unquoted((ScalarNode)v))
            .Copy("headers", c, "AllowHeaders", v => Split((ScalarNode)v))
            .Copy("methods", c, "AllowMethods", v => Split((ScalarNode)v))
            .Copy("allowCredentials", c, "AllowCredentials")
            .Copy("maxAge", c, "MaxAge", v => Unquoted((ScalarNode)v) is var age && long.TryParse(age.Text,
                System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? SamNodes.Int(seconds, v.Span) : age);
        return m.Build();
    }

    private static ScalarNode Unquoted(ScalarNode value) =>
        SamNodes.Text(value.Text.Length >= 2 && value.Text[0] == '\'' && value.Text[^1] == '\'' ? value.Text[1..^1] : value.Text, value.Span);

    private static SequenceNode Split(ScalarNode value) => SamNodes.List(value.Span, Unquoted(value).Text
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => SamNodes.Text(v, value.Span)));

    private static Node HttpCors(Node cors) => cors is MappingNode c
        ? new SamMapping(c.Span)
            .Copy("allowedOrigins", c, "AllowOrigins")
            .Copy("allowedHeaders", c, "AllowHeaders")
            .Copy("allowedMethods", c, "AllowMethods")
            .Copy("allowCredentials", c, "AllowCredentials")
            .Copy("exposedResponseHeaders", c, "ExposeHeaders")
            .Copy("maxAge", c, "MaxAge").Build()
        : cors;

    private static Node? HttpAuthorizer(SamReadContext ctx, ScalarNode key, MappingNode definition)
    {
        var a = new SamMapping(definition.Span);
        if (definition["JwtConfiguration"] is MappingNode jwt)
        {
            return a.Add("type", key.Span, SamNodes.Text("jwt", key.Span))
                .Copy("identitySource", definition, "IdentitySource")
                .Copy("issuerUrl", jwt, "issuer")
                .Copy("audience", jwt, "audience").Build();
        }

        if (definition.Entry("FunctionArn") is not { } function)
        {
            ctx.LeftOut(key, $"the HTTP API authorizer '{key.Text}' is neither JWT nor Lambda: left out");
            return null;
        }

        var identity = definition["Identity"] as MappingNode;
        var sources = SamNodes.Items(identity?["Headers"]).Select(h => (h, "$request.header."))
            .Concat(SamNodes.Items(identity?["QueryStrings"]).Select(q => (q, "$request.querystring.")))
            .Where(s => SamNodes.Literal(s.Item1) is not null)
            .Select(s => (Node)SamNodes.Text(s.Item2 + SamNodes.Literal(s.Item1), s.Item1.Span)).ToList();
        a.Add("type", key.Span, SamNodes.Text("request", key.Span));
        if (SamNodes.ReferencedId(function.Value) is { } id && ctx.FunctionKeys.TryGetValue(id, out var functionKey))
        {
            a.Add("functionName", function.Key.Span, SamNodes.Text(functionKey, function.Value.Span));
        }
        else
        {
            a.Add("functionArn", function.Key.Span, function.Value);
        }

        if (sources.Count > 0)
        {
            a.Add("identitySource", identity!.Span, SamNodes.List(identity.Span, sources));
        }

        return a.Copy("payloadVersion", definition, "AuthorizerPayloadFormatVersion")
            .Copy("enableSimpleResponses", definition, "EnableSimpleResponses")
            .Copy("resultTtlInSeconds", identity, "ReauthorizeEvery").Build();
    }

    /// <summary>How SAM and the Framework name one kind of API.</summary>
    private sealed record ApiKind(string IdProperty, string ImplicitId, string FrameworkId, string GlobalsKey, string Name, string Note);

    private sealed record Route(ApiProperties Api, MappingNode? ApiAuth, MappingNode? RouteAuth, string? Authorizer, ScalarNode? At);

    /// <summary>An API's properties with <c>Globals.Api</c> / <c>Globals.HttpApi</c> under them (SAM applies the globals to
    /// every API of the kind, its implicit one included).</summary>
    private sealed class ApiProperties
    {
        private readonly MappingNode? _own;
        private readonly MappingNode? _globals;

        public ApiProperties(SamReadContext ctx, string? apiId, string globalsKey)
        {
            _own = SamReadContext.Properties(ctx.Resource(apiId));
            _globals = (ctx.Root["Globals"] as MappingNode)?[globalsKey] as MappingNode;
            Span = _own?.Span ?? _globals?.Span ?? ctx.Root.Span;
        }

        public SourceSpan Span { get; }

        public Node? this[string key] => Entry(key)?.Value;

        public MappingEntry? Entry(string key) => _own?.Entry(key) ?? _globals?.Entry(key);

        public IEnumerable<MappingEntry> Entries =>
            (_own?.Entries ?? []).Concat((_globals?.Entries ?? []).Where(g => _own?.Entry(g.Key.Text) is null));
    }
}
