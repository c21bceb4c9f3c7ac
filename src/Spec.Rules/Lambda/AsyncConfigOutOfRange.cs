using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-013: Async invocation config out of range.</summary>
public sealed class AsyncConfigOutOfRange : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-013",
        Title = "Async invocation config out of range",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "`maximumRetryAttempts` must be 0-2 and `maximumEventAge` 60-21600 seconds.",
        Rationale = "Lambda rejects the event invoke configuration; the deployment fails.",
        HowToFix = "Use a value within the range.",
        FailingExample = """
            functions:
              hello:
                maximumRetryAttempts: 5
            """,
        PassingExample = """
            functions:
              hello:
                maximumRetryAttempts: 2
            """,
        Anchors =
        [
            "Serverless provider.js maximumRetryAttempts/maximumEventAge",
        ],
    };

    public override void Check(RuleContext context)
    {
        var retries = context.Limits["lambda.asyncMaximumRetryAttempts"];
        var age = context.Limits["lambda.asyncMaximumEventAge"];
        foreach (var function in context.Service.Functions)
        {
            if (function.MaximumRetryAttempts is { Value: { } r } retry && !retries.Contains(r))
            {
                context.Report(retry.Node, $"maximumRetryAttempts {retry.Node.Display} of function '{function.Key}' is outside {retries.RangeText}");
            }

            if (function.MaximumEventAge is { Value: { } a } eventAge && !age.Contains(a))
            {
                context.Report(eventAge.Node, $"maximumEventAge {eventAge.Node.Display} of function '{function.Key}' is outside {age.RangeText}");
            }
        }
    }
}
