using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-008: Templates ignored on lambda-proxy integration.</summary>
public sealed class TemplatesOnProxyIntegration : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-008",
        Title = "Templates ignored on lambda-proxy integration",
        DefaultSeverity = Severity.Warning,
        Category = "ApiGateway",
        Description = "An `http` event with the default `lambda-proxy` integration sets `request` templates or `response` configuration.",
        Rationale = "The Framework silently drops them: the proxy integration passes the raw request through.",
        HowToFix = "Remove the templates or set `integration: lambda`.",
        FailingExample = """
            - http:
                path: /report
                method: post
                request:
                  template: ...
            """,
        PassingExample = """
            - http:
                path: /report
                method: post
                integration: lambda
                request:
                  template: ...
            """,
        Anchors =
        [
            "Serverless api-gateway validate.js warning",
        ],
    };

    /// <summary>The keys of an http event's <c>request</c> in the Framework v3 schema (api-gateway/index.js).</summary>
    private static readonly string[] KnownRequestKeys = ["contentHandling", "method", "parameters", "passThrough", "schemas", "template", "uri"];

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var http in function.EventsOf<HttpEvent>())
            {
                var integration = http.Integration.Value?.ToUpperInvariant() ?? "LAMBDA-PROXY";
                string[]? allowed = integration switch
                {
                    "LAMBDA-PROXY" or "AWS_PROXY" or "LAMBDA_PROXY" => ["parameters", "schemas"],
                    "HTTP-PROXY" or "HTTP_PROXY" => ["parameters", "uri", "method"],
                    _ => null,
                };
                if (allowed is null)
                {
                    continue;
                }

                foreach (var entry in http.Request?.Entries ?? [])
                {
                    // A key the Framework's schema does not know (a typo such as `parameter`) is an unknown-key finding
                    // of the Bind stage: that explains the node, so it is not reinterpreted as a dropped template here.
                    if (KnownRequestKeys.Contains(entry.Key.Text, StringComparer.Ordinal)
                        && !allowed.Contains(entry.Key.Text, StringComparer.Ordinal))
                    {
                        context.Report(entry.Key,
                            $"request.{entry.Key.Text} of function '{function.Key}' is dropped: the {integration.ToLowerInvariant()} integration passes the request through");
                    }
                }

                if (http.Response is not null && http.Value.KeyOf("response") is { } response)
                {
                    context.Report(response,
                        $"response of function '{function.Key}' is dropped: the {integration.ToLowerInvariant()} integration returns the function's response as is");
                }
            }
        }
    }
}
