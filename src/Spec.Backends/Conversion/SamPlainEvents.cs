using System.Globalization;
using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Model;
using static Spec.Backends.Conversion.SamJson;

namespace Spec.Backends.Conversion;

/// <summary>
/// The events SAM has no event type for, as the plain CloudFormation resources the Framework creates for them, under
/// its logical ids where <see cref="Naming"/> has them: <c>websocket</c> (an API Gateway v2 WebSocket API with its
/// integrations, routes, authorizers, deployment and stage), <c>alb</c> (target group, listener rule, permission),
/// <c>alexaSmartHome</c> (a permission) and <c>iotFleetProvisioning</c> (a provisioning template with the function as
/// its pre-provisioning hook). Each is a <see cref="ConvertDiagnostics.PlainCloudFormation"/> warning.
/// </summary>
internal static class SamPlainEvents
{

    public static void Write(SamContext ctx, Function f, FunctionEvent e)
    {
        switch (e)
        {
            case WebsocketEvent ws:
                Websocket(ctx, f, ws);
                ctx.PlainCloudFormation(e, "an AWS::ApiGatewayV2::Api with its integration, route, deployment and stage");
                break;
            case AlbEvent alb:
                Alb(ctx, f, alb);
                ctx.PlainCloudFormation(e, "a target group, a listener rule and a permission");
                break;
            case AlexaSmartHomeEvent alexa:
                ctx.AddResource(Naming.AlexaSmartHomePermission(f.Key, Ordinal(f, e)), Permission(f, "alexa-connectedhome.amazon.com",
                    ("EventSourceToken", ctx.Json(alexa.AppId))));
                ctx.PlainCloudFormation(e, "an AWS::Lambda::Permission");
                break;
            case IotFleetProvisioningEvent fleet:
                FleetProvisioning(ctx, f, fleet);
                ctx.PlainCloudFormation(e, "an AWS::IoT::ProvisioningTemplate with the function as its pre-provisioning hook");
                break;
            default:
                ctx.LeftOut(e.Node, $"the '{e.KindName}' event has no SAM event and is not converted: add its resources to the template yourself");
                break;
        }
    }

    /// <summary>The event's 1-based position among the function's events of its kind, as the Framework numbers them.</summary>
    private static int Ordinal(Function f, FunctionEvent e) => f.Events.Take(e.Index + 1).Count(x => x.Kind == e.Kind);

    private static JsonObject FunctionArn(string functionKey) => PlanJson.GetAtt(Naming.Lambda(functionKey), "Arn");

    private static JsonObject Permission(Function f, string principal, params ReadOnlySpan<(string Key, JsonNode? Value)> more)
    {
        var properties = Props(("FunctionName", FunctionArn(f.Key)), ("Action", "lambda:InvokeFunction"), ("Principal", principal));
        foreach (var (key, value) in more)
        {
            if (value is not null)
            {
                properties[key] = value;
            }
        }

        return Resource("AWS::Lambda::Permission", properties);
    }

    /// <summary>The API Gateway integration URI that invokes the function.</summary>
    private static JsonObject InvokeUriOf(string functionKey) =>
        PlanJson.Sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" + Naming.Lambda(functionKey) +
                     ".Arn}/invocations");

    private static JsonObject WebsocketsApi() => PlanJson.Ref(Naming.WebsocketsApi);

    private static void Websocket(SamContext ctx, Function f, WebsocketEvent e)
    {
        var provider = ctx.Service.Provider;
        if (provider.Logs is { WebsocketEnabled: true, Websocket: { } logs })
        {
            ctx.LeftOut(logs, "the WebSocket stage's logs are left out: the Framework sets the account's API Gateway CloudWatch " +
                "role with a custom resource whose code it uploads to its deployment bucket, which a SAM stack does not have");
        }

        ctx.AddResource(Naming.WebsocketsApi, Resource("AWS::ApiGatewayV2::Api", Props(
            ("Name", ctx.Json(provider.WebsocketsApiName) ?? ctx.Staged(string.Empty, $"-{ctx.Service.Name.Value}-websockets")),
            ("RouteSelectionExpression", ctx.Json(provider.WebsocketsApiRouteSelectionExpression)),
            ("Description", ctx.Json(provider.WebsocketsDescription)),
            ("ProtocolType", "WEBSOCKET"))));
        var integration = Naming.WebsocketsIntegration(f.Key);
        ctx.AddResource(integration, Resource("AWS::ApiGatewayV2::Integration", Props(
            ("ApiId", WebsocketsApi()), ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", InvokeUriOf(f.Key)))));
        ctx.AddResource(Naming.WebsocketsPermission(f.Key), Permission(f, "apigateway.amazonaws.com"));

        var route = e.Route.Value ?? string.Empty;
        var routeId = Naming.WebsocketsRoute(route);
        JsonNode? authorizerId = null;
        if (e.Authorizer is { } authorizer && route == "$connect")
        {
            authorizerId = WebsocketAuthorizer(ctx, authorizer);
        }

        ctx.AddResource(routeId, Resource("AWS::ApiGatewayV2::Route", Props(
            ("ApiId", WebsocketsApi()),
            ("RouteKey", ctx.Json(e.Route)),
            ("AuthorizationType", authorizerId is null ? "NONE" : "CUSTOM"),
            ("AuthorizerId", authorizerId),
            ("RouteResponseSelectionExpression", ctx.Json(e.RouteResponseSelectionExpression)),
            ("Target", PlanJson.Join("/", "integrations", PlanJson.Ref(integration))))));
        if (e.RouteResponseSelectionExpression is not null)
        {
            ctx.AddResource(Naming.WebsocketsRouteResponse(route), Resource("AWS::ApiGatewayV2::RouteResponse", Props(
                ("ApiId", WebsocketsApi()), ("RouteId", PlanJson.Ref(routeId)), ("RouteResponseKey", "$default"))));
        }

        const string deployment = "WebsocketsDeployment";
        var routes = ctx.Resources[deployment]?["DependsOn"] as JsonArray ?? [];
        routes.Add((JsonNode)routeId);
        ctx.Resources[deployment] = Resource("AWS::ApiGatewayV2::Deployment", Props(("ApiId", WebsocketsApi())), routes.DeepClone());
        ctx.AddResource(Naming.WebsocketsStage, Resource("AWS::ApiGatewayV2::Stage", Props(
            ("ApiId", WebsocketsApi()), ("StageName", ctx.Staged(string.Empty, string.Empty)), ("DeploymentId", PlanJson.Ref(deployment)))));
    }

    private static JsonObject? WebsocketAuthorizer(SamContext ctx, WebsocketAuthorizer authorizer)
    {
        var name = authorizer.NameOrShorthand;
        if (authorizer.ArnValue is not null || name is null || ctx.Service.FindFunction(name) is not { } local)
        {
            ctx.LeftOut(authorizer.Node, "only an authorizer function of the service is converted: the route is written without this one");
            return null;
        }

        var id = Naming.WebsocketsAuthorizer(local.Key);
        ctx.AddResource(id, Resource("AWS::ApiGatewayV2::Authorizer", Props(
            ("ApiId", WebsocketsApi()),
            ("AuthorizerType", "REQUEST"),
            ("AuthorizerUri", InvokeUriOf(local.Key)),
            ("IdentitySource", authorizer.IdentitySourceValue is { } source
                ? authorizer.IdentitySourceIsList ? ctx.Json(source) : new JsonArray(ctx.Json(source))
                : new JsonArray("route.request.header.Auth")),
            ("Name", name))));
        ctx.AddResource(Naming.WebsocketsAuthorizerPermission(local.Key), Permission(local, "apigateway.amazonaws.com"));
        return PlanJson.Ref(id);
    }

    private static void Alb(SamContext ctx, Function f, AlbEvent e)
    {
        var n = Ordinal(f, e).ToString(CultureInfo.InvariantCulture);
        var name = Naming.FunctionName(f.Key);
        var permission = name + "LambdaPermissionAlb";
        var targetGroup = name + "AlbTargetGroup" + n;
        ctx.AddResource(permission, Permission(f, "elasticloadbalancing.amazonaws.com"));
        var health = e.HealthCheckSettings;
        ctx.AddResource(targetGroup, Resource("AWS::ElasticLoadBalancingV2::TargetGroup", Props(
            ("Name", ctx.Json(e.TargetGroupName)),
            ("TargetType", "lambda"),
            ("Targets", new JsonArray(Props(("Id", FunctionArn(f.Key))))),
            ("HealthCheckEnabled", health is not null),
            ("HealthCheckPath", ctx.Json(health?.Path)),
            ("HealthCheckIntervalSeconds", ctx.Json(health?.IntervalSeconds)),
            ("HealthCheckTimeoutSeconds", ctx.Json(health?.TimeoutSeconds)),
            ("HealthyThresholdCount", ctx.Json(health?.HealthyThresholdCount)),
            ("UnhealthyThresholdCount", ctx.Json(health?.UnhealthyThresholdCount)),
            ("Matcher", health?.MatcherHttpCode is { } code ? Props(("HttpCode", ctx.Json(code))) : null),
            ("TargetGroupAttributes", new JsonArray(Props(("Key", "lambda.multi_value_headers.enabled"),
                ("Value", e.MultiValueHeadersEnabled ? "true" : "false"))))), new JsonArray(permission)));

        var conditions = new JsonArray();
        void Values(string key, string field, string? config)
        {
            if (e.Conditions.Values(key) is { } values)
            {
                var list = new JsonArray([.. values.Select(ctx.Json)]);
                conditions.Add((JsonNode)(config is null
                    ? Props(("Field", field), ("Values", list))
                    : Props(("Field", field), (config, Props(("Values", list))))));
            }
        }

        Values("path", "path-pattern", null);
        Values("host", "host-header", null);
        Values("method", "http-request-method", "HttpRequestMethodConfig");
        Values("ip", "source-ip", "SourceIpConfig");
        foreach (var (headerName, headerValues) in e.Conditions.Headers ?? [])
        {
            conditions.Add((JsonNode)Props(("Field", "http-header"), ("HttpHeaderConfig", Props(
                ("HttpHeaderName", ctx.Json(headerName)), ("Values", ctx.Json(headerValues))))));
        }

        if (e.Conditions.QueryValues is { } query)
        {
            conditions.Add((JsonNode)Props(("Field", "query-string"), ("QueryStringConfig", Props(("Values", new JsonArray(
                [.. query.Select(q => (JsonNode?)Props(("Key", q.Key), ("Value", ctx.Json(q.Value))))]))))));
        }

        if (e.AuthorizerNames.Count > 0)
        {
            ctx.LeftOut(e.Node, "the ALB authenticate actions ('authorizer') are left out: add them to the listener rule");
        }

        ctx.AddResource(name + "AlbListenerRule" + (e.PriorityLiteral ?? n), Resource("AWS::ElasticLoadBalancingV2::ListenerRule", Props(
            ("Actions", new JsonArray(Props(("Type", "forward"), ("TargetGroupArn", PlanJson.Ref(targetGroup))))),
            ("Conditions", conditions),
            ("ListenerArn", ctx.Json(e.ListenerArn)),
            ("Priority", ctx.Json(e.Priority.Node)))));
    }

    private static void FleetProvisioning(SamContext ctx, Function f, IotFleetProvisioningEvent e)
    {
        var name = Naming.FunctionName(f.Key);
        var permission = name + "LambdaPermissionIotProvisioningTemplate";
        ctx.AddResource(permission, Permission(f, "iot.amazonaws.com"));
        var body = ctx.Json(e.TemplateBody);
        ctx.AddResource(name + "IotProvisioningTemplate", Resource("AWS::IoT::ProvisioningTemplate", Props(
            ("TemplateName", ctx.Json(e.TemplateName)),
            ("Enabled", ctx.Json(e.Enabled)),
            ("ProvisioningRoleArn", ctx.Json(e.ProvisioningRoleArn)),
            ("TemplateBody", body is JsonObject o ? o.ToJsonString() : body),
            ("PreProvisioningHook", Props(("TargetArn", FunctionArn(f.Key)), ("PayloadVersion", "2020-04-01")))),
            new JsonArray(permission)));
    }
}
