using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-007: API endpoint without authorization.</summary>
public sealed class OpenApiEndpoint : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-007",
        Title = "API endpoint without authorization",
        DefaultSeverity = Severity.Warning,
        Category = "ApiGateway",
        Description = "An `http` or `httpApi` endpoint (other than OPTIONS) has no authorizer and is not `private`.",
        Rationale = "Anyone on the internet can call the endpoint and run the function.",
        HowToFix = "Add an `authorizer` (or `private: true` with an API key) unless the endpoint is meant to be public; suppress with a reason if so.",
        FailingExample = """
            - http: GET /report
            """,
        PassingExample = """
            - http:
                path: /report
                method: get
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
        foreach (var function in context.Service.Functions)
        {
            foreach (var declared in function.Events)
            {
                switch (declared)
                {
                    case HttpEvent http when http.NormalizedMethod != "OPTIONS" && http.Authorizer is null && http.Private?.Value != true:
                        context.Report(http.Node,
                            $"endpoint {(http.Method.Node.IsSensitive ? http.Method.Node.Display : http.NormalizedMethod)} {(http.Path.Node.IsSensitive ? http.Path.Node.Display : http.NormalizedPath)} of function '{function.Key}' has no authorizer and is not private");
                        break;
                    case HttpApiEvent httpApi when !string.Equals(httpApi.Method.Value, "OPTIONS", StringComparison.OrdinalIgnoreCase) && httpApi.Authorizer is null:
                        var route = httpApi.IsDefaultRoute ? "'*'" : $"{(httpApi.Method.Node is { IsSensitive: true } method ? method.Display : httpApi.Method.Value?.ToUpperInvariant())} {(httpApi.Path.Node.IsSensitive ? httpApi.Path.Node.Display : httpApi.Path.Value)}";
                        context.Report(httpApi.Node, $"HTTP API route {route} of function '{function.Key}' has no authorizer");
                        break;
                }
            }
        }
    }
}
