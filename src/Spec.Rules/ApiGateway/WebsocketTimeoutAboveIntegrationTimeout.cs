using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-003: Function timeout longer than the WebSocket integration timeout.</summary>
public sealed class WebsocketTimeoutAboveIntegrationTimeout : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-003",
        Title = "Function timeout longer than the WebSocket integration timeout",
        DefaultSeverity = Severity.Warning,
        Category = "ApiGateway",
        Description = "A function with a `websocket` event has an effective timeout above 29 s.",
        Rationale = "API Gateway WebSocket integrations time out after 29 s.",
        HowToFix = "Lower the function `timeout` to at most 29.",
        FailingExample = """
            functions:
              connect:
                timeout: 30
                events:
                  - websocket: $connect
            """,
        PassingExample = """
            functions:
              connect:
                timeout: 29
                events:
                  - websocket: $connect
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "API Gateway quotas",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["apiGateway.websocketIntegrationTimeout"].Max ?? 29;

        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            var trigger = function.EventsOf<WebsocketEvent>().FirstOrDefault();
            if (trigger is null || function.Timeout is not { Value: { } timeout, Node: { } node } || !(timeout > limit))
            {
                continue;
            }

            if (reported.Add(node.EditSpan))
            {
                context.Report(node, $"timeout {node.Display}{function.Timeout.SourceNote()} of function '{function.Key}' is longer than the {limit} s WebSocket integration timeout",
                    related: [trigger.Node.Related("the WebSocket route is here")]);
            }
        }
    }
}
