using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-005: Stage name is invalid for API Gateway.</summary>
public sealed partial class StageNameInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-005",
        Title = "Stage name is invalid for API Gateway",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "The stage name must match `^[-_a-zA-Z0-9]+$`.",
        Rationale = "API Gateway stage names allow only letters, digits, `-` and `_`; the deployment fails otherwise.",
        HowToFix = "Rename the stage, e.g. `dev-1` instead of `dev.1`.",
        FailingExample = """
            provider:
              stage: dev.1
            """,
        PassingExample = """
            provider:
              stage: dev-1
            """,
        Anchors =
        [
            "Serverless API_GATEWAY_INVALID_STAGE_NAME",
        ],
    };

    public override void Check(RuleContext context)
    {
        var stage = context.Service.Stage;
        if (ValidStage().IsMatch(stage))
        {
            return;
        }

        var written = context.Service.Provider.Stage;
        if (written is { Value: { } value } && value == stage)
        {
            context.Report(written.Node, $"stage '{written.Node.Display}' may only contain letters, digits, '-' and '_'");
        }
        else
        {
            context.Report(context.Service.Provider.Node.Span,
                $"stage '{stage}' (given with --stage) may only contain letters, digits, '-' and '_'");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[-_a-zA-Z0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex ValidStage();
}
