using Spec.Backends.Beanstalk;

namespace Spec.Tests.Backends.Beanstalk;

public sealed class ScheduleToCronTests
{
    /// <summary>2028 is a leap year that starts on a Saturday: every weekday, Feb 29 and every month length occur.</summary>
    private static readonly DateTime YearStart = new(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string> Conversions() => new()
    {
        { "rate(1 minute)", "* * * * *" },
        { "rate(5 minutes)", "*/5 * * * *" },
        { "rate(15 minutes)", "*/15 * * * *" },
        { "rate(30 minutes)", "*/30 * * * *" },
        { "rate(60 minutes)", "0 * * * *" },
        { "rate(120 minutes)", "0 */2 * * *" },
        { "rate(1 hour)", "0 * * * *" },
        { "rate(3 hours)", "0 */3 * * *" },
        { "rate(12 hours)", "0 */12 * * *" },
        { "rate(24 hours)", "0 0 * * *" },
        { "rate(1 day)", "0 0 * * *" },
        { "cron(0 3 ? * MON-FRI *)", "0 3 * * MON-FRI" },
        { "cron(0 3 ? * 2-6 *)", "0 3 * * 1-5" },
        { "cron(15 10 ? * 1 *)", "15 10 * * 0" },
        { "cron(15 10 ? * 7 *)", "15 10 * * 6" },
        { "cron(0 12 ? * 1,4,7 *)", "0 12 * * 0,3,6" },
        { "cron(0 12 ? * SUN,WED *)", "0 12 * * SUN,WED" },
        { "cron(0 18 ? * MON-5 *)", "0 18 * * MON-4" },
        { "cron(0/15 * * * ? *)", "0-59/15 * * * *" },
        { "cron(5/10 8-17 ? * 2-6 *)", "5-59/10 8-17 * * 1-5" },
        { "cron(0 0 1 * ? *)", "0 0 1 * *" },
        { "cron(0 0 29 2 ? *)", "0 0 29 2 *" },
        { "cron(30 6 1/7 JAN-MAR ? *)", "30 6 1-31/7 JAN-MAR *" },
        { "cron(0 8 15 6,12 ? *)", "0 8 15 6,12 *" },
        { "cron(*/20 */6 * * ? *)", "*/20 */6 * * *" },
        { "cron(0 0 ? * * *)", "0 0 * * *" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Converts_to_the_expected_cron(string aws, string cron)
    {
        var result = ScheduleToCron.Convert(aws, "function 'job'");
        Assert.Null(result.Error);
        Assert.Equal(cron, result.Cron);
    }

    /// <summary>
    /// The proof: over every minute of a year, the EventBridge expression (rates aligned to the start of the year, the
    /// phase cron.yaml gives them) and the converted cron expression fire at exactly the same instants.
    /// </summary>
    [Theory]
    [MemberData(nameof(Conversions))]
    public void Converted_schedule_fires_at_the_same_instants_for_a_year(string aws, string cron)
    {
        var source = new AwsScheduleEvaluator(aws, YearStart);
        var target = new Cron5Evaluator(ScheduleToCron.Convert(aws, "function 'job'").Cron!);
        Assert.Equal(cron, ScheduleToCron.Convert(aws, "function 'job'").Cron);
        var fired = 0;
        for (var t = YearStart; t.Year == 2028; t = t.AddMinutes(1))
        {
            var expected = source.Fires(t);
            if (expected != target.Fires(t))
            {
                Assert.Fail($"{aws} fires {(expected ? "" : "not ")}at {t:O}; {cron} does the opposite");
            }

            fired += expected ? 1 : 0;
        }

        Assert.True(fired > 0, $"{aws} never fires in 2028: the comparison proves nothing");
    }

    [Fact]
    public void The_evaluators_tell_a_wrong_conversion_apart()
    {
        // Without the day-of-week shift, MON-FRI in numbers (2-6) would run Tuesday to Saturday.
        var aws = new AwsScheduleEvaluator("cron(0 3 ? * 2-6 *)", YearStart);
        var unshifted = new Cron5Evaluator("0 3 * * 2-6");
        var differs = false;
        for (var t = YearStart; t < YearStart.AddDays(7); t = t.AddMinutes(1))
        {
            differs |= aws.Fires(t) != unshifted.Fires(t);
        }

        Assert.True(differs);
        Assert.True(new Cron5Evaluator("0 0 */2 * *").Fires(new DateTime(2028, 1, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.True(new Cron5Evaluator("0 0 */2 * *").Fires(new DateTime(2028, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.False(new AwsScheduleEvaluator("rate(2 days)", YearStart).Fires(new DateTime(2028, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("rate(7 minutes)", "no cron equivalent")]
    [InlineData("rate(90 minutes)", "no cron equivalent")]
    [InlineData("rate(5 hours)", "no cron equivalent")]
    [InlineData("rate(2 days)", "no cron equivalent")]
    [InlineData("rate(7 days)", "no cron equivalent")]
    [InlineData("cron(0 0 L * ? *)", "'L' (the last day)")]
    [InlineData("cron(0 0 ? * 6L *)", "'L' (the last day)")]
    [InlineData("cron(0 0 15W * ? *)", "'W' (the nearest weekday)")]
    [InlineData("cron(0 0 ? * 2#1 *)", "'#' (the n-th weekday of the month)")]
    [InlineData("cron(0 0 1 1 ? 2029)", "limits the year to '2029'")]
    [InlineData("cron(0 0 1 1 ? 2028-2030)", "limits the year to '2028-2030'")]
    [InlineData("cron(0 0 * * * *)", "exactly one of day-of-month and day-of-week")]
    [InlineData("cron(0 0 * * ?)", "has 5 fields")]
    [InlineData("cron(61 0 * * ? *)", "'61' is not a valid minutes field")]
    [InlineData("cron(0 0 ? * 8 *)", "'8' is not a valid day-of-week field")]
    [InlineData("cron(0 0 ? * 1/2 *)", "is not a valid day-of-week field")]
    [InlineData("at(2028-01-01T00:00:00)", "neither rate(…) nor cron(…)")]
    public void Reports_what_cron_cannot_express_naming_the_event(string aws, string expected)
    {
        var result = ScheduleToCron.Convert(aws, "function 'nightly' schedule event 1");
        Assert.Null(result.Cron);
        Assert.StartsWith("function 'nightly' schedule event 1: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rate(7 minutes)")]
    [InlineData("rate(2 days)")]
    [InlineData("rate(5 hours)")]
    public void Rejected_rates_really_have_no_aligned_cron_twin(string aws)
    {
        // For each rejected rate, the nearest candidates cron could offer drift from the rate within the year.
        var source = new AwsScheduleEvaluator(aws, YearStart);
        var candidates = new[] { "*/7 * * * *", "0 0 */2 * *", "0 */5 * * *" };
        foreach (var candidate in candidates)
        {
            var target = new Cron5Evaluator(candidate);
            var same = true;
            for (var t = YearStart; t.Year == 2028 && same; t = t.AddMinutes(1))
            {
                same = source.Fires(t) == target.Fires(t);
            }

            Assert.False(same, $"{candidate} matches {aws} for a whole year");
        }
    }
}
