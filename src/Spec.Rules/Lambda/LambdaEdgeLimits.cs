using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-020: Lambda@Edge limits exceeded.</summary>
public sealed class LambdaEdgeLimits : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-020",
        Title = "Lambda@Edge limits exceeded",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "A function with a `cloudFront` event exceeds the Lambda@Edge limits: viewer events 5 s and 128 MB, origin events 30 s.",
        Rationale = "CloudFront rejects the association; the deployment fails.",
        HowToFix = "Lower `timeout`/`memorySize` to the limits of the event type.",
        FailingExample = """
            functions:
              edge:
                timeout: 10
                events:
                  - cloudFront:
                      eventType: viewer-request
            """,
        PassingExample = """
            functions:
              edge:
                timeout: 5
                memorySize: 128
                events:
                  - cloudFront:
                      eventType: viewer-request
            """,
        Anchors =
        [
            "Serverless LAMBDA_EDGE_UNSUPPORTED_TIMEOUT_VALUE",
            "Serverless LAMBDA_EDGE_UNSUPPORTED_MEMORY_SIZE",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            var edge = function.EventsOf<CloudFrontEvent>().FirstOrDefault();
            if (edge?.EventType is not { Value: { } eventType } type)
            {
                continue;
            }

            var viewer = eventType.StartsWith("viewer", StringComparison.Ordinal);
            var timeout = context.Limits[viewer ? "lambdaEdge.viewerTimeout" : "lambdaEdge.originTimeout"];
            var memory = context.Limits[viewer ? "lambdaEdge.viewerMemorySize" : "lambdaEdge.originMemorySize"];
            var shownType = type.Node.Display;
            var related = new[] { type.Node.Related($"the {shownType} association is here") };
            if (function.Timeout is { Value: { } t, Node: { } timeoutNode, Source: SettingSource.Function } && !timeout.Contains(t))
            {
                context.Report(timeoutNode, $"timeout {timeoutNode.Display} of Lambda@Edge function '{function.Key}' exceeds the {shownType} limit ({timeout.RangeText})", related: related);
            }

            if (function.MemorySize is { Value: { } m, Node: { } memoryNode, Source: SettingSource.Function } && !memory.Contains(m))
            {
                context.Report(memoryNode, $"memorySize {memoryNode.Display} of Lambda@Edge function '{function.Key}' exceeds the {shownType} limit ({memory.RangeText})", related: related);
            }
        }
    }
}
