using Spec.Core.Diagnostics;
using Spec.Rules.Suppression;

namespace Spec.Rules.Engine;

/// <summary>
/// Descriptors for the ids that are not rules — the Load/Resolve/Bind stage ids and the engine's own — so that
/// SARIF, <c>spec rules</c> and <c>spec explain</c> know them too. A catalogue rule with the same id wins.
/// </summary>
public static class EngineDiagnostics
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        Describe(DiagnosticIds.Parse, "File cannot be read or parsed", Severity.Error, "General",
            "The file is not valid YAML or JSON, has duplicate keys, or breaks a size, depth or alias limit.",
            "Nothing in the file can be checked or deployed until it parses.",
            "Fix the syntax at the reported position.", "functions:\n  hello:\n    handler: index.handler\n    handler: other.handler",
            "functions:\n  hello:\n    handler: index.handler", ["cfn-lint E0000"]),
        Describe(DiagnosticIds.Schema, "Unknown property or wrong type", Severity.Error, "General",
            "A key the Serverless Framework does not know, a value of the wrong type, or a missing required key.",
            "The Framework rejects or silently ignores such configuration depending on configValidationMode.",
            "Use the property name and type the Framework documents (the message suggests close names).",
            "provider:\n  name: aws\n  timout: 10", "provider:\n  name: aws\n  timeout: 10",
            ["Serverless configValidationMode", "cfn-lint E3002"]),
        Describe(DiagnosticIds.Variable, "Variable cannot be resolved", Severity.Warning, "General",
            "A ${…} variable points at something that does not exist or cannot be resolved without deploying.",
            "The Framework fails at package time, or resolves the variable to an unexpected fallback.",
            "Point the variable at an existing value or give it a fallback: ${self:custom.x, 'default'}.",
            "provider:\n  stage: ${self:custom.missing}", "provider:\n  stage: ${self:custom.stage, 'dev'}",
            ["serverless variables resolver"]),
        Describe(DiagnosticIds.Unsupported, "Unsupported spec", Severity.Error, "General",
            "The spec targets something Spec does not compile (a non-AWS provider, v2 object notation, …).",
            "Spec cannot check or convert it faithfully.", "Use an AWS provider and Serverless Framework v3 syntax.",
            "provider:\n  name: azure", "provider:\n  name: aws", []),
        Describe(DiagnosticIds.Internal, "Internal error in Spec", Severity.Error, "Spec",
            "A rule or stage of Spec itself failed on this input; the other rules still ran.",
            "The result is incomplete: the failing rule's findings are missing.",
            "Report the bug with the input that triggers it; suppress the rule meanwhile.", "", "", []),
        Describe(InlineSuppressions.MissingReasonId, "Suppression without a reason", Severity.Warning, "Spec",
            "A `# spec-ignore` comment names no reason (or no rule).",
            "Reviewers cannot tell why a finding was accepted; reasons keep suppressions honest.",
            "Write the reason after the rule id: `# spec-ignore ID why it does not apply`.",
            "timeout: 60 # spec-ignore SLS-APIGW-001", "timeout: 60 # spec-ignore SLS-APIGW-001 async endpoint, returns 202", []),
        Describe(InlineSuppressions.UnusedId, "Suppression that suppresses nothing", Severity.Warning, "Spec",
            "A `# spec-ignore` comment names an unknown rule, or none of its rules reports anything in its scope.",
            "Stale suppressions hide future findings in the same place.",
            "Remove the comment, or fix the rule id.",
            "timeout: 10 # spec-ignore SLS-APIGW-001 was slow once", "timeout: 10", []),
        Describe(SpecConfigLoader.ConfigId, "Invalid project configuration", Severity.Error, "Spec",
            "The .spec.yml file has an unknown key, a bad rule level or an ignore entry without rule or reason.",
            "The configuration does not do what it says.",
            "Follow the format of .spec.yml in the README.", "rules:\n  SLS-SQS-001: disabled",
            "rules:\n  SLS-SQS-001: off", []),
    ];

    public static DiagnosticDescriptor? Find(string id) => All.FirstOrDefault(m => m.Id == id);

    private static DiagnosticDescriptor Describe(
        string id, string title, Severity severity, string category, string description, string rationale,
        string howToFix, string failing, string passing, IReadOnlyList<string> anchors) =>
        DiagnosticDescriptor.Create(id, title, severity, category, description, rationale, howToFix, failing, passing, anchors);
}
