using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Spec.Backends.Beanstalk;

/// <summary>A schedule expression turned into a <c>cron.yaml</c> schedule, or why it cannot be.</summary>
public sealed record CronConversion(string? Cron, string? Error)
{
    public bool Succeeded => Cron is not null;

    internal static CronConversion Ok(string cron) => new(cron, null);

    internal static CronConversion Fail(string error) => new(null, error);
}

/// <summary>
/// Turns an EventBridge schedule expression (<c>rate(…)</c> or the 6-field <c>cron(…)</c>) into the 5-field cron
/// expression of an Elastic Beanstalk worker's <c>cron.yaml</c>, only where the two fire at the same instants.
/// <list type="bullet">
/// <item><c>rate()</c>: EventBridge starts a rate when the rule is created; cron fires on the clock. The conversion keeps
/// the period and aligns it to the clock, so it exists only for periods that divide the hour or the day
/// (<c>rate(5 minutes)</c> → <c>*/5 * * * *</c>, <c>rate(2 hours)</c> → <c>0 */2 * * *</c>, <c>rate(1 day)</c> →
/// <c>0 0 * * *</c>); <c>rate(7 minutes)</c> or <c>rate(2 days)</c> would drift across hour, day or month ends.</item>
/// <item><c>cron()</c>: the year must be <c>*</c> and is dropped; <c>?</c> becomes <c>*</c>; <c>N/S</c> becomes
/// <c>N-MAX/S</c>; numeric days of the week shift from EventBridge's 1 = Sunday to cron's 0 = Sunday (names are kept);
/// <c>L</c>, <c>W</c> and <c>#</c> have no cron equivalent.</item>
/// </list>
/// Sources: EventBridge Scheduler "Schedule types" (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html)
/// and the CloudWatch Events cron reference (https://docs.aws.amazon.com/AmazonCloudWatch/latest/events/ScheduledEvents.html);
/// cron(5) for the target grammar; the worker's cron.yaml runs on UTC, as EventBridge schedules do.
/// </summary>
public static partial class ScheduleToCron
{
    /// <summary>Converts <paramref name="expression"/>; <paramref name="eventName"/> names the event in errors.</summary>
    public static CronConversion Convert(string expression, string eventName)
    {
        var text = expression.Trim();
        if (RatePattern().Match(text) is { Success: true } rate)
        {
            return ConvertRate(text, rate, eventName);
        }

        if (CronPattern().Match(text) is { Success: true } cron)
        {
            return ConvertCron(text, cron.Groups["body"].Value, eventName);
        }

        return CronConversion.Fail($"{eventName}: '{text}' is neither rate(…) nor cron(…), so it has no cron.yaml schedule");
    }

    private static CronConversion ConvertRate(string text, Match match, string eventName)
    {
        if (!long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return CronConversion.Fail($"{eventName}: '{text}' needs a positive whole number");
        }

        var minutes = match.Groups["unit"].Value[0] switch
        {
            'm' => n,
            'h' => n * 60,
            _ => n * 1440,
        };
        var cron = minutes switch
        {
            1 => "* * * * *",
            < 60 when 60 % minutes == 0 => string.Create(CultureInfo.InvariantCulture, $"*/{minutes} * * * *"),
            60 => "0 * * * *",
            < 1440 when minutes % 60 == 0 && 1440 % minutes == 0 =>
                string.Create(CultureInfo.InvariantCulture, $"0 */{minutes / 60} * * *"),
            1440 => "0 0 * * *",
            _ => null,
        };
        return cron is not null
            ? CronConversion.Ok(cron)
            : CronConversion.Fail(
                $"{eventName}: '{text}' has no cron equivalent: a cron.yaml schedule restarts every hour, day and month, so " +
                "only periods that divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 minutes) or a day (1, 2, 3, 4, 6, 8, " +
                "12 hours, 1 day) fire at the same instants; write the schedule as cron(…)");
    }

    private static CronConversion ConvertCron(string text, string body, string eventName)
    {
        var fields = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            return CronConversion.Fail($"{eventName}: '{text}' has {fields.Length} fields; EventBridge cron has 6 " +
                "(minutes hours day-of-month month day-of-week year)");
        }

        var special = fields.Select((f, i) => (Field: f, Index: i))
            .FirstOrDefault(f => f.Field.IndexOfAny(['L', 'W', '#']) >= 0 && !IsName(f.Field, f.Index));
        if (special.Field is not null)
        {
            var what = special.Field.Contains('#', StringComparison.Ordinal) ? "'#' (the n-th weekday of the month)"
                : special.Field.Contains('W', StringComparison.Ordinal) ? "'W' (the nearest weekday)"
                : "'L' (the last day)";
            return CronConversion.Fail($"{eventName}: '{text}' uses {what}, which cron.yaml's 5-field cron cannot express");
        }

        if (fields[5] != "*")
        {
            return CronConversion.Fail($"{eventName}: '{text}' limits the year to '{fields[5]}'; cron.yaml has no year " +
                "field, so the task would fire every year");
        }

        if ((fields[2] == "?") == (fields[4] == "?"))
        {
            return CronConversion.Fail($"{eventName}: '{text}' must set exactly one of day-of-month and day-of-week to '?'");
        }

        var parts = new string[5];
        for (var i = 0; i < 5; i++)
        {
            var converted = ConvertField(fields[i], Fields[i]);
            if (converted is null)
            {
                return CronConversion.Fail($"{eventName}: '{text}': '{fields[i]}' is not a valid {Fields[i].Name} field");
            }

            parts[i] = converted;
        }

        return CronConversion.Ok(string.Join(' ', parts));
    }

    private sealed record FieldSpec(string Name, int Min, int Max, IReadOnlyList<string> Names, bool IsDayOfWeek = false);

    private static readonly FieldSpec[] Fields =
    [
        new("minutes", 0, 59, []),
        new("hours", 0, 23, []),
        new("day-of-month", 1, 31, []),
        new("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        new("day-of-week", 1, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], IsDayOfWeek: true),
    ];

    private static bool IsName(string field, int index) =>
        index is 3 or 4 && Fields[index].Names.Any(n => field.Contains(n, StringComparison.OrdinalIgnoreCase))
        && field.Split([',', '-', '/']).All(p => p.Length == 0 || p.All(char.IsAsciiDigit)
            || Fields[index].Names.Contains(p, StringComparer.OrdinalIgnoreCase));

    /// <summary>One field in cron(5) syntax, or null when it is not valid for EventBridge.</summary>
    private static string? ConvertField(string field, FieldSpec spec)
    {
        if (field is "?" or "*")
        {
            return "*";
        }

        var items = new List<string>();
        foreach (var item in field.Split(','))
        {
            var converted = ConvertItem(item, spec);
            if (converted is null)
            {
                return null;
            }

            items.Add(converted);
        }

        return string.Join(',', items);
    }

    private static string? ConvertItem(string item, FieldSpec spec)
    {
        var slash = item.Split('/');
        if (slash.Length > 2 || (slash.Length == 2 && spec.IsDayOfWeek))
        {
            return null;
        }

        string? step = null;
        if (slash.Length == 2)
        {
            if (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < 1)
            {
                return null;
            }

            step = slash[1];
        }

        var range = slash[0];
        if (range == "*")
        {
            return step is null ? "*" : "*/" + step;
        }

        var bounds = range.Split('-');
        if (bounds.Length > 2 || bounds.Any(b => Value(b, spec) is null))
        {
            return null;
        }

        var converted = new StringBuilder(Convert(bounds[0], spec));
        if (bounds.Length == 2)
        {
            if (Value(bounds[0], spec) > Value(bounds[1], spec))
            {
                return null;
            }

            converted.Append('-').Append(Convert(bounds[1], spec));
        }
        else if (step is not null)
        {
            // EventBridge's N/S means "from N, every S"; cron(5) needs the range written out.
            converted.Append('-').Append(Convert(spec.Max.ToString(CultureInfo.InvariantCulture), spec));
        }

        return step is null ? converted.ToString() : converted.Append('/').Append(step).ToString();
    }

    private static int? Value(string token, FieldSpec spec)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= spec.Min && n <= spec.Max ? n : null;
        }

        var index = spec.Names.ToList().FindIndex(name => name.Equals(token, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : spec.Min + index;
    }

    /// <summary>A number or a name in cron(5) terms: numeric days of the week move from 1-7 to 0-6, names stay.</summary>
    private static string Convert(string token, FieldSpec spec) =>
        spec.IsDayOfWeek && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (n - 1).ToString(CultureInfo.InvariantCulture)
            : token;

    [GeneratedRegex(@"^rate\(\s*(?<n>\d+)\s+(?<unit>minute|minutes|hour|hours|day|days)\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^cron\((?<body>[^)]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex CronPattern();
}
