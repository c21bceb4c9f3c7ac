using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// The property being resolved and which of its variables is being evaluated: a failure anywhere below (a nested
/// variable, a value a source gave) is reported at that property and located at that variable.
/// </summary>
internal sealed class PropertyUse(IReadOnlyList<string> path, ScalarNode scalar, Template template)
{
    public IReadOnlyList<string> Path { get; } = path;

    public ScalarNode Scalar { get; } = scalar;

    public Template Template { get; } = template;

    public VariableSyntax? Current { get; set; }
}
