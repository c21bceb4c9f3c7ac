using System.Globalization;

namespace Spec.Rules.Beanstalk.Checking;

/// <summary>
/// The 5-field cron expressions of <c>cron.yaml</c> (cron(5): minute hour day-of-month month day-of-week, in UTC):
/// numbers, <c>*</c>, ranges, lists, steps (<c>*/5</c>, <c>1-31/2</c>), and three-letter month and day names.
/// </summary>
public static class CronSyntax
{
    private sealed record Field(string Name, int Min, int Max, string[] Names);

    private static readonly Field[] Fields =
    [
        new("minute", 0, 59, []),
        new("hour", 0, 23, []),
        new("day-of-month", 1, 31, []),
        new("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        new("day-of-week", 0, 7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    /// <summary>What is wrong with <paramref name="expression"/>, or null when it is a valid 5-field cron expression.</summary>
    public static string? Problem(string expression)
    {
        var fields = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 6)
        {
            return $"'{expression}' has 6 fields; cron.yaml takes 5 (minute hour day-of-month month day-of-week), " +
                "without EventBridge's year";
        }

        if (fields.Length != 5)
        {
            return $"'{expression}' has {fields.Length} fields; cron.yaml takes 5 (minute hour day-of-month month day-of-week)";
        }

        for (var i = 0; i < 5; i++)
        {
            if (FieldProblem(fields[i], Fields[i]) is { } problem)
            {
                return $"'{expression}': {problem}";
            }
        }

        return null;
    }

    private static string? FieldProblem(string text, Field field)
    {
        if (text.Contains('?', StringComparison.Ordinal))
        {
            return $"'?' in the {field.Name} field is EventBridge syntax; cron.yaml writes '*'";
        }

        foreach (var item in text.Split(','))
        {
            var slash = item.Split('/');
            if (slash.Length > 2 || (slash.Length == 2 && !IsNumber(slash[1], 1, int.MaxValue)))
            {
                return $"'{item}' is not a valid {field.Name} step";
            }

            var range = slash[0];
            if (range == "*")
            {
                continue;
            }

            var bounds = range.Split('-');
            if (bounds.Length > 2 || bounds.Any(b => Value(b, field) is null))
            {
                return $"'{item}' is not a valid {field.Name} ({field.Min}-{field.Max}" +
                    (field.Names.Length > 0 ? " or a three-letter name)" : ")");
            }

            if (bounds.Length == 2 && Value(bounds[0], field) > Value(bounds[1], field))
            {
                return $"the {field.Name} range '{range}' runs backwards";
            }

            if (slash.Length == 2 && bounds.Length == 1)
            {
                return $"'{item}': a step needs a range or '*' before it ('{range}-{field.Max}/{slash[1]}')";
            }
        }

        return null;
    }

    private static int? Value(string token, Field field)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= field.Min && n <= field.Max ? n : null;
        }

        var index = Array.FindIndex(field.Names, name => name.Equals(token, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + (field.Min == 0 ? 0 : field.Min);
    }

    private static bool IsNumber(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;
}
