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
}

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
}
