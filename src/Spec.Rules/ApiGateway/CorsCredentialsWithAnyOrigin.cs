using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-011: CORS that allows credentials from any origin.</summary>
public sealed class CorsCredentialsWithAnyOrigin : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-011",
        Title = "CORS credentials with any origin",
        DefaultSeverity = Severity.Error,
        Category = "ApiGateway",
        Description = "CORS with `allowCredentials: true` and the origin `*` (written, or the Framework's default when no origin is listed): `provider.httpApi.cors` (error), an `http` event's `cors` or a function URL's `cors` (warning).",
        Rationale = "API Gateway's HTTP API rejects a CORS configuration that allows credentials for every origin, so the deployment fails; REST APIs and function URLs deploy it, but browsers refuse a credentialed response whose `Access-Control-Allow-Origin` is `*`, so the calls fail in the browser.",
        HowToFix = "List the origins that may send credentials (`allowedOrigins` / `origins`), or drop `allowCredentials`.",
        FailingExample = """
            provider:
              httpApi:
                cors:
                  allowCredentials: true
            """,
        PassingExample = """
            provider:
              httpApi:
                cors:
                  allowCredentials: true
                  allowedOrigins: [https://app.example.com]
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid.html#apis-apiid-model-cors",
            "https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/CORSNotSupportingCredentials",
        ],
    };

    public override void Check(RuleContext context)
    {
        if (context.Service.Provider.HttpApi?.Cors is { Enabled: true, AllowCredentials: { Value: true } credentials } httpApi
            && AnyOrigin([.. httpApi.AllowedOrigins.Select(o => (o.Value, o.Node))]) is { } origin)
        {
            context.Report(origin.Star ?? credentials.Node,
                $"provider.httpApi.cors allows credentials from any origin ({Shown(origin)}); API Gateway rejects the HTTP API's CORS configuration",
                related: Related(origin, credentials.Node));
        }

        foreach (var function in context.Service.Functions)
        {
            foreach (var http in function.EventsOf<HttpEvent>())
            {
                if (http.Cors is { Enabled: true, AllowCredentials: { Value: true } allow } cors
                    && AnyOrigin([.. cors.Origins.Select(o => (o.Value, o.Node))]) is { } any)
                {
                    ReportBrowserOnly(context, any, allow.Node, $"the http event of function '{function.Key}'");
                }
            }

            if (function.Url?.CorsSettings is { AllowsCredentials: true } urlCors
                && urlCors.Node.At("allowCredentials") is { } allowUrl
                && AnyOrigin(OriginsOf(urlCors.AllowedOrigins)) is { } urlOrigin)
            {
                ReportBrowserOnly(context, urlOrigin, allowUrl, $"the URL of function '{function.Key}'");
            }
        }
    }

    private static void ReportBrowserOnly(RuleContext context, AnyOriginSite origin, Node credentials, string owner) =>
        context.Report(origin.Star ?? credentials,
            $"the CORS of {owner} allows credentials from any origin ({Shown(origin)}); browsers refuse credentialed responses for '*'",
            related: Related(origin, credentials),
            severity: Severity.Warning);

    private static string Shown(AnyOriginSite origin) => origin.Star is null ? "'*', the Framework's default when no origin is listed" : "'*'";

    private static RelatedLocation[]? Related(AnyOriginSite origin, Node credentials) =>
        origin.Star is null ? null : [credentials.Related("credentials are allowed here")];

    /// <summary>Whether the origins allow any origin: none listed (the Framework's default is '*', Star is null) or a
    /// '*' entry (Star); null when the origins are explicit.</summary>
    private static AnyOriginSite? AnyOrigin(IReadOnlyList<(string? Value, Node Node)> origins)
    {
        if (origins.Count == 0)
        {
            return new AnyOriginSite(null);
        }

        return origins.FirstOrDefault(o => o.Value == "*") is { Node: { } star } ? new AnyOriginSite(star) : null;
    }

    private static List<(string? Value, Node Node)> OriginsOf(Node? origins) => origins switch
    {
        null => [],
        SequenceNode list => [.. list.Items.Select(n => (n.Text(), n))],
        _ => [(origins.Text(), origins)],
    };

    private sealed record AnyOriginSite(Node? Star);
}
