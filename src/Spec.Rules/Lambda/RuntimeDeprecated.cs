using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-007: Runtime is deprecated.</summary>
public sealed class RuntimeDeprecated : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-007",
        Title = "Runtime is deprecated",
        DefaultSeverity = Severity.Warning,
        Category = "Lambda",
        Description = "As of the `--as-of` date, the runtime is deprecated: it still deploys but gets no security patches and will be blocked later.",
        Rationale = "Deprecated runtimes stop receiving patches, then AWS blocks creating and updating functions with them.",
        HowToFix = "Move to the nearest later runtime of the same language that is still supported (the unsafe fix, applied by `--fix-unsafe`, does this); a new major version may need code changes, so test the code on it.",
        FailingExample = """
            provider:
              runtime: nodejs20.x
            """,
        PassingExample = """
            provider:
              runtime: nodejs24.x
            """,
        Tags = [RuleTags.Lifecycle],
        FixIsUnsafe = true, // a successor is often another major version of the language or a new runtime API
        Anchors =
        [
            "cfn-lint W2531",
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
            if (info is null || !(info.StatusOn(context.AsOf) == RuntimeStatus.Deprecated))
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
