using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary><c>provider.logs.restApi</c> and <c>provider.logs.websocket</c>: the log group, the WebSocket stage's log
/// settings, and the account CloudWatch role custom resource, once per stack.</summary>
public sealed class ApiGatewayLoggingTests
{
    private static JsonObject Resources(string logs, string events = "      - http: GET /x\n      - websocket: $connect\n")
    {
        var (result, bag) = SpecCompilation.Compile(
            $"service: s\nprovider:\n  name: aws\n  runtime: nodejs18.x\n  logRetentionInDays: 7\n  logs:\n{logs}functions:\n  f:\n    handler: h.f\n    events:\n{events}");
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result.Template["Resources"]!.AsObject();
    }

    [Fact]
    public void Rest_and_websocket_logs_add_their_log_groups_and_one_cloudwatch_role_resource()
    {
        var resources = Resources("    restApi: true\n    websocket: true\n");
        Assert.Equal("/aws/api-gateway/s-dev", resources["ApiGatewayLogGroup"]!["Properties"]!["LogGroupName"]!.GetValue<string>());
        Assert.Equal(7, resources["WebsocketsLogGroup"]!["Properties"]!["RetentionInDays"]!.GetValue<long>());
        var role = resources["CustomApiGatewayAccountCloudWatchRole"]!;
        Assert.Equal("Custom::ApiGatewayAccountRole", role["Type"]!.GetValue<string>());
        Assert.Null(role["Properties"]!.AsObject()["RoleArn"]);
        var function = resources["CustomDashresourceDashapigwDashcwDashroleLambdaFunction"]!["Properties"]!;
        Assert.Equal("api-gateway-cloud-watch-role/handler.handler", function["Handler"]!.GetValue<string>());
        var statements = resources["IamRoleCustomResourcesLambdaExecution"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Equal(2, statements.Count);
        var stage = resources["WebsocketsDeploymentStage"]!["Properties"]!;
        Assert.Equal("INFO", stage["DefaultRouteSettings"]!["LoggingLevel"]!.GetValue<string>());
        Assert.True(stage["DefaultRouteSettings"]!["DataTraceEnabled"]!.GetValue<bool>());
        Assert.StartsWith("$context.identity.sourceIp", stage["AccessLogSettings"]!["Format"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_role_is_passed_on_and_a_role_managed_externally_adds_no_resource()
    {
        var given = Resources("    restApi: {role: 'arn:aws:iam::123456789012:role/logs'}\n", "      - http: GET /x\n");
        Assert.Equal("arn:aws:iam::123456789012:role/logs",
            given["CustomApiGatewayAccountCloudWatchRole"]!["Properties"]!["RoleArn"]!.GetValue<string>());
        var external = Resources("    restApi: {roleManagedExternally: true}\n", "      - http: GET /x\n");
        Assert.NotNull(external["ApiGatewayLogGroup"]);
        Assert.Null(external["CustomApiGatewayAccountCloudWatchRole"]);
    }

    [Fact]
    public void Rest_logs_without_access_logging_add_nothing()
    {
        var resources = Resources("    restApi: {accessLogging: false}\n", "      - http: GET /x\n");
        Assert.Null(resources["ApiGatewayLogGroup"]);
        Assert.Null(resources["CustomApiGatewayAccountCloudWatchRole"]);
    }

    [Fact]
    public void Websocket_logs_follow_execution_and_access_logging_switches()
    {
        var resources = Resources("    websocket: {accessLogging: false, executionLogging: false, fullExecutionData: false}\n",
            "      - websocket: {route: hello, routeResponseSelectionExpression: $default}\n");
        var stage = resources["WebsocketsDeploymentStage"]!["Properties"]!;
        Assert.Equal("OFF", stage["DefaultRouteSettings"]!["LoggingLevel"]!.GetValue<string>());
        Assert.False(stage["DefaultRouteSettings"]!["DataTraceEnabled"]!.GetValue<bool>());
        Assert.Null(stage.AsObject()["AccessLogSettings"]);
        var deployment = resources.First(r => r.Key.StartsWith("WebsocketsDeployment", StringComparison.Ordinal) && r.Key != "WebsocketsDeploymentStage");
        Assert.Equal(["helloWebsocketsRouteResponse", "helloWebsocketsRoute"],
            deployment.Value!["DependsOn"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public void An_invalid_websocket_log_level_is_an_error()
    {
        var (_, bag) = SpecCompilation.Compile(
            "service: s\nprovider:\n  name: aws\n  logs:\n    websocket: {level: DEBUG}\nfunctions:\n  f:\n    handler: h.f\n    events:\n      - websocket: $connect\n");
        Assert.Contains(bag.Items, d => d.Message.Contains("provider.logs.websocket.level must be INFO or ERROR", StringComparison.Ordinal));
    }
}
