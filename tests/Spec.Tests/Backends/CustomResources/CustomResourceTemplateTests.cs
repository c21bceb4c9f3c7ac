using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.CustomResources;

/// <summary>
/// Custom::S3, Custom::CognitoUserPool and Custom::EventBridge with their shared role, functions and log groups,
/// against what Serverless Framework 3.40.0 <c>serverless package</c> wrote for the services in <c>Fixtures/</c>.
/// </summary>
public sealed class CustomResourceTemplateTests
{
    internal static readonly string[] FixtureNames =
        ["existing-buckets-and-pools", "eventbridge-custom-resource", "deployment-role-and-framework-logs"];

    public static TheoryData<string> Fixtures() => new(FixtureNames);

    internal static string FixtureDirectory(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Backends", "CustomResources", "Fixtures", name);

    internal static (CompileResult Result, DiagnosticBag Diagnostics) CompileFixture(string name)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadFile(Path.Combine(FixtureDirectory(name), "serverless.yml"), bag);
        return (CloudFormationCompiler.Compile(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag), bag);
    }

    internal static JsonObject Expected(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureDirectory(name), "expected.cloudformation.json")))!.AsObject();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Template_EqualsTheFrameworkOutput_InResourceOrder(string fixture)
    {
        var (result, bag) = CompileFixture(fixture);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var ours = JsonNode.Parse(result.Text!)!.AsObject();
        var expected = Expected(fixture);
        var differences = TemplateComparer.Differences(expected, ours);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        static IEnumerable<string> Ids(JsonObject t) =>
            t["Resources"]!.AsObject().Select(p => p.Key).Where(id => !id.Contains("LambdaVersion", StringComparison.Ordinal)
                                                                      && !id.StartsWith("ApiGatewayDeployment", StringComparison.Ordinal));
        Assert.Equal(Ids(expected), Ids(ours));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CustomResourceFunction_CodeIsTheCustomResourcesZipBesideTheServiceCode(string fixture)
    {
        var (result, _) = CompileFixture(fixture);
        var plan = result.Plan;
        var used = Spec.Backends.Plan.CustomResources.UsedBy(plan);
        Assert.NotEmpty(used);
        var artifact = Assert.Single(plan.Artifacts, Spec.Backends.Plan.CustomResources.IsCustomResourcesArtifact);
        foreach (var function in used)
        {
            Assert.Equal(artifact.S3Key, plan[function.LogicalId]!.Properties["Code"]!["S3Key"]!.GetValue<string>());
        }

        var serviceKey = plan.Artifacts.First(a => !Spec.Backends.Plan.CustomResources.IsCustomResourcesArtifact(a)).S3Key;
        Assert.Equal(serviceKey[..serviceKey.LastIndexOf('/')] + "/custom-resources.zip", artifact.S3Key);
    }

    [Fact]
    public void ExistingPool_NoLongerUnsupported_AndTheWarningAboutTheZipIsGone()
    {
        var (result, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - cognitoUserPool: {pool: p, trigger: PreSignUp, existing: true}
                  - s3: {bucket: b, existing: true}
            """);
        Assert.Empty(bag.Items);
        Assert.NotNull(result.Text);
    }

    [Fact]
    public void ExistingPool_TwoPoolsOnOneFunction_IsAnErrorAtTheSecondEvent()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - cognitoUserPool: {pool: p, trigger: PreSignUp, existing: true}
                  - cognitoUserPool: {pool: q, trigger: PostConfirmation, existing: true}
            """);
        var d = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.Equal(CloudFormationDiagnosticIds.Unsupported, d.Id);
        Assert.Equal(8, d.Span!.Line);
    }

    [Fact]
    public void ExistingPool_DifferentKmsKeysOnOnePool_IsAnError()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              a: {handler: h.a, events: [{cognitoUserPool: {pool: p, trigger: CustomSMSSender, existing: true, kmsKeyId: 'arn:aws:kms:us-east-1:1:key/x'}}]}
              b: {handler: h.b, events: [{cognitoUserPool: {pool: p, trigger: CustomEmailSender, existing: true, kmsKeyId: 'arn:aws:kms:us-east-1:1:key/y'}}]}
            """);
        var d = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.Contains("different KMS keys", d.Message, StringComparison.Ordinal);
        Assert.Equal(5, d.Span!.Line);
    }

    [Fact]
    public void ExistingBucket_TwoBucketsOnOneFunction_IsAnError()
    {
        var (_, bag) = SpecCompilation.Compile("""
            service: s
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - s3: {bucket: one, existing: true}
                  - s3: {bucket: two, existing: true}
            """);
        var d = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.Equal(8, d.Span!.Line);
    }

    [Fact]
    public void ForceDeploy_StampsTheFirstEventsResource_DeterministicallyAndWarns()
    {
        const string yaml = """
            service: s
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - s3: {bucket: one, existing: true, forceDeploy: true}
                  - cognitoUserPool: {pool: p, trigger: PreSignUp, existing: true, forceDeploy: true}
              other:
                handler: h.other
                events:
                  - s3: {bucket: two, existing: true}
                  - s3: {bucket: two, existing: true, forceDeploy: true}
            """;
        var (first, bag) = SpecCompilation.Compile(yaml);
        Assert.Equal(2, bag.Items.Count(d => d.Severity == Severity.Warning && d.Message.Contains("forceDeploy", StringComparison.Ordinal)));
        Assert.False(bag.HasErrors);
        Assert.Equal(first.Text, SpecCompilation.Compile(yaml).Result.Text);
        var resources = JsonNode.Parse(first.Text!)!["Resources"]!;
        var s3 = resources["FnCustomS31"]!["Properties"]!.AsObject();
        var pool = resources["FnCustomCognitoUserPool1"]!["Properties"]!.AsObject();
        // Last, as the Framework spreads it after BucketConfigs / UserPoolConfigs; a number like Date.now().
        Assert.Equal("ForceDeploy", s3.Last().Key);
        Assert.Equal("ForceDeploy", pool.Last().Key);
        Assert.InRange(s3["ForceDeploy"]!.GetValue<long>(), 1, (1L << 48) - 1);
        Assert.NotEqual(s3["ForceDeploy"]!.GetValue<long>(), pool["ForceDeploy"]!.GetValue<long>());
        // Only the event that creates the function's resource counts (s3/index.js reads forceDeploy there).
        Assert.False(resources["OtherCustomS31"]!["Properties"]!.AsObject().ContainsKey("ForceDeploy"));
    }

    [Fact]
    public void ForceDeploy_Stamp_ChangesWithTheResourcesSettings()
    {
        static long Stamp(string bucket) => JsonNode.Parse(SpecCompilation.Compile($$"""
            service: s
            provider: {name: aws}
            functions:
              fn:
                handler: h.fn
                events:
                  - s3: {bucket: {{bucket}}, existing: true, forceDeploy: true}
            """).Result.Text!)!["Resources"]!["FnCustomS31"]!["Properties"]!["ForceDeploy"]!.GetValue<long>();

        Assert.NotEqual(Stamp("one"), Stamp("two"));
    }

    [Theory]
    [InlineData("retryPolicy: {maximumRetryAttempts: 2}", 10)]
    [InlineData("deadLetterQueueArn: arn:aws:sqs:us-east-1:1:dlq", 10)]
    [InlineData("eventBus: {Ref: Bus}", 10)]
    public void EventBridgeCustomResource_OptionsItCannotHonour_AreErrorsAtTheOption(string option, int line)
    {
        var (result, bag) = SpecCompilation.Compile($$"""
            service: s
            provider:
              name: aws
              eventBridge: {useCloudFormation: false}
            functions:
              fn:
                handler: h.fn
                events:
                  - eventBridge:
                      {{option}}
                      pattern: {source: [a]}
            """);
        var d = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.Equal(line, d.Span!.Line);
        Assert.Null(result.Text);
    }
}

/// <summary>The fixtures' templates checked by the CDK service specification and cfn-lint, against the Framework's.</summary>
public sealed class CustomResourceToolTests
{
    [SkippableFact]
    public void SpecValidator_FindsNothingNewInTheFixtures()
    {
        var specPath = CfnSpecValidator.SpecPath();
        TestSkip.If(specPath is null, "needs @aws-cdk/aws-service-spec: run tests/tools/install.sh (CI does)");
        var validator = CfnSpecValidator.Load(specPath!);
        var failures = new List<string>();
        foreach (var fixture in CustomResourceTemplateTests.FixtureNames)
        {
            var (result, _) = CustomResourceTemplateTests.CompileFixture(fixture);
            var baseline = validator.Check(CustomResourceTemplateTests.Expected(fixture)).Select(CfnToolTests.Masked).ToHashSet();
            failures.AddRange(validator.Check(result.Template).Select(CfnToolTests.Masked).Where(f => !baseline.Contains(f))
                .Select(f => $"{fixture}: {f}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void CfnLint_FindsNoNewErrorsInTheFixtures()
    {
        TestSkip.If(!CfnToolTests.ToolExists("cfn-lint"), "needs cfn-lint 1.51.0 on PATH (present on the build image)");
        var dir = Path.Combine(Path.GetTempPath(), "spec-crlint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "ours"));
        Directory.CreateDirectory(Path.Combine(dir, "theirs"));
        try
        {
            var fixtures = CustomResourceTemplateTests.FixtureNames;
            foreach (var fixture in fixtures)
            {
                var (result, _) = CustomResourceTemplateTests.CompileFixture(fixture);
                File.WriteAllText(Path.Combine(dir, "ours", fixture + ".json"), result.Text);
                File.Copy(Path.Combine(CustomResourceTemplateTests.FixtureDirectory(fixture), "expected.cloudformation.json"),
                    Path.Combine(dir, "theirs", fixture + ".json"));
            }

            var findings = CfnToolTests.RunCfnLint(dir);
            var failures = fixtures.SelectMany(f =>
                (findings.GetValueOrDefault(Path.Combine("ours", f + ".json")) ?? [])
                .Except(findings.GetValueOrDefault(Path.Combine("theirs", f + ".json")) ?? [])
                .Select(finding => $"{f}: {finding}")).ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
