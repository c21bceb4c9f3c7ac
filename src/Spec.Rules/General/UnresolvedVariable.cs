using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-003: Variable cannot be resolved.</summary>
public sealed class UnresolvedVariable : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-003",
        Title = "Variable cannot be resolved",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "A `${...}` variable points at a value that does not exist or uses a syntax the resolver does not accept.",
        Rationale = "An unresolved variable fails `serverless deploy` or leaves a literal `${...}` in the deployed configuration.",
        HowToFix = "Define the referenced value, fix the address (`self:custom.key`, not `self:custom:key`), or add a fallback.",
        FailingExample = """
            functions:
              hello:
                timeout: ${self:custom.missing}
            """,
        PassingExample = """
            custom:
              timeout: 10
            functions:
              hello:
                timeout: ${self:custom.timeout}
            """,
        Anchors =
        [
            "Serverless variables resolver",
            "checkov #501",
        ],
    };

    public override void Check(RuleContext context)
    {
        // Reported by the Resolve stage, before any rule runs: this class is the rule's descriptor (metadata for the catalogue,
        // SARIF, `spec rules` and `spec explain`) and has nothing left to check on the bound model.
        _ = context;
    }
}
