using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>websocket</c> event: one WebSocket API, integrations, authorizers, permissions, routes, the stage and
/// its deployment (<c>compile/events/websockets</c>).</summary>
internal sealed class WebsocketLowering : EventLowering<WebsocketEvent>
{
    private const string LogGroup = "WebsocketsLogGroup";

    private const string DefaultLogFormat =
        "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] " +
        "\"$context.eventType $context.routeKey $context.connectionId\" $context.requestId";

    public override EventKind Kind => EventKind.Websocket;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        ctx.Unsupported($"the websocket event of function '{fn.Key}' needs a 'route'", unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<WebsocketEvent>> events)
    {
        var routes = new List<(PlanEvent<WebsocketEvent> Event, string Route, WebsocketAuthorizer? Authorizer)>();
        foreach (var e in events)
        {
            if (e.Event.Route.Value is not { } route)
            {
                ctx.Unsupported($"the websocket event of function '{e.Function.Key}' needs a 'route'", e.Span);
                continue;
            }

            routes.Add((e, route, e.Event.Authorizer));
        }

        if (routes.Count == 0)
        {
            return;
        }

        var provider = ctx.Model.Provider;
        var websocketApiId = provider.ApiGateway?.WebsocketApiId;
        JsonNode ApiRef() => websocketApiId is not null ? ctx.Json(websocketApiId)! : Ref(Naming.WebsocketsApi);
        var description = provider.WebsocketsDescription.LiteralOrDefault;
        if (websocketApiId is null)
        {
            var apiProps = Object(
                ("Name", provider.WebsocketsApiName?.Value ?? $"{ctx.Stage}-{ctx.Service}-websockets"),
                ("RouteSelectionExpression", provider.WebsocketsApiRouteSelectionExpression.LiteralOrDefault),
                ("Description", description), ("ProtocolType", "WEBSOCKET"));
            if (provider.WebsocketUsesProviderTags && provider.Tags.Count > 0)
            {
                apiProps["Tags"] = CoreLowering.TagMap(ctx, provider.Tags);
            }

            ctx.Add(Naming.WebsocketsApi, Object(("Type", "AWS::ApiGatewayV2::Api"), ("Properties", apiProps)),
                PlanResourceKind.Api, routes[0].Event.Span);
        }

        // Permissions wait for the API when it is a resource of this stack (websocketApiId.Ref in permissions.js).
        string[] apiDependency = ApiRef() is JsonObject apiRef && apiRef["Ref"] is JsonValue refName && refName.TryGetValue<string>(out var apiLogicalId)
            ? [apiLogicalId]
            : [];

        JsonNode Uri(JsonNode target) => Join(string.Empty, "arn:", Partition(), ":apigateway:", Region(),
            ":lambda:path/2015-03-31/functions/", target, "/invocations");

        foreach (var fn in routes.Select(r => r.Event.Function).Distinct())
        {
            ctx.Add(Naming.WebsocketsIntegration(fn.Key), EventResources.WaitForAlias(fn, Object(("Type", "AWS::ApiGatewayV2::Integration"),
                    ("Properties", Object(("ApiId", ApiRef()), ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", Uri(fn.Target())))))),
                PlanResourceKind.Route, fn.Span, fn.Key);
        }

        // Route responses follow the integrations, before authorizers and routes (index.js: compileRouteResponses).
        foreach (var (e, route, _) in routes)
        {
            if (e.Event.RouteResponseSelectionExpression?.Value is not null)
            {
                ctx.Add(Naming.WebsocketsRouteResponse(route), Object(("Type", "AWS::ApiGatewayV2::RouteResponse"), ("Properties", Object(
                        ("ApiId", ApiRef()), ("RouteId", Ref(Naming.WebsocketsRoute(route))), ("RouteResponseKey", "$default")))),
                    PlanResourceKind.Route, e.Span, e.Function.Key, e.Event.Route.Node);
            }
        }

        foreach (var (e, _, authorizer) in routes)
        {
            if (authorizer is null)
            {
                continue;
            }

            var (name, arn, _) = AuthorizerTarget(ctx, authorizer);
            if (name is null || arn is null)
            {
                ctx.Unsupported($"the websocket authorizer of function '{e.Function.Key}' is neither a function here nor an ARN",
                    authorizer.Node.Span);
                continue;
            }

            var identity = authorizer.IdentitySourceValue;
            var body = Object(("Type", "AWS::ApiGatewayV2::Authorizer"), ("Properties", Object(
                ("ApiId", ApiRef()), ("Name", ctx.DerivedFrom(name, authorizer.NameSource)), ("AuthorizerType", "REQUEST"), ("AuthorizerUri", Uri(arn.DeepClone())),
                ("IdentitySource", identity is null ? Strings(["route.request.header.Auth"])
                    : authorizer.IdentitySourceIsList ? ctx.Json(identity) : Array(ctx.Json(identity))))));
            // A function of this service by that name: the authorizer waits for its alias (authorizers.js).
            if (ctx.FunctionByKey(name) is { } named)
            {
                EventResources.WaitForAlias(named, body);
            }

            // Every route naming the authorizer merges it over the routes before (authorizers.js _.merge-s each
            // route's, identity sources by index), so a later route's identity source shows through.
            ctx.Merge(Naming.WebsocketsAuthorizer(name), body, PlanResourceKind.Authorizer, authorizer.Node.Span,
                idSource: authorizer.NameSource);
        }

        // Each event merges its function's permission and its authorizer's into the template (lodash _.merge, arrays
        // by index), so two events naming one id leave what the last wrote over what the first did (permissions.js).
        foreach (var (e, _, authorizer) in routes)
        {
            var fn = e.Function;
            ctx.Merge(Naming.WebsocketsPermission(fn.Key), Object(("Type", "AWS::Lambda::Permission"),
                    ("DependsOn", Strings([.. apiDependency, fn.AliasLogicalId ?? fn.LogicalId])), ("Properties", Object(("FunctionName", fn.Target()),
                        ("Action", "lambda:InvokeFunction"), ("Principal", "apigateway.amazonaws.com")))),
                PlanResourceKind.Permission, e.Span, fn.Key);
            if (authorizer is not null && AuthorizerTarget(ctx, authorizer) is ({ } name, { } arn, var local))
            {
                var dependsOn = Strings(apiDependency);
                if (local is not null)
                {
                    dependsOn.AddNode(local.LogicalId);
                    if (local.AliasLogicalId is { } alias)
                    {
                        dependsOn.AddNode(alias);
                    }
                }

                ctx.Merge(Naming.WebsocketsPermission(name), Object(("Type", "AWS::Lambda::Permission"), ("DependsOn", dependsOn),
                        ("Properties", Object(("Action", "lambda:InvokeFunction"), ("Principal", "apigateway.amazonaws.com"),
                            ("FunctionName", arn)))),
                    PlanResourceKind.Permission, authorizer.Node.Span, idSource: authorizer.NameSource);
            }
        }

        var routeIds = new List<string>();
        var deploymentDependencies = new List<string>();
        foreach (var (e, route, authorizer) in routes)
        {
            var fn = e.Function;
            var props = Object(("ApiId", ApiRef()), ("RouteKey", ctx.Derived(route, e.Event.Route)),
                ("AuthorizationType", authorizer is null ? "NONE" : "CUSTOM"),
                ("Target", Join("/", "integrations", Ref(Naming.WebsocketsIntegration(fn.Key)))));
            if (authorizer is not null && AuthorizerTarget(ctx, authorizer).Name is { } authName)
            {
                props["AuthorizerId"] = Ref(Naming.WebsocketsAuthorizer(authName));
            }

            var responseSelection = e.Event.RouteResponseSelectionExpression?.Value;
            if (responseSelection is not null)
            {
                props["RouteResponseSelectionExpression"] = responseSelection;
            }

            var routeId = Naming.WebsocketsRoute(route);
            routeIds.Add(routeId);
            if (responseSelection is not null)
            {
                deploymentDependencies.Add(Naming.WebsocketsRouteResponse(route));
            }

            deploymentDependencies.Add(routeId);
            ctx.Add(routeId, Object(("Type", "AWS::ApiGatewayV2::Route"), ("Properties", props)), PlanResourceKind.Route,
                e.Span, fn.Key, e.Event.Route.Node);
        }

        var hash = Sha256.Base64OfKeyedJsonLines(routeIds.Select(r => (r, (JsonNode?)ctx.Plan[r]?.Body)));
        var deploymentId = "WebsocketsDeployment" + Naming.StripNonAlphaNumeric(hash);
        var deploymentProps = Object(("ApiId", ApiRef()), ("Description", description));
        if (websocketApiId is null)
        {
            Stage(ctx, ApiRef(), description, deploymentId, routes[0].Event.Span);
        }
        else
        {
            // An imported API has no stage here: the deployment names it (deployment.js).
            deploymentProps["StageName"] = ctx.Stage;
        }

        ctx.Add(deploymentId, Object(("Type", "AWS::ApiGatewayV2::Deployment"), ("DependsOn", Strings(deploymentDependencies)),
                ("Properties", deploymentProps)),
            PlanResourceKind.Api, routes[0].Event.Span);
        // The role may post to connections only when the API is made here: api.js returns before granting it for an
        // imported websocketApiId.
        if (websocketApiId is null)
        {
            ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["execute-api:ManageConnections"])),
                ("Resource", Array(Sub("arn:${AWS::Partition}:execute-api:*:*:*/@connections/*")))));
        }

        ctx.Plan.Outputs["ServiceEndpointWebsocket"] = Object(("Description", "URL of the service endpoint"),
            ("Value", Join(string.Empty, "wss://", ApiRef(), ".execute-api.", Region(), ".", Ref("AWS::URLSuffix"), "/" + ctx.Stage)));
    }

    /// <summary>
    /// The stage, with <c>provider.logs.websocket</c>'s route settings and access log, its log group and the account
    /// CloudWatch role (<c>websockets/lib/stage.js:compileStage</c>).
    /// </summary>
    private static void Stage(PlanContext ctx, JsonNode apiRef, string? description, string deploymentId, Spec.Core.Diagnostics.SourceSpan origin)
    {
        var props = Object(("ApiId", apiRef), ("StageName", ctx.Stage), ("Description", description));
        // The stage is in the template before its log group and the account role (stage.js adds it first, then the
        // log settings into it); the deployment id is set when the deployment is made.
        ctx.Add(Naming.WebsocketsStage, Object(("Type", "AWS::ApiGatewayV2::Stage"), ("Properties", props)), PlanResourceKind.Api, origin);
        if (ctx.Model.Provider.Logs is { WebsocketEnabled: true } logs)
        {
            var level = "INFO";
            if (!logs.WebsocketExecutionLogging)
            {
                level = "OFF";
            }
            else if (logs.WebsocketLevel is { } written)
            {
                level = logs.WebsocketLevelText;
                if (level is not ("INFO" or "ERROR"))
                {
                    ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec,
                        $"provider.logs.websocket.level must be INFO or ERROR, not '{level}'", written.Span,
                        "use ERROR for errors only, INFO for everything, or executionLogging: false for none");
                }
            }

            props["DefaultRouteSettings"] = Object(("DataTraceEnabled", ctx.Json(logs.WebsocketFullExecutionData) ?? true),
                ("LoggingLevel", level));
            if (logs.WebsocketAccessLogging)
            {
                props["AccessLogSettings"] = Object(
                    ("DestinationArn", Sub($"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:${{{LogGroup}}}")),
                    ("Format", logs.WebsocketFormat is { } format ? ctx.Json(format) : DefaultLogFormat));
            }

            ApiGatewayLogging.LogGroup(ctx, LogGroup, $"/aws/websocket/{ctx.Service}-{ctx.Stage}", logs.Websocket?.Span);
            ApiGatewayLogging.EnsureCloudWatchRole(ctx, logs.Websocket?.Span);
        }

        props["DeploymentId"] = Ref(deploymentId);
    }

    /// <summary>The authorizer's name (for its logical id), what to invoke, and the local function when it is one.</summary>
    private static (string? Name, JsonNode? Arn, PlanFunction? Local) AuthorizerTarget(PlanContext ctx, WebsocketAuthorizer authorizer)
    {
        var name = authorizer.NameOrShorthand;
        if (name is not null && name.StartsWith("arn:", StringComparison.Ordinal))
        {
            return (name.Split(':')[^1], JsonValue.Create(name), null);
        }

        if (authorizer.ArnValue is { } arn)
        {
            return (name ?? authorizer.ArnLiteral?.Split(':')[^1], ctx.Json(arn), null);
        }

        return name is not null && ctx.FunctionByKey(name) is { } fn ? (name, fn.Target(), fn) : (name, null, null);
    }
}
