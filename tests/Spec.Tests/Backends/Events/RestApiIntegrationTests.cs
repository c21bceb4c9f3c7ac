using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary>REST API integrations as <c>api-gateway/lib/method</c> compiles them: the integration type normalized,
/// request templates and responses of non-proxy integrations, and a permission for every method.</summary>
public sealed class RestApiIntegrationTests
{
    private static JsonObject Template(string http)
    {
        var (result, bag) = SpecCompilation.Compile(
            "service: s\nprovider: {name: aws, runtime: nodejs18.x}\nfunctions:\n  f:\n    handler: h.f\n    events:\n      - http:\n" + http);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result.Template;
    }

    private static JsonNode Method(JsonObject template) => template["Resources"]!["ApiGatewayMethodXGet"]!;

    [Theory]
    [InlineData("aws", "AWS")]
    [InlineData("lambda", "AWS")]
    [InlineData("LAMBDA-PROXY", "AWS_PROXY")]
    [InlineData("aws_proxy", "AWS_PROXY")]
    public void The_integration_type_is_normalized_as_the_Framework_does(string written, string type)
    {
        var method = Method(Template($"          {{method: GET, path: /x, integration: {written}}}\n"));
        Assert.Equal(type, method["Properties"]!["Integration"]!["Type"]!.GetValue<string>());
    }

    [Fact]
    public void A_null_request_template_drops_that_default_and_others_are_added()
    {
        var integration = Method(Template("""
                      method: GET
                      path: /x
                      integration: lambda
                      request:
                        passThrough: WHEN_NO_TEMPLATES
                        template:
                          application/x-www-form-urlencoded: null
                          text/plain: '$input.body'
            """ + "\n"))["Properties"]!["Integration"]!;
        var templates = integration["RequestTemplates"]!.AsObject();
        Assert.Equal(["application/json", "text/plain"], templates.Select(t => t.Key));
        Assert.Equal("$input.body", templates["text/plain"]!.GetValue<string>());
        Assert.Equal("WHEN_NO_TEMPLATES", integration["PassthroughBehavior"]!.GetValue<string>());
    }

    [Fact]
    public void Response_status_codes_get_the_default_200_headers_and_templates()
    {
        var properties = Method(Template("""
                      method: GET
                      path: /x
                      integration: lambda
                      response:
                        headers: {X-A: "'a'"}
                        template: $input.path('$')
                        statusCodes:
                          404: {pattern: '.*Not.*', headers: {X-B: "'b'"}, template: {text/plain: nf}}
                          201: {pattern: '.*Made.*'}
            """ + "\n"))["Properties"]!;
        var responses = properties["Integration"]!["IntegrationResponses"]!.AsArray();
        Assert.Equal(["200", "201", "404"], responses.Select(r => r!["StatusCode"]!.GetValue<string>()));
        Assert.Equal(string.Empty, responses[0]!["SelectionPattern"]!.GetValue<string>());
        var notFound = responses[2]!;
        Assert.Equal("'b'", notFound["ResponseParameters"]!["method.response.header.X-B"]!.GetValue<string>());
        Assert.Equal("'a'", notFound["ResponseParameters"]!["method.response.header.X-A"]!.GetValue<string>());
        Assert.Equal("nf", notFound["ResponseTemplates"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("$input.path('$')", notFound["ResponseTemplates"]!["application/json"]!.GetValue<string>());
        var methodResponses = properties["MethodResponses"]!.AsArray();
        Assert.Equal(3, methodResponses.Count);
        Assert.True(methodResponses[2]!["ResponseParameters"]!["method.response.header.X-B"]!.GetValue<bool>());
    }

    [Fact]
    public void Cognito_claims_are_mapped_in_the_lambda_request_template()
    {
        var (result, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws, runtime: nodejs18.x}
            functions:
              f:
                handler: h.f
                events:
                  - http:
                      method: GET
                      path: /x
                      integration: lambda
                      authorizer:
                        arn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc
                        claims: [email, 'custom:role']
            """);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var json = result.Template["Resources"]!["ApiGatewayMethodXGet"]!["Properties"]!["Integration"]!["RequestTemplates"]!["application/json"]!
            .GetValue<string>();
        Assert.Contains("\"email\": \"$context.authorizer.claims.email\",\"role\": \"$context.authorizer.claims['custom:role']\",",
            json, StringComparison.Ordinal);
        Assert.DoesNotContain("extraCognitoPoolClaims", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_proxy_method_still_gets_the_function_permission_and_depends_on_it()
    {
        var template = Template("          {method: GET, path: /x, integration: http-proxy, request: {uri: 'https://example.com'}}\n");
        Assert.Equal("FLambdaPermissionApiGateway", Method(template)["DependsOn"]![0]!.GetValue<string>());
        Assert.NotNull(template["Resources"]!["FLambdaPermissionApiGateway"]);
    }

    [Fact]
    public void A_parameter_given_as_a_mapping_is_required_unless_it_says_not()
    {
        var parameters = Method(Template("""
                      method: GET
                      path: /x
                      request:
                        parameters:
                          querystrings: {a: {mappedValue: x}, b: {required: false}, c: true}
            """ + "\n"))["Properties"]!["RequestParameters"]!;
        Assert.True(parameters["method.request.querystring.a"]!.GetValue<bool>());
        Assert.False(parameters["method.request.querystring.b"]!.GetValue<bool>());
        Assert.True(parameters["method.request.querystring.c"]!.GetValue<bool>());
    }

    [Fact]
    public void A_request_authorizer_that_caches_nothing_gets_no_default_identity_source()
    {
        var (result, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws, runtime: nodejs18.x}
            functions:
              auth: {handler: h.auth}
              f:
                handler: h.f
                events:
                  - http: {method: GET, path: /x, authorizer: {name: auth, type: request, resultTtlInSeconds: 0}}
            """);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.Null(result.Template["Resources"]!["AuthApiGatewayAuthorizer"]!["Properties"]!.AsObject()["IdentitySource"]);
    }

    [Theory]
    [InlineData("vpc-link", "VPC_LINK")]
    [InlineData("VPC_LINK", "VPC_LINK")]
    [InlineData("internet", "INTERNET")]
    public void An_http_back_end_connection_is_written_upper_cased_with_its_id(string written, string type)
    {
        var integration = Method(Template(
            $"          {{method: GET, path: /x, integration: http-proxy, connectionType: {written}, connectionId: abc, request: {{uri: 'http://example.com'}}}}\n"))["Properties"]!["Integration"]!;
        Assert.Equal(type, integration["ConnectionType"]!.GetValue<string>());
        Assert.Equal("abc", integration["ConnectionId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{method: GET, path: /x, integration: http}", "without 'request.uri'", 7)]
    [InlineData("{method: GET, path: /x, integration: http-proxy, request: {uri: 'http://e.com'}, connectionType: vpc-link}", "VPC_LINK connection without 'connectionId'", 7)]
    [InlineData("{method: GET, path: /x, authorizer: {type: COGNITO_USER_POOLS, arn: {'Fn::GetAtt': [Pool, Arn]}}}", "not a string and no 'name'", 7)]
    public void An_incomplete_http_event_is_refused_as_the_Framework_refuses_it(string http, string message, int line)
    {
        var (_, bag) = SpecCompilation.Compile(
            "service: s\nprovider: {name: aws, runtime: nodejs18.x}\nfunctions:\n  f:\n    handler: h.f\n    events:\n      - http: " + http + "\n");
        var error = Assert.Single(bag.Items, d => d.Severity == Spec.Core.Diagnostics.Severity.Error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Span?.Start.Line);
    }

    [Fact]
    public void Two_events_on_one_method_and_path_merge_into_one_method_as_the_Framework_merges_them()
    {
        var method = Method(Template("          {method: GET, path: /x, integration: lambda}\n      - http: GET /x\n"));
        var integration = method["Properties"]!["Integration"]!;
        Assert.Equal("AWS_PROXY", integration["Type"]!.GetValue<string>());
        Assert.Equal("NEVER", integration["PassthroughBehavior"]!.GetValue<string>());
        Assert.NotNull(integration["RequestTemplates"]);
    }

    [Theory]
    [InlineData("origins: ['https://a.example', 'https://*.b.example']", "https://a.example", "$origin.matches(\"https://.+[.]b[.]example\")")]
    [InlineData("origin: 'https://a.example, https://c.example'", "https://a.example", "$origin.matches(\"https://c[.]example\")")]
    public void A_preflight_answers_with_the_first_origin_and_echoes_every_listed_one(string origins, string header, string matches)
    {
        var (result, bag) = SpecCompilation.Compile(
            "service: s\nprovider: {name: aws, runtime: nodejs18.x}\nfunctions:\n  f:\n    handler: h.f\n    events:\n" +
            $"      - http: {{method: GET, path: /x, cors: {{{origins}}}}}\n");
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var response = result.Template["Resources"]!["ApiGatewayMethodXOptions"]!["Properties"]!["Integration"]!["IntegrationResponses"]![0]!;
        Assert.Equal($"'{header}'", response["ResponseParameters"]!["method.response.header.Access-Control-Allow-Origin"]!.GetValue<string>());
        Assert.Contains(matches, response["ResponseTemplates"]!["application/json"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
