using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>JavaScript <c>String(value)</c> of a scalar, as the Framework turns a value into text.</summary>
internal static class JsString
{
    /// <summary>Numbers in their JavaScript spelling, booleans and null as JavaScript prints them.</summary>
    public static string Of(ScalarNode s) => s.Kind switch
    {
        ScalarKind.Int or ScalarKind.Float when YamlNumber.TryParse(s.Text, out var d) => JsNumber.Format(d),
        ScalarKind.Bool => s.AsBool == true ? "true" : "false",
        ScalarKind.Null => "null",
        _ => s.Text,
    };
}
