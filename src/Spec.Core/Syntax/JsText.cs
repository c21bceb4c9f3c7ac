using System.Globalization;
using System.Text;

namespace Spec.Core.Syntax;

/// <summary>
/// JavaScript's text for the values js-yaml makes: <c>String(number)</c>, a <c>Date</c>'s ISO form (what the
/// Framework's JSON round trip stores) and <c>String(date)</c> (what a date becomes as a mapping key), and the
/// <c>Date.UTC</c> arithmetic behind timestamps. Dates are milliseconds since the epoch; zone texts are UTC's.
/// </summary>
public static class JsText
{
    private const double MsPerDay = 86_400_000;
    private static readonly string[] WeekDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary><c>Number.prototype.toString()</c>: the shortest digits that round-trip, laid out as JavaScript does.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        // An integer below 10^15 is written with its plain digits both ways (the common case: ports, sizes, counts).
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        // "R" gives the shortest round-trip digits; split them into a digit string and a decimal exponent n
        // (value = 0.digits × 10^n), then lay them out by ECMAScript's Number::toString rules.
        var roundTrip = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? mantissa : mantissa[..dot];
        var all = dot < 0 ? mantissa : integer + mantissa[(dot + 1)..];
        var digits = all.TrimStart('0');
        var n = integer.Length + exponent - (all.Length - digits.Length);
        digits = digits.TrimEnd('0');
        var k = digits.Length;

        var sb = new StringBuilder(k + 8);
        if (value < 0)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary><c>Date.UTC(year, month, day, hours, minutes, seconds, ms)</c>; <paramref name="month"/> is 0-based.</summary>
    public static double DateUtc(int year, int month, int day, int hours, int minutes, int seconds, int ms)
    {
        if (year is >= 0 and <= 99)
        {
            year += 1900;
        }

        var y = year + FloorDiv(month, 12);
        var m = month - (FloorDiv(month, 12) * 12);
        var days = DaysFromCivil(y, m + 1, 1) + day - 1;
        return (days * MsPerDay) + (hours * 3_600_000.0) + (minutes * 60_000.0) + (seconds * 1000.0) + ms;
    }

    /// <summary><c>Date.prototype.toISOString()</c>: <c>2001-12-14T21:59:43.100Z</c>, six-digit signed years outside 0–9999.</summary>
    public static string IsoDate(double date)
    {
        var (year, month, day, h, m, s, ms, _) = Fields(date);
        var yearText = year is >= 0 and <= 9999
            ? year.ToString("D4", CultureInfo.InvariantCulture)
            : (year < 0 ? "-" : "+") + Math.Abs(year).ToString("D6", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{yearText}-{month:D2}-{day:D2}T{h:D2}:{m:D2}:{s:D2}.{ms:D3}Z");
    }

    /// <summary><c>String(date)</c> in the UTC zone: <c>Fri Dec 14 2001 00:00:00 GMT+0000 (Coordinated Universal Time)</c>.</summary>
    public static string DateString(double date)
    {
        var (year, month, day, h, m, s, _, weekDay) = Fields(date);
        var yearText = (year < 0 ? "-" : string.Empty) + Math.Abs(year).ToString("D4", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{WeekDays[weekDay]} {Months[month - 1]} {day:D2} {yearText} {h:D2}:{m:D2}:{s:D2} GMT+0000 (Coordinated Universal Time)");
    }

    private static (long Year, int Month, int Day, int H, int M, int S, int Ms, int WeekDay) Fields(double date)
    {
        var days = (long)Math.Floor(date / MsPerDay);
        var inDay = (long)(date - (days * MsPerDay));
        var (year, month, day) = CivilFromDays(days);
        var weekDay = (int)(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday (4)
        return (year, month, day, (int)(inDay / 3_600_000), (int)(inDay / 60_000 % 60), (int)(inDay / 1000 % 60),
            (int)(inDay % 1000), weekDay);
    }

    private static int FloorDiv(int a, int b) => (int)Math.Floor(a / (double)b);

    // Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil calendar algorithms).
    private static long DaysFromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146_097) + doe - 719_468;
    }

    private static (long Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var doe = z - (era * 146_097);
        var yoe = (doe - (doe / 1460) + (doe / 36_524) - (doe / 146_096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }
}
