using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>websocket</c> event: one WebSocket API, integrations, authorizers, permissions, routes, the stage and
/// its deployment (<c>compile/events/websockets</c>).</summary>
internal sealed class WebsocketLowering : EventLowering<WebsocketEvent>
{
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

        JsonNode Uri(JsonNode target) => Join(string.Empty, "arn:", Partition(), ":apigateway:", Region(),
            ":lambda:path/2015-03-31/functions/", target, "/invocations");

        foreach (var fn in routes.Select(r => r.Event.Function).Distinct())
        {
            ctx.Add(Naming.WebsocketsIntegration(fn.Key), Object(("Type", "AWS::ApiGatewayV2::Integration"), ("Properties", Object(
                    ("ApiId", ApiRef()), ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", Uri(fn.Target()))))),
                PlanResourceKind.Route, fn.Span, fn.Key);
        }

        var authorizers = new List<string>();
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

            if (authorizers.Contains(name))
            {
                continue;
            }

            authorizers.Add(name);
            var identity = authorizer.IdentitySourceValue;
            ctx.Add(Naming.WebsocketsAuthorizer(name), Object(("Type", "AWS::ApiGatewayV2::Authorizer"), ("Properties", Object(
                    ("ApiId", ApiRef()), ("Name", name), ("AuthorizerType", "REQUEST"), ("AuthorizerUri", Uri(arn.DeepClone())),
                    ("IdentitySource", identity is null ? Strings(["route.request.header.Auth"])
                        : authorizer.IdentitySourceIsList ? ctx.Json(identity) : Array(ctx.Json(identity)))))),
                PlanResourceKind.Authorizer, authorizer.Node.Span);
        }

        foreach (var (e, _, authorizer) in routes)
        {
            var fn = e.Function;
            if (!ctx.Plan.Contains(Naming.WebsocketsPermission(fn.Key)))
            {
                ctx.Add(Naming.WebsocketsPermission(fn.Key), Object(("Type", "AWS::Lambda::Permission"),
                        ("DependsOn", Strings([Naming.WebsocketsApi, fn.LogicalId])), ("Properties", Object(("FunctionName", fn.Target()),
                            ("Action", "lambda:InvokeFunction"), ("Principal", "apigateway.amazonaws.com")))),
                    PlanResourceKind.Permission, e.Span, fn.Key);
            }

            if (authorizer is not null && AuthorizerTarget(ctx, authorizer) is ({ } name, { } arn, var local) &&
                !ctx.Plan.Contains(Naming.WebsocketsPermission(name)))
            {
                var dependsOn = local is null ? Strings([Naming.WebsocketsApi]) : Strings([Naming.WebsocketsApi, local.LogicalId]);
                ctx.Add(Naming.WebsocketsPermission(name), Object(("Type", "AWS::Lambda::Permission"), ("DependsOn", dependsOn),
                        ("Properties", Object(("Action", "lambda:InvokeFunction"), ("Principal", "apigateway.amazonaws.com"),
                            ("FunctionName", arn)))),
                    PlanResourceKind.Permission, authorizer.Node.Span);
            }
        }

        var routeIds = new List<string>();
        foreach (var (e, route, authorizer) in routes)
        {
            var fn = e.Function;
            var props = Object(("ApiId", ApiRef()), ("RouteKey", route),
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
            ctx.Add(routeId, Object(("Type", "AWS::ApiGatewayV2::Route"), ("Properties", props)), PlanResourceKind.Route,
                e.Span, fn.Key);
            if (responseSelection is not null)
            {
                ctx.Add(Naming.WebsocketsRouteResponse(route), Object(("Type", "AWS::ApiGatewayV2::RouteResponse"), ("Properties", Object(
                        ("ApiId", ApiRef()), ("RouteId", Ref(routeId)), ("RouteResponseKey", "$default")))),
                    PlanResourceKind.Route, e.Span, fn.Key);
            }
        }

        var hash = PlanBuilder.Sha256Base64(string.Join("\n", routeIds.Select(r => r + "=" + ctx.Plan[r]?.Body.ToJsonString())));
        var deploymentId = "WebsocketsDeployment" + Naming.StripNonAlphaNumeric(hash);
        if (websocketApiId is null)
        {
            ctx.Add(Naming.WebsocketsStage, Object(("Type", "AWS::ApiGatewayV2::Stage"), ("Properties", Object(("ApiId", ApiRef()),
                    ("StageName", ctx.Stage), ("Description", description), ("DeploymentId", Ref(deploymentId))))),
                PlanResourceKind.Api, routes[0].Event.Span);
        }

        ctx.Add(deploymentId, Object(("Type", "AWS::ApiGatewayV2::Deployment"), ("DependsOn", Strings(routeIds)),
                ("Properties", Object(("ApiId", ApiRef()), ("Description", description)))),
            PlanResourceKind.Api, routes[0].Event.Span);
        ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["execute-api:ManageConnections"])),
            ("Resource", Array(Sub("arn:${AWS::Partition}:execute-api:*:*:*/@connections/*")))));
        ctx.Plan.Outputs["ServiceEndpointWebsocket"] = Object(("Description", "URL of the service endpoint"),
            ("Value", Join(string.Empty, "wss://", ApiRef(), ".execute-api.", Region(), ".", Ref("AWS::URLSuffix"), "/" + ctx.Stage)));
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

        return name is not null && ctx.FunctionByKey(name) is { } fn ? (name, GetAtt(fn.LogicalId, "Arn"), fn) : (name, null, null);
    }
}
