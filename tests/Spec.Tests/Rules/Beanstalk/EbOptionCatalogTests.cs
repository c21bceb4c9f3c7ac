using Spec.Rules.Beanstalk.Options;

namespace Spec.Tests.Rules.Beanstalk;

public sealed class EbOptionCatalogTests
{
    private static EbOptionCatalog Catalog => EbOptionCatalog.Default;

    [Fact]
    public void Catalogue_names_its_source_and_was_checked_within_its_stated_age()
    {
        Assert.Contains("5d7c96f", Catalog.Source, StringComparison.Ordinal);
        Assert.Contains("docs.aws.amazon.com/elasticbeanstalk", Catalog.Source, StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.True(Catalog.Snapshot.AddDays(Catalog.MaxAgeDays) >= today,
            $"eb-options.json was last checked against the live Developer Guide on {Catalog.Snapshot:yyyy-MM-dd}, more than " +
            $"{Catalog.MaxAgeDays} days ago: re-run tools/eb-options/generate.py, compare with the live guide and update " +
            "overrides.json and its snapshot date");
    }

    [Fact]
    public void Catalogue_holds_the_guides_namespaces_and_options()
    {
        Assert.InRange(Catalog.Namespaces.Count, 45, 80);
        Assert.InRange(Catalog.Namespaces.Sum(n => n.Options.Count), 220, 400);
    }

    [Fact]
    public void Sqsd_options_carry_the_documented_ranges_and_defaults()
    {
        var sqsd = Catalog.Find("aws:elasticbeanstalk:sqsd")!;
        Assert.Equal(EbTier.Worker, sqsd.Tier);
        var inactivity = sqsd.Option("InactivityTimeout")!;
        Assert.Equal((1.0, 36000.0, 299L), (inactivity.Min!.Value, inactivity.Max!.Value, inactivity.DefaultNumber!.Value));
        Assert.Equal((0.0, 43200.0), (sqsd.Option("VisibilityTimeout")!.Min!.Value, sqsd.Option("VisibilityTimeout")!.Max!.Value));
        Assert.Equal((1.0, 100.0), (sqsd.Option("MaxRetries")!.Min!.Value, sqsd.Option("MaxRetries")!.Max!.Value));
        Assert.Equal(5, sqsd.Option("ConnectTimeout")!.DefaultNumber);
        Assert.True(sqsd.Option("HttpConnections")!.IsRecommendedValue);
    }

    [Theory]
    [InlineData("aws:autoscaling:launchconfiguration", "IamInstanceProfile")]
    [InlineData("aws:autoscaling:launchconfiguration", "InstanceType")]
    [InlineData("aws:autoscaling:launchconfiguration", "EC2KeyName")]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "RollingUpdateType")]
    [InlineData("aws:elasticbeanstalk:command", "DeploymentPolicy")]
    [InlineData("aws:elasticbeanstalk:command", "BatchSize")]
    [InlineData("aws:elasticbeanstalk:environment", "ServiceRole")]
    [InlineData("aws:elasticbeanstalk:healthreporting:system", "SystemType")]
    [InlineData("aws:elasticbeanstalk:healthreporting:system", "HealthCheckSuccessThreshold")]
    [InlineData("aws:elasticbeanstalk:sqsd", "HttpConnections")]
    public void Recommended_value_options_are_marked(string ns, string option) =>
        Assert.True(Catalog.Find(ns, option)!.IsRecommendedValue);

    [Theory]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "aws:elasticbeanstalk:environment:process:default")]
    [InlineData("aws:elasticbeanstalk:environment:process:admin", "aws:elasticbeanstalk:environment:process:{name}")]
    [InlineData("aws:elbv2:listener:443", "aws:elbv2:listener:{port}")]
    [InlineData("aws:elbv2:listener:default", "aws:elbv2:listener:default")]
    [InlineData("aws:elbv2:listenerrule:api", "aws:elbv2:listenerrule:{name}")]
    public void Placeholder_namespaces_match_their_filled_names(string name, string expected) =>
        Assert.Equal(expected, Catalog.Find(name)?.Name);

    [Theory]
    [InlineData("aws:elbv2:listener:https")]
    [InlineData("aws:elasticbeanstalk:sqsdd")]
    [InlineData("aws:elasticbeanstalk:environment:process:")]
    public void Unknown_names_find_nothing(string name) => Assert.Null(Catalog.Find(name));

    [Fact]
    public void Live_guide_additions_are_present_with_their_source()
    {
        var option = Catalog.Find("aws:autoscaling:launchconfiguration", "DisableDefaultEC2SecurityGroup")!;
        Assert.Equal(EbValueType.Boolean, option.Type);
        Assert.Contains("live guide", option.Source, StringComparison.Ordinal);
        Assert.NotNull(Catalog.Find("aws:elasticbeanstalk:application:environmentsecrets"));
        Assert.Equal(["ipv4", "dualstack"], Catalog.Find("aws:elbv2:loadbalancer", "IpAddressType")!.Values);
    }

    [Theory]
    [InlineData("aws:elasticbeanstalk:sqsd", "InactivityTimeout", "36000", null)]
    [InlineData("aws:elasticbeanstalk:sqsd", "InactivityTimeout", "36001", "36001 is outside 1-36000")]
    [InlineData("aws:elasticbeanstalk:sqsd", "InactivityTimeout", "ten", "'ten' is not a whole number")]
    [InlineData("aws:elasticbeanstalk:environment", "LoadBalancerType", "application", null)]
    [InlineData("aws:elasticbeanstalk:environment", "LoadBalancerType", "Application", "'Application' is not a valid value; values are case-sensitive: 'application'")]
    [InlineData("aws:elasticbeanstalk:environment", "LoadBalancerType", "alb", "'alb' is not one of classic, application, network")]
    [InlineData("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs", "TRUE", null)]
    [InlineData("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs", "yes", "'yes' is not a boolean (true or false)")]
    [InlineData("aws:elasticbeanstalk:cloudwatch:logs", "RetentionInDays", "2", "'2' is not one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653")]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "Timeout", "PT45M", null)]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "Timeout", "PT2M", "PT2M (120 s) is outside 300-3600 seconds")]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "PauseTime", "5 minutes", "'5 minutes' is not an ISO 8601 duration such as PT30M or PT1H")]
    [InlineData("aws:ec2:instances", "SupportedArchitectures", "arm64,x86_64", null)]
    [InlineData("aws:ec2:instances", "SupportedArchitectures", "arm64,amd64", "'amd64' is not one of arm64, x86_64, i386")]
    [InlineData("aws:ec2:instances", "SpotMaxPrice", "null", null)]
    [InlineData("aws:ec2:instances", "SpotMaxPrice", "25", "25 is outside 0.001-20")]
    [InlineData("aws:elasticbeanstalk:sqsd", "HttpPath", "/sqs/worker", null)]
    [InlineData("aws:elasticbeanstalk:sqsd", "HttpPath", "sqs/worker", "'sqs/worker' does not match ^/")]
    public void Values_are_checked_against_their_constraint(string ns, string option, string value, string? problem) =>
        Assert.Equal(problem, Catalog.Find(ns, option)!.Problem(value));
}
