namespace Spec.Core.Diagnostics;

/// <summary>Ids of the diagnostics the Load, Resolve and Bind stages report (rules.md §8.1).</summary>
public static class DiagnosticIds
{
    /// <summary>The file cannot be read or parsed: syntax, duplicate keys, limits, encoding.</summary>
    public const string Parse = "SLS-GEN-001";

    /// <summary>Unknown property, wrong type or missing required property.</summary>
    public const string Schema = "SLS-GEN-002";

    /// <summary>A variable cannot be resolved, or resolves to something unusable.</summary>
    public const string Variable = "SLS-GEN-003";

    /// <summary>The spec targets something Spec does not compile (a non-AWS provider, v2 object notation, …).</summary>
    public const string Unsupported = "SLS-GEN-007";

    /// <summary>A bug in Spec itself, caught at the top.</summary>
    public const string Internal = "SPEC-INTERNAL";
}
