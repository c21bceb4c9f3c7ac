using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>
/// SLS-APIGW-007: API with routes anyone can call. One finding per API (the REST API of the <c>http</c> events, the
/// HTTP API of the <c>httpApi</c> events) listing its open routes: many open routes are public on purpose (webhooks,
/// health checks), so the finding is a warning only when a route that writes has no protection at all.
/// </summary>
public sealed class OpenApiEndpoint : Rule
{
    private const int ListedRoutes = 5;

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-007",
        Title = "API routes without authorization",
        DefaultSeverity = Severity.Warning,
        Category = "ApiGateway",
        Description = "An API (the REST API of the `http` events, or the HTTP API of the `httpApi` events) has routes other than OPTIONS with no authorizer that are not `private`. " +
                      "One finding per API lists them: a warning when a route that writes (POST, PUT, PATCH, DELETE, ANY) has no other protection (no API key, no REST API resource policy), otherwise info.",
        Rationale = "Anyone on the internet can call an open route and run the function; a public read route is often intended, a public write route rarely.",
        HowToFix = "Add an `authorizer` (or `private: true` with an API key, or a `provider.apiGateway.resourcePolicy`) to the routes that must not be public; suppress with a reason if they are meant to be.",
        FailingExample = """
            - http: POST /orders
            """,
        PassingExample = """
            - http:
                path: /orders
                method: post
                authorizer: auth
            """,
        Tags = [RuleTags.Security],
        Anchors =
        [
            "checkov CKV_AWS_59",
            "cfn_nag W59",
        ],
    };

    public override void Check(RuleContext context)
    {
        var provider = context.Service.Provider;
        var hasResourcePolicy = provider.ApiGateway?.ResourcePolicy is { } policy && policy.Items().Any();
        var rest = new List<OpenRoute>();
        var http = new List<OpenRoute>();
        foreach (var function in context.Service.Functions)
        {
            // By index: a foreach over the read-only list would allocate an enumerator per function.
            var events = function.Events;
            for (var i = 0; i < events.Count; i++)
            {
                switch (events[i])
                {
                    // The normalized method is read once: each read upper-cases it again.
                    case HttpEvent e when e.NormalizedMethod is var normalized && normalized != "OPTIONS" && e.Authorizer is null && e.Private?.Value != true:
                        var method = e.Method.Node.IsSensitive ? e.Method.Node.Display : normalized;
                        var path = e.Path.Node.IsSensitive ? e.Path.Node.Display : e.NormalizedPath;
                        rest.Add(new OpenRoute($"{method} {path}", function.Key, e.Node,
                            Writes(normalized) && !hasResourcePolicy));
                        break;
                    case HttpApiEvent e when !string.Equals(e.Method.Value, "OPTIONS", StringComparison.OrdinalIgnoreCase) && e.Authorizer is null:
                        var upper = e.Method.Value?.ToUpperInvariant();
                        var verb = e.Method.Node is { IsSensitive: true } m ? m.Display : upper;
                        var route = e.IsDefaultRoute
                            ? "'*'"
                            : $"{verb} {(e.Path.Node.IsSensitive ? e.Path.Node.Display : e.Path.Value)}";
                        http.Add(new OpenRoute(route, function.Key, e.Node, e.IsDefaultRoute || Writes(upper)));
                        break;
                }
            }
        }

        Report(context, "REST API", rest, hasResourcePolicy ? "the API has a resource policy" : null);
        Report(context, "HTTP API", http, null);
    }

    private static void Report(RuleContext context, string api, List<OpenRoute> open, string? protection)
    {
        if (open.Count == 0)
        {
            return;
        }

        var unprotectedWrite = open.FirstOrDefault(r => r.UnprotectedWrite);
        var primary = unprotectedWrite ?? open[0];
        var listed = string.Join(", ", open.Take(ListedRoutes).Select(r => $"{r.Route} ('{r.FunctionKey}')"));
        var more = open.Count > ListedRoutes ? $" and {open.Count - ListedRoutes} more" : string.Empty;
        var count = open.Count == 1 ? "1 route has" : $"{open.Count} routes have";
        var verdict = unprotectedWrite is not null
            ? $"; {unprotectedWrite.Route} accepts writes from anyone"
            : protection is not null ? $" ({protection})" : " (read-only)";
        var related = open.Where(r => !ReferenceEquals(r, primary))
            .Select(r => r.Node.Related($"{r.Route} of function '{r.FunctionKey}' has no authorizer either"));
        context.Report(primary.Node, $"{api}: {count} no authorizer: {listed}{more}{verdict}",
            related: related, severity: unprotectedWrite is null ? Severity.Info : Severity.Warning);
    }

    /// <summary>Methods that change state; ANY (and HTTP API's <c>*</c>) accepts them all.</summary>
    private static bool Writes(string? method) => method is "POST" or "PUT" or "PATCH" or "DELETE" or "ANY" or "*";

    private sealed record OpenRoute(string Route, string FunctionKey, Node Node, bool UnprotectedWrite);
}
