using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-002: Queue visibility timeout below the recommended 6 x function timeout.</summary>
public sealed class QueueVisibilityBelowRecommendation : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-002",
        Title = "Queue visibility timeout below the recommended 6 x function timeout",
        DefaultSeverity = Severity.Warning,
        Category = "Sqs",
        Description = "The queue's `VisibilityTimeout` is below 6 x the function timeout plus `maximumBatchingWindow`, as AWS recommends.",
        Rationale = "With retries and throttling, messages become visible again while a function still processes them, so they are processed twice.",
        HowToFix = "Raise `VisibilityTimeout` to 6 x the function timeout plus the batching window (the fix does this).",
        FailingExample = """
            functions:
              worker:
                timeout: 10
            ...
                  Properties:
                    VisibilityTimeout: 30
            """,
        PassingExample = """
            functions:
              worker:
                timeout: 10
            ...
                  Properties:
                    VisibilityTimeout: 60
            """,
        Tags = [RuleTags.CrossResource, RuleTags.BestPractice],
        Anchors =
        [
            "AWS SQS/Lambda documentation",
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
            // Only a queue below the recommendation is reported: the others are dropped before the (stable) sort.
            .Where(d => d.Consumer.Queue!.VisibilityTimeout.Value is { } visibility && visibility >= d.Timeout && visibility < factor * d.Timeout + d.Window)
            .OrderByDescending(d => factor * d.Timeout + d.Window);
        foreach (var (consumer, timeout, window) in demands)
        {
            var queue = consumer.Queue!;
            if (queue.VisibilityTimeout.Value is not { } visibility || !(visibility >= timeout && visibility < factor * timeout + window) || !reported.Add(queue.LogicalId))
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
            var windowNode = consumer.Event.MaximumBatchingWindow?.Node;
            // A recommendation computed from a value of ${env:} or ${file()} would tell that value: neither the message
            // nor a fix writes it.
            var hidden = (function.Timeout.Node is { } timeoutNode && ShownText.IsHidden(timeoutNode)) || (windowNode is not null && ShownText.IsHidden(windowNode));
            var message = $"queue '{queue.LogicalId}' has a visibility timeout of {shown}; AWS recommends at least {factor} x the {seconds} s timeout of function '{function.Key}'"
                + (window > 0 ? $" plus its {windowNode?.Display ?? window.ToString(System.Globalization.CultureInfo.InvariantCulture)} s batching window" : "")
                + (hidden ? "" : $" ({factor * timeout + window} s)");
            var fix = hidden ? null : VisibilityFix.Set(context, queue, Math.Min(factor * timeout + window, maximum));
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
