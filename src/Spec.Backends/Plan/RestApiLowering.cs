using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>The <c>http</c> event: one REST API with resources, methods, CORS preflights, authorizers, the deployment
/// and the invoke permissions (<c>lib/plugins/aws/package/compile/events/api-gateway</c>).</summary>
internal static class RestApiLowering
{
    private static readonly string[] DefaultCorsHeaders =
    [
        "Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent",
        "X-Amzn-Trace-Id",
    ];

    /// <summary>Request parameter locations in the order <c>getRequestParameters</c> reads them.</summary>
    private static readonly (string Plural, string Singular)[] ParameterLocations =
        [("querystrings", "querystring"), ("paths", "path"), ("headers", "header")];

    private sealed class HttpEvent
    {
        public required PlanEvent Event { get; init; }
        public required string Path { get; init; }
        public required string Method { get; init; }
        public string Integration { get; init; } = "AWS_PROXY";
        public Cors? Cors { get; init; }
        public Authorizer? Authorizer { get; init; }
        public bool Private { get; init; }

        /// <summary><c>async: true</c>: API Gateway invokes the function with <c>X-Amz-Invocation-Type: Event</c>.</summary>
        public bool Async { get; init; }
        public Node? Value => Event.Value;
    }

    private sealed class Cors
    {
        public List<string>? Origins { get; set; }
        public string Origin { get; set; } = "*";
        public List<string> Headers { get; set; } = [.. DefaultCorsHeaders];
        public List<string> Methods { get; set; } = [];
        public bool AllowCredentials { get; set; }
        public JsonNode? MaxAge { get; set; }
        public string? CacheControl { get; set; }
    }

    private sealed class Authorizer
    {
        public required string Name { get; init; }
        public JsonNode? Arn { get; init; }
        public string Type { get; init; } = "TOKEN";
        public JsonNode? Ttl { get; init; }
        public string IdentitySource { get; init; } = "method.request.header.Authorization";
        public string? IdentityValidationExpression { get; init; }
        public JsonNode? Scopes { get; init; }
        public JsonNode? ExistingId { get; init; }
        public bool Managed { get; init; } = true;
        public string? LocalFunction { get; init; }
    }

    public static void Compile(PlanContext ctx, List<PlanEvent> events)
    {
        var apiGateway = ctx.Provider["apiGateway"] as MappingNode;
        var httpEvents = new List<HttpEvent>();
        foreach (var e in events)
        {
            if (Parse(ctx, e) is { } parsed)
            {
                httpEvents.Add(parsed);
            }
        }

        if (httpEvents.Count == 0)
        {
            return;
        }

        JsonNode RestApiRef() => apiGateway?["restApiId"] is { } id && !IsNullOrMissing(id) ? ctx.Json(id)! : Ref(Naming.RestApi);
        if (apiGateway?["restApiId"] is null || IsNullOrMissing(apiGateway["restApiId"]))
        {
            RestApi(ctx, apiGateway);
        }

        // Resources: every path prefix, root to leaf, in the order the events first name them.
        var paths = new List<string>();
        foreach (var h in httpEvents)
        {
            var segments = h.Path.Length == 0 ? [] : h.Path.Split('/');
            for (var i = 1; i <= segments.Length; i++)
            {
                var prefix = string.Join('/', segments[..i]);
                if (!paths.Contains(prefix))
                {
                    paths.Add(prefix);
                }
            }
        }

        var predefined = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var entry in Entries(apiGateway?["restApiResources"]))
        {
            predefined[entry.Key.Text.Trim('/')] = ctx.Json(entry.Value);
        }

        JsonNode RootId() => apiGateway?["restApiRootResourceId"] is { } root && !IsNullOrMissing(root)
            ? ctx.Json(root)!
            : GetAtt(Naming.RestApi, "RootResourceId");

        JsonNode ResourceRef(string path) =>
            path.Length == 0 ? RootId() : predefined.TryGetValue(path, out var id) ? id!.DeepClone() : Ref(Naming.ResourceId(path));

        foreach (var path in paths)
        {
            if (predefined.ContainsKey(path))
            {
                continue;
            }

            var cut = path.LastIndexOf('/');
            var parent = cut < 0 ? string.Empty : path[..cut];
            ctx.Add(Naming.ResourceId(path), Object(("Type", "AWS::ApiGateway::Resource"), ("Properties", Object(
                    ("ParentId", ResourceRef(parent)), ("PathPart", cut < 0 ? path : path[(cut + 1)..]), ("RestApiId", RestApiRef())))),
                PlanResourceKind.Route, httpEvents.First(h => h.Path == path || h.Path.StartsWith(path + "/", StringComparison.Ordinal)).Event.Node.Span);
        }

        var methodIds = new List<string>();
        var preflights = new List<(string Path, Cors Cors, HttpEvent First)>();
        foreach (var h in httpEvents.Where(h => h.Cors is not null))
        {
            var index = preflights.FindIndex(p => p.Path == h.Path);
            if (index < 0)
            {
                preflights.Add((h.Path, h.Cors!, h));
                continue;
            }

            var previous = preflights[index].Cors;
            var merged = h.Cors!;
            merged.Headers = Union(merged.Headers, previous.Headers);
            merged.Methods = Union(merged.Methods, previous.Methods);
            merged.Origins = merged.Origins is null && previous.Origins is null ? null : Union(merged.Origins ?? [], previous.Origins ?? []);
            merged.AllowCredentials |= previous.AllowCredentials;
            merged.MaxAge ??= previous.MaxAge;
            merged.CacheControl ??= previous.CacheControl;
            preflights[index] = (h.Path, merged, preflights[index].First);
        }

        foreach (var (path, cors, first) in preflights)
        {
            var id = Naming.MethodId(Naming.Path(path), "options");
            methodIds.Add(id);
            ctx.Add(id, Preflight(cors, ResourceRef(path), RestApiRef()), PlanResourceKind.Route, first.Event.Node.Span);
        }

        var authorizers = new List<Authorizer>();
        var validatorId = "ApiGateway" + Naming.AlphaNumeric(ctx.Service) + "RequestValidator";
        var needsValidator = false;
        foreach (var h in httpEvents)
        {
            var fn = h.Event.Function;
            var id = Naming.MethodId(Naming.Path(h.Path), h.Method);
            methodIds.Add(id);
            var props = Object(("HttpMethod", h.Method.ToUpperInvariant()), ("RequestParameters", RequestParameters(ctx, h.Value)),
                ("ResourceId", ResourceRef(h.Path)), ("RestApiId", RestApiRef()), ("ApiKeyRequired", h.Private));
            var dependsOn = new JsonArray();
            if (h.Authorizer is { } auth)
            {
                if (auth.Type == "AWS_IAM")
                {
                    props["AuthorizationType"] = "AWS_IAM";
                }
                else
                {
                    props["AuthorizationType"] = auth.Type == "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM";
                    if (auth.ExistingId is not null)
                    {
                        props["AuthorizerId"] = auth.ExistingId.DeepClone();
                    }
                    else
                    {
                        props["AuthorizerId"] = Ref(Naming.RestAuthorizer(auth.Name));
                        dependsOn.AddNode(Naming.RestAuthorizer(auth.Name));
                        if (!authorizers.Exists(a => a.Name == auth.Name))
                        {
                            authorizers.Add(auth);
                        }
                    }

                    if (auth.Scopes is not null)
                    {
                        props["AuthorizationScopes"] = auth.Scopes.DeepClone();
                    }
                }
            }
            else
            {
                props["AuthorizationType"] = "NONE";
            }

            props["Integration"] = Integration(ctx, h);
            props["MethodResponses"] = MethodResponses(h);
            if (Path(h.Value, "request", "parameters") is MappingNode { Entries.Count: > 0 })
            {
                props["RequestValidatorId"] = Ref(validatorId);
                needsValidator = true;
            }
            if (dependsOn.Count == 0 && h.Integration is "AWS_PROXY" or "AWS")
            {
                dependsOn.AddNode(Naming.ApiGatewayPermission(fn.Key));
            }

            var body = Object(("Type", "AWS::ApiGateway::Method"), ("Properties", props));
            if (dependsOn.Count > 0)
            {
                body["DependsOn"] = dependsOn;
            }

            ctx.Add(id, body, PlanResourceKind.Route, h.Event.Node.Span, fn.Key);
        }

        if (needsValidator)
        {
            ctx.Add(validatorId, Object(("Type", "AWS::ApiGateway::RequestValidator"), ("Properties", Object(
                    ("RestApiId", RestApiRef()), ("ValidateRequestBody", true), ("ValidateRequestParameters", true),
                    ("Name", $"{ctx.Service}-{ctx.Stage} | Validate request body and querystring parameters")))),
                PlanResourceKind.Other, httpEvents[0].Event.Node.Span);
        }

        foreach (var auth in authorizers)
        {
            var props = new JsonObject();
            if (auth.Ttl is not null)
            {
                props["AuthorizerResultTtlInSeconds"] = auth.Ttl.DeepClone();
            }

            props["IdentitySource"] = auth.IdentitySource;
            props["Name"] = auth.Name;
            props["RestApiId"] = RestApiRef();
            if (auth.Type == "COGNITO_USER_POOLS")
            {
                props["ProviderARNs"] = Array(auth.Arn?.DeepClone());
            }
            else
            {
                props["AuthorizerUri"] = Join(string.Empty, "arn:", Partition(), ":apigateway:", Region(),
                    ":lambda:path/2015-03-31/functions/", auth.Arn?.DeepClone(), "/invocations");
            }

            props["Type"] = auth.Type;
            if (auth.IdentityValidationExpression is { } expression)
            {
                props["IdentityValidationExpression"] = expression;
            }

            ctx.Add(Naming.RestAuthorizer(auth.Name), Object(("Type", "AWS::ApiGateway::Authorizer"), ("Properties", props)),
                PlanResourceKind.Authorizer, null);
        }

        var stage = Text(apiGateway?["stage"]) ?? ctx.Stage;
        var deploymentHash = PlanBuilder.Sha256Base64(string.Join("\n", methodIds.Select(m => m + "=" + ctx.Plan[m]?.Body.ToJsonString())));
        var deploymentId = "ApiGatewayDeployment" + Convert.ToHexStringLower(Convert.FromBase64String(deploymentHash))[..13];
        ctx.Add(deploymentId, Object(("Type", "AWS::ApiGateway::Deployment"),
                ("Properties", Object(("RestApiId", RestApiRef()), ("StageName", stage))), ("DependsOn", Strings(methodIds))),
            PlanResourceKind.Api, httpEvents[0].Event.Node.Span);

        ApiKeyLowering.Compile(ctx, apiGateway, deploymentId, RestApiRef);
        var sourceArn = Join(string.Empty, "arn:", Partition(), ":execute-api:", Region(), ":", AccountId(), ":", RestApiRef(), "/*/*");
        foreach (var h in httpEvents)
        {
            var fn = h.Event.Function;
            if (h.Integration is "AWS_PROXY" or "AWS" && !ctx.Plan.Contains(Naming.ApiGatewayPermission(fn.Key)))
            {
                ctx.Add(Naming.ApiGatewayPermission(fn.Key), EventLowering.Permission(fn, "apigateway.amazonaws.com", sourceArn.DeepClone()),
                    PlanResourceKind.Permission, h.Event.Node.Span, fn.Key);
            }

            if (h.Authorizer is { Type: "TOKEN" or "REQUEST", Arn: not null, ExistingId: null, Managed: true } auth &&
                !ctx.Plan.Contains(Naming.ApiGatewayPermission(auth.Name)))
            {
                var props = Object(("FunctionName", auth.Arn.DeepClone()), ("Action", "lambda:InvokeFunction"),
                    ("Principal", "apigateway.amazonaws.com"), ("SourceArn", sourceArn.DeepClone()));
                ctx.Add(Naming.ApiGatewayPermission(auth.Name), Object(("Type", "AWS::Lambda::Permission"), ("Properties", props)),
                    PlanResourceKind.Permission, h.Event.Node.Span);
            }
        }

        ctx.Plan.Outputs["ServiceEndpoint"] = Object(("Description", "URL of the service endpoint"),
            ("Value", Join(string.Empty, "https://", RestApiRef(), ".execute-api.", Region(), ".", Ref("AWS::URLSuffix"), "/" + stage)));
    }

    private static List<string> Union(List<string> first, List<string> second) => [.. first.Concat(second).Distinct()];

    private static void RestApi(PlanContext ctx, MappingNode? apiGateway)
    {
        var name = Text(ctx.Provider["apiName"]) ?? (Bool(apiGateway?["shouldStartNameWithService"]) == true
            ? $"{ctx.Service}-{ctx.Stage}"
            : $"{ctx.Stage}-{ctx.Service}");
        var props = Object(("Name", name));
        if (apiGateway?["binaryMediaTypes"] is { } binary && !IsNullOrMissing(binary))
        {
            props["BinaryMediaTypes"] = ctx.Json(binary);
        }

        if (Bool(apiGateway?["disableDefaultEndpoint"]) == true)
        {
            props["DisableExecuteApiEndpoint"] = true;
        }

        var endpointType = (Text(ctx.Provider["endpointType"]) ?? "EDGE").ToUpperInvariant();
        var endpoint = Object(("Types", Strings([endpointType])));
        if (endpointType == "PRIVATE" && ctx.Provider["vpcEndpointIds"] is { } vpce)
        {
            endpoint["VpcEndpointIds"] = ctx.Json(vpce);
        }

        props["EndpointConfiguration"] = endpoint;
        if (apiGateway?["resourcePolicy"] is SequenceNode policy)
        {
            props["Policy"] = Object(("Version", "2012-10-17"), ("Statement", ctx.Json(policy)));
        }
        else
        {
            props["Policy"] = string.Empty;
        }

        if (apiGateway?["minimumCompressionSize"] is { } compression && !IsNullOrMissing(compression))
        {
            props["MinimumCompressionSize"] = ctx.Json(compression);
        }

        if (Text(apiGateway?["description"]) is { } description)
        {
            props["Description"] = description;
        }

        if (Text(apiGateway?["apiKeySourceType"]) is { } keySource)
        {
            props["ApiKeySourceType"] = keySource.ToUpperInvariant();
        }

        ctx.Add(Naming.RestApi, Object(("Type", "AWS::ApiGateway::RestApi"), ("Properties", props)), PlanResourceKind.Api,
            apiGateway?.Span);
    }

    private static HttpEvent? Parse(PlanContext ctx, PlanEvent e)
    {
        string? path;
        string? method;
        if (e.Value is ScalarNode s)
        {
            var parts = s.Text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            method = parts.Length > 0 ? parts[0] : null;
            path = parts.Length > 1 ? parts[1] : null;
        }
        else
        {
            path = Text(Get(e.Value, "path"));
            method = Text(Get(e.Value, "method"));
        }

        if (path is null || method is null)
        {
            ctx.Unsupported($"the http event of function '{e.Function.Key}' needs a path and a method", e.Node.Span);
            return null;
        }

        method = method.ToLowerInvariant();
        if (method == "*")
        {
            method = "any";
        }

        path = path.Trim();
        if (path.StartsWith('/'))
        {
            path = path[1..];
        }

        if (path.EndsWith('/'))
        {
            path = path[..^1];
        }

        var isAsync = Bool(Get(e.Value, "async")) == true;
        var integration = (Text(Get(e.Value, "integration")) ?? (isAsync ? "lambda" : "lambda-proxy")).ToLowerInvariant() switch
        {
            "lambda" => "AWS",
            "http" => "HTTP",
            "http-proxy" or "http_proxy" => "HTTP_PROXY",
            "mock" => "MOCK",
            _ => "AWS_PROXY",
        };
        return new HttpEvent
        {
            Event = e,
            Path = path,
            Method = method,
            Integration = integration,
            Cors = ParseCors(ctx, Get(e.Value, "cors"), method),
            Authorizer = ParseAuthorizer(ctx, e, Get(e.Value, "authorizer")),
            Private = Bool(Get(e.Value, "private")) == true,
            Async = isAsync,
        };
    }

    private static Cors? ParseCors(PlanContext ctx, Node? node, string method)
    {
        if (IsNullOrMissing(node) || Bool(node) == false)
        {
            return null;
        }

        var cors = new Cors();
        if (node is MappingNode m)
        {
            cors.Methods = [.. Items(m["methods"]).Select(Text).OfType<string>()];
            if (m["headers"] is SequenceNode headers)
            {
                cors.Headers = [.. headers.Items.Select(Text).OfType<string>()];
            }

            if (m["origins"] is SequenceNode origins)
            {
                cors.Origins = [.. origins.Items.Select(Text).OfType<string>()];
            }

            cors.Origin = Text(m["origin"]) ?? "*";
            cors.AllowCredentials = Bool(m["allowCredentials"]) == true;
            cors.MaxAge = IsNullOrMissing(m["maxAge"]) ? null : ctx.Json(m["maxAge"]);
            cors.CacheControl = Text(m["cacheControl"]);
        }

        if (!cors.Methods.Contains("OPTIONS"))
        {
            cors.Methods.Add("OPTIONS");
        }

        var upper = method.ToUpperInvariant();
        if (!cors.Methods.Contains(upper))
        {
            cors.Methods.Add(upper);
        }

        return cors;
    }

    private static Authorizer? ParseAuthorizer(PlanContext ctx, PlanEvent e, Node? node)
    {
        if (IsNullOrMissing(node))
        {
            return null;
        }

        var name = node is ScalarNode s ? s.Text : Text(Get(node, "name"));
        var arnNode = Get(node, "arn");
        if (node is ScalarNode scalar && scalar.Text.StartsWith("arn:", StringComparison.Ordinal))
        {
            arnNode = scalar;
            name = scalar.Text.Split(':')[^1];
        }

        var type = Text(Get(node, "type"))?.ToUpperInvariant();
        if (type == "AWS_IAM" || name == "aws_iam")
        {
            return new Authorizer { Name = "aws_iam", Type = "AWS_IAM" };
        }

        if (Get(node, "authorizerId") is { } existingId && !IsNullOrMissing(existingId))
        {
            return new Authorizer { Name = name ?? "authorizer", ExistingId = ctx.Json(existingId), Type = type ?? "CUSTOM",
                Scopes = Get(node, "scopes") is { } sc ? ctx.Json(sc) : null };
        }

        JsonNode? arn;
        string? local = null;
        if (arnNode is not null && !IsNullOrMissing(arnNode))
        {
            arn = ctx.Json(arnNode);
            if (name is null && Text(arnNode) is { } arnText)
            {
                name = arnText.Split(':')[^1];
            }
        }
        else if (name is not null && ctx.FunctionByKey(name) is { } fn)
        {
            arn = GetAtt(fn.LogicalId, "Arn");
            local = fn.Key;
        }
        else
        {
            ctx.Unsupported($"the authorizer '{name}' of function '{e.Function.Key}' is neither a function of this service nor an ARN",
                node!.Span, "name a function defined under 'functions:' or give 'arn'");
            return null;
        }

        var cognito = PlanJson.AsString(arn) is { } arnString && arnString.Contains("cognito-idp", StringComparison.Ordinal);
        var resolvedType = type switch
        {
            "REQUEST" => "REQUEST",
            "COGNITO_USER_POOLS" => "COGNITO_USER_POOLS",
            "TOKEN" => "TOKEN",
            _ => cognito ? "COGNITO_USER_POOLS" : "TOKEN",
        };
        JsonNode? ttl = null;
        if (node is MappingNode map)
        {
            ttl = IsNullOrMissing(map["resultTtlInSeconds"]) ? 300 : ctx.Json(map["resultTtlInSeconds"]);
        }

        return new Authorizer
        {
            Name = name!,
            Arn = arn,
            Type = resolvedType,
            Ttl = ttl,
            IdentitySource = Text(Get(node, "identitySource")) ?? "method.request.header.Authorization",
            IdentityValidationExpression = Text(Get(node, "identityValidationExpression")),
            Scopes = Get(node, "scopes") is { } scopes && !IsNullOrMissing(scopes) ? ctx.Json(scopes) : null,
            Managed = Bool(Get(node, "managedExternally")) != true,
            LocalFunction = local,
        };
    }

    private static JsonObject RequestParameters(PlanContext ctx, Node? value)
    {
        var result = new JsonObject();
        var parameters = Path(value, "request", "parameters");
        foreach (var (kind, prefix) in ParameterLocations)
        {
            foreach (var entry in Entries(Get(parameters, kind)))
            {
                var required = entry.Value is MappingNode m ? Bool(m["required"]) ?? false : Bool(entry.Value) ?? false;
                result[$"method.request.{prefix}.{entry.Key.Text}"] = required;
            }
        }

        return result;
    }

    private static string OriginValue(Cors? cors) =>
        cors is null ? "*" : cors.Origins is { Count: > 0 } origins ? string.Join(",", origins) : cors.Origin;

    private static JsonObject Integration(PlanContext ctx, HttpEvent h)
    {
        var integration = IntegrationByType(ctx, h);
        var hasParameters = ParameterLocations.Any(l => Entries(Path(h.Value, "request", "parameters", l.Plural)).Any());
        if (h.Async || hasParameters && h.Integration is "AWS" or "HTTP" or "HTTP_PROXY")
        {
            integration["RequestParameters"] = IntegrationRequestParameters(h);
        }

        return integration;
    }

    /// <summary>
    /// <c>integration.&lt;location&gt;</c> for every method request parameter (its <c>mappedValue</c> or the method parameter
    /// itself), then the asynchronous invocation header (<c>getIntegrationRequestParameters</c>).
    /// </summary>
    private static JsonObject IntegrationRequestParameters(HttpEvent h)
    {
        var result = new JsonObject();
        var parameters = Path(h.Value, "request", "parameters");
        foreach (var (kind, prefix) in ParameterLocations)
        {
            foreach (var entry in Entries(Get(parameters, kind)))
            {
                var methodParameter = $"method.request.{prefix}.{entry.Key.Text}";
                var mapped = Text(Get(entry.Value, "mappedValue"));
                result[$"integration.request.{prefix}.{entry.Key.Text}"] = string.IsNullOrEmpty(mapped) ? methodParameter : mapped;
            }
        }

        if (h.Async)
        {
            result["integration.request.header.X-Amz-Invocation-Type"] = "'Event'";
        }

        return result;
    }

    private static JsonObject IntegrationByType(PlanContext ctx, HttpEvent h)
    {
        var fn = h.Event.Function;
        var uri = Join(string.Empty, "arn:", Partition(), ":apigateway:", Region(), ":lambda:path/2015-03-31/functions/",
            fn.Target(), "/invocations");
        switch (h.Integration)
        {
            case "AWS":
                var responses = new JsonArray();
                foreach (var (status, pattern) in LambdaIntegrationTemplates.Responses)
                {
                    var parameters = new JsonObject();
                    if (h.Cors is not null)
                    {
                        parameters["method.response.header.Access-Control-Allow-Origin"] = $"'{OriginValue(h.Cors)}'";
                    }

                    responses.AddNode(Object(("StatusCode", status), ("SelectionPattern", pattern), ("ResponseParameters", parameters),
                        ("ResponseTemplates", new JsonObject())));
                }

                return Object(("IntegrationHttpMethod", "POST"), ("Type", "AWS"), ("Uri", uri),
                    ("PassthroughBehavior", Text(Path(h.Value, "request", "passThrough")) ?? "NEVER"),
                    ("RequestTemplates", Object(("application/json", LambdaIntegrationTemplates.Json),
                        ("application/x-www-form-urlencoded", LambdaIntegrationTemplates.FormUrlEncoded))),
                    ("IntegrationResponses", responses));
            case "HTTP" or "HTTP_PROXY":
                var integration = Object(("IntegrationHttpMethod", ctx.Json(Path(h.Value, "request", "method")) ?? h.Method.ToUpperInvariant()),
                    ("Type", h.Integration), ("Uri", ctx.Json(Path(h.Value, "request", "uri"))));
                return integration;
            case "MOCK":
                return Object(("Type", "MOCK"), ("RequestTemplates", Object(("application/json", "{statusCode:200}"))));
            default:
                return Object(("IntegrationHttpMethod", "POST"), ("Type", "AWS_PROXY"), ("Uri", uri));
        }
    }

    private static JsonArray MethodResponses(HttpEvent h)
    {
        if (h.Integration != "AWS")
        {
            return [];
        }

        var result = new JsonArray();
        foreach (var (status, _) in LambdaIntegrationTemplates.Responses)
        {
            var parameters = new JsonObject();
            if (h.Cors is not null)
            {
                parameters["method.response.header.Access-Control-Allow-Origin"] = true;
            }

            result.AddNode(Object(("ResponseParameters", parameters), ("ResponseModels", new JsonObject()), ("StatusCode", status)));
        }

        return result;
    }

    private static JsonObject Preflight(Cors cors, JsonNode resourceId, JsonNode restApiId)
    {
        var headers = new List<(string, string)>
        {
            ("Access-Control-Allow-Origin", $"'{OriginValue(cors)}'"),
            ("Access-Control-Allow-Headers", $"'{string.Join(",", cors.Headers)}'"),
            ("Access-Control-Allow-Methods", $"'{string.Join(",", cors.Methods)}'"),
        };
        if (cors.AllowCredentials)
        {
            headers.Add(("Access-Control-Allow-Credentials", "'true'"));
        }

        if (cors.MaxAge is not null)
        {
            headers.Add(("Access-Control-Max-Age", $"'{cors.MaxAge.ToJsonString()}'"));
        }

        if (cors.CacheControl is not null)
        {
            headers.Add(("Cache-Control", $"'{cors.CacheControl}'"));
        }

        var responseParameters = new JsonObject();
        var integrationParameters = new JsonObject();
        foreach (var (name, value) in headers)
        {
            responseParameters["method.response.header." + name] = true;
            integrationParameters["method.response.header." + name] = value;
        }

        var template = cors.Origins is { Count: > 0 } origins
            ? "#set($origin = $input.params(\"Origin\"))\n#if($origin == \"\") #set($origin = $input.params(\"origin\")) #end\n#if(" +
              string.Join(" || ", origins.Select(o => $"$origin.matches(\"{RegexifyWildcard(o)}\")")) +
              ") #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin) #end"
            : string.Empty;
        return Object(("Type", "AWS::ApiGateway::Method"), ("Properties", Object(
            ("AuthorizationType", "NONE"), ("HttpMethod", "OPTIONS"),
            ("MethodResponses", Array(Object(("StatusCode", "200"), ("ResponseParameters", responseParameters), ("ResponseModels", new JsonObject())))),
            ("RequestParameters", new JsonObject()),
            ("Integration", Object(("Type", "MOCK"), ("RequestTemplates", Object(("application/json", "{statusCode:200}"))),
                ("ContentHandling", "CONVERT_TO_TEXT"),
                ("IntegrationResponses", Array(Object(("StatusCode", "200"), ("ResponseParameters", integrationParameters),
                    ("ResponseTemplates", Object(("application/json", template)))))))),
            ("ResourceId", resourceId.DeepClone()), ("RestApiId", restApiId.DeepClone()))));
    }

    private static string RegexifyWildcard(string origin)
    {
        var dotted = origin.Replace(".", "[.]", StringComparison.Ordinal);
        var star = dotted.IndexOf('*', StringComparison.Ordinal);
        return star < 0 ? dotted : string.Concat(dotted.AsSpan(0, star), ".+", dotted.AsSpan(star + 1));
    }
}
