using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>websocket</c>: a WebSocket API route with an optional authorizer.</summary>
internal sealed class WebsocketEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Websocket;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new WebsocketEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                Route = new Spanned<string?>(s.Text, s),
            };
        }

        if (LongForm(ctx, value, site, "functions.*.events.websocket", "a route such as '$connect' or a mapping with 'route'") is not { } m
            || ctx.String(m, "route", site.Path) is not { } route)
        {
            return null;
        }

        return new WebsocketEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Route = route,
            RouteResponseSelectionExpression = ctx.String(m, "routeResponseSelectionExpression", site.Path),
            Authorizer = BindWebsocketAuthorizer(ctx, BindContext.Get(m, "authorizer"), site.Path.Key("authorizer")),
        };
    }

    private static WebsocketAuthorizer? BindWebsocketAuthorizer(BindContext ctx, Node? node, SpecPath path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                var isArn = s.Text.StartsWith("arn:", StringComparison.Ordinal);
                return new WebsocketAuthorizer { Node = s, Name = isArn ? null : new Spanned<string?>(s.Text, s), Arn = isArn ? s : null };
            case var n when BindContext.IsIntrinsic(n):
                return new WebsocketAuthorizer { Node = n, Arn = n };
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.events.websocket.authorizer");
        return new WebsocketAuthorizer
        {
            Node = map,
            Name = ctx.String(map, "name", path),
            Arn = ctx.ScalarOrIntrinsic(BindContext.Get(map, "arn"), path + ".arn"),
            IdentitySource = ctx.StringList(map, "identitySource", path),
        };
    }
}
