using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-001: Function timeout out of range.</summary>
public sealed class FunctionTimeoutOutOfRange : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-001",
        Title = "Function timeout out of range",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "The effective `timeout` (function, else provider, else 6) must be between 1 and 900 seconds.",
        Rationale = "Lambda rejects timeouts outside 1-900 seconds; the deployment fails.",
        HowToFix = "Set `timeout` to at most 900; split longer work (Step Functions, SQS).",
        FailingExample = """
            functions:
              hello:
                timeout: 1000
            """,
        PassingExample = """
            functions:
              hello:
                timeout: 900
            """,
        Anchors =
        [
            "Serverless awsLambdaTimeout",
            "cfn-lint E3034",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["lambda.timeout"];
        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            var setting = function.Timeout;
            if (setting is { Value: { } value, Node: { } node } && !limit.Contains(value) && reported.Add(node.EditSpan))
            {
                context.Report(node,
                    $"timeout {node.Display}{setting.SourceNote()} of function '{function.Key}' is outside {limit.RangeText}");
            }
        }
    }
}
