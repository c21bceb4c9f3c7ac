using Spec.Rules.Engine;

namespace Spec.Tests.Rules.Engine;

public class RuleDataTests
{
    [Fact]
    public void Runtime_table_loads_with_source_and_snapshot()
    {
        var runtimes = RuleData.Default.Runtimes;
        Assert.Contains("LmbdRuntimeLifecycle.json", runtimes.Source, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 8, 19), runtimes.Snapshot);
        Assert.True(runtimes.Runtimes.Count >= 45);
        Assert.Null(runtimes.Find("nodejs99.x"));
    }

    [Theory]
    [InlineData("nodejs18.x", "2025-08-31", RuntimeStatus.Supported)]
    [InlineData("nodejs18.x", "2025-09-01", RuntimeStatus.Deprecated)]
    [InlineData("nodejs18.x", "2027-02-01", RuntimeStatus.CreateBlocked)]
    [InlineData("nodejs18.x", "2027-03-03", RuntimeStatus.UpdateBlocked)]
    [InlineData("python3.14", "2030-01-01", RuntimeStatus.Supported)]
    [InlineData("dotnet9", "2030-01-01", RuntimeStatus.Deprecated)]
    public void Runtime_status_depends_on_the_as_of_date(string runtime, string asOf, RuntimeStatus expected)
    {
        var info = RuleData.Default.Runtimes.Find(runtime);
        Assert.NotNull(info);
        Assert.Equal(expected, info.StatusOn(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Every_successor_is_a_known_runtime_without_a_past_deprecation_of_its_own_chain()
    {
        var runtimes = RuleData.Default.Runtimes;
        foreach (var runtime in runtimes.Runtimes)
        {
            if (runtime.Successor is { } successor)
            {
                Assert.NotNull(runtimes.Find(successor));
            }

            if (runtime is { Deprecated: { } d, CreateBlocked: { } c, UpdateBlocked: { } u })
            {
                Assert.True(d <= c || runtime.Identifier == "nodejs4.3-edge", $"{runtime.Identifier}: deprecated after create block");
                Assert.True(c <= u, $"{runtime.Identifier}: create block after update block");
            }
        }
    }

    [Fact]
    public void Limits_load_with_ranges_and_defaults()
    {
        var limits = RuleData.Default.Limits;
        var timeout = limits["lambda.timeout"];
        Assert.Equal(1, timeout.Min);
        Assert.Equal(900, timeout.Max);
        Assert.Equal(6, timeout.Default);
        Assert.Equal("1-900 seconds", timeout.RangeText);
        Assert.Equal(30, limits["sqs.visibilityTimeout"].Default);
        Assert.False(limits["sqs.visibilityTimeout"].Contains(43201));
        Assert.Throws<KeyNotFoundException>(() => limits["no.such"]);
        Assert.All(limits.All, l => Assert.False(string.IsNullOrWhiteSpace(l.Source)));
    }
}
