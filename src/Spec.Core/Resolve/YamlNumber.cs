using System.Globalization;

namespace Spec.Core.Resolve;

/// <summary>The number a YAML int or float scalar stands for, as js-yaml reads it (<c>0x1F</c>, <c>1_000</c>, <c>.inf</c>).</summary>
internal static class YamlNumber
{
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var t = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var sign = 1.0;
        if (t.StartsWith('-') || t.StartsWith('+'))
        {
            sign = t[0] == '-' ? -1 : 1;
            t = t[1..];
        }

        switch (t)
        {
            case ".inf" or ".Inf" or ".INF":
                value = sign * double.PositiveInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        try
        {
            if (t.StartsWith("0x", StringComparison.Ordinal))
            {
                value = sign * Convert.ToUInt64(t[2..], 16);
                return true;
            }

            if (t.StartsWith("0o", StringComparison.Ordinal))
            {
                value = sign * Convert.ToUInt64(t[2..], 8);
                return true;
            }

            if (t.StartsWith("0b", StringComparison.Ordinal))
            {
                value = sign * Convert.ToUInt64(t[2..], 2);
                return true;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = sign * d;
            return true;
        }

        return false;
    }
}
