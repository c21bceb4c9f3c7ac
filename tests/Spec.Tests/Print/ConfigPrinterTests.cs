using Spec.Core.Diagnostics;
using Spec.Core.Print;
using Spec.Core.Resolve;
using Spec.Tests.Resolve;

namespace Spec.Tests.Print;

public sealed class ConfigPrinterTests : IDisposable
{
    private readonly ResolveFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private string Print(string yaml, PrintFormat format = PrintFormat.Json, string? path = null,
        ResolveOptions? options = null) => Print(yaml, format, path, options, out _);

    private string Print(string yaml, PrintFormat format, string? path, ResolveOptions? options, out DiagnosticBag bag)
    {
        var (spec, diagnostics) = _fixture.Resolve(yaml, options);
        bag = diagnostics;
        return ConfigPrinter.Print(spec, format, path, diagnostics) ?? string.Empty;
    }

    [Fact]
    public void AddsWhatServiceNormalisationAdds_InTheFrameworksOrder()
    {
        var json = Print("""
            service: svc
            provider:
              name: aws
              runtime: nodejs18.x
            functions:
              hello:
                handler: h.hello
              named:
                handler: h.named
                name: custom-name
                events:
                  - http: GET /
            """, options: NodePath.Options("--stage", "prod", "--region", "eu-west-1"));
        Assert.Equal("""
            {
              "service": "svc",
              "provider": {
                "name": "aws",
                "runtime": "nodejs18.x",
                "stage": "dev",
                "region": "eu-west-1",
                "versionFunctions": true
              },
              "functions": {
                "hello": {
                  "handler": "h.hello",
                  "events": [],
                  "name": "svc-prod-hello"
                },
                "named": {
                  "handler": "h.named",
                  "name": "custom-name",
                  "events": [
                    {
                      "http": "GET /"
                    }
                  ]
                }
              }
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal), json);
    }

    [Fact]
    public void StringProvider_NullsLast_NullFunctionsDropped_PackageDirname()
    {
        var json = Print("""
            service: svc
            provider: aws
            custom:
              empty:
              kept: 1
              nested: {a: null, b: 2}
            package:
              individually: true
            functions:
              gone:
              fn:
                handler: h.h
                description: ~
                memorySize: 256
            """);
        Assert.Contains("\"provider\": {\n    \"name\": \"aws\",\n    \"stage\": \"dev\",\n    \"region\": \"us-east-1\",\n    \"versionFunctions\": true\n  }",
            json, StringComparison.Ordinal);
        Assert.Contains("\"kept\": 1,\n    \"nested\": {\n      \"b\": 2,\n      \"a\": null\n    },\n    \"empty\": null", json,
            StringComparison.Ordinal);
        Assert.DoesNotContain("gone", json, StringComparison.Ordinal);
        Assert.Contains("\"memorySize\": 256,\n      \"events\": [],\n      \"name\": \"svc-dev-fn\",\n      \"description\": null",
            json, StringComparison.Ordinal);
        Assert.Contains("\"individually\": true,\n    \"artifactsS3KeyDirname\": \"serverless/svc/dev/code-artifacts\"",
            json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{name: bucket, versioning: true}", "\"bucket\"")]
    [InlineData("{versioning: true}", "null")]
    public void DeploymentBucketObject_MovesAside_AndTheNameTakesItsPlace(string bucket, string printedName)
    {
        var json = Print($"""
            service: svc
            provider:
              name: aws
              deploymentBucket: {bucket}
            """);
        Assert.Contains($"\"deploymentBucket\": {printedName},\n    \"stage\": \"dev\"", json, StringComparison.Ordinal);
        Assert.Contains("\"versionFunctions\": true,\n    \"deploymentBucketObject\": {", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AppliesTheFrameworkSchemasTypeCoercion()
    {
        var json = Print("""
            service: svc
            provider:
              name: aws
              lambdaHashingVersion: 20201221
              environment:
                PORT: 8080
                RATIO: 1.50
                FLAG: true
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: [s3:GetObject]
                      Resource: ["arn:aws:s3:::bucket/*"]
                    - Effect: Allow
                      Action: [s3:ListBucket]
                      Resource: ["*"]
            functions:
              fn:
                handler: h.h
                timeout: "10"
            """);
        Assert.Contains("\"lambdaHashingVersion\": \"20201221\"", json, StringComparison.Ordinal);
        Assert.Contains("\"PORT\": \"8080\",\n      \"RATIO\": \"1.5\",\n      \"FLAG\": \"true\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Resource\": \"arn:aws:s3:::bucket/*\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Resource\": [\n              \"*\"\n            ]", json, StringComparison.Ordinal);
        Assert.Contains("\"timeout\": 10", json, StringComparison.Ordinal);
    }

    [Fact]
    public void PathSelectsAValue_AndAMissingPathIsADiagnostic()
    {
        const string yaml = "service: svc\nprovider:\n  name: aws\ncustom:\n  zero: 0\n";
        Assert.Equal("\"dev\"\n", Print(yaml, path: "provider.stage"));
        Assert.Equal("{\n  \"zero\": 0\n}\n", Print(yaml, path: "custom"));
        Assert.Equal(string.Empty, Print(yaml, PrintFormat.Json, "custom.zero", null, out var bag));
        Assert.Contains("Path \"custom.zero\" not found", bag.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_IsBlockStyleAndQuotesAmbiguousStrings()
    {
        var yaml = Print("""
            service: svc
            provider:
              name: aws
            custom:
              version: '2012-10-17'
              number: '10'
              yes: 'yes'
              list:
                - a: 1
                  b: [x]
                - plain
              empty: {}
            """, PrintFormat.Yaml);
        Assert.Equal("""
            service: svc
            provider:
              name: aws
              stage: dev
              region: us-east-1
              versionFunctions: true
            custom:
              version: '2012-10-17'
              number: '10'
              'yes': 'yes'
              list:
                - a: 1
                  b:
                    - x
                - plain
              empty: {}


            """.Replace("\r\n", "\n", StringComparison.Ordinal), yaml);
    }

    /// <summary>Expected text is what <c>serverless print</c> (3.40.0, js-yaml 4) printed for the same values.</summary>
    [Fact]
    public void Yaml_ChoosesScalarStylesAndFoldsLikeJsYaml()
    {
        var yaml = Print("""
            service: svc
            provider:
              name: aws
            custom:
              long: "arn:aws:dynamodb:us-east-1:*:table/aws-golang-rest-api-with-dynamodb-dev-and-more-more"
              spaced: "this is a long sentence with many words that goes beyond the eighty character limit of js-yaml"
              multi: "line one\nline two\n"
              colon: "a: b"
              hash: "a #b"
              star: "*"
              tab: "a\tb"
              trail: "a\n\n"
              base60: "1:20"
              keyq:
                "a: b": 1
              num: 1e21
              ctl: "a\u0001b"
            """, PrintFormat.Yaml);
        Assert.EndsWith("""
            custom:
              long: >-
                arn:aws:dynamodb:us-east-1:*:table/aws-golang-rest-api-with-dynamodb-dev-and-more-more
              spaced: >-
                this is a long sentence with many words that goes beyond the eighty
                character limit of js-yaml
              multi: |
                line one
                line two
              colon: 'a: b'
              hash: 'a #b'
              star: '*'
              tab: "a\tb"
              trail: |+
                a

              base60: '1:20'
              keyq:
                'a: b': 1
              num: 1e+21
              ctl: "a\x01b"


            """.Replace("\r\n", "\n", StringComparison.Ordinal), yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        const string yaml = "service: svc\nprovider:\n  name: aws\ncustom:\n  id: ${sls:instanceId}\n";
        Assert.Equal(Print(yaml), Print(yaml));
    }

    [Fact]
    public void DeployTimeValuesPrintAsTheirExpression()
    {
        var json = Print("service: svc\nprovider:\n  name: aws\ncustom:\n  a: ${ssm:/x}\n  b: id-${aws:accountId}\n");
        Assert.Contains("\"a\": \"${ssm:/x}\",\n    \"b\": \"id-${aws:accountId}\"", json, StringComparison.Ordinal);
    }
}
