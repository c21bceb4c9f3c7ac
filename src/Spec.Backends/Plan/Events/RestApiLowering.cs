using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>http</c> event: one REST API with resources, methods, CORS preflights, authorizers, the deployment
/// and the invoke permissions (<c>lib/plugins/aws/package/compile/events/api-gateway</c>).</summary>
internal sealed partial class RestApiLowering : EventLowering<HttpEvent>
{
    /// <summary>The headers <c>cors: true</c> allows on a REST route (also read by the SAM writer).</summary>
    internal static readonly string[] DefaultCorsHeaders =
    [
        "Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent",
        "X-Amzn-Trace-Id",
    ];

    private sealed class HttpRoute
    {
        public required PlanEvent<HttpEvent> Event { get; init; }
        public required string Path { get; init; }
        public required string Method { get; init; }
        public string Integration { get; init; } = "AWS_PROXY";
        public Cors? Cors { get; init; }
        public Authorizer? Authorizer { get; init; }
        public bool Private { get; init; }

        /// <summary><c>async: true</c>: API Gateway invokes the function with <c>X-Amz-Invocation-Type: Event</c>.</summary>
        public bool Async { get; init; }

        public HttpRequest? Request => Event.Event.RequestSettings;
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

        /// <summary>Where <see cref="Name"/> was read from (its name, the function, or the ARN it ends).</summary>
        public Node? NameSource { get; init; }

        public JsonNode? Arn { get; init; }
        public string Type { get; init; } = "TOKEN";
        public JsonNode? Ttl { get; init; }
        public string? IdentitySource { get; init; }
        public string? IdentityValidationExpression { get; init; }
        public JsonNode? Scopes { get; init; }
        public JsonNode? ExistingId { get; init; }
        public bool Managed { get; init; } = true;
        public string? LocalFunction { get; init; }

        /// <summary>The alias of the local authorizer function, when it has one: the authorizer waits for it and its
        /// permission names it (validate.js:getAuthorizer sets <c>logicalId</c>).</summary>
        public string? AliasLogicalId { get; init; }
    }

    public override EventKind Kind => EventKind.Http;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        ctx.Unsupported($"the http event of function '{fn.Key}' needs a path and a method", unbound.Item.Span);

    /// <summary>The Framework validates <c>provider.apiGateway</c> against an imported REST API even without events.</summary>
    public override bool RunsWithoutEvents => true;

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<HttpEvent>> events)
    {
        var apiGateway = ctx.Model.Provider.ApiGateway;
        if (!ValidateImportedRestApi(ctx, apiGateway))
        {
            return;
        }

        if (events.Count > 0 && !StageNameIsValid(ctx, events[0]))
        {
            return;
        }

        var httpEvents = new List<HttpRoute>();
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

        JsonNode RestApiRef() => apiGateway?.RestApiId is { } id ? ctx.Json(id)! : Ref(Naming.RestApi);
        if (apiGateway?.RestApiId is null)
        {
            RestApi(ctx, apiGateway);
        }

        // Resources: every path prefix, root to leaf, in the order the events first name them.
        var paths = new List<string>();
        // The path an id made from a prefix spells: a path from ${env:} or ${file()} that has the prefix, else the first.
        var prefixSources = new Dictionary<string, Node>(StringComparer.Ordinal);
        // The first event whose path has the prefix: the resource's origin.
        var prefixFirstRoutes = new Dictionary<string, HttpRoute>(StringComparer.Ordinal);
        foreach (var h in httpEvents)
        {
            var segments = h.Path.Length == 0 ? [] : h.Path.Split('/');
            var pathNode = h.Event.Event.Path.Node;
            for (var i = 1; i <= segments.Length; i++)
            {
                var prefix = string.Join('/', segments[..i]);
                if (!prefixSources.TryGetValue(prefix, out var known))
                {
                    paths.Add(prefix);
                    prefixSources[prefix] = pathNode;
                    prefixFirstRoutes[prefix] = h;
                }
                else
                {
                    prefixSources[prefix] = LogicalIdSource.Prefer(known, pathNode);
                }
            }
        }

        Node? MethodIdSource(HttpRoute h) =>
            LogicalIdSource.Of(prefixSources.GetValueOrDefault(h.Path) ?? h.Event.Event.Path.Node, h.Event.Event.Method.Node);

        var predefined = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var entry in apiGateway?.RestApiResourceIds ?? [])
        {
            predefined[entry.Key.Trim('/')] = ctx.Json(entry.Value);
        }

        JsonNode RootId() => apiGateway?.RestApiRootResourceId is { } root
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
            var pathSource = prefixSources[path];
            ctx.Add(Naming.ResourceId(path), Object(("Type", "AWS::ApiGateway::Resource"), ("Properties", Object(
                    ("ParentId", ResourceRef(parent)), ("PathPart", ctx.DerivedFrom(cut < 0 ? path : path[(cut + 1)..], pathSource)), ("RestApiId", RestApiRef())))),
                PlanResourceKind.Route, prefixFirstRoutes[path].Event.Span,
                idSource: pathSource);
        }

        var methodIds = new List<string>();
        var preflights = new List<(string Path, Cors Cors, HttpRoute First)>();
        var preflightIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var h in httpEvents.Where(h => h.Cors is not null))
        {
            if (!preflightIndexes.TryGetValue(h.Path, out var index))
            {
                preflightIndexes[h.Path] = preflights.Count;
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
            ctx.Add(id, Preflight(cors, ResourceRef(path), RestApiRef()), PlanResourceKind.Route, first.Event.Span,
                idSource: prefixSources.GetValueOrDefault(path) ?? first.Event.Event.Path.Node);
        }

        var authorizers = new List<Authorizer>();
        var validatorId = Naming.RequestValidator(ctx.Service);
        var needsValidator = false;
        var models = new List<(string Id, JsonObject Body, HttpRoute Route, bool OfMethod)>();
        var modelIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in httpEvents)
        {
            var fn = h.Event.Function;
            var id = Naming.MethodId(Naming.Path(h.Path), h.Method);
            methodIds.Add(id);
            var props = Object(("HttpMethod", h.Method.ToUpperInvariant()), ("RequestParameters", RequestParameters(h.Request)),
                ("ResourceId", ResourceRef(h.Path)), ("RestApiId", RestApiRef()));
            if (h.Event.Event.OperationId is { } operationId)
            {
                props["OperationName"] = ctx.Json(operationId);
            }

            props["ApiKeyRequired"] = h.Private;
            string? authorizerDependency = null;
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
                        authorizerDependency = Naming.RestAuthorizer(auth.Name);
                        authorizers.Add(auth);
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
            props["MethodResponses"] = MethodResponses(ctx, h);
            if (RequestValidation(ctx, h, id, RestApiRef, models, modelIds) is { } requestModels)
            {
                props["RequestValidatorId"] = Ref(validatorId);
                needsValidator = true;
                if (requestModels.Count > 0)
                {
                    props["RequestModels"] = requestModels;
                }
            }
            // Every method depends on its function's permission, whatever the integration, then on the function's
            // alias; an authorizer takes the permission's place (method/index.js merges the authorization's DependsOn
            // over the list, by index).
            var dependsOn = Strings([authorizerDependency ?? Naming.ApiGatewayPermission(fn.Key)]);
            if (fn.AliasLogicalId is { } alias)
            {
                dependsOn.AddNode(alias);
            }

            var body = Object(("Type", "AWS::ApiGateway::Method"), ("Properties", props), ("DependsOn", dependsOn));

            // Two events on one method and path: method/index.js _.merge-s the second method over the first.
            ctx.Merge(id, body, PlanResourceKind.Route, h.Event.Span, fn.Key, MethodIdSource(h));
        }

        if (needsValidator)
        {
            ctx.Add(validatorId, Object(("Type", "AWS::ApiGateway::RequestValidator"), ("Properties", Object(
                    ("RestApiId", RestApiRef()), ("ValidateRequestBody", true), ("ValidateRequestParameters", true),
                    ("Name", $"{ctx.Service}-{ctx.Stage} | Validate request body and querystring parameters")))),
                PlanResourceKind.Other, httpEvents[0].Event.Span);
        }

        foreach (var (modelId, model, route, ofMethod) in models)
        {
            // A method's own model is named after the method, so after its path; a provider's, after its key.
            ctx.Add(modelId, model, PlanResourceKind.Other, route.Event.Span, idSource: ofMethod ? MethodIdSource(route) : null);
        }

        foreach (var auth in authorizers)
        {
            var props = new JsonObject();
            if (auth.Ttl is not null)
            {
                props["AuthorizerResultTtlInSeconds"] = auth.Ttl.DeepClone();
            }

            if (auth.IdentitySource is { } identitySource)
            {
                props["IdentitySource"] = identitySource;
            }

            props["Name"] = ctx.DerivedFrom(auth.Name, auth.NameSource);
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

            var authorizer = Object(("Type", "AWS::ApiGateway::Authorizer"), ("Properties", props));
            if (auth.AliasLogicalId is { } alias)
            {
                authorizer["DependsOn"] = alias;
            }

            // Every event naming the authorizer merges its settings over the events before it (authorizers.js _.merge-s
            // each one; what an event leaves undefined keeps the earlier value).
            ctx.Merge(Naming.RestAuthorizer(auth.Name), authorizer, PlanResourceKind.Authorizer, null, idSource: auth.NameSource);
        }

        var stage = apiGateway?.Stage?.Value ?? ctx.Stage;
        var deploymentHash = Sha256.Base64OfKeyedJsonLines(methodIds.Select(m => (m, (JsonNode?)ctx.Plan[m]?.Body)));
        var deploymentId = "ApiGatewayDeployment" + Convert.ToHexStringLower(Convert.FromBase64String(deploymentHash))[..13];
        var deploymentProps = Object(("RestApiId", RestApiRef()), ("StageName", stage));
        if (apiGateway?.Description?.Value is { Length: > 0 } deploymentDescription)
        {
            deploymentProps["Description"] = deploymentDescription;
        }

        ctx.Add(deploymentId, Object(("Type", "AWS::ApiGateway::Deployment"), ("Properties", deploymentProps),
                ("DependsOn", Strings(methodIds))),
            PlanResourceKind.Api, httpEvents[0].Event.Span);

        ApiKeyLowering.Compile(ctx, apiGateway, deploymentId, RestApiRef);
        var sourceArn = Join(string.Empty, "arn:", Partition(), ":execute-api:", Region(), ":", AccountId(), ":", RestApiRef(), "/*/*");
        foreach (var h in httpEvents)
        {
            // The function's permission is assigned for every event (replacing an authorizer's of the same id); an
            // authorizer's only when its id is still free (permissions.js:compilePermissions).
            var fn = h.Event.Function;
            ctx.Add(Naming.ApiGatewayPermission(fn.Key), EventResources.Permission(fn, "apigateway.amazonaws.com", sourceArn.DeepClone()),
                PlanResourceKind.Permission, h.Event.Span, fn.Key);
            if (h.Authorizer is { Type: "TOKEN" or "REQUEST", Arn: not null, ExistingId: null, Managed: true } auth &&
                !ctx.Plan.Contains(Naming.ApiGatewayPermission(auth.Name)))
            {
                var functionName = auth.AliasLogicalId is { } alias ? Ref(alias) : auth.Arn.DeepClone();
                var props = Object(("FunctionName", functionName), ("Action", "lambda:InvokeFunction"),
                    ("Principal", "apigateway.amazonaws.com"), ("SourceArn", sourceArn.DeepClone()));
                ctx.Add(Naming.ApiGatewayPermission(auth.Name), Object(("Type", "AWS::Lambda::Permission"), ("Properties", props)),
                    PlanResourceKind.Permission, h.Event.Span, idSource: auth.NameSource);
            }
        }

        // The endpoint names the service stage, even when provider.apiGateway.stage deploys to another (deployment.js).
        ctx.Plan.Outputs["ServiceEndpoint"] = Object(("Description", "URL of the service endpoint"),
            ("Value", Join(string.Empty, "https://", RestApiRef(), ".execute-api.", Region(), ".", Ref("AWS::URLSuffix"), "/" + ctx.Stage)));

        // The stage's log settings are applied by the Framework's SDK calls after deployment; the template carries the
        // access-log group and the account CloudWatch role (stage.js:compileStage).
        if (ctx.Model.Provider.Logs is { RestApiAccessLogging: true } logs)
        {
            ApiGatewayLogging.LogGroup(ctx, "ApiGatewayLogGroup", $"/aws/api-gateway/{ctx.Service}-{ctx.Stage}", logs.RestApi?.Span);
            ApiGatewayLogging.EnsureCloudWatchRole(ctx, logs.RestApi?.Span);
        }
    }

    /// <summary>
    /// What <c>validate.js:validate</c> refuses with <c>provider.apiGateway.restApiId</c>: no root resource id (the
    /// resources cannot be attached), and tracing or logs settings, which only a stage this stack creates could carry.
    /// </summary>
    private static bool ValidateImportedRestApi(PlanContext ctx, ApiGatewayConfig? apiGateway)
    {
        if (apiGateway?.RestApiId is not { } restApiId)
        {
            return true;
        }

        var provider = ctx.Model.Provider;
        var (message, at, help) = (apiGateway.RestApiRootResourceId, provider.Tracing?.ApiGateway, provider.Logs?.RestApiWritten) switch
        {
            (null, _, _) => ("provider.apiGateway.restApiId needs provider.apiGateway.restApiRootResourceId", (Node)restApiId.Node,
                "set restApiRootResourceId to the id of the imported API's root resource"),
            (_, { } tracing, _) => ("provider.tracing.apiGateway has no effect on a REST API imported with provider.apiGateway.restApiId",
                tracing.Node, "enable tracing on the stage where the API is defined, and remove provider.tracing.apiGateway"),
            (_, _, { } logs) =>
                ("provider.logs.restApi has no effect on a REST API imported with provider.apiGateway.restApiId", logs,
                    "configure logging on the stage where the API is defined, and remove provider.logs.restApi"),
            _ => (null, null, null),
        };
        if (message is null)
        {
            return true;
        }

        ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, message, at!.Span, help);
        return false;
    }

    /// <summary><c>validate.js:validate</c>: with an http event, the stage must be a valid API Gateway stage name.</summary>
    private static bool StageNameIsValid(PlanContext ctx, PlanEvent<HttpEvent> first)
    {
        if (StageNamePattern().IsMatch(ctx.Stage))
        {
            return true;
        }

        var written = ctx.Model.Provider.Stage is { Value: { } value } stage && value == ctx.Stage ? stage : null;
        ctx.Unsupported($"invalid stage name '{ctx.Stage}': with http events it may contain only [-_a-zA-Z0-9] (an API Gateway limit)",
            written?.Node.Span ?? first.Span, written is null ? "pass a stage name of letters, digits, '-' and '_' to --stage" : "rename the stage");
        return false;
    }

    [GeneratedRegex("^[-_a-zA-Z0-9]+$")]
    private static partial Regex StageNamePattern();

    /// <summary>
    /// <c>validate.js:getAuthorizer</c>: Cognito claims are mapped by the <c>LAMBDA</c> integration's request template,
    /// so a Cognito user pool authorizer (a literal <c>cognito-idp</c> ARN) with claims on a proxy integration is refused.
    /// </summary>
    private static bool ClaimsFitIntegration(PlanContext ctx, PlanEvent<HttpEvent> e, string integration)
    {
        if (integration != "AWS_PROXY" || e.Event.Authorizer is not { } authorizer || authorizer.Claims.Count == 0)
        {
            return true;
        }

        if (authorizer.LiteralArn is not { } arn || !CognitoIdpArn().IsMatch(arn))
        {
            return true;
        }

        ctx.Unsupported($"the http event of function '{e.Function.Key}' filters Cognito claims on a proxy integration",
            authorizer.Node.Span, "use 'integration: lambda' to map claims, or remove 'claims' (a proxy integration receives all claims)");
        return false;
    }

    [GeneratedRegex("^arn:[a-zA-Z-]*:cognito-idp")]
    private static partial Regex CognitoIdpArn();

    private static List<string> Union(List<string> first, List<string> second) => [.. first.Concat(second).Distinct()];

    private static void RestApi(PlanContext ctx, ApiGatewayConfig? apiGateway)
    {
        var provider = ctx.Model.Provider;
        var name = provider.ApiName?.Value ?? (apiGateway?.ShouldStartNameWithService?.Value == true
            ? $"{ctx.Service}-{ctx.Stage}"
            : $"{ctx.Stage}-{ctx.Service}");
        var props = Object(("Name", name));
        if (apiGateway?.BinaryMediaTypes is { Count: > 0 } binary)
        {
            props["BinaryMediaTypes"] = ctx.Json(binary);
        }

        // An explicit false is written too: only a missing value is left out (`disableDefaultEndpoint == null ? undefined`).
        if (apiGateway?.DisableDefaultEndpoint?.Value is { } disableDefaultEndpoint)
        {
            props["DisableExecuteApiEndpoint"] = disableDefaultEndpoint;
        }

        var endpointType = provider.EndpointType.LiteralOrDefault!.ToUpperInvariant();
        // rest-api.js:compileRestApi reads vpcEndpointIds only with an endpointType written, and refuses them unless PRIVATE.
        if (provider.EndpointType.IsWritten && endpointType != "PRIVATE" && provider.VpcEndpointIds is { } endpointIds)
        {
            ctx.Unsupported($"provider.vpcEndpointIds apply only to PRIVATE REST APIs, and provider.endpointType is {endpointType}",
                endpointIds.Span, "set provider.endpointType: PRIVATE, or remove provider.vpcEndpointIds");
        }

        var endpoint = Object(("Types", Strings([endpointType])));
        if (endpointType == "PRIVATE" && provider.VpcEndpointIds is { } vpce)
        {
            endpoint["VpcEndpointIds"] = ctx.Json(vpce);
        }

        props["EndpointConfiguration"] = endpoint;
        if (apiGateway is { ResourcePolicyIsList: true, ResourcePolicy: { } policy })
        {
            props["Policy"] = Object(("Version", "2012-10-17"), ("Statement", ctx.Json(policy)));
        }
        else
        {
            props["Policy"] = string.Empty;
        }

        if (apiGateway?.MinimumCompressionSize is { } compression)
        {
            props["MinimumCompressionSize"] = ctx.Json(compression);
        }

        if (apiGateway?.Description?.Value is { } description)
        {
            props["Description"] = description;
        }

        if (apiGateway?.ApiKeySourceType?.Value is { } keySource)
        {
            props["ApiKeySourceType"] = keySource.ToUpperInvariant();
        }

        ctx.Add(Naming.RestApi, Object(("Type", "AWS::ApiGateway::RestApi"), ("Properties", props)), PlanResourceKind.Api,
            apiGateway?.Node.Span);
    }

    private static HttpRoute? Parse(PlanContext ctx, PlanEvent<HttpEvent> e)
    {
        var http = e.Event;
        var path = http.Path.Value;
        var method = http.Method.Value;
        if (path is null || method is null)
        {
            ctx.Unsupported($"the http event of function '{e.Function.Key}' needs a path and a method", e.Span);
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

        var isAsync = http.Async?.Value == true;
        var written = http.Integration is { IsWritten: true, Value: { } integrationName } ? integrationName : null;
        var integration = written is null ? (isAsync ? "AWS" : "AWS_PROXY") : NormalizeIntegration(written);
        if (!HttpIntegrationIsComplete(ctx, e, integration) || !ClaimsFitIntegration(ctx, e, integration))
        {
            return null;
        }

        return new HttpRoute
        {
            Event = e,
            Path = path,
            Method = method,
            Integration = integration,
            Cors = ParseCors(ctx, http.Cors, method),
            Authorizer = ParseAuthorizer(ctx, e, http.Authorizer),
            Private = http.Private?.Value == true,
            Async = isAsync,
        };
    }

    /// <summary>
    /// <c>validate.js:validate</c>'s refusals for an HTTP back end: an <c>HTTP</c>/<c>HTTP_PROXY</c> integration needs
    /// <c>request.uri</c>, and a <c>VPC_LINK</c> connection (any case, <c>-</c> for <c>_</c>) needs <c>connectionId</c>.
    /// </summary>
    private static bool HttpIntegrationIsComplete(PlanContext ctx, PlanEvent<HttpEvent> e, string integration)
    {
        if (integration is not ("HTTP" or "HTTP_PROXY"))
        {
            return true;
        }

        if (e.Event.RequestSettings?.Uri is null)
        {
            ctx.Unsupported($"the http event of function '{e.Function.Key}' uses the {integration} integration without 'request.uri'",
                e.Span, "set request.uri to the back end's URL");
            return false;
        }

        if (ConnectionType(e.Event) == "VPC_LINK" && e.Event.ConnectionId?.Value is null)
        {
            ctx.Unsupported($"the http event of function '{e.Function.Key}' uses a VPC_LINK connection without 'connectionId'",
                e.Event.ConnectionType?.Node.Span ?? e.Span, "set connectionId to the VPC link's id");
            return false;
        }

        return true;
    }

    /// <summary><c>validate.js:getConnectionType</c>: upper case, the first <c>-</c> as <c>_</c>.</summary>
    private static string? ConnectionType(HttpEvent http)
    {
        if (http.ConnectionType?.Value is not { Length: > 0 } written)
        {
            return null;
        }

        return UpperWithFirstDashAsUnderscore(written);
    }

    /// <summary><c>value.toUpperCase().replace('-', '_')</c>: JavaScript's string replace changes the first dash only.</summary>
    private static string UpperWithFirstDashAsUnderscore(string value)
    {
        var upper = value.ToUpperInvariant();
        var dash = upper.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? upper : upper[..dash] + "_" + upper[(dash + 1)..];
    }

    /// <summary>The integration type as <c>validate.js:getIntegration</c> normalizes it: upper case, the first <c>-</c>
    /// as <c>_</c>, <c>LAMBDA</c> for <c>AWS</c> and <c>LAMBDA_PROXY</c> for <c>AWS_PROXY</c>.</summary>
    private static string NormalizeIntegration(string written)
    {
        return UpperWithFirstDashAsUnderscore(written) switch
        {
            "LAMBDA" => "AWS",
            "LAMBDA_PROXY" => "AWS_PROXY",
            var normalized => normalized,
        };
    }

    private static Cors? ParseCors(PlanContext ctx, HttpCors? settings, string method)
    {
        if (settings is not { Enabled: true })
        {
            return null;
        }

        var cors = new Cors();
        if (settings.IsObject)
        {
            cors.Methods = [.. settings.MethodsList];
            if (settings.HeadersList is { } headers)
            {
                cors.Headers = [.. headers];
            }

            cors.Origins = settings.OriginsList is { } origins ? [.. origins] : null;
            cors.Origin = settings.Origin ?? "*";
            cors.AllowCredentials = settings.AllowCredentials?.Value == true;
            cors.MaxAge = settings.MaxAgeValue is { } maxAge ? ctx.Json(maxAge) : null;
            cors.CacheControl = settings.CacheControl?.Value;
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

    /// <summary><c>naming.js:extractAuthorizerNameFromArn</c>: the ARN's last <c>:</c> part, then its last <c>-</c> part
    /// (written for default function names; a user pool ARN <c>…:userpool/us-east-1_abc</c> gives <c>1_abc</c>).</summary>
    private static string AuthorizerNameFromArn(string arn) => arn.Split(':')[^1].Split('-')[^1];

    private static Authorizer? ParseAuthorizer(PlanContext ctx, PlanEvent<HttpEvent> e, HttpAuthorizer? node)
    {
        if (node is null)
        {
            return null;
        }

        var name = node.Shorthand ?? node.Name?.Value;
        var nameSource = node.Shorthand is not null ? node.Node : node.Name?.Node;
        var arnNode = node.ExistingArn;
        // validate.js:getAuthorizer: a string with a ':' is an ARN, any other string a function's name.
        if (node.Shorthand is { } shorthand && shorthand.Contains(':', StringComparison.Ordinal))
        {
            arnNode = node.Node;
            name = AuthorizerNameFromArn(shorthand);
        }

        var type = node.IsObject ? node.Type?.Value?.ToUpperInvariant() : null;
        if (type == "AWS_IAM" || name == "aws_iam" || string.Equals(node.Shorthand, "AWS_IAM", StringComparison.OrdinalIgnoreCase))
        {
            return new Authorizer { Name = "aws_iam", Type = "AWS_IAM" };
        }

        if (node.ExistingId is { } existingId)
        {
            return new Authorizer { Name = name ?? "authorizer", NameSource = name is null ? null : nameSource, ExistingId = ctx.Json(existingId), Type = type ?? "CUSTOM",
                Scopes = node.ScopesValue is { } sc ? ctx.Json(sc) : null };
        }

        JsonNode? arn;
        string? local = null;
        string? alias = null;
        if (arnNode is not null)
        {
            arn = ctx.Json(arnNode);
            if (name is null && AsString(arn) is { } arnText)
            {
                name = AuthorizerNameFromArn(arnText);
                nameSource = arnNode;
            }

            // validate.js:getAuthorizer refuses a COGNITO_USER_POOLS authorizer whose arn is an intrinsic and that has
            // no name; for any other type the Framework fails reading a name out of the object.
            if (name is null)
            {
                ctx.Unsupported($"the authorizer of function '{e.Function.Key}' has an 'arn' that is not a string and no 'name'",
                    node.Node.Span, "give the authorizer a 'name' (the Framework: 'Please provide an authorizer name for authorizers of type COGNITO_USER_POOLS')");
                return null;
            }
        }
        else if (name is not null && ctx.FunctionByKey(name) is { } fn)
        {
            arn = fn.Target();
            local = fn.Key;
            alias = fn.AliasLogicalId;
        }
        else
        {
            ctx.Unsupported($"the authorizer '{name}' of function '{e.Function.Key}' is neither a function of this service nor an ARN",
                node.Node.Span, "name a function defined under 'functions:' or give 'arn'");
            return null;
        }

        var cognito = AsString(arn) is { } arnString && arnString.Contains("cognito-idp", StringComparison.Ordinal);
        var resolvedType = type switch
        {
            "REQUEST" => "REQUEST",
            "COGNITO_USER_POOLS" => "COGNITO_USER_POOLS",
            "TOKEN" => "TOKEN",
            _ => cognito ? "COGNITO_USER_POOLS" : "TOKEN",
        };
        return new Authorizer
        {
            Name = name!,
            NameSource = nameSource,
            Arn = arn,
            Type = resolvedType,
            Ttl = node.IsObject ? ctx.Json(node.ResultTtlInSeconds) : null,
            // A request authorizer that caches nothing (resultTtlInSeconds: 0) gets no default identity source
            // (validate.js:getAuthorizer).
            IdentitySource = !node.IdentitySource.IsWritten && resolvedType == "REQUEST" && node.ResultTtlInSeconds.LiteralOrDefault == 0
                ? null
                : node.IdentitySource.LiteralOrDefault!,
            IdentityValidationExpression = node.IdentityValidationExpression?.Value,
            Scopes = node.ScopesValue is { } scopes ? ctx.Json(scopes) : null,
            Managed = node.ManagedExternally?.Value != true,
            LocalFunction = local,
            AliasLogicalId = alias,
        };
    }

    /// <summary>
    /// <c>request-validator.js:compileRequestValidators</c>: a method validates its requests when a parameter is required
    /// or <c>request.schemas</c> is given; each schema becomes an <c>AWS::ApiGateway::Model</c> (the provider's model
    /// when the schema names a <c>provider.apiGateway.request.schemas</c> key, else one of the method's own). Returns
    /// the method's <c>RequestModels</c> (empty without schemas), or null when the method validates nothing; adds the
    /// models it needs to <paramref name="models"/> once each, in order (<paramref name="modelIds"/>: the ids added).
    /// </summary>
    private static JsonObject? RequestValidation(PlanContext ctx, HttpRoute h, string methodId, Func<JsonNode> restApiRef,
        List<(string Id, JsonObject Body, HttpRoute Route, bool OfMethod)> models, HashSet<string> modelIds)
    {
        var schemas = h.Request?.Schemas ?? [];
        if (h.Request?.RequiresParameter != true && schemas.Count == 0)
        {
            return null;
        }

        var requestModels = new JsonObject();
        foreach (var schema in schemas)
        {
            string modelId;
            JsonObject properties;
            if (schema.Reference is { } key && ctx.Model.Provider.ApiGateway?.RequestSchema(key) is { } providerModel)
            {
                modelId = Naming.Model(key);
                // The Framework writes { Ref: ApiGatewayRestApi } here even with an imported restApiId (which leaves
                // an empty Ref); the imported id is what CloudFormation needs.
                properties = Object(("RestApiId", restApiRef()), ("Schema", ctx.Json(providerModel.Schema)),
                    ("ContentType", "application/json"));
                AddIfWritten(ctx, properties, "Name", providerModel.Name);
                AddIfWritten(ctx, properties, "Description", providerModel.Description);
            }
            else
            {
                modelId = Naming.EndpointModel(methodId, schema.ContentType);
                properties = Object(("RestApiId", restApiRef()), ("ContentType", schema.ContentType), ("Schema", ctx.Json(schema.Schema)));
                AddIfWritten(ctx, properties, "Name", schema.Name);
                AddIfWritten(ctx, properties, "Description", schema.Description);
            }

            if (modelIds.Add(modelId))
            {
                models.Add((modelId, Object(("Type", "AWS::ApiGateway::Model"), ("Properties", properties)), h, modelId != Naming.Model(schema.Reference ?? string.Empty)));
            }

            requestModels[schema.ContentType] = Ref(modelId);
        }

        return requestModels;
    }

    private static void AddIfWritten(PlanContext ctx, JsonObject properties, string key, Node? value)
    {
        if (value is not null)
        {
            properties[key] = ctx.Json(value);
        }
    }

    private static JsonObject RequestParameters(HttpRequest? request)
    {
        var result = new JsonObject();
        foreach (var parameter in request?.Parameters ?? [])
        {
            result[$"method.request.{parameter.Location}.{parameter.Name}"] = parameter.Required;
        }

        return result;
    }

    private static string OriginValue(Cors? cors) =>
        cors is null ? "*" : cors.Origins is { Count: > 0 } origins ? string.Join(",", origins) : cors.Origin;

    private static JsonObject Integration(PlanContext ctx, HttpRoute h)
    {
        var integration = IntegrationByType(ctx, h);
        var hasParameters = h.Request?.Parameters.Count > 0;
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
    private static JsonObject IntegrationRequestParameters(HttpRoute h)
    {
        var result = new JsonObject();
        foreach (var parameter in h.Request?.Parameters ?? [])
        {
            var methodParameter = $"method.request.{parameter.Location}.{parameter.Name}";
            result[$"integration.request.{parameter.Location}.{parameter.Name}"] =
                string.IsNullOrEmpty(parameter.MappedValue) ? methodParameter : parameter.MappedValue;
        }

        if (h.Async)
        {
            result["integration.request.header.X-Amz-Invocation-Type"] = "'Event'";
        }

        return result;
    }

    private static JsonObject IntegrationByType(PlanContext ctx, HttpRoute h)
    {
        var fn = h.Event.Function;
        // The alias is appended as two more parts, not through the qualified ARN (method/integration.js).
        var uri = Join(string.Empty, ["arn:", Partition(), ":apigateway:", Region(), ":lambda:path/2015-03-31/functions/",
            GetAtt(fn.LogicalId, "Arn"), .. fn.AliasName is { } aliasName ? new JsonNode?[] { ":", aliasName } : [], "/invocations"]);
        var integration = h.Integration switch
        {
            "AWS" or "AWS_PROXY" => Object(("IntegrationHttpMethod", "POST"), ("Type", h.Integration), ("Uri", uri)),
            "HTTP" or "HTTP_PROXY" => Object(("IntegrationHttpMethod", ctx.Json(h.Request?.Method) ?? h.Method.ToUpperInvariant()),
                ("Type", h.Integration), ("Uri", ctx.Json(h.Request?.Uri))),
            _ => Object(("IntegrationHttpMethod", "POST"), ("Type", h.Integration)),
        };
        if (h.Integration is "HTTP" or "HTTP_PROXY" && ConnectionType(h.Event.Event) is { } connectionType)
        {
            integration["ConnectionType"] = connectionType;
            integration["ConnectionId"] = h.Event.Event.ConnectionId?.Value;
        }

        if (h.Integration is not ("AWS" or "HTTP" or "MOCK"))
        {
            return integration;
        }

        if (PassThrough(h) is { } passThrough)
        {
            integration["PassthroughBehavior"] = passThrough;
        }

        if (ctx.Json(h.Request?.ContentHandling) is { } contentHandling)
        {
            integration["ContentHandling"] = contentHandling;
        }

        if (RequestTemplates(ctx, h) is { } templates)
        {
            integration["RequestTemplates"] = templates;
        }

        integration["IntegrationResponses"] = IntegrationResponses(ctx, h);
        return integration;
    }

    /// <summary><c>passThrough</c> as written, else <c>NEVER</c> for a Lambda integration (<c>getRequestPassThrough</c>).</summary>
    private static string? PassThrough(HttpRoute h) => h.Request?.PassThrough ?? (h.Integration == "AWS" ? "NEVER" : null);

    /// <summary>The Lambda integration's default templates (with the authorizer's Cognito claims) under the spec's own
    /// <c>request.template</c> entries; a null entry drops that content type (<c>getIntegrationRequestTemplates</c>).</summary>
    private static JsonObject? RequestTemplates(PlanContext ctx, HttpRoute h)
    {
        var templates = new JsonObject();
        if (h.Integration == "AWS")
        {
            var claims = h.Event.Event.Authorizer?.Claims.Select(c => c.Value).OfType<string>().Select(CognitoClaim).ToList() ?? [];
            var claimsText = claims.Count > 0 ? string.Join(",", claims) + "," : string.Empty;
            templates["application/json"] = LambdaIntegrationTemplates.Json.Replace(LambdaIntegrationTemplates.ClaimsPlaceholder, claimsText, StringComparison.Ordinal);
            templates["application/x-www-form-urlencoded"] =
                LambdaIntegrationTemplates.FormUrlEncoded.Replace(LambdaIntegrationTemplates.ClaimsPlaceholder, claimsText, StringComparison.Ordinal);
        }

        foreach (var entry in h.Request?.Templates ?? [])
        {
            if (entry.Template is null)
            {
                templates.Remove(entry.ContentType);
            }
            else
            {
                templates[entry.ContentType] = ctx.Json(entry.Template);
            }
        }

        return templates.Count > 0 ? templates : null;
    }

    /// <summary>A claim as the request template maps it: <c>ns:claim</c> by its bracketed name, others by name.</summary>
    private static string CognitoClaim(string claim) => claim.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
        ? $"\"{claim[(colon + 1)..]}\": \"$context.authorizer.claims['{claim}']\""
        : $"\"{claim}\": \"$context.authorizer.claims.{claim}\"";

    /// <summary>The status codes of a non-proxy integration (<c>validate.js:getResponse</c>): the spec's
    /// <c>response.statusCodes</c>, where the default 200 (empty pattern) replaces any 200 unless a code already has the
    /// empty pattern (not for MOCK, which the Framework takes as written); else the Framework's defaults for a Lambda
    /// integration, or an HTTP one with a <c>response</c>. Status codes are integer keys, which JavaScript orders
    /// ascending.</summary>
    private static List<(string Status, string Pattern, IReadOnlyList<HttpHeader> Headers, IReadOnlyList<HttpTemplate> Templates)> StatusCodes(HttpRoute h)
    {
        var response = h.Event.Event.ResponseSettings;
        if (response is { HasStatusCodes: true })
        {
            var codes = response.StatusCodes.Select(c => (c.StatusCode, c.Pattern ?? string.Empty, c.Headers, c.Templates)).ToList();
            if (h.Integration != "MOCK" && !response.StatusCodes.Any(c => c.Pattern == string.Empty))
            {
                codes.RemoveAll(c => c.StatusCode == "200");
                codes.Add(("200", string.Empty, [], []));
            }

            return [.. codes.OrderBy(c => int.TryParse(c.StatusCode, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)];
        }

        return h.Integration == "AWS" || h.Integration == "HTTP" && response is not null
            ? [.. LambdaIntegrationTemplates.Responses.Select(r => (r.StatusCode, r.SelectionPattern, (IReadOnlyList<HttpHeader>)[], (IReadOnlyList<HttpTemplate>)[]))]
            : [];
    }

    /// <summary>The headers every status code maps: the CORS origin (and credentials), then <c>response.headers</c>.</summary>
    private static List<(string Name, JsonNode? Value)> ResponseHeaders(PlanContext ctx, HttpRoute h)
    {
        var headers = new List<(string Name, JsonNode? Value)>();
        if (h.Cors is not null)
        {
            headers.Add(("Access-Control-Allow-Origin", $"'{OriginValue(h.Cors)}'"));
            if (h.Cors.AllowCredentials)
            {
                headers.Add(("Access-Control-Allow-Credentials", "true"));
            }
        }

        foreach (var header in h.Event.Event.ResponseSettings?.Headers ?? [])
        {
            var index = headers.FindIndex(x => x.Name == header.Name);
            var value = ctx.Json(header.Value);
            if (index >= 0)
            {
                headers[index] = (header.Name, value);
            }
            else
            {
                headers.Add((header.Name, value));
            }
        }

        return headers;
    }

    private static JsonArray IntegrationResponses(PlanContext ctx, HttpRoute h)
    {
        var response = h.Event.Event.ResponseSettings;
        var result = new JsonArray();
        var shared = ResponseHeaders(ctx, h);
        foreach (var (status, pattern, statusHeaders, statusTemplates) in StatusCodes(h))
        {
            var parameters = new JsonObject();
            foreach (var (name, value) in shared)
            {
                parameters["method.response.header." + name] = value?.DeepClone();
            }

            foreach (var header in statusHeaders)
            {
                parameters["method.response.header." + header.Name] = ctx.Json(header.Value);
            }

            var templates = new JsonObject();
            if (response?.Template is { } defaultTemplate)
            {
                templates["application/json"] = ctx.Json(defaultTemplate);
            }

            foreach (var entry in statusTemplates)
            {
                templates[entry.ContentType] = ctx.Json(entry.Template);
            }

            var integrationResponse = Object(("StatusCode", status), ("SelectionPattern", pattern), ("ResponseParameters", parameters),
                ("ResponseTemplates", templates));
            if (status.StartsWith('2') && ctx.Json(response?.ContentHandling) is { } contentHandling)
            {
                integrationResponse["ContentHandling"] = contentHandling;
            }

            result.AddNode(integrationResponse);
        }

        return result;
    }

    private static JsonArray MethodResponses(PlanContext ctx, HttpRoute h)
    {
        var result = new JsonArray();
        if (h.Integration is not ("AWS" or "HTTP" or "MOCK"))
        {
            return result;
        }

        var shared = ResponseHeaders(ctx, h);
        foreach (var (status, _, statusHeaders, _) in StatusCodes(h))
        {
            var parameters = new JsonObject();
            foreach (var name in shared.Select(x => x.Name).Concat(statusHeaders.Select(x => x.Name)))
            {
                parameters["method.response.header." + name] = true;
            }

            result.AddNode(Object(("ResponseParameters", parameters), ("ResponseModels", new JsonObject()), ("StatusCode", status)));
        }

        return result;
    }

    /// <summary>
    /// <c>cors.js:compileCors</c>: the preflight answers with one origin (the first of <c>origins</c>, or of a
    /// comma-separated <c>origin</c>) and its response template echoes any request origin that matches one of them.
    /// </summary>
    private static (string Origin, IReadOnlyList<string> Matched) PreflightOrigins(Cors cors)
    {
        var origins = cors.Origin.Contains(',', StringComparison.Ordinal)
            ? cors.Origin.Split(',').Select(o => o.Trim()).ToList()
            : cors.Origins ?? [];
        return (origins.Count > 0 ? origins[0] : cors.Origin, origins);
    }

    private static JsonObject Preflight(Cors cors, JsonNode resourceId, JsonNode restApiId)
    {
        var (origin, matched) = PreflightOrigins(cors);
        var headers = new List<(string, string)>
        {
            ("Access-Control-Allow-Origin", $"'{origin}'"),
            ("Access-Control-Allow-Headers", $"'{string.Join(",", cors.Headers)}'"),
            ("Access-Control-Allow-Methods", $"'{AllowMethods(cors.Methods)}'"),
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

        var template = matched.Count > 0
            ? "#set($origin = $input.params(\"Origin\"))\n#if($origin == \"\") #set($origin = $input.params(\"origin\")) #end\n#if(" +
              string.Join(" || ", matched.Select(o => $"$origin.matches(\"{RegexifyWildcard(o)}\")")) +
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

    /// <summary>The methods joined; with <c>ANY</c> among them its first occurrence in the text becomes the methods ANY
    /// stands for (cors.js:compileCors).</summary>
    private static string AllowMethods(List<string> methods)
    {
        var joined = string.Join(",", methods);
        var any = joined.IndexOf("ANY", StringComparison.Ordinal);
        return !methods.Contains("ANY") || any < 0
            ? joined
            : string.Concat(joined.AsSpan(0, any), "DELETE,GET,HEAD,PATCH,POST,PUT", joined.AsSpan(any + 3));
    }

    private static string RegexifyWildcard(string origin)
    {
        var dotted = origin.Replace(".", "[.]", StringComparison.Ordinal);
        var star = dotted.IndexOf('*', StringComparison.Ordinal);
        return star < 0 ? dotted : string.Concat(dotted.AsSpan(0, star), ".+", dotted.AsSpan(star + 1));
    }
}
