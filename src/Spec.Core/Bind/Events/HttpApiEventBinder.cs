using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>httpApi</c>: an HTTP API route (<c>GET /path</c>, <c>*</c>, or the long form with an authorizer).</summary>
internal sealed class HttpApiEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.HttpApi;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            if (s.Text.Trim() == "*")
            {
                return new HttpApiEvent
                {
                    FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                    Method = new Setting<string?>("*", s, SettingSource.Explicit),
                    Path = new Spanned<string?>("*", s),
                };
            }

            if (SplitRoute(s.Text) is not { } route)
            {
                ctx.Error(s, $"'{site.Path}' must be 'METHOD /path' (e.g. 'GET /users') or '*', not '{s.Display}'");
                return null;
            }

            return new HttpApiEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                Method = new Setting<string?>(route.Method, s, SettingSource.Explicit),
                Path = new Spanned<string?>(route.Path, s),
            };
        }

        if (LongForm(ctx, value, site, "functions.*.events.httpApi", "'METHOD /path', '*' or a mapping with 'path'") is not { } m)
        {
            return null;
        }

        if (ctx.String(m, "path", site.Path) is not { } path)
        {
            return null;
        }

        // The method may only be left out for the catch-all path '*' (the Framework throws MISSING_HTTP_API_METHOD).
        var method = ctx.String(m, "method", site.Path);
        if (method is null && path.Value != "*")
        {
            Missing(ctx, m, site, "method", "an httpApi route needs 'method' (or '*' for any method)");
            return null;
        }

        return new HttpApiEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Path = path,
            Method = BindContext.Explicit<string?>(method, "*"),
            Authorizer = BindHttpApiEventAuthorizer(ctx, BindContext.Get(m, "authorizer"), site.Path.Key("authorizer")),
        };
    }

    private static HttpApiEventAuthorizer? BindHttpApiEventAuthorizer(BindContext ctx, Node? node, SpecPath path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                return new HttpApiEventAuthorizer { Node = s, Name = new Spanned<string?>(s.Text, s) };
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.events.httpApi.authorizer");
        return new HttpApiEventAuthorizer
        {
            Node = map,
            Name = ctx.String(map, "name", path),
            Id = ctx.String(map, "id", path),
            Type = ctx.String(map, "type", path),
            Scopes = ctx.StringList(map, "scopes", path),
        };
    }
}
