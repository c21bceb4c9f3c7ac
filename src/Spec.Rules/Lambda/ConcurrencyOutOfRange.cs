using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>
/// SLS-LAMBDA-021: A concurrency setting outside the range AWS accepts. These ranges belong in the key catalogue
/// (the binder checks them there) once it carries ranges; until then this rule reports them.
/// </summary>
public sealed class ConcurrencyOutOfRange : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-021",
        Title = "Concurrency setting out of range",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "`reservedConcurrency` or `provisionedConcurrency` is negative, or an `sqs` event's `maximumConcurrency` is outside 2–1000.",
        Rationale = "Lambda rejects the value (`PutFunctionConcurrency`, `PutProvisionedConcurrencyConfig`, `CreateEventSourceMapping` ScalingConfig) and the deployment fails.",
        HowToFix = "Use 0 or more for reserved/provisioned concurrency and 2–1000 for `maximumConcurrency`.",
        FailingExample = """
            functions:
              worker:
                reservedConcurrency: -1
                events:
                  - sqs:
                      arn: !GetAtt Jobs.Arn
                      maximumConcurrency: 1
            """,
        PassingExample = """
            functions:
              worker:
                reservedConcurrency: 5
                events:
                  - sqs:
                      arn: !GetAtt Jobs.Arn
                      maximumConcurrency: 5
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionConcurrency.html",
            "https://docs.aws.amazon.com/lambda/latest/api/API_ScalingConfig.html",
            "Serverless events/sqs.js schema (maximumConcurrency 2-1000)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var maximumConcurrency = context.Limits["sqs.maximumConcurrency"];
        foreach (var function in context.Service.Functions)
        {
            if (function.ReservedConcurrency is { Value: < 0 } reserved)
            {
                context.Report(reserved.Node, $"reservedConcurrency {reserved.Node.Display} of function '{function.Key}' is negative; Lambda accepts 0 or more");
            }

            if (function.ProvisionedConcurrency is { Value: < 0 } provisioned)
            {
                context.Report(provisioned.Node, $"provisionedConcurrency {provisioned.Node.Display} of function '{function.Key}' is negative; Lambda accepts 1 or more");
            }

            foreach (var sqs in function.EventsOf<SqsEvent>())
            {
                if (sqs.MaximumConcurrency is { Value: { } value } setting && !maximumConcurrency.Contains(value))
                {
                    context.Report(setting.Node, $"maximumConcurrency {setting.Node.Display} of the sqs event of function '{function.Key}' is outside {maximumConcurrency.RangeText}");
                }
            }
        }
    }
}
