using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Backends.CloudFormation;
using Spec.Backends.Conversion;
using Spec.Backends.Plan;
using Spec.Core.Bind;
using Spec.Core.Bind.Sam;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Tests.Backends;
using Spec.Tests.Cli;
using Xunit.Abstractions;

namespace Spec.Tests.Conversion;

/// <summary>
/// SAM templates as input: the SAM reader binds them into the model, <c>spec check</c> runs the rules on them with lines
/// in the template, <c>spec convert template.yaml --to serverless</c> writes a serverless.yml, and the round trips
/// (SAM → serverless.yml → SAM over the fixtures in <c>SamFixtures/</c>, serverless.yml → SAM → serverless.yml over the
/// corpus) keep the functions and triggers.
/// </summary>
public sealed class SamReaderTests(ITestOutputHelper output)
{
    private static readonly string Here = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Conversion");

    private static readonly string[] EventTypes =
    [
        "Api", "HttpApi", "SQS", "SNS", "S3", "Schedule", "ScheduleV2", "EventBridgeRule", "CloudWatchEvent", "Kinesis",
        "DynamoDB", "Cognito", "IoTRule", "CloudWatchLogs", "MSK", "MQ", "SelfManagedKafka", "AlexaSkill",
    ];

    private static List<string> FixtureNames() =>
        [.. Directory.GetFiles(Path.Combine(Here, "SamFixtures"), "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Fixtures() => new(FixtureNames());

    [Fact]
    public void Check_reports_the_rules_at_their_lines_in_the_SAM_template()
    {
        var run = CliRunner.InProcess(Path.Combine(Here, "SamRules"), "check", "template.yaml", "--format", "json", "--as-of", "2026-12-06");

        var findings = JsonNode.Parse(run.Out)!["findings"]!.AsArray()
            .Select(f => $"{f!["ruleId"]} {f["file"]!.GetValue<string>().Split('/', '\\')[^1]}:{f["line"]}").ToHashSet();
        string[] expected =
        [
            "SLS-LAMBDA-007 template.yaml:6", // deprecated runtime, from Globals
            "SLS-APIGW-001 template.yaml:7", // Globals timeout 60 > API Gateway's 29 s
            "SLS-LAMBDA-002 template.yaml:8", // memory 20000 from Globals
            "SLS-IAM-002 template.yaml:18", // Action '*' on Resource '*'
            "SLS-IAM-003 template.yaml:22", // s3:* on '*'
            "SLS-APIGW-007 template.yaml:25", // a public POST route
            "SLS-LAMBDA-017 template.yaml:29", // asynchronous (S3) without a DLQ or onFailure
            "SLS-LAMBDA-001 template.yaml:34", // timeout 1200 > 900
            "SLS-LAMBDA-002 template.yaml:35", // memory 64
            "SLS-SQS-010 template.yaml:38", // batches without ReportBatchItemFailures
            "SLS-SQS-006 template.yaml:41", // BatchSize 50 without a batching window
            "SLS-S3-003 template.yaml:43", // a bucket trigger without prefix/suffix rules
            "SLS-LAMBDA-006 template.yaml:52", // python3.7
            "SLS-LAMBDA-005 template.yaml:56", // AWS_REGION is reserved
            "SLS-STREAM-004 template.yaml:60", // retries forever without a destination
            "SLS-STREAM-001 template.yaml:64", // BatchSize 20000
            "SLS-EVENTS-001 template.yaml:68", // rate(1 minutes)
            "SLS-SQS-009 template.yaml:69", // a queue without a dead-letter queue
            "SLS-SQS-001 template.yaml:72", // visibility timeout 30 < the worker's 1200 s
            "SLS-SQS-007 template.yaml:73", // MessageRetentionPeriod 30
        ];
        var missing = expected.Where(e => !findings.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing) + "\nfound: " + string.Join(", ", findings.Order()));
        Assert.True(expected.Select(e => e.Split(' ')[0]).Distinct().Count() >= 15);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Convert_writes_serverless_yml_with_Globals_comments_params_and_warnings()
    {
        using var dir = new TempDir();
        dir.Write("template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Memory:
                Type: Number
                Default: 512
            Globals:
              Function:
                Runtime: python3.12
                Timeout: 20
            Resources:
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Handler: app.handler
                  MemorySize: !Ref Memory
                  DeadLetterQueue:
                    Type: SQS
                    TargetArn: !GetAtt Dlq.Arn
                  Events:
                    Hello:
                      Type: Api
                      Properties:
                        Path: /hello
                        Method: GET
              Dlq:
                Type: AWS::SQS::Queue
            Outputs:
              Hello:
                Value: !GetAtt HelloFunction.Arn
            """);

        var first = CliRunner.InProcess(dir.Path, "convert", "template.yaml", "--to", "serverless");
        var second = CliRunner.InProcess(dir.Path, "convert", "template.yaml", "--to", "serverless");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(first.Out, second.Out);
        Assert.Contains("  # from Globals.Function.Runtime\n  runtime: python3.12\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("    handler: src/app.handler\n", first.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n    memorySize: '?\$\{param:Memory\}'?\n", first.Out);
        Assert.Contains("params:\n  default:\n    Memory: 512\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("      - http:\n          path: /hello\n          method: get\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("Value: !GetAtt HelloLambdaFunction.Arn", first.Out, StringComparison.Ordinal);
        Assert.Contains(SamReadDiagnostics.LeftOut, first.Error, StringComparison.Ordinal);
        Assert.Contains("template.yaml:18", first.Error, StringComparison.Ordinal);

        // The written spec is a spec: it binds without findings of the binder.
        dir.Write("serverless.yml", first.Out);
        var check = CliRunner.InProcess(dir.Path, "check", "serverless.yml", "--format", "json", "--as-of", "2026-12-06");
        Assert.DoesNotContain("SLS-GEN-002", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_reads_the_explicit_APIs_authorizers_CORS_and_stage_settings()
    {
        var run = CliRunner.InProcess(Path.Combine(Here, "SamFixtures"), "convert", "secured-apis.yaml", "--to", "serverless");

        Assert.True(run.ExitCode == 0, run.ToString());
        var yaml = run.Out;
        Assert.Contains("  stage: prod\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  tracing:\n    apiGateway: true\n  endpointType: REGIONAL\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  apiGateway:\n    binaryMediaTypes:\n      - image/png\n    minimumCompressionSize: 1024\n", yaml, StringComparison.Ordinal);

        // The API's default authorizer on a route without its own, as the Framework's authorizer of the function.
        Assert.Contains("""
                      - http:
                          path: /orders
                          method: get
                          authorizer:
                            name: authorizer
                            type: token
                            identitySource: method.request.header.X-Token
                            resultTtlInSeconds: 60
                          cors:
                            origin: https://shop.example.com
                            headers:
                              - Content-Type
                              - Authorization
                            maxAge: 600
                """.Replace("\r", string.Empty, StringComparison.Ordinal), yaml, StringComparison.Ordinal);
        Assert.Contains("            type: COGNITO_USER_POOLS\n            arn: !GetAtt ShopUserPool.Arn\n", yaml, StringComparison.Ordinal);

        // 'Authorizer: NONE' opts the route out of the default authorizer.
        Assert.Matches(@"path: /health\n\s+method: get\n\s+cors:", yaml);
        Assert.Contains("    authorizers:\n      ReportsJwt:\n        type: jwt\n        identitySource: $request.header.Authorization\n", yaml, StringComparison.Ordinal);
        Assert.Contains("          authorizer:\n            name: ReportsJwt\n            scopes:\n              - reports/read\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    ApiGatewayRestApi: OrdersApi\n", yaml, StringComparison.Ordinal);

        // What serverless.yml cannot say is named, at its line.
        Assert.Contains(SamReadDiagnostics.LeftOut, run.Error, StringComparison.Ordinal);
        Assert.Contains("MethodSettings ThrottlingBurstLimit", run.Error, StringComparison.Ordinal);
        Assert.Contains("secured-apis.yaml:26", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixtures_cover_every_SAM_event_type()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in FixtureNames())
        {
            var text = File.ReadAllText(Path.Combine(Here, "SamFixtures", name + ".yaml"));
            types.UnionWith(Regex.Matches(text, @"^\s+Type: (\w+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        }

        Assert.Empty(EventTypes.Except(types));
        Assert.True(FixtureNames().Count >= 15);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixtures_bind_without_binder_findings(string name)
    {
        var diagnostics = new DiagnosticBag();
        var service = Bind(Path.Combine(Here, "SamFixtures", name + ".yaml"), diagnostics, out _);

        Assert.NotNull(service);
        Assert.Empty(diagnostics.Items.Select(d => d.ToString()));
        Assert.NotEmpty(service.AllEvents);
    }

    [SkippableFact]
    public void Fixtures_survive_SAM_to_serverless_to_SAM_as_aws_sam_translator_sees_them()
    {
        TestSkip.If(!PythonToolsPresent(), "needs python3 with aws-sam-translator and cfn-lint (present on the build image)");
        var dir = Path.Combine(Path.GetTempPath(), "spec-samrt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var names = FixtureNames();
            foreach (var name in names)
            {
                var path = Path.Combine(Here, "SamFixtures", name + ".yaml");
                File.Copy(path, Path.Combine(dir, name + ".yaml"));
                var diagnostics = new DiagnosticBag();
                var service = Bind(path, diagnostics, out _)!;
                File.WriteAllText(Path.Combine(dir, name + ".roundtrip.yaml"),
                    SamTemplate.Render(SamTemplate.Write(service, diagnostics), TemplateFormat.Yaml));
            }

            var results = JsonNode.Parse(Python(dir))!.AsObject();
            var listed = ReasonedList.Read(Path.Combine(Here, "sam-fixture-roundtrip-exceptions.txt"));
            var failures = new List<string>();
            foreach (var name in names)
            {
                foreach (var c in new[] { name, name + ".roundtrip" })
                {
                    failures.AddRange((results[c]?["transform"] as JsonArray ?? []).Select(e => $"{c}: transform: {e}"));
                    failures.AddRange((results[c]?["lint"] as JsonArray ?? []).Select(e => $"{c}: cfn-lint: {e}"));
                }

                // The round trip gives every resource its logical id back (custom.samLogicalIds), functions included.
                var original = Read(dir, name);
                var back = Read(dir, name + ".roundtrip");
                if (original is null || back is null)
                {
                    continue;
                }

                var diffs = Summary(back).Differences(Summary(original));
                output.WriteLine($"{name}: {(diffs.Count == 0 ? "equivalent" : string.Join("; ", diffs))}");
                if (diffs.Count == 0 && listed.ContainsKey(name))
                {
                    failures.Add($"{name}: listed in sam-fixture-roundtrip-exceptions.txt but equivalent now: remove it");
                }
                else if (diffs.Count > 0 && !listed.ContainsKey(name))
                {
                    failures.AddRange(diffs.Select(d => $"{name}: {d}"));
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public void Corpus_serverless_to_SAM_to_serverless_compiles_to_the_same_functions_and_triggers_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var listed = ReasonedList.Read(Path.Combine(Here, "sam-roundtrip-exceptions.txt"));
        var failures = new List<string>();
        var equivalent = 0;
        var cases = CorpusCase.All().Concat(CorpusCase.RealWorld()).ToList();
        foreach (var c in cases)
        {
            var diffs = RoundTrip(c);
            if (diffs.Count == 0)
            {
                equivalent++;
                if (listed.ContainsKey(c.Name))
                {
                    failures.Add($"{c.Name}: listed in sam-roundtrip-exceptions.txt but equivalent now: remove it");
                }
            }
            else if (!listed.ContainsKey(c.Name))
            {
                failures.Add($"{c.Name}:\n  " + string.Join("\n  ", diffs));
            }
        }

        failures.AddRange(listed.Keys.Where(k => cases.TrueForAll(c => c.Name != k)).Select(k => $"{k}: listed but not a corpus case"));
        output.WriteLine($"round trip equivalent: {equivalent}/{cases.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>serverless.yml → SAM → serverless.yml, both compiled by Spec: what differs in functions and triggers.</summary>
    private static List<string> RoundTrip(CorpusCase c)
    {
        var diagnostics = new DiagnosticBag();
        var resolved = c.Resolve(diagnostics);
        if (PlanBuilder.Bind(resolved, diagnostics) is not { } service)
        {
            return ["the spec does not bind"];
        }

        var original = CloudFormationCompiler.Compile(resolved, new DiagnosticBag()).Template;
        var sam = SamTemplate.Render(SamTemplate.Write(service, new DiagnosticBag()), TemplateFormat.Yaml);
        var loaded = new YamlLoader().LoadText(Path.Combine(c.Directory, "template.yaml"), sam, new DiagnosticBag());
        var options = new ResolveOptions { Options = new Dictionary<string, string>(StringComparer.Ordinal) { ["stage"] = service.Stage, ["region"] = service.Region } };
        var back = SamReader.Read(loaded, options, new DiagnosticBag()).Resolved;
        var compiled = CloudFormationCompiler.Compile(back, new DiagnosticBag()).Template;
        return StackSummary.Of(compiled, service.Region).Differences(StackSummary.Of(original, service.Region));
    }

    private static Core.Model.Service? Bind(string path, DiagnosticBag diagnostics, out ResolvedSpec resolved)
    {
        var loaded = new YamlLoader().LoadFile(path, diagnostics);
        resolved = SamReader.Read(loaded, ResolveOptions.Empty, new DiagnosticBag()).Resolved;
        return Binder.Bind(resolved, diagnostics);
    }

    /// <summary>The summary with a handler's folder dropped: the reader joins <c>CodeUri</c> to the handler, as the
    /// Framework packages the service directory.</summary>
    private static StackSummary Summary(JsonObject template)
    {
        foreach (var (_, resource) in template["Resources"] as JsonObject ?? [])
        {
            if (resource?["Properties"]?["Handler"] is JsonValue handler && handler.GetValue<string>() is var h && h.Contains('/', StringComparison.Ordinal))
            {
                resource["Properties"]!["Handler"] = h[(h.LastIndexOf('/') + 1)..];
            }
        }

        return StackSummary.Of(template);
    }

    private static JsonObject? Read(string dir, string name)
    {
        var file = Path.Combine(dir, name + ".cfn.json");
        return File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file))!.AsObject() : null;
    }

    private static bool PythonToolsPresent()
    {
        try
        {
            return Exec("python3", ["-c", "import samtranslator, cfnlint"]).Exit == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Python(string dir)
    {
        var (exit, stdout) = Exec("python3", [Path.Combine(Here, "sam_check.py"), dir]);
        Assert.True(exit == 0, "sam_check.py failed: " + stdout);
        return stdout;
    }

    private static (int Exit, string Out) Exec(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung process, not a measure.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish");
        }

        return (process.ExitCode, process.ExitCode == 0 ? stdout.Result : stdout.Result + stderr.Result);
    }
}
