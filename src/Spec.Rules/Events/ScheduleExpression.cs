using System.Globalization;
using System.Text.RegularExpressions;

namespace Spec.Rules.Events;

/// <summary>
/// What is wrong with a schedule expression, and the corrected text when the correction is mechanical
/// (<c>rate(1 minutes)</c> → <c>rate(1 minute)</c>).
/// </summary>
public sealed record ScheduleProblem(string Message, string? Correction);

/// <summary>EventBridge schedule expressions as the Framework and cfn-lint E3027 accept them.</summary>
public static partial class ScheduleExpression
{
    [GeneratedRegex(@"^rate\(\s*(?<n>-?\d+)\s+(?<unit>minute|minutes|hour|hours|day|days)\s*\)$")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^cron\((?<body>.*)\)$")]
    private static partial Regex CronPattern();

    [GeneratedRegex(@"^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$")]
    private static partial Regex AtPattern();

    /// <summary>Null when the expression is valid.</summary>
    public static ScheduleProblem? Check(string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith("rate(", StringComparison.Ordinal))
        {
            return CheckRate(text);
        }

        if (text.StartsWith("cron(", StringComparison.Ordinal))
        {
            return CheckCron(text);
        }

        if (AtPattern().IsMatch(text))
        {
            return null;
        }

        return new ScheduleProblem($"'{text}' is neither rate(...) nor cron(...)", null);
    }

    private static ScheduleProblem? CheckRate(string text)
    {
        var match = RatePattern().Match(text);
        if (!match.Success)
        {
            return new ScheduleProblem($"'{text}' is not rate(<number> <minute|hour|day>[s])", null);
        }

        if (!long.TryParse(match.Groups["n"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return new ScheduleProblem($"'{text}': the rate must be a positive number", null);
        }

        var unit = match.Groups["unit"].Value;
        var singular = unit.TrimEnd('s');
        var plural = singular + "s";
        if (n == 1 && unit != singular)
        {
            return new ScheduleProblem($"'{text}': a rate of 1 takes the singular unit '{singular}'", $"rate(1 {singular})");
        }

        if (n != 1 && unit != plural)
        {
            var count = n.ToString(CultureInfo.InvariantCulture);
            return new ScheduleProblem($"'{text}': a rate of {count} takes the plural unit '{plural}'", $"rate({count} {plural})");
        }

        return null;
    }

    private static ScheduleProblem? CheckCron(string text)
    {
        var match = CronPattern().Match(text);
        if (!match.Success)
        {
            return new ScheduleProblem($"'{text}' is not closed by ')'", null);
        }

        var fields = match.Groups["body"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            return new ScheduleProblem(
                $"'{text}' has {fields.Length} fields; cron needs 6 (minutes hours day-of-month month day-of-week year)", null);
        }

        if (fields[2] != "?" && fields[4] != "?")
        {
            return new ScheduleProblem(
                $"'{text}' sets both day-of-month ('{fields[2]}') and day-of-week ('{fields[4]}'); one of them must be '?'", null);
        }

        return null;
    }
}
