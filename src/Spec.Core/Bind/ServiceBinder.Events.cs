using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

internal sealed partial class ServiceBinder
{
    /// <summary>Where an event sits: its function, list position and list item.</summary>
    private sealed record EventSite(string FunctionKey, int Index, Node Item, string Path);

    private IReadOnlyList<FunctionEvent> BindEvents(string functionKey, Node? node, string path)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not SequenceNode seq)
        {
            ctx.WrongType(node, path, "a list of events");
            return [];
        }

        var events = new List<FunctionEvent>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            var itemPath = $"{path}[{i}]";
            switch (item)
            {
                case ScalarNode { IsNull: true }:
                    ctx.Error(item, $"'{itemPath}' is empty", "write an event such as '- httpApi: GET /path'");
                    break;
                case ScalarNode s:
                    // A bare string such as '- alexaSkill' (deprecated, but compiled by the Framework).
                    if (FunctionEvent.KindOf(s.Text) is { } bare)
                    {
                        AddEvent(events, bare, new ScalarNode(s.Span, "", ScalarKind.Null), new EventSite(functionKey, i, s, $"{itemPath}.{s.Text}"));
                    }
                    else
                    {
                        ctx.UnknownKey(s, path, "functions.*.events", "events are one-key mappings such as '- http: GET /path'");
                    }

                    break;
                case MappingNode m when !BindContext.IsIntrinsic(m):
                    foreach (var entry in m.Entries)
                    {
                        if (FunctionEvent.KindOf(entry.Key.Text) is { } kind)
                        {
                            AddEvent(events, kind, entry.Value, new EventSite(functionKey, i, m, $"{itemPath}.{entry.Key.Text}"));
                        }
                        else
                        {
                            ctx.UnknownKey(entry.Key, itemPath, "functions.*.events");
                        }
                    }

                    break;
                default:
                    ctx.WrongType(item, itemPath, "an event (a one-key mapping such as 'http: GET /path')");
                    break;
            }
        }

        return events;
    }

    private void AddEvent(List<FunctionEvent> events, EventKind kind, Node value, EventSite site)
    {
        if (BindEvent(kind, value, site) is { } e)
        {
            events.Add(e);
        }
    }

    private FunctionEvent? BindEvent(EventKind kind, Node value, EventSite site)
    {
        // The bare/null form is only meaningful for alexaSkill.
        if (value is ScalarNode { IsNull: true } && kind != EventKind.AlexaSkill)
        {
            ctx.Error(value is ScalarNode { Text: "" } ? site.Item : value,
                $"the '{FunctionEvent.KeyName(kind)}' event at '{site.Path}' has no configuration");
            return null;
        }

        return kind switch
        {
            EventKind.Http => BindHttp(value, site),
            EventKind.HttpApi => BindHttpApiEvent(value, site),
            EventKind.Websocket => BindWebsocket(value, site),
            EventKind.Sqs => BindSqs(value, site),
            EventKind.Sns => BindSns(value, site),
            EventKind.S3 => BindS3(value, site),
            EventKind.Schedule => BindSchedule(value, site),
            EventKind.Stream => BindStream(value, site),
            EventKind.Msk => BindMsk(value, site),
            EventKind.Kafka => BindKafka(value, site),
            EventKind.ActiveMq => BindActiveMq(value, site),
            EventKind.RabbitMq => BindRabbitMq(value, site),
            EventKind.Alb => BindAlbEvent(value, site),
            EventKind.AlexaSkill => BindAlexaSkill(value, site),
            EventKind.AlexaSmartHome => BindAlexaSmartHome(value, site),
            EventKind.Iot => BindIot(value, site),
            EventKind.IotFleetProvisioning => BindIotFleet(value, site),
            EventKind.CloudwatchEvent => BindCloudwatchEvent(value, site),
            EventKind.CloudwatchLog => BindCloudwatchLog(value, site),
            EventKind.CognitoUserPool => BindCognito(value, site),
            EventKind.EventBridge => BindEventBridge(value, site),
            EventKind.CloudFront => BindCloudFront(value, site),
            _ => null,
        };
    }

    /// <summary>The long form of an event: a mapping (not an intrinsic), with its keys checked against the catalogue's
    /// object at <paramref name="catalogPath"/>: unknown keys, and the keys it requires.</summary>
    private MappingNode? LongForm(Node value, EventSite site, string catalogPath, string expected) =>
        LongForm(value, site, catalogPath, expected, out _);

    /// <summary>The long form, and whether it has every key it requires.</summary>
    private MappingNode? LongForm(Node value, EventSite site, string catalogPath, string expected, out bool complete)
    {
        if (value is MappingNode m && !BindContext.IsIntrinsic(m))
        {
            ctx.CheckKeys(m, site.Path, catalogPath);
            complete = ctx.RequireKeys(m, site.Path, catalogPath);
            return m;
        }

        ctx.WrongType(value, site.Path, expected);
        complete = false;
        return null;
    }

    /// <summary>A reference-like value (ARN string or intrinsic) of the long form; null when absent (the long form has
    /// reported a required one) or of the wrong type.</summary>
    private Node? Ref(MappingNode map, string key, EventSite site) =>
        ScalarOrIntrinsic(BindContext.Get(map, key), $"{site.Path}.{key}");

    private static bool IsShorthand(Node value) => value is ScalarNode || BindContext.IsIntrinsic(value);

    private static (string Method, string Path)? SplitRoute(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }

    // ------------------------------------------------------------------ API events

    private HttpEvent? BindHttp(Node value, EventSite site)
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

        if (LongForm(value, site, "functions.*.events.http", "'METHOD /path' or a mapping with 'path' and 'method'") is not { } m)
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
            ctx.CheckKeys(request, site.Path + ".request", "functions.*.events.http.request", key =>
                ctx.Catalog.Find(parametersPath + "." + key) is null
                    ? null
                    : $"'{key}' belongs under 'request.parameters'; here the Framework ignores it");

            if (ctx.Mapping(request, "parameters", site.Path + ".request") is { } parameters)
            {
                ctx.CheckKeys(parameters, site.Path + ".request.parameters", parametersPath);
            }
        }

        var response = ctx.Mapping(m, "response", site.Path);
        if (response is not null)
        {
            ctx.CheckKeys(response, site.Path + ".response", "functions.*.events.http.response");
        }

        return new HttpEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Path = path,
            Method = method,
            Cors = BindHttpCors(BindContext.Get(m, "cors"), site.Path + ".cors"),
            Private = ctx.Bool(m, "private", site.Path),
            Async = ctx.Bool(m, "async", site.Path),
            Integration = ctx.OrDefault(ctx.String(m, "integration", site.Path), "functions.*.events.http.integration"),
            Authorizer = BindHttpAuthorizer(BindContext.Get(m, "authorizer"), site.Path + ".authorizer"),
            Request = request,
            Response = response,
            ConnectionType = ctx.String(m, "connectionType", site.Path),
            ConnectionId = ctx.String(m, "connectionId", site.Path),
            OperationId = ctx.String(m, "operationId", site.Path),
        };
    }

    private HttpCors? BindHttpCors(Node? node, string path)
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

    private HttpAuthorizer? BindHttpAuthorizer(Node? node, string path)
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
            Arn = ScalarOrIntrinsic(BindContext.Get(map, "arn"), path + ".arn"),
            AuthorizerId = ScalarOrIntrinsic(BindContext.Get(map, "authorizerId"), path + ".authorizerId"),
            Type = ctx.String(map, "type", path),
            IdentitySource = ctx.OrDefault(ctx.String(map, "identitySource", path), "functions.*.events.http.authorizer.identitySource"),
            IdentityValidationExpression = ctx.String(map, "identityValidationExpression", path),
            ResultTtlInSeconds = ctx.OrDefault(ctx.Int(map, "resultTtlInSeconds", path), "functions.*.events.http.authorizer.resultTtlInSeconds"),
            Claims = ctx.StringList(map, "claims", path),
            Scopes = ctx.StringList(map, "scopes", path),
            ManagedExternally = ctx.Bool(map, "managedExternally", path),
        };
    }

    private HttpApiEvent? BindHttpApiEvent(Node value, EventSite site)
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

        if (LongForm(value, site, "functions.*.events.httpApi", "'METHOD /path', '*' or a mapping with 'path'") is not { } m)
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
            ctx.MissingKey(m, site.Path, "method", "an httpApi route needs 'method' (or '*' for any method)");
            return null;
        }

        return new HttpApiEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Path = path,
            Method = BindContext.Explicit<string?>(method, "*"),
            Authorizer = BindHttpApiEventAuthorizer(BindContext.Get(m, "authorizer"), site.Path + ".authorizer"),
        };
    }

    private HttpApiEventAuthorizer? BindHttpApiEventAuthorizer(Node? node, string path)
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

    private WebsocketEvent? BindWebsocket(Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new WebsocketEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                Route = new Spanned<string?>(s.Text, s),
            };
        }

        if (LongForm(value, site, "functions.*.events.websocket", "a route such as '$connect' or a mapping with 'route'") is not { } m
            || ctx.String(m, "route", site.Path) is not { } route)
        {
            return null;
        }

        return new WebsocketEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Route = route,
            RouteResponseSelectionExpression = ctx.String(m, "routeResponseSelectionExpression", site.Path),
            Authorizer = BindWebsocketAuthorizer(BindContext.Get(m, "authorizer"), site.Path + ".authorizer"),
        };
    }

    private WebsocketAuthorizer? BindWebsocketAuthorizer(Node? node, string path)
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
            Arn = ScalarOrIntrinsic(BindContext.Get(map, "arn"), path + ".arn"),
            IdentitySource = ctx.StringList(map, "identitySource", path),
        };
    }

    private AlbEvent? BindAlbEvent(Node value, EventSite site)
    {
        if (LongForm(value, site, "functions.*.events.alb", "a mapping with 'listenerArn', 'priority' and 'conditions'") is not { } m)
        {
            return null;
        }

        var listener = Ref(m, "listenerArn", site);
        var priority = ctx.Int(m, "priority", site.Path);
        var cpath = site.Path + ".conditions";
        var conditions = ctx.Mapping(BindContext.Get(m, "conditions"), cpath);
        if (listener is null || priority is null || conditions is null)
        {
            return null;
        }

        ctx.CheckKeys(conditions, cpath, "functions.*.events.alb.conditions");
        return new AlbEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            ListenerArn = listener,
            Priority = priority,
            Conditions = new AlbConditions
            {
                Node = conditions,
                Path = ctx.StringList(conditions, "path", cpath),
                Method = ctx.StringList(conditions, "method", cpath),
                Host = ctx.StringList(conditions, "host", cpath),
                Header = BindContext.Get(conditions, "header"),
                Query = BindContext.Get(conditions, "query"),
                Ip = ctx.StringList(conditions, "ip", cpath),
            },
            HealthCheck = BindContext.Get(m, "healthCheck"),
            MultiValueHeaders = ctx.Bool(m, "multiValueHeaders", site.Path),
            TargetGroupName = ctx.String(m, "targetGroupName", site.Path),
            Authorizer = ctx.StringList(m, "authorizer", site.Path),
        };
    }
}
