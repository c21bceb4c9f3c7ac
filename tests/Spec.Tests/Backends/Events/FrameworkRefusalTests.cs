using Spec.Backends.Plan;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends.Events;

/// <summary>What the Framework's compile plugins refuse with a ServerlessError, the Plan refuses with a located error;
/// the neighbouring valid settings still compile.</summary>
public sealed class FrameworkRefusalTests
{
    private static Diagnostic? FirstError(string yaml)
    {
        var (_, bag) = SpecCompilation.Compile(yaml);
        return bag.Items.FirstOrDefault(d => d.Severity == Severity.Error);
    }

    private static string Spec(string provider, string functions) =>
        $"service: s\nprovider:\n  name: aws\n  runtime: nodejs18.x\n{provider}functions:\n{functions}";

    [Theory]
    [InlineData("      - schedule: {rate: [rate(1 hour), rate(2 hours)], name: nightly}\n", "a name cannot be given to more than one rate expression")]
    [InlineData("      - schedule: {rate: rate(1 hour), method: scheduler, inputPath: $.x}\n", "'inputPath' is not supported with method 'scheduler'")]
    [InlineData("      - schedule: {rate: rate(1 hour), method: scheduler, inputTransformer: {inputTemplate: x}}\n", "'inputTransformer' is not supported")]
    [InlineData("      - schedule: {rate: rate(1 hour), timezone: Europe/Paris}\n", "'timezone' is only supported with method 'scheduler'")]
    public void Schedule_settings_the_Framework_refuses_are_errors(string events, string message)
    {
        var error = FirstError(Spec(string.Empty, "  f:\n    handler: h.f\n    events:\n" + events));
        Assert.NotNull(error);
        Assert.Equal(CloudFormationDiagnosticIds.InvalidSpec, error.Id);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(9, error.Span!.Line);
    }

    [Fact]
    public void A_scheduler_schedule_with_a_timezone_compiles()
    {
        Assert.Null(FirstError(Spec(string.Empty,
            "  f:\n    handler: h.f\n    events:\n      - schedule: {rate: rate(1 hour), method: scheduler, timezone: Europe/Paris}\n")));
    }

    [Theory]
    [InlineData("  httpApi:\n    id: abc\n    cors: true\n", "", "CORS rules for an externally configured HTTP API")]
    [InlineData("  httpApi:\n    id: abc\n    authorizers:\n      a: {type: request, functionName: f}\n", "", "authorizers for an externally configured HTTP API")]
    [InlineData("  httpApi:\n    authorizers:\n      a: {type: request, functionName: f, functionArn: 'arn:aws:lambda:us-east-1:1:function:x'}\n", "", "sets both 'functionArn' and 'functionName'")]
    [InlineData("  httpApi:\n    authorizers:\n      a: {type: request, functionName: f, resultTtlInSeconds: 300}\n", "", "has no 'identitySource'")]
    [InlineData("", "          authorizer: {type: aws_iam, name: x}\n", "of type 'aws_iam', which takes no other property")]
    [InlineData("", "          authorizer: {id: abc}\n", "references an external authorizer ('id'), but the HTTP API is part of this stack")]
    public void Http_api_settings_the_Framework_refuses_are_errors(string provider, string authorizer, string message)
    {
        var error = FirstError(Spec(provider, "  f:\n    handler: h.f\n    events:\n      - httpApi:\n          method: GET\n          path: /x\n" + authorizer));
        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  apiGateway: {restApiId: abc}\n", "needs provider.apiGateway.restApiRootResourceId")]
    [InlineData("  apiGateway: {restApiId: abc, restApiRootResourceId: r}\n  tracing: {apiGateway: true}\n", "provider.tracing.apiGateway has no effect")]
    [InlineData("  apiGateway: {restApiId: abc, restApiRootResourceId: r}\n  logs: {restApi: true}\n", "provider.logs.restApi has no effect")]
    public void Imported_rest_api_settings_the_Framework_refuses_are_errors_even_without_http_events(string provider, string message)
    {
        var error = FirstError(Spec(provider, "  f:\n    handler: h.f\n"));
        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  endpointType: REGIONAL\n  vpcEndpointIds: [vpce-1]\n", "apply only to PRIVATE REST APIs", 6)]
    public void Rest_api_provider_settings_the_Framework_refuses_with_http_events_are_errors(string provider, string message, int line)
    {
        var error = FirstError(Spec(provider, "  f:\n    handler: h.f\n    events:\n      - http: GET /x\n"));
        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Span!.Line);
    }

    [Theory]
    [InlineData("  stage: my@stage\n", 5)]
    [InlineData("", 9)]
    public void A_stage_name_api_gateway_refuses_is_an_error_with_http_events(string provider, int line)
    {
        var (_, bag) = SpecCompilation.Compile(Spec(provider, "  f:\n    handler: h.f\n    events:\n      - http: GET /x\n"), stage: "my@stage");
        var error = bag.Items.FirstOrDefault(d => d.Severity == Severity.Error);
        Assert.NotNull(error);
        Assert.Contains("invalid stage name 'my@stage'", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Span!.Line);
    }

    [Theory]
    [InlineData("  endpointType: PRIVATE\n  vpcEndpointIds: [vpce-1]\n", "      - http: GET /x\n")]
    [InlineData("  vpcEndpointIds: [vpce-1]\n", "      - http: GET /x\n")]
    public void Rest_api_provider_settings_the_Framework_reads_differently_compile(string provider, string events)
    {
        Assert.Null(FirstError(Spec(provider, "  f:\n    handler: h.f\n    events:\n" + events)));
    }

    [Fact]
    public void A_stage_name_api_gateway_refuses_compiles_without_http_events()
    {
        var (_, bag) = SpecCompilation.Compile(Spec(string.Empty, "  f:\n    handler: h.f\n    events:\n      - sqs: arn:aws:sqs:us-east-1:1:q\n"),
            stage: "my@stage");
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(", integration: lambda", false)]
    public void Cognito_claims_are_refused_on_a_proxy_integration(string integration, bool refused)
    {
        var error = FirstError(Spec(string.Empty, "  f:\n    handler: h.f\n    events:\n      - http: {method: GET, path: /x" + integration +
            ", authorizer: {arn: 'arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_Z', claims: [email]}}\n"));
        Assert.Equal(refused, error is not null);
        if (error is not null)
        {
            Assert.Contains("filters Cognito claims on a proxy integration", error.Message, StringComparison.Ordinal);
            Assert.Equal(9, error.Span!.Line);
        }
    }

    [Theory]
    [InlineData("      - ignored: {}\n")]
    [InlineData("      - {}\n")]
    [InlineData("      - 5\n")]
    public void An_event_no_compiler_reads_is_left_out_with_a_warning_unless_config_validation_is_error(string events)
    {
        var yaml = Spec(string.Empty, "  f:\n    handler: h.f\n    events:\n      - http: GET /x\n" + events);
        var (result, bag) = SpecCompilation.Compile(yaml);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var warning = Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Unsupported);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(10, warning.Span!.Line);
        Assert.NotNull(result.Template["Resources"]!["ApiGatewayMethodXGet"]);

        // Under configValidationMode: error the Framework's schema refuses the event, and so does compile.
        // (The Framework schema's service pattern wants two characters or more: 's' would be refused first.)
        var error = FirstError("configValidationMode: error\n" + yaml.Replace("service: s\n", "service: svc\n", StringComparison.Ordinal));
        Assert.NotNull(error);
        Assert.Equal(11, error.Span!.Line);
    }

    [Theory]
    [InlineData("    image: 000000000000.dkr.ecr.us-east-1.amazonaws.com/repo@sha256:" + Digest + "\n", "sets both 'handler' and 'image'")]
    [InlineData("    fileSystemConfig: {arn: 'arn:aws:elasticfilesystem:us-east-1:1:access-point/fsap-1', localMountPath: /mnt/x}\n", "has no VPC")]
    [InlineData("    snapStart: true\n    provisionedConcurrency: 2\n", "does not support provisioned concurrency")]
    public void Function_settings_the_Framework_refuses_together_are_errors(string settings, string message)
    {
        var error = FirstError(Spec(string.Empty, "  f:\n    handler: h.f\n" + settings));
        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ecr_image_without_digest_must_be_in_the_provider_region()
    {
        var error = FirstError(Spec(string.Empty, "  f:\n    image: 000000000000.dkr.ecr.sa-east-1.amazonaws.com/repo\n"));
        Assert.NotNull(error);
        Assert.Contains("region 'sa-east-1', not in the provider's region 'us-east-1'", error.Message, StringComparison.Ordinal);
        Assert.Null(FirstError(Spec(string.Empty, "  f:\n    image: 000000000000.dkr.ecr.us-east-1.amazonaws.com/repo\n")));
    }

    [Theory]
    [InlineData("      - httpApi: GET /dup\n", "      - httpApi: GET /dup\n", "Duplicate route 'GET /dup' configuration in function g")]
    [InlineData("      - httpApi: {method: get, path: /dup}\n", "      - httpApi: 'GET /dup'\n", "Duplicate route 'GET /dup' configuration in function g")]
    [InlineData("      - httpApi: '*'\n", "      - httpApi: '*'\n", "Duplicate route '*' configuration in function g")]
    public void An_http_api_route_given_twice_is_an_error_at_the_second(string first, string second, string message)
    {
        var error = FirstError(Spec(string.Empty,
            "  f:\n    handler: h.f\n    events:\n" + first + "  g:\n    handler: h.g\n    events:\n" + second));
        Assert.NotNull(error);
        Assert.Equal(CloudFormationDiagnosticIds.InvalidSpec, error.Id);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(13, error.Span!.Line);
    }

    [Fact]
    public void Every_repeat_of_an_http_api_route_names_the_function_that_defines_it_first()
    {
        var (_, bag) = SpecCompilation.Compile(Spec(string.Empty,
            "  f:\n    handler: h.f\n    events:\n      - httpApi: GET /dup\n" +
            "  g:\n    handler: h.g\n    events:\n      - httpApi: GET /dup\n" +
            "  h:\n    handler: h.h\n    events:\n      - httpApi: GET /dup\n      - httpApi: GET /other\n"));
        var errors = bag.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList();
        Assert.Equal([
            "Duplicate route 'GET /dup' configuration in function g for httpApi event (function 'f' defines it first)",
            "Duplicate route 'GET /dup' configuration in function h for httpApi event (function 'f' defines it first)",
        ], errors);
    }

    [Fact]
    public void Two_methods_on_one_http_api_path_compile() =>
        Assert.Null(FirstError(Spec(string.Empty,
            "  f:\n    handler: h.f\n    events:\n      - httpApi: GET /x\n      - httpApi: POST /x\n")));

    [Theory]
    [InlineData("      onSuccess: missing\n", "Function \"missing\" doesn't exist in this Service (destinations.onSuccess of function 'f')")]
    [InlineData("      onFailure: missing\n", "Function \"missing\" doesn't exist in this Service (destinations.onFailure of function 'f')")]
    public void A_destination_naming_no_function_of_the_service_is_an_error(string destination, string message)
    {
        var error = FirstError(Spec(string.Empty, "  f:\n    handler: h.f\n    destinations:\n" + destination));
        Assert.NotNull(error);
        Assert.Equal(CloudFormationDiagnosticIds.InvalidSpec, error.Id);
        Assert.Equal(message, error.Message);
        Assert.Equal(9, error.Span!.Line);
    }

    [Fact]
    public void Destinations_by_local_name_arn_and_object_compile() =>
        Assert.Null(FirstError(Spec(string.Empty,
            "  f:\n    handler: h.f\n    destinations:\n      onSuccess: g\n" +
            "      onFailure: {type: sqs, arn: 'arn:aws:sqs:us-east-1:123456789012:q'}\n  g:\n    handler: h.g\n")));

    private const string Digest = "0000000000000000000000000000000000000000000000000000000000000000";
}
