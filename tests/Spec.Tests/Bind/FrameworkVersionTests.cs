using Spec.Core.Bind;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Bind;

/// <summary><c>frameworkVersion</c> read as the Framework reads it (<c>service.js</c>, node-semver ranges). Expected
/// verdicts are node-semver 7's <c>validRange</c> and <c>satisfies('3.40.0', range)</c>.</summary>
public sealed class FrameworkVersionTests
{
    [Theory]
    [InlineData("1.0", false)]
    [InlineData("3", true)]
    [InlineData("^3.40.0", true)]
    [InlineData("^3.41.0", false)]
    [InlineData("~3.40.1", false)]
    [InlineData(">=3.0.0 <4", true)]
    [InlineData(">3", false)]
    [InlineData(">3.39", true)]
    [InlineData("<=3.39", false)]
    [InlineData("<=3.40", true)]
    [InlineData("<3.40.0", false)]
    [InlineData("3.x", true)]
    [InlineData("3.40.x", true)]
    [InlineData("*", true)]
    [InlineData("x", true)]
    [InlineData(">=1.0.0-beta", true)]
    [InlineData("2 || 3", true)]
    [InlineData("1.2.3 - 3", true)]
    [InlineData("1.2.3 - 3.39", false)]
    [InlineData("4 - 5", false)]
    [InlineData("3.41.0-0 - 4", false)]
    [InlineData("3.40.0-beta", false)]
    [InlineData("^2", false)]
    [InlineData("~3", true)]
    [InlineData(">= 3.1", true)]
    [InlineData(" ^3 ", true)]
    [InlineData("=3.40.0", true)]
    [InlineData("v3.40.0", true)]
    [InlineData(">=3.40.1-0", false)]
    [InlineData("^3.x", true)]
    [InlineData("~>3.40", true)]
    [InlineData("<*", false)]
    public void Ranges_are_satisfied_as_node_semver_satisfies_them(string range, bool satisfied) =>
        Assert.Equal(satisfied, SemverRange.Parse(range)!.IsSatisfiedBy(FrameworkVersion.Version));

    [Theory]
    [InlineData("3.40.0-rc.1", ">=3.40.0-beta", true)]
    [InlineData("3.40.0-rc.1", ">=3.40.0-rc.2", false)]
    [InlineData("3.40.0-rc.10", ">=3.40.0-rc.2", true)]
    [InlineData("3.40.0-1", ">=3.40.0-alpha", false)]
    [InlineData("3.40.0-rc.1", "3", false)]
    public void A_prerelease_satisfies_only_a_comparator_naming_a_prerelease_of_its_version(string version, string range, bool satisfied)
    {
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        var v = SemverRange.Version.Of(3, 40, 0, version[(dash + 1)..].Split('.'));
        Assert.Equal(satisfied, SemverRange.Parse(range)!.IsSatisfiedBy(v));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("1.0.0.0")]
    [InlineData("3.40.0 - ")]
    public void What_validRange_refuses_is_no_range(string range) => Assert.Null(SemverRange.Parse(range));

    [Fact]
    public void A_version_the_Framework_does_not_satisfy_is_a_located_error()
    {
        var (_, bag) = BindHelper.BindText("service: svc\nframeworkVersion: '1.0'\nprovider: {name: aws}\n");
        var error = Assert.Single(bag.Errors());
        Assert.Contains("does not satisfy frameworkVersion '1.0'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Span!.Line);
    }

    [Theory]
    [InlineData("", Severity.Warning)]
    [InlineData("configValidationMode: error\n", Severity.Error)]
    public void A_version_that_is_no_range_is_a_warning_unless_validation_mode_is_error(string mode, Severity severity)
    {
        var (_, bag) = BindHelper.BindText($"service: svc\n{mode}frameworkVersion: latest\nprovider: {{name: aws}}\n");
        var d = Assert.Single(bag.Items, d => d.Message.Contains("frameworkVersion", StringComparison.Ordinal));
        Assert.Equal(severity, d.Severity);
    }

    [Fact]
    public void A_satisfied_range_says_nothing() =>
        Assert.Empty(BindHelper.BindText("service: svc\nframeworkVersion: '3'\nprovider: {name: aws}\n").Diagnostics.Items);
}
