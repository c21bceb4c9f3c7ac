using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sqs;

/// <summary>SLS-SQS-010: Batch without partial batch responses.</summary>
public sealed class BatchWithoutPartialFailures : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SQS-010",
        Title = "Batch without partial batch responses",
        DefaultSeverity = Severity.Info,
        Category = "Sqs",
        Description = "An `sqs` event with an effective `batchSize` above 1 (default 10) does not set `functionResponseType: ReportBatchItemFailures`.",
        Rationale = "One failing message makes the whole batch visible again, so the successful ones are processed twice.",
        HowToFix = "Set `functionResponseType: ReportBatchItemFailures` and return `batchItemFailures` from the handler.",
        FailingExample = """
            - sqs: arn:aws:sqs:us-east-1:123456789012:jobs
            """,
        PassingExample = """
            - sqs:
                arn: arn:aws:sqs:us-east-1:123456789012:jobs
                functionResponseType: ReportBatchItemFailures
            """,
        Tags = [RuleTags.BestPractice],
        Anchors =
        [
            "AWS Lambda partial batch responses",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            foreach (var sqs in function.EventsOf<SqsEvent>())
            {
                if (sqs.BatchSize.Value is > 1 && sqs.FunctionResponseType?.Value != "ReportBatchItemFailures")
                {
                    context.Report(sqs.Node,
                        $"the sqs event of function '{function.Key}' receives batches of up to {sqs.BatchSize.Shown()}{sqs.BatchSize.SourceNote()} without functionResponseType: ReportBatchItemFailures");
                }
            }
        }
    }
}
