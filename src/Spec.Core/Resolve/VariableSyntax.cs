using System.Globalization;

namespace Spec.Core.Resolve;

/// <summary>The kind of a literal written in a variable: <c>'dev'</c>, <c>10</c>, <c>true</c>, <c>null</c>.</summary>
internal enum LiteralKind
{
    String,
    Number,
    Bool,
    Null,
}

/// <summary>A literal fallback or parameter. Numbers keep the JavaScript text of the parsed number.</summary>
internal sealed record Literal(LiteralKind Kind, string Text)
{
    public static readonly Literal Null = new(LiteralKind.Null, "null");

    public static Literal String(string text) => new(LiteralKind.String, text);

    /// <summary>The Framework's <c>parseLiteralSource</c>: true/false/null, a number, else the text (or nothing).</summary>
    public static Literal? Parse(string text, bool fallbackToString)
    {
        switch (text)
        {
            case "true":
                return new Literal(LiteralKind.Bool, "true");
            case "false":
                return new Literal(LiteralKind.Bool, "false");
            case "null":
                return Null;
        }

        if (JsNumber.TryParse(text, out var number))
        {
            return new Literal(LiteralKind.Number, JsNumber.Format(number));
        }

        return fallbackToString ? String(text) : null;
    }
}

/// <summary>
/// A piece of text that may hold variables: a whole property value, an address or a parameter.
/// <see cref="Variables"/> are in text order; positions are relative to <see cref="Text"/>.
/// </summary>
internal sealed record Template(string Text, IReadOnlyList<VariableSyntax> Variables)
{
    /// <summary>One variable spanning the whole text: its value replaces the property as-is, type included.</summary>
    public bool IsWholeValue => Variables.Count == 1 && Variables[0].Start == 0 && Variables[0].End == Text.Length;
}

/// <summary>
/// One <c>${…}</c> occurrence at <see cref="Start"/>..<see cref="End"/> (exclusive), or an escape (<c>\${</c>) whose
/// replacement text is <see cref="EscapedText"/>.
/// </summary>
internal sealed record VariableSyntax(int Start, int End, IReadOnlyList<SourceSyntax> Sources, string? EscapedText)
{
    public bool IsEscape => EscapedText is not null;
}

/// <summary>
/// One source of a variable (the first choice or a fallback): <c>type(params):address</c>, or a literal.
/// </summary>
internal sealed record SourceSyntax(string? Type, IReadOnlyList<Parameter>? Params, Parameter? Address, Literal? Value)
{
    public bool IsLiteral => Type is null;
}

/// <summary>A parameter or an address: a literal, or text with nested variables.</summary>
internal sealed record Parameter(Literal? Value, Template? Template)
{
    public static Parameter Of(Literal value) => new(value, null);
}

/// <summary>A variable syntax error, at a 0-based index into the value.</summary>
internal sealed class VariableSyntaxException(string message, int index) : Exception(message)
{
    public int Index { get; } = index;
}

/// <summary>JavaScript <c>Number(text)</c> and <c>String(number)</c>, which literals and concatenation follow.</summary>
internal static class JsNumber
{
    public static bool TryParse(string text, out double value)
    {
        var t = text.Trim();
        value = 0;
        if (t.Length == 0)
        {
            // Number("") is 0 but isNaN("") is false: the Framework treats an empty literal as 0.
            return true;
        }

        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && t.Length > 2)
        {
            return ulong.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)
                && Assign(h, out value);
        }

        if (t.StartsWith("0o", StringComparison.OrdinalIgnoreCase) || t.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            var radix = char.ToLowerInvariant(t[1]) == 'o' ? 8 : 2;
            try
            {
                return Assign(Convert.ToUInt64(t[2..], radix), out value);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return false;
            }
        }

        if (t is "Infinity" or "+Infinity")
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (t == "-Infinity")
        {
            value = double.NegativeInfinity;
            return true;
        }

        foreach (var c in t)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return false;
            }
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool Assign(ulong v, out double value)
    {
        value = v;
        return true;
    }

    /// <summary>JavaScript <c>Number.prototype.toString()</c> (the loader's, which js-yaml's numbers follow too).</summary>
    public static string Format(double value) => Spec.Core.Syntax.JsText.Number(value);
}
