using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-001: Function timeout longer than the REST API integration timeout.</summary>
public sealed class RestTimeoutAboveIntegrationTimeout : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-001",
        Title = "Function timeout longer than the REST API integration timeout",
        DefaultSeverity = Severity.Warning,
        Category = "ApiGateway",
        Description = "A function with a synchronous `http` event has an effective timeout above the integration timeout (`timeoutInMillis`, default 29 s).",
        Rationale = "API Gateway answers 504 after 29 s while the function keeps running and is billed.",
        HowToFix = "Lower the function `timeout` to at most 29, or make the endpoint `async: true`.",
        FailingExample = """
            functions:
              api:
                timeout: 40
                events:
                  - http: GET /report
            """,
        PassingExample = """
            functions:
              api:
                timeout: 29
                events:
                  - http: GET /report
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "Serverless v4 extended-validate.js",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Service.Provider.ApiGateway?.TimeoutInMillis?.Value is { } millis
            ? millis / 1000.0
            : context.Limits["apiGateway.restIntegrationTimeout"].Max ?? 29;

        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            var trigger = function.EventsOf<HttpEvent>().FirstOrDefault(h => h.Async?.Value != true && IsLambda(h.Integration.Value));
            if (trigger is null || function.Timeout is not { Value: { } timeout, Node: { } node } || !(timeout > limit))
            {
                continue;
            }

            if (reported.Add(node.EditSpan))
            {
                context.Report(node, $"timeout {node.Display}{function.Timeout.SourceNote()} of function '{function.Key}' is longer than the {limit} s REST API integration timeout",
                    related: [trigger.Node.Related("the REST API endpoint is here")]);
            }
        }
    }

    private static bool IsLambda(string? integration) =>
        integration?.ToUpperInvariant() is null or "LAMBDA-PROXY" or "LAMBDA" or "AWS_PROXY" or "AWS" or "LAMBDA_PROXY";
}
