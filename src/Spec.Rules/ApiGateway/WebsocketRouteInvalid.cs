using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-012: WebSocket route key or route authorizer API Gateway rejects.</summary>
public sealed class WebsocketRouteInvalid : Rule
{
    /// <summary>The predefined routes; every other route key starting with <c>$</c> is reserved.</summary>
    private static readonly string[] PredefinedRoutes = ["$connect", "$disconnect", "$default"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-012",
        Title = "WebSocket route key or authorizer invalid",
        DefaultSeverity = Severity.Error,
        Category = "ApiGateway",
        Description = "A `websocket` event's `route` starts with `$` but is not one of the predefined routes `$connect`, `$disconnect` and `$default`, " +
                      "or a route other than `$connect` has an `authorizer`.",
        Rationale = "API Gateway reserves route keys that start with `$` for its predefined routes, and authorizes a WebSocket connection once, on `$connect`: " +
                    "`CreateRoute` rejects an authorization type on any other route, so the deployment fails.",
        HowToFix = "Name custom routes without the `$` (they match the route selection expression, e.g. `sendMessage`), and move the authorizer to the `$connect` route.",
        FailingExample = """
            - websocket:
                route: sendMessage
                authorizer: auth
            """,
        PassingExample = """
            - websocket:
                route: $connect
                authorizer: auth
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-routes.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var websocket in function.EventsOf<WebsocketEvent>())
            {
                if (websocket.Route.Value is not { } route)
                {
                    continue;
                }

                var shown = websocket.Route.Node.Display;
                if (route.StartsWith('$') && !PredefinedRoutes.Contains(route, StringComparer.Ordinal))
                {
                    context.Report(websocket.Route.Node,
                        $"route '{shown}' of function '{function.Key}' starts with '$', which API Gateway reserves for $connect, $disconnect and $default");
                }
                else if (websocket.Authorizer is { } authorizer && route != "$connect")
                {
                    context.Report(websocket.Value.KeyOf("authorizer") ?? authorizer.Node,
                        $"route '{shown}' of function '{function.Key}' has an authorizer; WebSocket APIs authorize only the $connect route");
                }
            }
        }
    }
}
