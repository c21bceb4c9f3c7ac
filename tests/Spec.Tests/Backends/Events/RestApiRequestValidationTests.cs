using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary>Request validation of REST API methods as <c>api-gateway/lib/request-validator.js</c> compiles it: the
/// service's one validator where a parameter is required or a schema is given, and a model per schema.</summary>
public sealed class RestApiRequestValidationTests
{
    private static JsonObject Resources(string events, string provider = "")
    {
        var (result, bag) = SpecCompilation.Compile(
            "service: my-svc\nprovider:\n  name: aws\n  runtime: nodejs18.x\n" + provider + "functions:\n  f:\n    handler: h.f\n    events:\n" + events);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result.Template["Resources"]!.AsObject();
    }

    private static JsonObject Properties(JsonObject resources, string id) => resources[id]!["Properties"]!.AsObject();

    [Theory]
    [InlineData("{querystrings: {a: true}}", true)]
    [InlineData("{headers: {a: {required: true}}}", true)]
    [InlineData("{paths: {a: {mappedValue: x}}}", true)]
    [InlineData("{querystrings: {a: false}}", false)]
    [InlineData("{paths: {a: {required: false}}}", false)]
    [InlineData("{querystrings: {a: false}, headers: {b: true}}", true)]
    public void A_validator_only_where_a_parameter_is_required(string parameters, bool validated)
    {
        var resources = Resources($"      - http: {{method: get, path: x, request: {{parameters: {parameters}}}}}\n");
        Assert.Equal(validated, Properties(resources, "ApiGatewayMethodXGet").ContainsKey("RequestValidatorId"));
        Assert.Equal(validated, resources.ContainsKey("ApiGatewayMysvcRequestValidator"));
    }

    [Fact]
    public void A_schema_on_the_method_is_its_own_model_per_content_type_and_needs_the_validator()
    {
        var resources = Resources("""
                  - http:
                      method: post
                      path: items
                      request:
                        schemas:
                          application/json: {type: object}
                          application/x-www-form-urlencoded:
                            name: FormModel
                            description: a form
                            schema: {type: string}
                          text/plain: plain
            """ + "\n");
        var method = Properties(resources, "ApiGatewayMethodItemsPost");
        Assert.Equal("ApiGatewayMysvcRequestValidator", method["RequestValidatorId"]!["Ref"]!.GetValue<string>());
        Assert.Equal(
            """{"application/json":{"Ref":"ApiGatewayMethodItemsPostApplicationJsonModel"},"application/x-www-form-urlencoded":{"Ref":"ApiGatewayMethodItemsPostApplicationXWwwFormUrlencodedModel"},"text/plain":{"Ref":"ApiGatewayMethodItemsPostTextPlainModel"}}""",
            method["RequestModels"]!.ToJsonString());
        Assert.Equal("""{"RestApiId":{"Ref":"ApiGatewayRestApi"},"ContentType":"application/json","Schema":{"type":"object"}}""",
            Properties(resources, "ApiGatewayMethodItemsPostApplicationJsonModel").ToJsonString());
        Assert.Equal(
            """{"RestApiId":{"Ref":"ApiGatewayRestApi"},"ContentType":"application/x-www-form-urlencoded","Schema":{"type":"string"},"Name":"FormModel","Description":"a form"}""",
            Properties(resources, "ApiGatewayMethodItemsPostApplicationXWwwFormUrlencodedModel").ToJsonString());
        // A string that names no provider model is the schema itself.
        Assert.Equal("plain", Properties(resources, "ApiGatewayMethodItemsPostTextPlainModel")["Schema"]!.GetValue<string>());
        Assert.Equal("AWS::ApiGateway::RequestValidator", resources["ApiGatewayMysvcRequestValidator"]!["Type"]!.GetValue<string>());
        Assert.Equal("my-svc-dev | Validate request body and querystring parameters",
            Properties(resources, "ApiGatewayMysvcRequestValidator")["Name"]!.GetValue<string>());
    }

    [Fact]
    public void A_provider_model_is_made_once_by_its_key_and_only_when_an_event_names_it()
    {
        var resources = Resources("""
                  - http: {method: get, path: a, request: {schemas: {application/json: create-item}}}
                  - http: {method: get, path: b, request: {schemas: {application/json: create-item}}}
            """ + "\n", """
              apiGateway:
                request:
                  schemas:
                    create-item: {name: CreateItem, description: '', schema: {type: object}}
                    unused: {schema: {type: object}}
            """ + "\n");
        Assert.Equal("""{"RestApiId":{"Ref":"ApiGatewayRestApi"},"Schema":{"type":"object"},"ContentType":"application/json","Name":"CreateItem"}""",
            Properties(resources, "ApiGatewayCreateItemModel").ToJsonString());
        Assert.Equal("ApiGatewayCreateItemModel", Properties(resources, "ApiGatewayMethodBGet")["RequestModels"]!["application/json"]!["Ref"]!.GetValue<string>());
        Assert.Single(resources, r => r.Value!["Type"]!.GetValue<string>() == "AWS::ApiGateway::Model");
        Assert.False(resources.ContainsKey("ApiGatewayUnusedModel"));
    }

    [Fact]
    public void Without_parameters_or_schemas_there_is_no_validator()
    {
        var resources = Resources("      - http: {method: get, path: x}\n");
        Assert.False(Properties(resources, "ApiGatewayMethodXGet").ContainsKey("RequestValidatorId"));
        Assert.DoesNotContain(resources, r => r.Value!["Type"]!.GetValue<string>() is "AWS::ApiGateway::RequestValidator" or "AWS::ApiGateway::Model");
    }
}
