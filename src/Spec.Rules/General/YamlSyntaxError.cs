using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-001: YAML cannot be parsed.</summary>
public sealed class YamlSyntaxError : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-001",
        Title = "YAML cannot be parsed",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "The file is not valid YAML or JSON, or a mapping repeats a key.",
        Rationale = "The Framework refuses a file it cannot parse, and a repeated key silently drops one of the values in most YAML tools.",
        HowToFix = "Fix the syntax at the reported position; keep each key once per mapping.",
        FailingExample = """
            provider:
              name: aws
            provider:
              runtime: nodejs22.x
            """,
        PassingExample = """
            provider:
              name: aws
              runtime: nodejs22.x
            """,
        Anchors =
        [
            "cfn-lint E0000",
        ],
    };

    public override void Check(RuleContext context)
    {
        // Reported by the Load stage (YamlLoader), before any rule runs: this class is the rule's descriptor (metadata for the catalogue,
        // SARIF, `spec rules` and `spec explain`) and has nothing left to check on the bound model.
        _ = context;
    }
}
