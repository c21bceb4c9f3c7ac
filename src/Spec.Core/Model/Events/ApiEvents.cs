using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary><c>http</c>: a REST API (API Gateway v1) route. Shorthand <c>GET /path</c>.</summary>
public sealed record HttpEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.Http;

    /// <summary><c>path</c> as written (may lack the leading <c>/</c>: the Framework only warns).</summary>
    public required Spanned<string?> Path { get; init; }

    /// <summary><c>method</c> as written (<c>get</c>, <c>POST</c>, <c>*</c>, <c>any</c>…).</summary>
    public required Spanned<string?> Method { get; init; }

    public HttpCors? Cors { get; init; }

    /// <summary><c>private</c>: requires an API key.</summary>
    public Spanned<bool?>? Private { get; init; }

    public Spanned<bool?>? Async { get; init; }

    /// <summary><c>integration</c>: <c>lambda-proxy</c>, <c>lambda</c>, <c>http</c>, <c>http-proxy</c>,
    /// <c>mock</c> (<c>aws</c>/<c>aws_proxy</c>/<c>mock</c> aliases).</summary>
    public Setting<string?> Integration { get; init; } = Setting<string?>.CatalogDefault("functions.*.events.http.integration");

    /// <summary>
    /// The API Gateway integration type the Framework derives (<c>getIntegration</c>): the written <c>integration</c>
    /// upper-cased with its first <c>-</c> as <c>_</c>, <c>LAMBDA</c> → <c>AWS</c>, <c>LAMBDA_PROXY</c> →
    /// <c>AWS_PROXY</c>; when none is written, <c>AWS</c> for an <c>async</c> route and the default's otherwise. Null when
    /// the written value is not a literal.
    /// </summary>
    public string? IntegrationType =>
        Integration.IsWritten ? Normalize(Integration.Value)
        : Async?.Value == true ? "AWS"
        : Normalize(Integration.DefaultValue);

    private static string? Normalize(string? integration)
    {
        if (integration is null)
        {
            return null;
        }

        var upper = integration.ToUpperInvariant();
        var dash = upper.IndexOf('-', StringComparison.Ordinal);
        var normalized = dash < 0 ? upper : string.Concat(upper.AsSpan(0, dash), "_", upper.AsSpan(dash + 1));
        return normalized switch
        {
            "LAMBDA" => "AWS",
            "LAMBDA_PROXY" => "AWS_PROXY",
            _ => normalized,
        };
    }

    public HttpAuthorizer? Authorizer { get; init; }

    /// <summary><c>request</c> (parameters, schemas, template, passThrough, contentHandling, uri, method), raw.</summary>
    public MappingNode? Request { get; init; }

    /// <summary><c>response</c> (headers, template, statusCodes, contentHandling), raw.</summary>
    public MappingNode? Response { get; init; }

    public Spanned<string?>? ConnectionType { get; init; }

    public Spanned<string?>? ConnectionId { get; init; }

    public Spanned<string?>? OperationId { get; init; }

    /// <summary>The method upper-cased, with <c>*</c> and <c>any</c> as <c>ANY</c>; null when unknown.</summary>
    public string? NormalizedMethod => Method.Value?.ToUpperInvariant() switch
    {
        null => null,
        "*" or "ANY" => "ANY",
        var m => m,
    };

    /// <summary>The path with exactly one leading <c>/</c>; null when unknown.</summary>
    public string? NormalizedPath => Path.Value is null ? null : "/" + Path.Value.TrimStart('/');

    /// <summary><see cref="Request"/> read as the REST API compiler reads it.</summary>
    public HttpRequest? RequestSettings => Request is null ? null : new HttpRequest(Request);

    /// <summary><see cref="Response"/> read as the REST API compiler reads it.</summary>
    public HttpResponse? ResponseSettings => Response is null ? null : new HttpResponse(Response);
}

/// <summary>
/// <c>http.response</c> of a non-proxy integration: headers for every status code, a default <c>template</c>, the
/// <c>statusCodes</c> (each with its selection <c>pattern</c>, <c>headers</c> and <c>template</c>) and
/// <c>contentHandling</c>; values pass through.
/// </summary>
public sealed record HttpResponse(MappingNode Node)
{
    /// <summary><c>headers</c>: header name → the value it maps (passed through).</summary>
    public IReadOnlyList<HttpHeader> Headers => HttpHeader.Of(Node["headers"]);

    /// <summary><c>template</c>: the <c>application/json</c> response template of every status code.</summary>
    public Node? Template => RawValues.Present(Node["template"]);

    public Node? ContentHandling => RawValues.Present(Node["contentHandling"]);

    /// <summary>True when <c>statusCodes</c> is written.</summary>
    public bool HasStatusCodes => Node["statusCodes"] is MappingNode;

    /// <summary><c>statusCodes</c> in order.</summary>
    public IReadOnlyList<HttpResponseStatus> StatusCodes => [.. RawValues.Entries(Node["statusCodes"]).Select(e =>
        new HttpResponseStatus(e.Key.Text, RawValues.Text(RawValues.Get(e.Value, "pattern")),
            HttpHeader.Of(RawValues.Get(e.Value, "headers")), HttpTemplate.Of(RawValues.Present(RawValues.Get(e.Value, "template")))))];
}

/// <summary>One of <c>http.response.statusCodes</c>: the selection pattern, headers and templates (a template given as
/// a string is the <c>application/json</c> one).</summary>
public sealed record HttpResponseStatus(string StatusCode, string? Pattern, IReadOnlyList<HttpHeader> Headers,
    IReadOnlyList<HttpTemplate> Templates);

/// <summary>A header a response maps, and the value it maps (passed through).</summary>
public sealed record HttpHeader(string Name, Node Value)
{
    public static IReadOnlyList<HttpHeader> Of(Node? headers) => [.. RawValues.Entries(headers).Select(e => new HttpHeader(e.Key.Text, e.Value))];
}

/// <summary>A mapping template by content type; a null <see cref="Template"/> removes that content type's default.</summary>
public sealed record HttpTemplate(string ContentType, Node? Template)
{
    /// <summary>A string is the <c>application/json</c> template; a mapping gives one per content type.</summary>
    public static IReadOnlyList<HttpTemplate> Of(Node? templates) => templates switch
    {
        null => [],
        ScalarNode => [new HttpTemplate("application/json", templates)],
        _ => [.. RawValues.Entries(templates).Select(e => new HttpTemplate(e.Key.Text, RawValues.Present(e.Value)))],
    };
}

/// <summary>
/// <c>http.request</c> as the REST API compiler reads it: the method request parameters (with <c>required</c> and
/// <c>mappedValue</c>), <c>passThrough</c>, and for HTTP integrations <c>uri</c> and <c>method</c> (passed through).
/// </summary>
public sealed record HttpRequest(MappingNode Node)
{
    /// <summary>Parameter locations in the order the Framework reads them: plural key, request-parameter part.</summary>
    public static readonly IReadOnlyList<(string Plural, string Singular)> Locations =
        [("querystrings", "querystring"), ("paths", "path"), ("headers", "header")];

    /// <summary>True when a method request parameter is required: the method then needs the request validator
    /// (<c>request-validator.js</c>; a parameter written <c>false</c> or <c>{required: false}</c> does not).</summary>
    public bool RequiresParameter => Parameters.Any(p => p.Required);

    /// <summary><c>schemas</c>: content type → the key of a <c>provider.apiGateway.request.schemas</c> model, a schema,
    /// or <c>{name, description, schema}</c>, in order.</summary>
    public IReadOnlyList<HttpRequestSchema> Schemas => [.. RawValues.Entries(Node["schemas"])
        .Select(e => new HttpRequestSchema(e.Key.Text, e.Value))];

    /// <summary>The method request parameters, location by location, in order.</summary>
    public IReadOnlyList<HttpRequestParameter> Parameters
    {
        get
        {
            var parameters = Node["parameters"];
            var list = new List<HttpRequestParameter>();
            foreach (var (plural, singular) in Locations)
            {
                foreach (var entry in RawValues.Entries(RawValues.Get(parameters, plural)))
                {
                    // A parameter given as a mapping is required unless it says otherwise (method/index.js:compileMethods).
                    var required = entry.Value is MappingNode m ? RawValues.Bool(m["required"]) ?? true : RawValues.Bool(entry.Value) ?? false;
                    list.Add(new HttpRequestParameter(singular, entry.Key.Text, required,
                        RawValues.Text(RawValues.Get(entry.Value, "mappedValue"))));
                }
            }

            return list;
        }
    }

    /// <summary><c>passThrough</c> as written.</summary>
    public string? PassThrough => RawValues.Text(Node["passThrough"]);

    /// <summary><c>contentHandling</c> (passed through).</summary>
    public Node? ContentHandling => RawValues.Present(Node["contentHandling"]);

    /// <summary><c>template</c>: content type → request template; a null template removes that content type's
    /// default.</summary>
    public IReadOnlyList<HttpTemplate> Templates => RawValues.IsMapping(Node["template"]) ? HttpTemplate.Of(Node["template"]) : [];

    /// <summary><c>uri</c> of an HTTP integration (passed through).</summary>
    public Node? Uri => Node["uri"];

    /// <summary><c>method</c> of an HTTP integration (passed through).</summary>
    public Node? Method => Node["method"];
}

/// <summary>
/// One entry of <c>http.request.schemas</c>: a content type and its model, read as <c>request-validator.js</c> reads it.
/// </summary>
public sealed record HttpRequestSchema(string ContentType, Node Value)
{
    /// <summary>The text when the model is a scalar: the key of a provider model, else the schema itself.</summary>
    public string? Reference => Value is ScalarNode { IsNull: false } s ? s.Text : null;

    /// <summary>True for <c>{schema, name, description}</c> (a mapping with a present <c>schema</c>).</summary>
    public bool IsExplicit => Value is MappingNode m && RawValues.IsTruthy(m["schema"]);

    /// <summary>The schema: <c>schema</c> of the explicit form, else the whole value.</summary>
    public Node Schema => IsExplicit ? ((MappingNode)Value)["schema"]! : Value;

    /// <summary><c>name</c> of the explicit form when written and not null (passed through).</summary>
    public Node? Name => IsExplicit ? RawValues.Present(((MappingNode)Value)["name"]) : null;

    /// <summary><c>description</c> of the explicit form when written and not null (passed through).</summary>
    public Node? Description => IsExplicit ? RawValues.Present(((MappingNode)Value)["description"]) : null;
}

/// <summary>One method request parameter: its location (<c>querystring</c>, <c>path</c>, <c>header</c>), name, whether it
/// is required, and the integration value it maps to (<c>mappedValue</c>).</summary>
public sealed record HttpRequestParameter(string Location, string Name, bool Required, string? MappedValue);

/// <summary><c>http.cors</c>: <c>true</c> or <c>{origin, origins, headers, methods, allowCredentials, maxAge,
/// cacheControl}</c>.</summary>
public sealed record HttpCors
{
    public required Node Node { get; init; }

    public bool Enabled { get; init; } = true;

    public IReadOnlyList<Spanned<string?>> Origins { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> Headers { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> Methods { get; init; } = [];

    public Spanned<bool?>? AllowCredentials { get; init; }

    public Spanned<int?>? MaxAge { get; init; }

    public Spanned<string?>? CacheControl { get; init; }

    /// <summary>True for the object form (<c>cors: true</c> takes the Framework's defaults).</summary>
    public bool IsObject => RawValues.IsMapping(Node);

    /// <summary><c>origin</c> alone, as written (the REST API compiler keeps it apart from <c>origins</c>).</summary>
    public string? Origin => RawValues.Text(RawValues.Get(Node, "origin"));

    /// <summary><c>origins</c> when written as a list, else null.</summary>
    public IReadOnlyList<string>? OriginsList => RawValues.IsList(RawValues.Get(Node, "origins")) ? RawValues.Texts(RawValues.Get(Node, "origins")) : null;

    /// <summary><c>headers</c> when written as a list, else null (the Framework's default headers apply).</summary>
    public IReadOnlyList<string>? HeadersList => RawValues.IsList(RawValues.Get(Node, "headers")) ? RawValues.Texts(RawValues.Get(Node, "headers")) : null;

    /// <summary><c>methods</c> as written (list items only).</summary>
    public IReadOnlyList<string> MethodsList => RawValues.Texts(RawValues.Get(Node, "methods"));

    /// <summary><c>maxAge</c> as written (passed through), or null.</summary>
    public Node? MaxAgeValue => RawValues.Present(RawValues.Get(Node, "maxAge"));
}

/// <summary><c>http.authorizer</c>: a function name, an ARN, or the object form.</summary>
public sealed record HttpAuthorizer
{
    public required Node Node { get; init; }

    public Spanned<string?>? Name { get; init; }

    public Node? Arn { get; init; }

    public Node? AuthorizerId { get; init; }

    /// <summary><c>token</c> (default for functions), <c>request</c>, <c>cognito_user_pools</c>, <c>aws_iam</c>,
    /// <c>custom</c>.</summary>
    public Spanned<string?>? Type { get; init; }

    /// <summary><c>identitySource</c>.</summary>
    public Setting<string?> IdentitySource { get; init; } = Setting<string?>.CatalogDefault("functions.*.events.http.authorizer.identitySource");

    public Spanned<string?>? IdentityValidationExpression { get; init; }

    /// <summary><c>resultTtlInSeconds</c>.</summary>
    public Setting<int?> ResultTtlInSeconds { get; init; } = Setting<int?>.CatalogDefault("functions.*.events.http.authorizer.resultTtlInSeconds");

    public IReadOnlyList<Spanned<string?>> Claims { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> Scopes { get; init; } = [];

    public Spanned<bool?>? ManagedExternally { get; init; }

    /// <summary>True for the object form (a name or ARN alone gets no result TTL).</summary>
    public bool IsObject => RawValues.IsMapping(Node);

    /// <summary>The literal text of the shorthand (a function name or an ARN), or null for the object form.</summary>
    public string? Shorthand => RawValues.Text(Node);

    /// <summary><c>scopes</c> as written (passed through), or null.</summary>
    public Node? ScopesValue => RawValues.Present(RawValues.Get(Node, "scopes"));

    /// <summary><c>arn</c> of the object form as written (the key is present), or null.</summary>
    public Node? ExistingArn => RawValues.Present(RawValues.Get(Node, "arn"));

    /// <summary>The ARN when it is written as a string: the shorthand with a <c>:</c>, or <c>arn</c> of the object form.</summary>
    public string? LiteralArn => Shorthand is { } shorthand
        ? shorthand.Contains(':', StringComparison.Ordinal) ? shorthand : null
        : RawValues.Text(ExistingArn);

    /// <summary><c>authorizerId</c> as written, or null.</summary>
    public Node? ExistingId => RawValues.Present(RawValues.Get(Node, "authorizerId"));
}

/// <summary><c>httpApi</c>: an HTTP API (API Gateway v2) route. Shorthand <c>'GET /path'</c> or <c>'*'</c>.</summary>
public sealed record HttpApiEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.HttpApi;

    /// <summary><c>path</c> (<c>*</c> for the catch-all route).</summary>
    public required Spanned<string?> Path { get; init; }

    /// <summary><c>method</c>; <c>*</c> means any method (also the default when the long form omits it).</summary>
    public required Setting<string?> Method { get; init; }

    public HttpApiEventAuthorizer? Authorizer { get; init; }

    /// <summary>True for the <c>$default</c> catch-all route (<c>'*'</c>).</summary>
    public bool IsDefaultRoute => Path.Value == "*";
}

/// <summary><c>httpApi.authorizer</c>: a name, <c>{name, scopes}</c>, <c>{id}</c> or <c>{type: aws_iam}</c>.</summary>
public sealed record HttpApiEventAuthorizer
{
    public required Node Node { get; init; }

    public Spanned<string?>? Name { get; init; }

    public Spanned<string?>? Id { get; init; }

    public Spanned<string?>? Type { get; init; }

    public IReadOnlyList<Spanned<string?>> Scopes { get; init; } = [];
}

/// <summary><c>websocket</c>: a WebSocket API route. Shorthand <c>$connect</c>.</summary>
public sealed record WebsocketEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.Websocket;

    public required Spanned<string?> Route { get; init; }

    public Spanned<string?>? RouteResponseSelectionExpression { get; init; }

    public WebsocketAuthorizer? Authorizer { get; init; }
}

/// <summary><c>websocket.authorizer</c>: a function name, an ARN, or <c>{name | arn, identitySource}</c>.</summary>
public sealed record WebsocketAuthorizer
{
    public required Node Node { get; init; }

    public Spanned<string?>? Name { get; init; }

    public Node? Arn { get; init; }

    public IReadOnlyList<Spanned<string?>> IdentitySource { get; init; } = [];

    /// <summary>The literal shorthand (a function name or an ARN), or the <c>name</c> of the object form.</summary>
    public string? NameOrShorthand => RawValues.Text(Node) ?? RawValues.Text(RawValues.Get(Node, "name"));

    /// <summary>Where the name the authorizer's ids spell is read: the shorthand, its <c>name</c>, else its <c>arn</c>.</summary>
    public Node? NameSource => RawValues.Text(Node) is not null ? Node
        : RawValues.Get(Node, "name") is { } name && RawValues.Text(name) is not null ? name
        : ArnValue;

    /// <summary><c>arn</c> of the object form as written (the key is present), or null.</summary>
    public Node? ArnValue => RawValues.Present(RawValues.Get(Node, "arn"));

    /// <summary>The literal text of <see cref="ArnValue"/>, or null.</summary>
    public string? ArnLiteral => RawValues.Text(ArnValue);

    /// <summary><c>identitySource</c> as written (passed through), or null when absent.</summary>
    public Node? IdentitySourceValue => RawValues.Get(Node, "identitySource");

    /// <summary>True when <see cref="IdentitySourceValue"/> is a list.</summary>
    public bool IdentitySourceIsList => RawValues.IsList(IdentitySourceValue);
}

/// <summary><c>alb</c>: an Application Load Balancer listener rule.</summary>
public sealed record AlbEvent : FunctionEvent
{
    public override EventKind Kind => EventKind.Alb;

    public required Node ListenerArn { get; init; }

    public required Spanned<int?> Priority { get; init; }

    public required AlbConditions Conditions { get; init; }

    /// <summary><c>healthCheck</c>: bool or object (raw).</summary>
    public Node? HealthCheck { get; init; }

    public Spanned<bool?>? MultiValueHeaders { get; init; }

    public Spanned<string?>? TargetGroupName { get; init; }

    /// <summary>Names of <c>provider.alb.authorizers</c>.</summary>
    public IReadOnlyList<Spanned<string?>> Authorizer { get; init; } = [];

    /// <summary>The logical id <c>{Ref: X}</c> names as the listener, or null.</summary>
    public string? ListenerRefName => ListenerArn is MappingNode { Entries.Count: 1 } m ? RawValues.Text(m["Ref"]) : null;

    /// <summary>The literal listener ARN, or null.</summary>
    public string? ListenerLiteral => RawValues.Text(ListenerArn);

    /// <summary>True when the listener ARN is only known at deploy time.</summary>
    public bool ListenerIsDeployTime => RawValues.IsDeployTime(ListenerArn);

    /// <summary>The priority as written when it is an integer literal (it names the listener rule), else null.</summary>
    public string? PriorityLiteral => Priority.Node is ScalarNode { Kind: ScalarKind.Int } p ? p.Text : null;

    /// <summary>True when <c>conditions</c> sets at least one key.</summary>
    public bool HasConditions => Conditions.Node is MappingNode { Entries.Count: > 0 };

    /// <summary>True when <c>multiValueHeaders</c> is set (JavaScript-truthy).</summary>
    public bool MultiValueHeadersEnabled => RawValues.IsTruthy(MultiValueHeaders?.Node);

    /// <summary>True when <c>targetGroupName</c> is set (JavaScript-truthy).</summary>
    public bool HasTargetGroupName => RawValues.IsTruthy(TargetGroupName?.Node);

    /// <summary><c>authorizer</c> names as written, one or a list (each with its text, null when not a string); empty
    /// when not set.</summary>
    public IReadOnlyList<(Node Node, string? Name)> AuthorizerNames =>
        RawValues.IsTruthy(RawValues.Get(Value, "authorizer"))
            ? [.. RawValues.ItemsOrSelf(RawValues.Get(Value, "authorizer")).Select(n => (n, RawValues.Text(n)))]
            : [];

    /// <summary><c>healthCheck</c> when set (JavaScript-truthy).</summary>
    public AlbHealthCheck? HealthCheckSettings => RawValues.IsTruthy(HealthCheck) ? new AlbHealthCheck(HealthCheck!) : null;
}

/// <summary><c>alb.healthCheck</c>: <c>true</c> or the object form; each written value passes through.</summary>
public sealed record AlbHealthCheck(Node Node)
{
    public Node? IntervalSeconds => RawValues.Present(RawValues.Get(Node, "intervalSeconds"));

    public Node? Path => RawValues.Present(RawValues.Get(Node, "path"));

    public Node? TimeoutSeconds => RawValues.Present(RawValues.Get(Node, "timeoutSeconds"));

    public Node? HealthyThresholdCount => RawValues.Present(RawValues.Get(Node, "healthyThresholdCount"));

    /// <summary><c>unhealthyThresholdCount</c> when set (JavaScript-truthy).</summary>
    public Node? UnhealthyThresholdCount =>
        RawValues.IsTruthy(RawValues.Get(Node, "unhealthyThresholdCount")) ? RawValues.Get(Node, "unhealthyThresholdCount") : null;

    /// <summary><c>matcher.httpCode</c> when set (JavaScript-truthy).</summary>
    public Node? MatcherHttpCode =>
        RawValues.IsTruthy(RawValues.Path(Node, "matcher", "httpCode")) ? RawValues.Path(Node, "matcher", "httpCode") : null;
}

/// <summary><c>alb.conditions</c>.</summary>
public sealed record AlbConditions
{
    public required Node Node { get; init; }

    public IReadOnlyList<Spanned<string?>> Path { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> Method { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> Host { get; init; } = [];

    /// <summary><c>header: {name, values}</c>, raw.</summary>
    public Node? Header { get; init; }

    /// <summary><c>query: {key: value}</c>, raw.</summary>
    public Node? Query { get; init; }

    public IReadOnlyList<Spanned<string?>> Ip { get; init; } = [];

    /// <summary>A condition's values as written (<c>[].concat(value)</c>), or null when the condition is not set
    /// (<c>path</c>, <c>host</c>, <c>method</c> and <c>ip</c>).</summary>
    public IReadOnlyList<Node>? Values(string key) =>
        RawValues.IsTruthy(RawValues.Get(Node, key)) ? RawValues.ItemsOrSelf(RawValues.Get(Node, key)) : null;

    /// <summary><c>header</c> conditions (one or a list), each with its <c>name</c> and <c>values</c> as written; null when
    /// not set.</summary>
    public IReadOnlyList<(Node? Name, Node? Values)>? Headers =>
        RawValues.IsTruthy(Header)
            ? [.. RawValues.ItemsOrSelf(Header).Select(h => (RawValues.Get(h, "name"), RawValues.Get(h, "values")))]
            : null;

    /// <summary><c>query</c> conditions (key and raw value); null when not set.</summary>
    public IReadOnlyList<CfnEntry>? QueryValues => RawValues.IsTruthy(Query) ? CfnEntry.Of(Query) : null;
}
