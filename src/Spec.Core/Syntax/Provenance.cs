using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>
/// Where a finding on a value belongs (issue 15 §2): at <see cref="Node.EditSpan"/> — a value that came whole from one
/// variable at the variable's definition, a value assembled from text and variables at the key that assembles it —
/// with these related locations: the place a whole value is used, and each variable of an assembled value (its
/// definition, or its use when the spec does not hold the value or must not show it).
/// </summary>
public static class Provenance
{
    public static List<RelatedLocation> RelatedOf(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var related = new List<RelatedLocation>();
        if (node.Origin is not null && node.Origin != node.Span)
        {
            related.Add(new RelatedLocation(node.Span, "the value is used here"));
        }

        foreach (var variable in node.Variables)
        {
            related.Add(new RelatedLocation(variable.Span, variable.IsDefinition
                ? $"{variable.Expression} takes its value from here"
                : $"{variable.Expression} is used here"));
        }

        return related;
    }
}
