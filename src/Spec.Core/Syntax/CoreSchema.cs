using System.Globalization;
using System.Numerics;

namespace Spec.Core.Syntax;

/// <summary>
/// The scalar types of js-yaml 4's default schema (the YAML 1.2 core schema plus timestamps and merge keys), which
/// is what the Framework reads plain scalars with: <c>yes</c>, <c>on</c> and <c>1_000</c> stay strings, <c>0o17</c> is
/// 15, <c>012</c> is 12, <c>2001-12-14</c> is a date. Numbers come out as JavaScript numbers (doubles).
/// </summary>
internal static class CoreSchema
{
    public const string Prefix = "tag:yaml.org,2002:";
    public const string Merge = Prefix + "merge";

    /// <summary>A resolved scalar: its kind, its value as JavaScript writes it, and the instant of a timestamp.</summary>
    public readonly record struct Scalar(ScalarKind Kind, string Text, double? Date = null);

    /// <summary>
    /// Implicit resolution of a plain scalar, in js-yaml's order: null, bool, int, float, timestamp, merge.
    /// Returns the resolved tag (null when the scalar stays a string).
    /// </summary>
    public static string? ResolvePlain(string text, out Scalar scalar)
    {
        if (IsNull(text))
        {
            scalar = new Scalar(ScalarKind.Null, text);
            return Prefix + "null";
        }

        if (text.Length == 0 || !MayBeTyped(text[0]))
        {
            scalar = default;
            return null;
        }

        if (IsBool(text))
        {
            scalar = new Scalar(ScalarKind.Bool, text);
            return Prefix + "bool";
        }

        if (TryInt(text, out var number))
        {
            scalar = new Scalar(ScalarKind.Int, JsText.Number(number));
            return Prefix + "int";
        }

        if (TryFloat(text, out number))
        {
            scalar = new Scalar(ScalarKind.Float, JsText.Number(number));
            return Prefix + "float";
        }

        if (TryTimestamp(text, out var date))
        {
            scalar = Timestamp(date);
            return Prefix + "timestamp";
        }

        scalar = default;
        return text == "<<" ? Merge : null;
    }

    /// <summary>The kind js-yaml gives a plain scalar (the implicit resolution of <see cref="ResolvePlain"/>).</summary>
    public static ScalarKind KindOf(string plain) =>
        ResolvePlain(plain, out var s) is null or Merge ? ScalarKind.String : s.Kind;

    public static Scalar Timestamp(double date) => new(ScalarKind.String, JsText.IsoDate(date), date);

    /// <summary>Only these first characters can start a null, bool, number, timestamp or merge key.</summary>
    private static bool MayBeTyped(char c) => c is (>= '0' and <= '9') or '-' or '+' or '.' or 't' or 'T' or 'f' or 'F' or '<';

    public static bool IsNull(string s) => s is "" or "~" or "null" or "Null" or "NULL";

    public static bool IsBool(string s) => s is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    public static bool BoolValue(string s) => s[0] is 't' or 'T';

    /// <summary>Decimal (<c>012</c> is 12), <c>0x</c>, <c>0o</c> and <c>0b</c> integers with an optional sign; no underscores.</summary>
    public static bool TryInt(string s, out double value)
    {
        value = 0;
        var i = s.Length > 0 && s[0] is '-' or '+' ? 1 : 0;
        var negative = i == 1 && s[0] == '-';
        if (i >= s.Length)
        {
            return false;
        }

        var radix = 10;
        if (s[i] == '0' && i + 1 < s.Length && s[i + 1] is 'x' or 'o' or 'b')
        {
            radix = s[i + 1] switch { 'x' => 16, 'o' => 8, _ => 2 };
            i += 2;
            if (i >= s.Length)
            {
                return false;
            }
        }

        for (var j = i; j < s.Length; j++)
        {
            if (DigitValue(s[j]) is var d && (d < 0 || d >= radix))
            {
                return false;
            }
        }

        if (radix == 10)
        {
            value = double.Parse(s.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else if (s.Length - i <= 12)
        {
            long v = 0;
            for (var j = i; j < s.Length; j++)
            {
                v = (v * radix) + DigitValue(s[j]);
            }

            value = v;
        }
        else
        {
            var big = BigInteger.Zero;
            for (var j = i; j < s.Length; j++)
            {
                big = (big * radix) + DigitValue(s[j]);
            }

            value = (double)big;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>
    /// <c>1.5</c>, <c>1.</c>, <c>.5</c> (unsigned), <c>1e5</c>, <c>.inf</c>, <c>.nan</c>; a finite literal that
    /// overflows (<c>1e400</c>) is not a float.
    /// </summary>
    public static bool TryFloat(string s, out double value)
    {
        value = 0;
        switch (s)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        var i = 0;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            i = 1;
            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fraction = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                fraction++;
            }

            if (digits == 0 && fraction == 0)
            {
                return false;
            }
        }
        else if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '-' or '+')
            {
                i++;
            }

            var exponent = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        if (i != s.Length)
        {
            return false;
        }

        value = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value);
    }

    /// <summary>
    /// <c>YYYY-MM-DD</c>, or a date and a time (<c>T</c>, <c>t</c> or blanks between) with optional fraction and
    /// zone; the fields are combined as JavaScript's <c>Date.UTC</c> does (years 0–99 are 1900–1999, overflowing
    /// months and days carry over). <paramref name="date"/> is milliseconds since the epoch.
    /// </summary>
    public static bool TryTimestamp(string s, out double date)
    {
        date = 0;
        var p = new Cursor(s);
        if (!p.Digits(4, 4, out var year) || !p.Char('-'))
        {
            return false;
        }

        if (s.Length == 10)
        {
            if (!p.Digits(2, 2, out var m) || !p.Char('-') || !p.Digits(2, 2, out var d) || !p.AtEnd)
            {
                return false;
            }

            date = JsText.DateUtc(year, m - 1, d, 0, 0, 0, 0);
            return true;
        }

        if (!p.Digits(1, 2, out var month) || !p.Char('-') || !p.Digits(1, 2, out var day))
        {
            return false;
        }

        if (!p.Char('T') && !p.Char('t') && p.Blanks() == 0)
        {
            return false;
        }

        if (!p.Digits(1, 2, out var hour) || !p.Char(':') || !p.Digits(2, 2, out var minute) || !p.Char(':')
            || !p.Digits(2, 2, out var second))
        {
            return false;
        }

        var millis = 0;
        if (p.Char('.'))
        {
            var start = p.Position;
            p.Digits(0, int.MaxValue, out _);
            var fraction = s[start..p.Position];
            millis = fraction.Length == 0 ? 0 : int.Parse((fraction + "00")[..3], CultureInfo.InvariantCulture);
        }

        var offsetMinutes = 0;
        if (!p.AtEnd)
        {
            p.Blanks();
            if (p.Char('Z'))
            {
                // UTC
            }
            else if (p.Peek is '-' or '+')
            {
                var sign = p.Peek == '-' ? -1 : 1;
                p.Char(p.Peek);
                if (!p.Digits(1, 2, out var zoneHour))
                {
                    return false;
                }

                var zoneMinute = 0;
                if (p.Char(':') && !p.Digits(2, 2, out zoneMinute))
                {
                    return false;
                }

                offsetMinutes = sign * ((zoneHour * 60) + zoneMinute);
            }
            else
            {
                return false;
            }

            if (!p.AtEnd)
            {
                return false;
            }
        }

        date = JsText.DateUtc(year, month - 1, day, hour, minute, second, millis) - (offsetMinutes * 60_000.0);
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private ref struct Cursor(string text)
    {
        public int Position { get; private set; }

        public readonly bool AtEnd => Position >= text.Length;

        public readonly char Peek => AtEnd ? '\0' : text[Position];

        public bool Char(char c)
        {
            if (Peek != c || AtEnd)
            {
                return false;
            }

            Position++;
            return true;
        }

        public int Blanks()
        {
            var n = 0;
            while (!AtEnd && text[Position] is ' ' or '\t')
            {
                Position++;
                n++;
            }

            return n;
        }

        public bool Digits(int min, int max, out int value)
        {
            value = 0;
            var n = 0;
            while (n < max && !AtEnd && char.IsAsciiDigit(text[Position]))
            {
                value = n < 9 ? (value * 10) + (text[Position] - '0') : value;
                Position++;
                n++;
            }

            return n >= min;
        }
    }
}
