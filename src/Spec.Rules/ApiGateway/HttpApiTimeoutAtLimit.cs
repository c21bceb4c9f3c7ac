using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-002: Function timeout reaches the HTTP API limit.</summary>
public sealed class HttpApiTimeoutAtLimit : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-002",
        Title = "Function timeout reaches the HTTP API limit",
        DefaultSeverity = Severity.Warning,
        Category = "ApiGateway",
        Description = "A function with an `httpApi` event has an effective timeout of 30 s or more (HTTP API's hard limit is 30 s).",
        Rationale = "The HTTP API times out before or as the function does, so clients get 503/504 for successful invocations.",
        HowToFix = "Lower the function `timeout` below 30.",
        FailingExample = """
            functions:
              api:
                timeout: 30
                events:
                  - httpApi: GET /report
            """,
        PassingExample = """
            functions:
              api:
                timeout: 29
                events:
                  - httpApi: GET /report
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "Serverless http-api.js timeout warning",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["apiGateway.httpApiIntegrationTimeout"].Max ?? 30;

        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            var trigger = function.EventsOf<HttpApiEvent>().FirstOrDefault();
            if (trigger is null || function.Timeout is not { Value: { } timeout, Node: { } node } || !(timeout >= limit))
            {
                continue;
            }

            if (reported.Add(node.EditSpan))
            {
                context.Report(node, $"timeout {node.Display}{function.Timeout.SourceNote()} of function '{function.Key}' reaches the {limit} s HTTP API integration limit",
                    related: [trigger.Node.Related("the HTTP API route is here")]);
            }
        }
    }
}
