using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary>HTTP API settings as <c>http-api.js</c> compiles them.</summary>
public sealed class HttpApiSettingsTests
{
    private static JsonObject Resources(string provider, string events)
    {
        var (result, bag) = SpecCompilation.Compile(
            $"service: s\nprovider:\n  name: aws\n  runtime: nodejs18.x\n{provider}functions:\n  f:\n    handler: h.f\n    events:\n{events}");
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result.Template["Resources"]!.AsObject();
    }

    [Fact]
    public void Cors_with_a_catch_all_route_allows_every_method_but_any()
    {
        var resources = Resources("  httpApi: {cors: true}\n", "      - httpApi: '*'\n");
        var methods = resources["HttpApi"]!["Properties"]!["CorsConfiguration"]!["AllowMethods"]!.AsArray().Select(m => m!.GetValue<string>());
        Assert.Equal(["OPTIONS", "GET", "POST", "PUT", "PATCH", "HEAD", "DELETE"], methods);
    }

    [Fact]
    public void An_external_authorizer_scope_given_as_a_string_becomes_a_list()
    {
        var resources = Resources("  httpApi: {id: abc}\n", "      - httpApi: {method: GET, path: /x, authorizer: {id: auth1, scopes: read}}\n");
        var route = resources["HttpApiRouteGetX"]!["Properties"]!;
        Assert.Equal("read", route["AuthorizationScopes"]![0]!.GetValue<string>());
        Assert.Equal("auth1", route["AuthorizerId"]!.GetValue<string>());
    }

    [Fact]
    public void A_request_authorizer_without_identity_source_has_an_empty_one()
    {
        var resources = Resources("  httpApi:\n    authorizers:\n      a: {type: request, functionName: f}\n",
            "      - httpApi: {method: GET, path: /x, authorizer: {name: a}}\n");
        Assert.Empty(resources["HttpApiAuthorizerA"]!["Properties"]!["IdentitySource"]!.AsArray());
    }
}
