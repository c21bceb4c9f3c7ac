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

    private const string Digest = "0000000000000000000000000000000000000000000000000000000000000000";
}
