using Spec.Rules.Events;

namespace Spec.Tests.Rules.Catalogue;

public sealed class ScheduleExpressionTests
{
    [Theory]
    [InlineData("rate(1 minute)")]
    [InlineData("rate(5 minutes)")]
    [InlineData("rate(1 day)")]
    [InlineData("cron(0 12 * * ? *)")]
    [InlineData("cron(0/15 * ? * MON-FRI *)")]
    [InlineData("at(2026-12-01T10:00:00)")]
    public void Valid_expressions_pass(string expression) => Assert.Null(ScheduleExpression.Check(expression));

    [Theory]
    [InlineData("rate(1 minutes)", "rate(1 minute)")]
    [InlineData("rate(5 minute)", "rate(5 minutes)")]
    [InlineData("rate(0 minutes)", null)]
    [InlineData("rate(five minutes)", null)]
    [InlineData("cron(0 12 * * ? *", null)]
    [InlineData("cron(0 12 * * *)", null)]
    [InlineData("cron(0 12 1 * MON *)", null)]
    [InlineData("every day", null)]
    public void Invalid_expressions_are_reported_with_a_correction_when_mechanical(string expression, string? correction)
    {
        var problem = ScheduleExpression.Check(expression);
        Assert.NotNull(problem);
        Assert.Equal(correction, problem.Correction);
    }
}
