using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-002: Property does not match the Framework schema.</summary>
public sealed class SchemaViolation : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-002",
        Title = "Property does not match the Framework schema",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "A key is unknown at its place or a value has the wrong type for the Serverless Framework v3 schema.",
        Rationale = "The Framework rejects such a configuration (configValidationMode: error) or ignores the value, so the deployed service differs from the file.",
        HowToFix = "Use the key and type the Framework documents for this place; the message names the closest known key.",
        FailingExample = """
            functions:
              hello:
                handler: handler.hello
                timout: 10
            """,
        PassingExample = """
            functions:
              hello:
                handler: handler.hello
                timeout: 10
            """,
        Anchors =
        [
            "Serverless configValidationMode",
            "cfn-lint E3002",
            "cfn-lint E3012",
        ],
    };

    public override void Check(RuleContext context)
    {
        // Reported by the Bind stage, before any rule runs: this class is the rule's descriptor (metadata for the catalogue,
        // SARIF, `spec rules` and `spec explain`) and has nothing left to check on the bound model.
        _ = context;
    }
}
