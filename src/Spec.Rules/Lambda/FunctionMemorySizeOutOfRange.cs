using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-002: Function memory size out of range.</summary>
public sealed class FunctionMemorySizeOutOfRange : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-002",
        Title = "Function memory size out of range",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "The effective `memorySize` must be between 128 and 10240 MB.",
        Rationale = "Lambda rejects other sizes; the deployment fails.",
        HowToFix = "Set `memorySize` between 128 and 10240.",
        FailingExample = """
            provider:
              memorySize: 64
            """,
        PassingExample = """
            provider:
              memorySize: 128
            """,
        Anchors =
        [
            "Serverless awsLambdaMemorySize",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["lambda.memorySize"];
        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            var setting = function.MemorySize;
            if (setting is { Value: { } value, Node: { } node } && !limit.Contains(value) && reported.Add(node.EditSpan))
            {
                context.Report(node,
                    $"memorySize {node.Display}{setting.SourceNote()} of function '{function.Key}' is outside {limit.RangeText}");
            }
        }
    }
}
