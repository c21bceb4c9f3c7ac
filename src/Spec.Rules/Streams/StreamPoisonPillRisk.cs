using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Streams;

/// <summary>SLS-STREAM-004: Stream event can block its shard.</summary>
public sealed class StreamPoisonPillRisk : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-STREAM-004",
        Title = "Stream event can block its shard",
        DefaultSeverity = Severity.Warning,
        Category = "Streams",
        Description = "A `stream` event has no `destinations.onFailure` and its effective `maximumRetryAttempts` is -1 (retry forever, the default).",
        Rationale = "A record that always fails (a poison pill) is retried until it expires, blocking the shard for up to the retention period.",
        HowToFix = "Set `maximumRetryAttempts` (and `bisectBatchOnFunctionError`) and add `destinations.onFailure`.",
        FailingExample = """
            - stream:
                type: kinesis
                arn: <stream arn>
            """,
        PassingExample = """
            - stream:
                type: kinesis
                arn: <stream arn>
                maximumRetryAttempts: 3
                destinations:
                  onFailure: <queue arn>
            """,
        Tags = [RuleTags.BestPractice],
        Anchors =
        [
            "serverless-rules ES1001",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var stream in function.EventsOf<StreamEvent>())
            {
                var retries = stream.MaximumRetryAttempts?.Value ?? -1;
                var boundedAge = stream.MaximumRecordAgeInSeconds?.Value is { } age && age != -1;
                if (stream.OnFailure is null && retries == -1 && !boundedAge)
                {
                    context.Report(stream.Node,
                        $"the stream event of function '{function.Key}' retries a failing batch forever (maximumRetryAttempts -1) and has no destinations.onFailure");
                }
            }
        }
    }
}
