using Spec.Core.Diagnostics;
using Spec.Rules.Engine;

namespace Spec.Tests.Rules.Engine;

public class FailThresholdTests
{
    private static Diagnostic D(Severity s) => new("SLS-TEST-001", s, "m", null);

    [Theory]
    [InlineData(FailOn.Error, 2)]
    [InlineData(FailOn.Warning, 6)]
    [InlineData(FailOn.Info, 14)]
    [InlineData(FailOn.None, 0)]
    public void Mask_holds_the_severities_at_or_above_the_threshold(FailOn failOn, int expected) =>
        Assert.Equal(expected, FailThreshold.SeverityMask([D(Severity.Error), D(Severity.Warning), D(Severity.Info)], failOn));

    [Theory]
    [InlineData(FailOn.Error, false)]
    [InlineData(FailOn.Warning, true)]
    [InlineData(FailOn.Info, true)]
    [InlineData(FailOn.None, false)]
    public void Warnings_fail_only_from_the_warning_threshold_down(FailOn failOn, bool expected) =>
        Assert.Equal(expected, FailThreshold.IsReached([D(Severity.Info), D(Severity.Warning)], failOn));

    [Fact]
    public void Nothing_reported_never_fails()
    {
        Assert.False(FailThreshold.IsReached([], FailOn.Info));
        Assert.Equal(0, FailThreshold.SeverityMask([], FailOn.Info));
    }

    [Fact]
    public void Fail_on_parses_case_insensitively()
    {
        Assert.True(FailThreshold.TryParse("Warning", out var w));
        Assert.Equal(FailOn.Warning, w);
        Assert.False(FailThreshold.TryParse("fatal", out _));
    }
}
