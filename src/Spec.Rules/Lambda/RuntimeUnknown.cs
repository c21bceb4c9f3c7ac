using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-008: Runtime unknown.</summary>
public sealed class RuntimeUnknown : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-008",
        Title = "Runtime unknown",
        DefaultSeverity = Severity.Warning,
        Category = "Lambda",
        Description = "The runtime is not in the Lambda runtime lifecycle table: a typo or a runtime newer than the table.",
        Rationale = "Lambda rejects an unknown runtime identifier at deploy time.",
        HowToFix = "Use a runtime identifier Lambda supports, e.g. `nodejs22.x`, `python3.12`, `java21`, `provided.al2023`.",
        FailingExample = """
            functions:
              hello:
                runtime: nodejs99.x
            """,
        PassingExample = """
            functions:
              hello:
                runtime: python3.12
            """,
        Tags = [RuleTags.Lifecycle],
        Anchors =
        [
            "Serverless awsLambdaRuntime enum",
        ],
    };

    public override void Check(RuleContext context)
    {
        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            if (function.IsImage || function.Runtime is not { Value: { } id, Node: { } node } || context.Runtimes.Find(id) is not null)
            {
                continue;
            }

            if (reported.Add(node.EditSpan))
            {
                context.Report(node, $"runtime '{node.Display}' is not in the Lambda runtime table (as of {context.Runtimes.Snapshot:yyyy-MM-dd})");
            }
        }
    }
}
