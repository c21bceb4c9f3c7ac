using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Model;
using static Spec.Backends.Conversion.SamJson;

namespace Spec.Backends.Conversion;

/// <summary>
/// An API stage's logs and metrics as SAM says them. <c>provider.logs.restApi</c> is what the Framework's
/// <c>update-stage.js</c> sets on the stage after deploying: access logs to its log group <c>ApiGatewayLogGroup</c>
/// (<c>AccessLogSetting</c>), execution logs at a level with or without the full data (<c>MethodSettings</c> for every
/// method, with <c>provider.apiGateway.metrics</c>). <c>provider.logs.httpApi</c> is the HTTP API's
/// <c>AccessLogSettings</c> to <c>HttpApiLogGroup</c>. The log groups are the Framework's. The account's CloudWatch role,
/// which the Framework sets with a custom resource, is left to the account with a warning.
/// </summary>
internal static class SamStageLogs
{
    /// <summary>The Framework's access log format for a REST API (<c>update-stage.js</c>).</summary>
    private const string RestFormat = "requestId: $context.requestId, ip: $context.identity.sourceIp, caller: $context.identity.caller, " +
        "user: $context.identity.user, requestTime: $context.requestTime, httpMethod: $context.httpMethod, resourcePath: " +
        "$context.resourcePath, status: $context.status, protocol: $context.protocol, responseLength: $context.responseLength";

    private const string RestLogGroup = "ApiGatewayLogGroup";

    private const string HttpLogGroup = "HttpApiLogGroup";

    /// <summary>Adds <c>AccessLogSetting</c> and <c>MethodSettings</c> to the REST API's properties.</summary>
    public static void Rest(SamContext ctx, JsonObject api)
    {
        var provider = ctx.Service.Provider;
        var metrics = provider.ApiGateway?.Metrics is { Value: not null } m ? ctx.Json(m) : null;
        if (provider.Logs is not { RestApiEnabled: true } logs)
        {
            if (metrics is not null)
            {
                api["MethodSettings"] = new JsonArray(Props(("ResourcePath", "/*"), ("HttpMethod", "*"), ("MetricsEnabled", metrics)));
            }

            return;
        }

        if (logs.RestApiAccessLogging && LogGroup(ctx, RestLogGroup))
        {
            api["AccessLogSetting"] = Props(
                ("DestinationArn", PlanJson.GetAtt(RestLogGroup, "Arn")),
                ("Format", ctx.Json(logs.RestApiFormat) ?? RestFormat));
        }

        api["MethodSettings"] = new JsonArray(Props(
            ("ResourcePath", "/*"),
            ("HttpMethod", "*"),
            ("LoggingLevel", !logs.RestApiExecutionLogging ? "OFF" : ctx.Json(logs.RestApiLevel) ?? "INFO"),
            ("DataTraceEnabled", logs.RestApiFullExecutionData),
            ("MetricsEnabled", metrics)));

        if (!logs.RestApiRoleManagedExternally)
        {
            ctx.LeftOut(logs.RestApi!, "the account's API Gateway CloudWatch role is not set: the Framework sets it with a custom " +
                "resource whose code it uploads to its deployment bucket; set it once for the account (AWS::ApiGateway::Account) " +
                "or say 'roleManagedExternally: true'");
        }
    }

    /// <summary>The HTTP API's <c>AccessLogSettings</c>, or null without <c>provider.logs.httpApi</c> (the Framework's plan
    /// has its log group exactly when the setting is on).</summary>
    public static JsonObject? Http(SamContext ctx) =>
        ctx.Service.Provider.Logs is { HttpApi: not null } logs && LogGroup(ctx, HttpLogGroup)
            ? Props(("DestinationArn", PlanJson.GetAtt(HttpLogGroup, "Arn")), ("Format", ctx.Json(logs.HttpApiFormat) ?? HttpApiLowering.DefaultAccessLogFormat))
            : null;

    /// <summary>Adds the Framework's log group (named after the stage, the <c>Stage</c> parameter when it is open); false
    /// when the Framework's plan has none.</summary>
    private static bool LogGroup(SamContext ctx, string logicalId)
    {
        if (ctx.FrameworkPlan.Resources.FirstOrDefault(r => r.LogicalId == logicalId) is not { } resource)
        {
            return false;
        }

        ctx.AddResource(logicalId, ctx.FrameworkResource(resource));
        return true;
    }
}
