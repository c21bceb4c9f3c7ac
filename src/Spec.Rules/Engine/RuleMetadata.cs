using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>
/// The descriptor of a rule: its id, title, default severity, category, what it checks, why, how to fix it and a failing
/// and a passing example. The rule catalogue, <c>spec rules</c>, <c>spec explain</c>, the SARIF rule descriptors and
/// the docs are all generated from it, as for every other <see cref="DiagnosticDescriptor"/>.
/// </summary>
public sealed record RuleMetadata : DiagnosticDescriptor;
