using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>
/// One variable of a value assembled from text and variables (<c>${self:custom.prefix}-orders.fifo</c>): the
/// variable as written and where a finding on the value should point the user for it. That is where the variable's
/// value was written (<see cref="IsDefinition"/>) when the spec holds it and it is not sensitive; otherwise
/// (<c>${opt:…}</c>, a literal fallback, a value from <c>${env:…}</c> or <c>${file(…)}</c>) it is where the
/// variable is used, so a location never leads to a secret's text.
/// </summary>
public sealed record VariableSite(string Expression, SourceSpan Span, bool IsDefinition);
