using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-006: Runtime can no longer be deployed.</summary>
public sealed class RuntimeBlocked : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-006",
        Title = "Runtime can no longer be deployed",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "As of the `--as-of` date, AWS blocks creating (or updating) functions with this runtime.",
        Rationale = "A deployment that creates or updates the function fails.",
        HowToFix = "Move to the nearest later runtime of the same language that is still supported (the unsafe fix, applied by `--fix-unsafe`, does this); a new major version may need code changes, so test the code on it.",
        FailingExample = """
            provider:
              runtime: nodejs14.x
            """,
        PassingExample = """
            provider:
              runtime: nodejs24.x
            """,
        Tags = [RuleTags.Lifecycle],
        FixIsUnsafe = true, // a successor is often another major version of the language or a new runtime API
        Anchors =
        [
            "cfn-lint E2531",
            "cfn-lint E2533",
            "checkov CKV_AWS_363",
        ],
    };

    public override void Check(RuleContext context)
    {
        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            if (function.IsImage || function.Runtime is not { Value: { } id } runtime)
            {
                continue;
            }

            var info = context.Runtimes.Find(id);
            if (info is null || !(info.StatusOn(context.AsOf) is RuntimeStatus.CreateBlocked or RuntimeStatus.UpdateBlocked))
            {
                continue;
            }

            var at = runtime.Node ?? context.Service.Provider.Node;
            if (!reported.Add(at.EditSpan))
            {
                continue;
            }

            var message = RuntimeFindings.Describe(context.Runtimes, info, context.AsOf, runtime);
            var fix = RuntimeFindings.FixToSuccessor(context, info, runtime);
            if (runtime.Node is null)
            {
                context.Report(context.Service.Root.KeyOf("provider")?.Span ?? at.Span, message, fix);
            }
            else
            {
                context.Report(runtime.Node, message, fix);
            }
        }
    }
}
