using Spec.Core.Diagnostics;
using Spec.Rules.Engine;

namespace Spec.Tests.Rules.Engine;

public class ExitCodeTests
{
    private static Diagnostic D(Severity s) => new("SLS-TEST-001", s, "m", null);

    [Theory]
    [InlineData(FailOn.Error, 2)]
    [InlineData(FailOn.Warning, 6)]
    [InlineData(FailOn.Info, 14)]
    [InlineData(FailOn.None, 0)]
    public void Exit_code_is_a_bit_mask_of_severities_at_or_above_the_threshold(FailOn failOn, int expected) =>
        Assert.Equal(expected, ExitCodes.For([D(Severity.Error), D(Severity.Warning), D(Severity.Info)], failOn));

    [Fact]
    public void Only_infos_pass_with_the_default_threshold()
    {
        Assert.Equal(0, ExitCodes.For([D(Severity.Info), D(Severity.Warning)], FailOn.Error));
        Assert.Equal(8, ExitCodes.For([D(Severity.Info)], FailOn.Info));
        Assert.Equal(0, ExitCodes.For([], FailOn.Info));
    }

    [Fact]
    public void Fail_on_parses_case_insensitively()
    {
        Assert.True(ExitCodes.TryParse("Warning", out var w));
        Assert.Equal(FailOn.Warning, w);
        Assert.False(ExitCodes.TryParse("fatal", out _));
    }
}
