using System.Text.RegularExpressions;

namespace Spec.Core.Syntax;

/// <summary>The YAML 1.2 core schema as js-yaml applies it to plain scalars (so <c>yes</c> stays a string).</summary>
public static partial class ScalarTyping
{
    public static ScalarKind KindOf(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Bool,
        _ when IntPattern().IsMatch(plain) => ScalarKind.Int,
        _ when FloatPattern().IsMatch(plain) => ScalarKind.Float,
        _ => ScalarKind.String,
    };

    [GeneratedRegex("^(?:[-+]?[0-9][0-9_]*|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
