using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spec.Backends.Pulumi;

internal static partial class ResourceMappings
{
    /// <summary>
    /// <c>MemorySize</c> is an integer number of MB. The Framework passes a spec's string through unchanged, so a
    /// <c>memorySize: 1536MB</c> reaches CloudFormation as <c>"1536MB"</c>, which it rejects when it creates the function
    /// (its property validation expects an integer). The Pulumi input is a number: a number with an <c>MB</c> unit is
    /// read as that number, with a warning that the CloudFormation deployment of the same spec fails; any other
    /// string cannot be expressed.
    /// </summary>
    private static PulumiValue? MemorySize(ValueConverter c, JsonNode? value)
    {
        if (c.Int(value) is { } number)
        {
            return number;
        }

        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String || MegabyteString().Match(v.GetValue<string>()) is not { Success: true } m ||
            !int.TryParse(m.Groups["mb"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var mb))
        {
            return null;
        }

        c.Note(
            "MemorySize is a string with an 'MB' unit, not an integer: the Framework passes it through and CloudFormation rejects it " +
            "when it creates the function; the Pulumi program uses the number before the unit",
            "write memorySize as a plain number of MB (without the unit)");
        return PulumiLiteral.Number(mb.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\s*(?<mb>[0-9]{1,6})\s*MB\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MegabyteString();
}
