using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>http</c>: a REST API route (<c>GET /path</c> or the long form with CORS, authorizer, request and response).</summary>
internal sealed class HttpEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Http;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            if (SplitRoute(s.Text) is not { } route)
            {
                ctx.Error(s, $"'{site.Path}' must be 'METHOD /path' (e.g. 'GET /users'), not '{s.Display}'");
                return null;
            }

            return new HttpEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                Method = new Spanned<string?>(route.Method, s),
                Path = new Spanned<string?>(route.Path, s),
            };
        }

        if (LongForm(ctx, value, site, "functions.*.events.http", "'METHOD /path' or a mapping with 'path' and 'method'") is not { } m)
        {
            return null;
        }

        var path = ctx.String(m, "path", site.Path);
        var method = ctx.String(m, "method", site.Path);
        if (path is null || method is null)
        {
            return null;
        }

        var request = ctx.Mapping(m, "request", site.Path);
        if (request is not null)
        {
            const string parametersPath = "functions.*.events.http.request.parameters";
            ctx.CheckKeys(request, site.Path.Key("request"), "functions.*.events.http.request", key =>
                ctx.Catalog.Find(parametersPath + "." + key) is null
                    ? null
                    : $"'{key}' belongs under 'request.parameters'; here the Framework ignores it");

            if (ctx.Mapping(request, "parameters", site.Path.Key("request")) is { } parameters)
            {
                ctx.CheckKeys(parameters, site.Path + ".request.parameters", parametersPath);
            }
        }

        var response = ctx.Mapping(m, "response", site.Path);
        if (response is not null)
        {
            ctx.CheckKeys(response, site.Path.Key("response"), "functions.*.events.http.response");
        }

        return new HttpEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Path = path,
            Method = method,
            Cors = BindHttpCors(ctx, BindContext.Get(m, "cors"), site.Path.Key("cors")),
            Private = ctx.Bool(m, "private", site.Path),
            Async = ctx.Bool(m, "async", site.Path),
            Integration = ctx.OrDefault(ctx.String(m, "integration", site.Path), "functions.*.events.http.integration"),
            Authorizer = BindHttpAuthorizer(ctx, BindContext.Get(m, "authorizer"), site.Path.Key("authorizer")),
            Request = request,
            Response = response,
            ConnectionType = ctx.String(m, "connectionType", site.Path),
            ConnectionId = ctx.String(m, "connectionId", site.Path),
            OperationId = ctx.String(m, "operationId", site.Path),
        };
    }

    private static HttpCors? BindHttpCors(BindContext ctx, Node? node, SpecPath path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode:
                return ctx.Bool(node, path) is { } b ? new HttpCors { Node = node, Enabled = b.Value != false } : null;
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.events.http.cors");
        var origins = ctx.StringList(map, "origins", path);
        if (ctx.String(map, "origin", path) is { } origin)
        {
            origins = [origin, .. origins];
        }

        return new HttpCors
        {
            Node = map,
            Origins = origins,
            Headers = ctx.StringList(map, "headers", path),
            Methods = ctx.StringList(map, "methods", path),
            AllowCredentials = ctx.Bool(map, "allowCredentials", path),
            MaxAge = ctx.Int(map, "maxAge", path),
            CacheControl = ctx.String(map, "cacheControl", path),
        };
    }

    private static HttpAuthorizer? BindHttpAuthorizer(BindContext ctx, Node? node, SpecPath path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                var isArn = s.Text.StartsWith("arn:", StringComparison.Ordinal);
                return new HttpAuthorizer
                {
                    Node = s,
                    Name = isArn ? null : new Spanned<string?>(s.Text, s),
                    Arn = isArn ? s : null,
                    Type = s.Text is "aws_iam" ? new Spanned<string?>(s.Text, s) : null,
                };
            case var n when BindContext.IsIntrinsic(n):
                return new HttpAuthorizer { Node = n, Arn = n };
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "functions.*.events.http.authorizer");
        return new HttpAuthorizer
        {
            Node = map,
            Name = ctx.String(map, "name", path),
            Arn = ctx.ScalarOrIntrinsic(BindContext.Get(map, "arn"), path + ".arn"),
            AuthorizerId = ctx.ScalarOrIntrinsic(BindContext.Get(map, "authorizerId"), path + ".authorizerId"),
            Type = ctx.String(map, "type", path),
            IdentitySource = ctx.OrDefault(ctx.String(map, "identitySource", path), "functions.*.events.http.authorizer.identitySource"),
            IdentityValidationExpression = ctx.String(map, "identityValidationExpression", path),
            ResultTtlInSeconds = ctx.OrDefault(ctx.Int(map, "resultTtlInSeconds", path), "functions.*.events.http.authorizer.resultTtlInSeconds"),
            Claims = ctx.StringList(map, "claims", path),
            Scopes = ctx.StringList(map, "scopes", path),
            ManagedExternally = ctx.Bool(map, "managedExternally", path),
        };
    }
}
