using Spec.Backends.Beanstalk;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends.Beanstalk;

public sealed class SqsdSettingsTests
{
    [Fact]
    public void Timeouts_cover_the_function_and_the_connection()
    {
        var s = SqsdSettings.Derive(new SqsdInputs { FunctionTimeout = 120 });
        Assert.Equal((120, 125, 5), (s.InactivityTimeout, s.VisibilityTimeout, s.ConnectTimeout));
        Assert.Null(s.MaxRetries);
        Assert.Null(s.HttpConnections);
        Assert.Null(s.RetentionPeriod);
        Assert.Empty(s.Problems);
    }

    [Fact]
    public void A_longer_queue_visibility_is_kept()
    {
        var s = SqsdSettings.Derive(new SqsdInputs { FunctionTimeout = 30, QueueVisibilityTimeout = 180, ConnectTimeout = 10 });
        Assert.Equal((30, 180, 10), (s.InactivityTimeout, s.VisibilityTimeout, s.ConnectTimeout));
    }

    [Fact]
    public void Max_retries_mirror_the_redrive_policy()
    {
        Assert.Equal(5, SqsdSettings.Derive(new SqsdInputs { FunctionTimeout = 6, MaxReceiveCount = 5 }).MaxRetries);
        var high = SqsdSettings.Derive(new SqsdInputs { FunctionTimeout = 6, MaxReceiveCount = 500 });
        Assert.Equal(100, high.MaxRetries);
        var problem = Assert.Single(high.Problems);
        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.Contains("maxReceiveCount of 500 is outside sqsd's MaxRetries range 1-100", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, null, 1, 10)]
    [InlineData(null, 40, 1, 40)]
    [InlineData(25, 8, 1, 8)]
    [InlineData(25, null, 4, 7)]
    [InlineData(500, null, 1, 100)]
    public void Http_connections_follow_the_lowest_concurrency_limit_per_instance(int? reserved, int? maximum, int instances, int expected)
    {
        var s = SqsdSettings.Derive(new SqsdInputs
        {
            FunctionTimeout = 6,
            ReservedConcurrency = reserved,
            MaximumConcurrency = maximum,
            Instances = instances,
        });
        Assert.Equal(expected, s.HttpConnections);
        Assert.All(s.Problems, p => Assert.Equal(Severity.Info, p.Severity));
    }

    [Fact]
    public void Zero_reserved_concurrency_is_an_error()
    {
        var s = SqsdSettings.Derive(new SqsdInputs { FunctionTimeout = 6, ReservedConcurrency = 0 });
        Assert.Equal(1, s.HttpConnections);
        Assert.Equal(Severity.Error, Assert.Single(s.Problems).Severity);
    }

    [Fact]
    public void Values_outside_the_catalogue_ranges_are_clamped_and_reported()
    {
        var s = SqsdSettings.Derive(new SqsdInputs { FunctionTimeout = 900, QueueVisibilityTimeout = 50000, ConnectTimeout = 90, QueueRetentionPeriod = 30 });
        Assert.Equal((900, 43200, 60, 60), (s.InactivityTimeout, s.VisibilityTimeout, s.ConnectTimeout, s.RetentionPeriod!.Value));
        Assert.Equal(3, s.Problems.Count);
        Assert.All(s.Problems, p => Assert.Equal(Severity.Error, p.Severity));
    }

    [Fact]
    public void Recommended_value_options_are_split_from_the_ebextensions_ones()
    {
        var s = SqsdSettings.Derive(new SqsdInputs { FunctionTimeout = 60, ReservedConcurrency = 4, MaxReceiveCount = 3, QueueRetentionPeriod = 86400 });
        Assert.Equal([("HttpConnections", "4")], s.Options(recommendedValues: true));
        Assert.Equal(
            [("InactivityTimeout", "60"), ("VisibilityTimeout", "65"), ("ConnectTimeout", "5"), ("MaxRetries", "3"), ("RetentionPeriod", "86400")],
            s.Options(recommendedValues: false));
    }
}
