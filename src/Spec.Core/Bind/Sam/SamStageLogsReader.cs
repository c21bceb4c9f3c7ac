using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// An API stage's logs as serverless.yml says them. A REST API's stage-wide <c>MethodSettings</c> entry
/// (<c>ResourcePath: /*</c>, <c>HttpMethod: '*'</c>) and <c>AccessLogSetting</c> are <c>provider.logs.restApi</c>
/// (<c>accessLogging</c>, <c>format</c>, <c>executionLogging</c>, <c>level</c>, <c>fullExecutionData</c>, written out
/// because the Framework's defaults — everything on, level INFO — are not SAM's) with <c>roleManagedExternally</c>
/// (a SAM stack never sets the account's API Gateway CloudWatch role), and <c>MetricsEnabled</c> is
/// <c>provider.apiGateway.metrics</c> (the Framework's <c>update-stage.js</c>). An HTTP API's <c>AccessLogSettings</c> is
/// <c>provider.logs.httpApi.format</c>, and its <c>DefaultRouteSettings.DetailedMetricsEnabled</c> is
/// <c>provider.httpApi.metrics</c>. The Framework writes access logs to a log group of its own
/// (<c>ApiGatewayLogGroup</c>, <c>HttpApiLogGroup</c>): another destination is a note naming it.
/// </summary>
internal static class SamStageLogsReader
{
    public static void Rest(SamReadContext ctx, SamMapping provider, SamMapping apiGateway, MappingEntry? methodSettings, MappingEntry? accessLog)
    {
        var stageWide = methodSettings is null ? null : StageWide(ctx, methodSettings);
        var logs = new SamMapping(methodSettings?.Key.Span ?? accessLog!.Key.Span);
        string? level = null;
        Node? dataTrace = null;
        foreach (var entry in stageWide?.Entries ?? [])
        {
            switch (entry.Key.Text)
            {
                case "ResourcePath" or "HttpMethod":
                    break;
                case "LoggingLevel" when SamNodes.Literal(entry.Value) is "INFO" or "ERROR" or "OFF":
                    level = SamNodes.Literal(entry.Value);
                    break;
                case "DataTraceEnabled":
                    dataTrace = entry.Value;
                    break;
                case "MetricsEnabled":
                    apiGateway.Add("metrics", entry.Key.Span, entry.Value);
                    break;
                default:
                    ctx.LeftOut(entry.Key, $"the REST API's MethodSettings {entry.Key.Text} has no serverless.yml form: left out" +
                        (entry.Key.Text.StartsWith("Throttling", StringComparison.Ordinal)
                            ? " (a usage plan's throttle is provider.apiGateway.usagePlan.throttle)"
                            : string.Empty));
                    break;
            }
        }

        var executionLogging = level is "INFO" or "ERROR";
        if (!executionLogging && accessLog is null)
        {
            if (dataTrace is not null && SamNodes.Literal(dataTrace) == "true")
            {
                ctx.LeftOut(stageWide!.Entry("DataTraceEnabled")!.Key,
                    "the REST API's MethodSettings DataTraceEnabled without a LoggingLevel has no serverless.yml form: left out");
            }

            return;
        }

        var at = logs.Span;
        logs.Add("accessLogging", accessLog?.Key.Span ?? at, SamNodes.Bool(accessLog is not null, accessLog?.Key.Span ?? at));
        if (accessLog?.Value is MappingNode access)
        {
            logs.Add("format", access.Entry("Format")?.Key.Span ?? at, access["Format"]);
            Destination(ctx, access.Entry("DestinationArn"), "ApiGatewayLogGroup", "/aws/api-gateway/<service>-<stage>");
        }

        logs.Add("executionLogging", at, SamNodes.Bool(executionLogging, at));
        if (executionLogging)
        {
            logs.Add("level", at, SamNodes.Text(level!, at));
        }

        logs.Add("fullExecutionData", at, dataTrace ?? SamNodes.Bool(false, at));
        var managed = SamNodes.Key("roleManagedExternally", at with { End = at.Start });
        logs.Add(managed.Text, managed.Span, SamNodes.Bool(true, at));
        ctx.Comment(managed, "a SAM stack does not set the account's API Gateway CloudWatch role");
        AddLogs(provider, "restApi", at, logs.Build());
    }

    public static void Http(SamReadContext ctx, SamMapping provider, MappingEntry accessLog)
    {
        var access = accessLog.Value as MappingNode;
        var logs = new SamMapping(accessLog.Key.Span).Add("format", access?.Entry("Format")?.Key.Span ?? accessLog.Key.Span, access?["Format"]);
        Destination(ctx, access?.Entry("DestinationArn"), "HttpApiLogGroup", "/aws/http-api/<service>-<stage>");
        AddLogs(provider, "httpApi", accessLog.Key.Span, logs.Count == 0 ? SamNodes.Bool(true, accessLog.Key.Span) : logs.Build());
    }

    /// <summary>
    /// An HTTP API's <c>DefaultRouteSettings</c>: <c>DetailedMetricsEnabled</c> is <c>provider.httpApi.metrics</c>, which
    /// the Framework's <c>http-api.js</c> writes as the <c>$default</c> stage's <c>DetailedMetricsEnabled</c>; the other
    /// settings have no serverless.yml form.
    /// </summary>
    public static void HttpRouteSettings(SamReadContext ctx, SamMapping httpApi, MappingEntry routeSettings)
    {
        if (routeSettings.Value is not MappingNode settings)
        {
            ctx.LeftOut(routeSettings.Key, "the HTTP API's DefaultRouteSettings is not a literal: left out (provider.httpApi.metrics is " +
                "DetailedMetricsEnabled)");
            return;
        }

        foreach (var entry in settings.Entries)
        {
            if (entry.Key.Text == "DetailedMetricsEnabled" && SamNodes.Literal(entry.Value) is "true" or "false")
            {
                httpApi.Add("metrics", entry.Key.Span, SamNodes.Bool(SamNodes.Literal(entry.Value) == "true", entry.Value.Span));
            }
            else
            {
                ctx.LeftOut(entry.Key, $"the HTTP API's DefaultRouteSettings {entry.Key.Text} has no serverless.yml form: left out" +
                    (entry.Key.Text == "DetailedMetricsEnabled" ? " (provider.httpApi.metrics is true or false)" : string.Empty));
            }
        }
    }

    /// <summary>The one entry that applies to every method of the stage; any other is noted.</summary>
    private static MappingNode? StageWide(SamReadContext ctx, MappingEntry methodSettings)
    {
        MappingNode? stageWide = null;
        foreach (var item in SamNodes.Items(methodSettings.Value))
        {
            if (stageWide is null && item is MappingNode m && SamNodes.Literal(m["ResourcePath"]) == "/*" && SamNodes.Literal(m["HttpMethod"]) == "*")
            {
                stageWide = m;
            }
            else
            {
                ctx.LeftOut(item, "the REST API's MethodSettings for one path or method has no serverless.yml form: left out " +
                    "(provider.logs.restApi and provider.apiGateway.metrics apply to every method)");
            }
        }

        return stageWide;
    }

    /// <summary>Notes an access-log destination other than the log group the Framework writes (by its logical id).</summary>
    private static void Destination(SamReadContext ctx, MappingEntry? destination, string frameworkLogGroup, string frameworkName)
    {
        if (destination is not null && SamNodes.ReferencedId(destination.Value) != frameworkLogGroup)
        {
            ctx.Approximated(destination.Key, $"access logs go to the log group the Framework creates ({frameworkName}): " +
                "serverless.yml cannot point them at this DestinationArn");
        }
    }

    /// <summary>Adds <c>logs.{kind}</c> to <c>provider</c>, keeping what <c>logs</c> already has.</summary>
    private static void AddLogs(SamMapping provider, string kind, SourceSpan span, Node value)
    {
        var existing = provider["logs"] as MappingNode;
        provider.Add("logs", span, new MappingNode(existing?.Span ?? span,
            [.. existing?.Entries.Where(e => e.Key.Text != kind) ?? [], new MappingEntry(SamNodes.Key(kind, span), value)]));
    }
}
