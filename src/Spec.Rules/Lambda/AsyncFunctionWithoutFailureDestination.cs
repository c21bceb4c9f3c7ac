using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-017: Async-invoked function without failure destination.</summary>
public sealed class AsyncFunctionWithoutFailureDestination : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-017",
        Title = "Async-invoked function without failure destination",
        DefaultSeverity = Severity.Warning,
        Category = "Lambda",
        Description = "A function triggered asynchronously (s3, sns, eventBridge, schedule, ...) has neither `destinations.onFailure` nor `onError`.",
        Rationale = "Events that still fail after Lambda's retries are dropped without a trace.",
        HowToFix = "Add `destinations.onFailure` (an SQS queue or SNS topic) or `onError`.",
        FailingExample = """
            functions:
              nightly:
                events:
                  - schedule: rate(1 day)
            """,
        PassingExample = """
            functions:
              nightly:
                destinations:
                  onFailure: <queue arn>
                events:
                  - schedule: rate(1 day)
            """,
        Tags = [RuleTags.BestPractice],
        Anchors =
        [
            "serverless-rules ES1007",
            "checkov CKV_AWS_116",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            var trigger = function.Events.FirstOrDefault(e => AsyncKinds.Contains(e.Kind));
            if (trigger is null || function.Destinations?.OnFailure is not null || function.OnError is not null)
            {
                continue;
            }

            context.Report(function.KeyNode,
                $"function '{function.Key}' is invoked asynchronously ({trigger.KindName}) but has no destinations.onFailure or onError",
                related: [trigger.Node.Related($"the {trigger.KindName} event invokes it asynchronously")]);
        }
    }

    private static readonly HashSet<EventKind> AsyncKinds =
    [
        EventKind.S3, EventKind.Sns, EventKind.EventBridge, EventKind.Schedule, EventKind.CloudwatchEvent,
        EventKind.CloudwatchLog, EventKind.Iot,
    ];
}
