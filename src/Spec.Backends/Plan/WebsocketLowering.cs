using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>The <c>websocket</c> event: one WebSocket API, integrations, authorizers, permissions, routes, the stage and
/// its deployment (<c>compile/events/websockets</c>).</summary>
internal static class WebsocketLowering
{
    public static void Compile(PlanContext ctx, List<PlanEvent> events)
    {
        var routes = new List<(PlanEvent Event, string Route, Node? Authorizer)>();
        foreach (var e in events)
        {
            var route = e.Value is ScalarNode s ? s.Text : Text(Get(e.Value, "route"));
            if (route is null)
            {
                ctx.Unsupported($"the websocket event of function '{e.Function.Key}' needs a 'route'", e.Node.Span);
                continue;
            }

            routes.Add((e, route, Get(e.Value, "authorizer")));
        }

        if (routes.Count == 0)
        {
            return;
        }

        var websocketApiId = Path(ctx.Provider, "apiGateway", "websocketApiId");
        JsonNode ApiRef() => websocketApiId is not null && !IsNullOrMissing(websocketApiId) ? ctx.Json(websocketApiId)! : Ref(Naming.WebsocketsApi);
        var description = Text(ctx.Provider["websocketsDescription"]) ?? "Serverless Websockets";
        if (websocketApiId is null || IsNullOrMissing(websocketApiId))
        {
            ctx.Add(Naming.WebsocketsApi, Object(("Type", "AWS::ApiGatewayV2::Api"), ("Properties", Object(
                    ("Name", Text(ctx.Provider["websocketsApiName"]) ?? $"{ctx.Stage}-{ctx.Service}-websockets"),
                    ("RouteSelectionExpression", Text(ctx.Provider["websocketsApiRouteSelectionExpression"]) ?? "$request.body.action"),
                    ("Description", description), ("ProtocolType", "WEBSOCKET")))),
                PlanResourceKind.Api, routes[0].Event.Node.Span);
        }

        JsonNode Uri(JsonNode target) => Join(string.Empty, "arn:", Partition(), ":apigateway:", Region(),
            ":lambda:path/2015-03-31/functions/", target, "/invocations");

        foreach (var fn in routes.Select(r => r.Event.Function).Distinct())
        {
            ctx.Add(Naming.WebsocketsIntegration(fn.Key), Object(("Type", "AWS::ApiGatewayV2::Integration"), ("Properties", Object(
                    ("ApiId", ApiRef()), ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", Uri(fn.Target()))))),
                PlanResourceKind.Route, fn.Span, fn.Key);
        }

        var authorizers = new List<(string Name, JsonNode Arn, PlanFunction? Local)>();
        foreach (var (e, _, authorizer) in routes)
        {
            if (IsNullOrMissing(authorizer))
            {
                continue;
            }

            var (name, arn, local) = AuthorizerTarget(ctx, authorizer!);
            if (name is null || arn is null)
            {
                ctx.Unsupported($"the websocket authorizer of function '{e.Function.Key}' is neither a function here nor an ARN",
                    authorizer!.Span);
                continue;
            }

            if (authorizers.Exists(a => a.Name == name))
            {
                continue;
            }

            authorizers.Add((name, arn, local));
            var identity = Get(authorizer, "identitySource");
            ctx.Add(Naming.WebsocketsAuthorizer(name), Object(("Type", "AWS::ApiGatewayV2::Authorizer"), ("Properties", Object(
                    ("ApiId", ApiRef()), ("Name", name), ("AuthorizerType", "REQUEST"), ("AuthorizerUri", Uri(arn.DeepClone())),
                    ("IdentitySource", identity is null ? Strings(["route.request.header.Auth"])
                        : identity is SequenceNode ? ctx.Json(identity) : Array(ctx.Json(identity)))))),
                PlanResourceKind.Authorizer, authorizer!.Span);
        }

        foreach (var (e, _, authorizer) in routes)
        {
            var fn = e.Function;
            if (!ctx.Plan.Contains(Naming.WebsocketsPermission(fn.Key)))
            {
                ctx.Add(Naming.WebsocketsPermission(fn.Key), Object(("Type", "AWS::Lambda::Permission"),
                        ("DependsOn", Strings([Naming.WebsocketsApi, fn.LogicalId])), ("Properties", Object(("FunctionName", fn.Target()),
                            ("Action", "lambda:InvokeFunction"), ("Principal", "apigateway.amazonaws.com")))),
                    PlanResourceKind.Permission, e.Node.Span, fn.Key);
            }

            if (!IsNullOrMissing(authorizer) && AuthorizerTarget(ctx, authorizer!) is ({ } name, { } arn, var local) &&
                !ctx.Plan.Contains(Naming.WebsocketsPermission(name)))
            {
                var dependsOn = local is null ? Strings([Naming.WebsocketsApi]) : Strings([Naming.WebsocketsApi, local.LogicalId]);
                ctx.Add(Naming.WebsocketsPermission(name), Object(("Type", "AWS::Lambda::Permission"), ("DependsOn", dependsOn),
                        ("Properties", Object(("Action", "lambda:InvokeFunction"), ("Principal", "apigateway.amazonaws.com"),
                            ("FunctionName", arn)))),
                    PlanResourceKind.Permission, authorizer!.Span);
            }
        }

        var routeIds = new List<string>();
        foreach (var (e, route, authorizer) in routes)
        {
            var fn = e.Function;
            var props = Object(("ApiId", ApiRef()), ("RouteKey", route),
                ("AuthorizationType", IsNullOrMissing(authorizer) ? "NONE" : "CUSTOM"),
                ("Target", Join("/", "integrations", Ref(Naming.WebsocketsIntegration(fn.Key)))));
            if (!IsNullOrMissing(authorizer) && AuthorizerTarget(ctx, authorizer!).Name is { } authName)
            {
                props["AuthorizerId"] = Ref(Naming.WebsocketsAuthorizer(authName));
            }

            var responseSelection = Text(Get(e.Value, "routeResponseSelectionExpression"));
            if (responseSelection is not null)
            {
                props["RouteResponseSelectionExpression"] = responseSelection;
            }

            var routeId = Naming.WebsocketsRoute(route);
            routeIds.Add(routeId);
            ctx.Add(routeId, Object(("Type", "AWS::ApiGatewayV2::Route"), ("Properties", props)), PlanResourceKind.Route,
                e.Node.Span, fn.Key);
            if (responseSelection is not null)
            {
                ctx.Add(Naming.WebsocketsRouteResponse(route), Object(("Type", "AWS::ApiGatewayV2::RouteResponse"), ("Properties", Object(
                        ("ApiId", ApiRef()), ("RouteId", Ref(routeId)), ("RouteResponseKey", "$default")))),
                    PlanResourceKind.Route, e.Node.Span, fn.Key);
            }
        }

        var hash = PlanBuilder.Sha256Base64(string.Join("\n", routeIds.Select(r => r + "=" + ctx.Plan[r]?.Body.ToJsonString())));
        var deploymentId = "WebsocketsDeployment" + Naming.StripNonAlphaNumeric(hash);
        if (websocketApiId is null || IsNullOrMissing(websocketApiId))
        {
            ctx.Add(Naming.WebsocketsStage, Object(("Type", "AWS::ApiGatewayV2::Stage"), ("Properties", Object(("ApiId", ApiRef()),
                    ("StageName", ctx.Stage), ("Description", description), ("DeploymentId", Ref(deploymentId))))),
                PlanResourceKind.Api, routes[0].Event.Node.Span);
        }

        ctx.Add(deploymentId, Object(("Type", "AWS::ApiGatewayV2::Deployment"), ("DependsOn", Strings(routeIds)),
                ("Properties", Object(("ApiId", ApiRef()), ("Description", description)))),
            PlanResourceKind.Api, routes[0].Event.Node.Span);
        ctx.EventStatements.Add(Object(("Effect", "Allow"), ("Action", Strings(["execute-api:ManageConnections"])),
            ("Resource", Array(Sub("arn:${AWS::Partition}:execute-api:*:*:*/@connections/*")))));
        ctx.Plan.Outputs["ServiceEndpointWebsocket"] = Object(("Description", "URL of the service endpoint"),
            ("Value", Join(string.Empty, "wss://", ApiRef(), ".execute-api.", Region(), ".", Ref("AWS::URLSuffix"), "/" + ctx.Stage)));
    }

    private static (string? Name, JsonNode? Arn, PlanFunction? Local) AuthorizerTarget(PlanContext ctx, Node authorizer)
    {
        var name = authorizer is ScalarNode s ? s.Text : Text(Get(authorizer, "name"));
        var arnNode = Get(authorizer, "arn");
        if (name is not null && name.StartsWith("arn:", StringComparison.Ordinal))
        {
            return (name.Split(':')[^1], JsonValue.Create(name), null);
        }

        if (arnNode is not null && !IsNullOrMissing(arnNode))
        {
            return (name ?? Text(arnNode)?.Split(':')[^1], ctx.Json(arnNode), null);
        }

        return name is not null && ctx.FunctionByKey(name) is { } fn ? (name, GetAtt(fn.LogicalId, "Arn"), fn) : (name, null, null);
    }
}
