using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-001: Queue visibility timeout shorter than the function timeout.</summary>
public sealed class QueueVisibilityBelowFunctionTimeout : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-001",
        Title = "Queue visibility timeout shorter than the function timeout",
        DefaultSeverity = Severity.Error,
        Category = "Sqs",
        Description = "The `VisibilityTimeout` of a queue (default 30) is less than the effective timeout of a function it triggers (default 6).",
        Rationale = "Lambda refuses to create the event source mapping, so the deployment fails; the Framework does not check this.",
        HowToFix = "Raise the queue's `VisibilityTimeout` to at least 6 x the function timeout (the fix does this), or lower the function timeout.",
        FailingExample = """
            functions:
              worker:
                timeout: 60
                events:
                  - sqs: !GetAtt Queue.Arn
            resources:
              Resources:
                Queue:
                  Type: AWS::SQS::Queue
                  Properties:
                    VisibilityTimeout: 30
            """,
        PassingExample = """
            functions:
              worker:
                timeout: 60
                events:
                  - sqs: !GetAtt Queue.Arn
            resources:
              Resources:
                Queue:
                  Type: AWS::SQS::Queue
                  Properties:
                    VisibilityTimeout: 360
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "cfn-lint E3505",
        ],
    };

    public override void Check(RuleContext context)
    {
        var factor = context.Limits["sqs.visibilityTimeoutFactor"].Min ?? 6;
        var maximum = context.Limits["sqs.visibilityTimeout"].Max ?? 43200;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var demands = QueueConsumers.All(context)
            .Where(c => c.Queue is not null && c.Function.Timeout.Value is not null)
            .Select(c => (Consumer: c, Timeout: (long)c.Function.Timeout.Value!.Value, Window: (long)(c.Event.MaximumBatchingWindow?.Value ?? 0)))
            // Only a consumer that outlasts its queue is reported: the others are dropped before the (stable) sort.
            .Where(d => d.Consumer.Queue!.VisibilityTimeout.Value is { } visibility && visibility < d.Timeout)
            .OrderByDescending(d => d.Timeout);
        foreach (var (consumer, timeout, window) in demands)
        {
            var queue = consumer.Queue!;
            if (queue.VisibilityTimeout.Value is not { } visibility || !(visibility < timeout) || !reported.Add(queue.LogicalId))
            {
                continue;
            }

            var function = consumer.Function;
            var related = new List<RelatedLocation>
            {
                function.Timeout.Anchor(function).Related($"function '{function.Key}' has a timeout of {function.Timeout.Shown()} s{function.Timeout.SourceNote()}"),
                consumer.Event.Arn.Related($"function '{function.Key}' consumes queue '{queue.LogicalId}' here"),
            };
            var shown = queue.VisibilityTimeout.Node is null ? $"{visibility} s (SQS default)" : $"{queue.VisibilityTimeout.Shown()} s";
            var seconds = function.Timeout.Shown();
            var message = $"queue '{queue.LogicalId}' has a visibility timeout of {shown}, less than the {seconds} s timeout of function '{function.Key}' it triggers; Lambda rejects the event source mapping";
            var fix = VisibilityFix.Set(context, queue, Math.Min(factor * timeout + window, maximum));
            if (queue.VisibilityTimeout.Node is { } written)
            {
                context.Report(written, message, fix, related);
            }
            else
            {
                context.Report(queue.Resource.KeyNode, message, fix, related);
            }
        }
    }
}
