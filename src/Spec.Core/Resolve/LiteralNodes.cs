using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>A literal written in a variable (a fallback <c>'dev'</c>, a parameter <c>10</c>) as a value.</summary>
internal static class LiteralNodes
{
    public static ScalarNode Of(Literal literal, SourceSpan span) => literal.Kind switch
    {
        LiteralKind.String => new ScalarNode(span, literal.Text, ScalarKind.String) { IsQuoted = true },
        LiteralKind.Number => new ScalarNode(span, literal.Text,
            literal.Text.Contains('.', StringComparison.Ordinal) || literal.Text.Contains('e', StringComparison.Ordinal)
                || literal.Text.Contains("Infinity", StringComparison.Ordinal)
                ? ScalarKind.Float
                : ScalarKind.Int),
        LiteralKind.Bool => new ScalarNode(span, literal.Text, ScalarKind.Bool),
        _ => new ScalarNode(span, "null", ScalarKind.Null),
    };
}
