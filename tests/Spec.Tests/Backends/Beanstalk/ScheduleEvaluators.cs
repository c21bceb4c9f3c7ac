using System.Globalization;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>Does a schedule fire in the minute starting at an instant (UTC)?</summary>
internal interface IScheduleEvaluator
{
    bool Fires(DateTime minute);
}

/// <summary>
/// EventBridge schedule expressions, written from AWS's definition
/// (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html): <c>rate(n unit)</c> fires every n units
/// from an origin (EventBridge's origin is the rule's creation; here it is the given instant); <c>cron(min hour dom month
/// dow year)</c> with 1 = SUN … 7 = SAT, names, <c>, - * ? /</c>, and exactly one of dom/dow being <c>?</c>.
/// </summary>
internal sealed class AwsScheduleEvaluator : IScheduleEvaluator
{
    private readonly Func<DateTime, bool> _fires;

    public AwsScheduleEvaluator(string expression, DateTime origin)
    {
        if (expression.StartsWith("rate(", StringComparison.Ordinal))
        {
            var parts = expression[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var n = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var period = parts[1].TrimEnd('s') switch
            {
                "minute" => TimeSpan.FromMinutes(n),
                "hour" => TimeSpan.FromHours(n),
                "day" => TimeSpan.FromDays(n),
                _ => throw new FormatException(expression),
            };
            _fires = t => t >= origin && (t - origin).Ticks % period.Ticks == 0;
            return;
        }

        var f = expression[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 6)
        {
            throw new FormatException(expression);
        }

        var minutes = Set(f[0], 0, 59, null);
        var hours = Set(f[1], 0, 23, null);
        var months = Set(f[3], 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]);
        var years = Set(f[5], 1970, 2199, null);
        var byDayOfWeek = f[2] == "?";
        var days = byDayOfWeek
            ? Set(f[4], 1, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])
            : Set(f[2], 1, 31, null);
        _fires = t => minutes[t.Minute] && hours[t.Hour] && months[t.Month] && years[t.Year]
            && (byDayOfWeek ? days[(int)t.DayOfWeek + 1] : days[t.Day]);
    }

    public bool Fires(DateTime minute) => _fires(minute);

    private static bool[] Set(string field, int min, int max, string[]? names)
    {
        var set = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var (range, step) = item.Split('/') is [var r, var s] ? (r, int.Parse(s, CultureInfo.InvariantCulture)) : (item, 1);
            int from, to;
            if (range is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b])
            {
                (from, to) = (FieldValue.Of(a, min, names), FieldValue.Of(b, min, names));
            }
            else
            {
                from = FieldValue.Of(range, min, names);
                to = item.Contains('/', StringComparison.Ordinal) ? max : from;
            }

            for (var v = from; v <= to; v += step)
            {
                set[v] = true;
            }
        }

        return set;
    }
}

/// <summary>
/// A 5-field cron expression as cron(5) defines it (Vixie cron / cronie): <c>minute hour day-of-month month
/// day-of-week</c>; numbers, ranges, lists, <c>*/step</c> and <c>range/step</c>; month and day names; 0 or 7 = Sunday.
/// When both day fields are restricted (neither starts with <c>*</c>) a day matches either of them, otherwise both.
/// </summary>
internal sealed class Cron5Evaluator : IScheduleEvaluator
{
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _daysOfMonth;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;
    private readonly bool _eitherDay;

    public Cron5Evaluator(string expression)
    {
        var f = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5)
        {
            throw new FormatException(expression);
        }

        _minutes = Set(f[0], 0, 59, null);
        _hours = Set(f[1], 0, 23, null);
        _daysOfMonth = Set(f[2], 1, 31, null);
        _months = Set(f[3], 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]);
        var dow = Set(f[4], 0, 7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]);
        dow[0] |= dow[7];
        _daysOfWeek = dow;
        _eitherDay = !f[2].StartsWith('*') && !f[4].StartsWith('*');
    }

    public bool Fires(DateTime t)
    {
        if (!_minutes[t.Minute] || !_hours[t.Hour] || !_months[t.Month])
        {
            return false;
        }

        var dom = _daysOfMonth[t.Day];
        var dow = _daysOfWeek[(int)t.DayOfWeek];
        return _eitherDay ? dom || dow : dom && dow;
    }

    private static bool[] Set(string field, int min, int max, string[]? names)
    {
        var set = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var (range, step) = item.Split('/') is [var r, var s] ? (r, int.Parse(s, CultureInfo.InvariantCulture)) : (item, 1);
            var (from, to) = range == "*" ? (min, max)
                : range.Split('-') is [var a, var b] ? (FieldValue.Of(a, min, names), FieldValue.Of(b, min, names))
                : (FieldValue.Of(range, min, names), FieldValue.Of(range, min, names));
            if (item.Contains('/', StringComparison.Ordinal) && range != "*" && !range.Contains('-', StringComparison.Ordinal))
            {
                throw new FormatException($"cron(5) needs a range before a step: {item}");
            }

            for (var v = from; v <= to; v += step)
            {
                set[v] = true;
            }
        }

        return set;
    }
}

/// <summary>A number, or a (case-insensitive) name counted from the field's minimum: both grammars write values alike.</summary>
internal static class FieldValue
{
    public static int Of(string token, int min, string[]? names)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var index = Array.FindIndex(names ?? [], x => x.Equals(token, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? min + index : throw new FormatException(token);
    }
}
