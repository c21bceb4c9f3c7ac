using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// The API settings of <c>provider</c>: <c>apiGateway</c> (REST) and <c>httpApi</c> with its CORS and
/// authorizers.
/// </summary>
internal sealed class ApiSettingsBinder(BindContext ctx)
{
    public ApiGatewayConfig? BindApiGateway(Node? node)
    {
        const string path = "provider.apiGateway";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.apiGateway");
        return new ApiGatewayConfig
        {
            Node = map,
            ApiKeys = ctx.List(BindContext.Get(map, "apiKeys"), path + ".apiKeys"),
            ApiKeySourceType = ctx.String(map, "apiKeySourceType", path),
            BinaryMediaTypes = ctx.StringList(map, "binaryMediaTypes", path),
            Description = ctx.String(map, "description", path),
            DisableDefaultEndpoint = ctx.Bool(map, "disableDefaultEndpoint", path),
            Metrics = ctx.Bool(map, "metrics", path),
            MinimumCompressionSize = ctx.Int(map, "minimumCompressionSize", path),
            ResourcePolicy = BindContext.Get(map, "resourcePolicy"),
            RestApiId = ctx.String(map, "restApiId", path),
            RestApiResources = BindContext.Get(map, "restApiResources"),
            RestApiRootResourceId = ctx.String(map, "restApiRootResourceId", path),
            Request = BindContext.Get(map, "request"),
            ShouldStartNameWithService = ctx.Bool(map, "shouldStartNameWithService", path),
            Stage = ctx.String(map, "stage", path),
            UsagePlan = BindContext.Get(map, "usagePlan"),
            WebsocketApiId = ctx.String(map, "websocketApiId", path),
            TimeoutInMillis = ctx.Int(map, "timeoutInMillis", path),
        };
    }

    public HttpApiConfig? BindHttpApi(Node? node)
    {
        const string path = "provider.httpApi";
        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.httpApi");
        var authorizers = new List<HttpApiAuthorizer>();
        if (ctx.Mapping(map, "authorizers", path) is { } auth)
        {
            foreach (var entry in auth.Entries)
            {
                var apath = $"{path}.authorizers.{entry.Key.Text}";
                if (ctx.Mapping(entry.Value, apath) is not { } a)
                {
                    continue;
                }

                ctx.CheckKeys(a, apath, "provider.httpApi.authorizers.*");
                var type = ctx.OrDefault(ctx.String(a, "type", apath), "provider.httpApi.authorizers.*.type");
                if (type.Value == "request")
                {
                    if (BindContext.Get(a, "functionName") is null && BindContext.Get(a, "functionArn") is null)
                    {
                        ctx.MissingKey(a, apath, "functionName", "a request authorizer needs 'functionName' or 'functionArn'");
                    }
                }
                else if (type.Value is "jwt" or null)
                {
                    foreach (var required in new[] { "identitySource", "issuerUrl", "audience" })
                    {
                        if (BindContext.Get(a, required) is null)
                        {
                            ctx.MissingKey(a, apath, required);
                        }
                    }
                }

                authorizers.Add(new HttpApiAuthorizer
                {
                    Key = entry.Key.Text,
                    KeyNode = entry.Key,
                    Node = a,
                    Type = type,
                    Name = ctx.String(a, "name", apath),
                    IdentitySource = ctx.StringList(a, "identitySource", apath),
                    IssuerUrl = ctx.String(a, "issuerUrl", apath),
                    Audience = ctx.StringList(a, "audience", apath),
                    FunctionName = ctx.String(a, "functionName", apath),
                    FunctionArn = ctx.String(a, "functionArn", apath),
                    ResultTtlInSeconds = ctx.Int(a, "resultTtlInSeconds", apath),
                    EnableSimpleResponses = ctx.Bool(a, "enableSimpleResponses", apath),
                    PayloadVersion = ctx.OrDefault(ctx.String(a, "payloadVersion", apath), "provider.httpApi.authorizers.*.payloadVersion"),
                    ManagedExternally = ctx.Bool(a, "managedExternally", apath),
                });
            }
        }

        return new HttpApiConfig
        {
            Node = map,
            Id = ctx.String(map, "id", path),
            Name = ctx.String(map, "name", path),
            Payload = ctx.String(map, "payload", path),
            Cors = BindHttpApiCors(BindContext.Get(map, "cors"), path + ".cors"),
            Authorizers = authorizers,
            Metrics = ctx.Bool(map, "metrics", path),
            UseProviderTags = ctx.Bool(map, "useProviderTags", path),
            DisableDefaultEndpoint = ctx.Bool(map, "disableDefaultEndpoint", path),
            ShouldStartNameWithService = ctx.Bool(map, "shouldStartNameWithService", path),
        };
    }

    private HttpApiCors? BindHttpApiCors(Node? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode:
                return ctx.Bool(node, path) is { } b ? new HttpApiCors { Node = node, Enabled = b.Value != false } : null;
        }

        if (ctx.Mapping(node, path) is not { } map)
        {
            return null;
        }

        ctx.CheckKeys(map, path, "provider.httpApi.cors");
        return new HttpApiCors
        {
            Node = map,
            AllowedOrigins = ctx.StringList(map, "allowedOrigins", path),
            AllowedHeaders = ctx.StringList(map, "allowedHeaders", path),
            AllowedMethods = ctx.StringList(map, "allowedMethods", path),
            AllowCredentials = ctx.Bool(map, "allowCredentials", path),
            ExposedResponseHeaders = ctx.StringList(map, "exposedResponseHeaders", path),
            MaxAge = ctx.Int(map, "maxAge", path),
        };
    }
}
