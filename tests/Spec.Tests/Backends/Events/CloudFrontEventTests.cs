using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends.Events;

public sealed class CloudFrontEventTests
{
    public static TheoryData<string> Shapes() => [.. CloudFrontFixture.Shapes.Keys];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Template_EqualsTheFrameworkOutput(string shape)
    {
        var (spec, framework) = CloudFrontFixture.Shapes[shape];
        var diffs = AlbEventTests.Differences(spec, framework);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    private static Diagnostic SingleError(string yaml, string region = "us-east-1")
    {
        var (result, bag) = AlbEventTests.Compile(yaml, region);
        Assert.Null(result.Text);
        return Assert.Single(bag.Items, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void OutsideUsEast1_IsAnErrorAtTheFirstEvent()
    {
        var d = SingleError("""
            service: s
            provider: {name: aws}
            functions:
              a:
                handler: h.a
                events:
                  - cloudFront: {eventType: viewer-request, origin: 'https://example.com'}
            """, "eu-west-1");
        Assert.Equal(CloudFormationDiagnosticIds.InvalidSpec, d.Id);
        Assert.Contains("us-east-1", d.Message, StringComparison.Ordinal);
        Assert.Equal(7, d.Span!.Line);
    }

    [Fact]
    public void UnknownCachePolicyName_IsAnErrorAtTheCachePolicy()
    {
        var d = SingleError("""
            service: s
            provider: {name: aws, cloudFront: {cachePolicies: {known: {DefaultTTL: 1, MaxTTL: 2, MinTTL: 0}}}}
            functions:
              a:
                handler: h.a
                events:
                  - cloudFront:
                      eventType: viewer-request
                      origin: 'https://example.com'
                      cachePolicy: {name: unknown}
            """);
        Assert.Contains("UNRECOGNIZED_CLOUDFRONT_CACHE_POLICY", d.Message, StringComparison.Ordinal);
        Assert.Contains("known", d.Help, StringComparison.Ordinal);
        Assert.Equal(10, d.Span!.Line);
    }

    [Theory]
    [InlineData("viewer-request", "memorySize: 256", "LAMBDA_EDGE_UNSUPPORTED_MEMORY_SIZE")]
    [InlineData("viewer-response", "timeout: 6", "LAMBDA_EDGE_UNSUPPORTED_TIMEOUT_VALUE")]
    [InlineData("origin-request", "timeout: 31", "LAMBDA_EDGE_UNSUPPORTED_TIMEOUT_VALUE")]
    [InlineData("viewer-sideways", "timeout: 1", "eventType 'viewer-sideways'")]
    public void LimitsOfTheEventType_AreErrorsAtTheSetting(string eventType, string setting, string expected)
    {
        var d = SingleError($"""
            service: s
            provider: {"{name: aws}"}
            functions:
              a:
                handler: h.a
                {setting}
                events:
                  - cloudFront: {"{"}eventType: {eventType}, origin: 'https://example.com'{"}"}
            """);
        Assert.Contains(expected, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoDefaultOrigins_AndTwoOriginsWithoutADefault_AreErrors()
    {
        var twoDefaults = SingleError("""
            service: s
            provider: {name: aws}
            functions:
              a:
                handler: h.a
                events:
                  - cloudFront: {eventType: viewer-request, origin: 'https://a.example.com', isDefaultOrigin: true}
                  - cloudFront: {eventType: viewer-request, origin: 'https://b.example.com', isDefaultOrigin: true, pathPattern: /b}
            """);
        Assert.Contains("more than one cloudfront event with \"isDefaultOrigin\"", twoDefaults.Message, StringComparison.Ordinal);
        Assert.Equal(8, twoDefaults.Span!.Line);

        var noDefault = SingleError("""
            service: s
            provider: {name: aws}
            functions:
              a:
                handler: h.a
                events:
                  - cloudFront: {eventType: viewer-request, origin: 'https://a.example.com', pathPattern: /a}
                  - cloudFront: {eventType: viewer-request, origin: 'https://b.example.com', pathPattern: /b}
            """);
        Assert.Contains("none of the cloudfront event has \"isDefaultOrigin\"", noDefault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameEventTypeTwiceInOneBehavior_IsAnError()
    {
        var d = SingleError("""
            service: s
            provider: {name: aws}
            functions:
              a: {handler: h.a, events: [{cloudFront: {eventType: viewer-request, origin: 'https://a.example.com'}}]}
              b: {handler: h.b, events: [{cloudFront: {eventType: viewer-request, origin: 'https://a.example.com'}}]}
            """);
        Assert.Contains("CLOUDFRONT_EVENT_TYPE_NON_UNIQUE_CACHE_BEHAVIOR", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOrigin_IsAnErrorNotACrash()
    {
        var d = SingleError("""
            service: s
            provider: {name: aws}
            functions:
              a: {handler: h.a, events: [{cloudFront: {eventType: viewer-request}}]}
            """);
        Assert.Contains("needs an 'origin'", d.Message, StringComparison.Ordinal);
        Assert.Equal(4, d.Span!.Line);
    }

    [Fact]
    public void DeployTimeOriginUri_IsUnsupportedAtTheValue()
    {
        var d = SingleError("""
            service: s
            provider: {name: aws}
            functions:
              a:
                handler: h.a
                events:
                  - cloudFront:
                      eventType: viewer-request
                      origin: SSM_VALUE
            """);
        Assert.Equal(CloudFormationDiagnosticIds.Unsupported, d.Id);
        Assert.Equal(9, d.Span!.Line);
    }

    [Fact]
    public void CachePoliciesWithoutEvents_AreStillCompiled()
    {
        var (result, bag) = AlbEventTests.Compile("""
            service: s
            provider: {name: aws, cloudFront: {cachePolicies: {my-policy: {DefaultTTL: 1, MaxTTL: 2, MinTTL: 0}}}}
            functions:
              a: {handler: h.a}
            """);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var resources = JsonNode.Parse(result.Text!)!["Resources"]!.AsObject();
        var policy = resources["CloudFrontCachePolicyMyDashpolicy"]!;
        Assert.Equal("s-dev-my-policy", policy["Properties"]!["CachePolicyConfig"]!["Name"]!.GetValue<string>());
        Assert.False(resources.ContainsKey("CloudFrontDistribution"));
        Assert.Equal(1024, resources["ALambdaFunction"]!["Properties"]!["MemorySize"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("s3://bucket.s3.amazonaws.com/static", "s3:", "bucket.s3.amazonaws.com", "/static")]
    [InlineData("https://User:pw@Example.COM:8443/a/b?x=1#f", "https:", "example.com", "/a/b")]
    [InlineData("http://example.org", "http:", "example.org", "/")]
    public void UrlParsing_MatchesNodeLegacyUrlParse(string url, string protocol, string host, string path) =>
        Assert.Equal((protocol, host, path), CloudFrontLowering.ParseUrl(url));
}
