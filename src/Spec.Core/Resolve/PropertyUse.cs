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

    /// <summary>How many source parameters or addresses are being evaluated (<c>file(${…})</c>): a value found there
    /// is an argument, not the property's value.</summary>
    public int ParameterDepth { get; set; }

    /// <summary>The mapping or list a source gave as the property's whole value, its variables left for the property's
    /// children to resolve (see <see cref="ResolutionRun"/>).</summary>
    public Node? Deferred { get; set; }
}
